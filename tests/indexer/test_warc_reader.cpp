// Web archives: WARC records from .warc and .warc.gz files, HTTP responses split, HTML responses
// indexed as pages, everything else counted, broken records and members reported.
#include <doctest/doctest.h>

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

#include "indexer/http_response.hpp"
#include "indexer/warc_reader.hpp"
#include "indexer_helpers.hpp"
#include "stored_json.hpp"
#include "support/test_support.hpp"
#include "support/archive_writer.hpp"
#include "support/warc_writer.hpp"
#include "xling/schema.hpp"

namespace fs = std::filesystem;
using xling::indexer::HttpResponse;
using xling::indexer::parse_http_response;
using xling::indexer::WarcReader;
using xling::indexer::WarcRecord;
using xling::test::describe;
using xling::test::gzip_member;
using xling::test::index_path;
using xling::test::options_for;
using xling::test::StringSource;
using xling::test::TempDir;
using xling::test::warc_record;
using xling::test::warc_response;
using xling::test::write_file;

namespace {

const std::string& kEnglish = xling::test::kBridgeText;
const std::string& kEnglish2 = xling::test::kChoirText;

std::vector<WarcRecord> records_of(const std::string& bytes, bool gzip, std::size_t chunk = 7,
                                   std::size_t max = 1u << 20) {
    StringSource source(bytes, chunk);
    WarcReader reader(source, gzip, max);
    std::vector<WarcRecord> out;
    WarcRecord record;
    while (reader.next(record)) out.push_back(record);
    return out;
}

std::string page(const std::string& title, const std::string& text, const std::string& head = "") {
    return "<html lang=\"en\"><head><title>" + title + "</title>" + head + "</head><body><nav>NAVTEXT</nav><p>" + text +
           "</p></body></html>";
}

nlohmann::json stored(const Xapian::Database& db, const std::string& id) {
    const auto term = xling::schema::id_term(id);
    REQUIRE(db.postlist_begin(term) != db.postlist_end(term));
    return xling::test::stored_json(db.get_document(*db.postlist_begin(term)));
}

}  // namespace

TEST_CASE("WarcReader reads records with their headers and blocks, plain or one gzip member each") {
    const std::string a = warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n");
    const std::string b = warc_response("<https://example.org/a>", "Content-Type: text/html", page("A", kEnglish));
    for (const bool gzip : {false, true}) {
        CAPTURE(gzip);
        const auto records = records_of(gzip ? gzip_member(a) + gzip_member(b) : a + b, gzip);
        REQUIRE(records.size() == 2);
        CHECK(records[0].error.empty());
        CHECK(records[0].type == "warcinfo");
        CHECK(records[0].block == "software: test\r\n");
        CHECK(records[0].offset == 0);
        CHECK(records[1].type == "response");
        CHECK(records[1].target_uri == "https://example.org/a");  // WARC 1.0 drafts' <...> removed
        CHECK(records[1].date == "2024-11-29T10:00:00Z");
        CHECK(records[1].content_type == "application/http; msgtype=response");
        CHECK(records[1].block.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
        CHECK(records[1].offset == (gzip ? gzip_member(a).size() : a.size()));
    }
    // A whole file compressed as one member reads the same.
    CHECK(records_of(gzip_member(a + b), true).size() == 2);
}

TEST_CASE("WarcReader: a damaged or truncated gzip member costs its record only") {
    const std::string a = gzip_member(warc_response("https://example.org/a", "Content-Type: text/html", page("A", kEnglish)));
    std::string b = gzip_member(warc_response("https://example.org/b", "Content-Type: text/html", page("B", kEnglish2)));
    const std::string c = gzip_member(warc_record("metadata", "https://example.org/c", "text/plain", "x"));
    std::string damaged = b;
    for (std::size_t i = 20; i < 40; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
    auto records = records_of(a + damaged + c, true);
    REQUIRE(records.size() == 3);
    CHECK(records[0].target_uri == "https://example.org/a");
    CHECK(records[1].error.find("gzip") != std::string::npos);
    CHECK(records[1].offset == a.size());
    CHECK(records[2].type == "metadata");

    records = records_of(a + c + b.substr(0, b.size() / 2), true);
    REQUIRE(records.size() == 3);
    CHECK(records[1].type == "metadata");
    CHECK(records[2].error == "truncated gzip member");
}

TEST_CASE("WarcReader: broken plain records are reasons, and reading resumes at the next WARC/ line") {
    const std::string good = warc_record("resource", "https://example.org/r", "text/plain", "hello");
    auto records = records_of("garbage line\r\n\r\n" + good + "WARC/1.1\r\nWARC-Type: response\r\n\r\n" + good, false);
    REQUIRE(records.size() == 4);
    CHECK(records[0].error == "not a WARC record (no WARC/ version line)");
    CHECK(records[1].block == "hello");
    CHECK(records[2].error == "record without Content-Length");
    CHECK(records[3].block == "hello");
    records = records_of(good.substr(0, good.size() - 8), false);
    REQUIRE(records.size() == 1);
    CHECK(records[0].error.find("truncated record") == 0);
    // Over the limit: the block is passed over, not kept.
    records = records_of(good + good, false, 7, 3);
    REQUIRE(records.size() == 2);
    CHECK(records[0].too_long);
    CHECK(records[0].block.empty());
    CHECK(records[1].too_long);
}

TEST_CASE("parse_http_response splits status, Content-Type, charset and body; undoes chunking and gzip") {
    auto r = std::get<HttpResponse>(parse_http_response(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; Charset=\"Windows-1251\"\r\nX: y\r\n\r\n<p>hi</p>", 1000));
    CHECK(r.status == 200);
    CHECK(r.media_type == "text/html");
    CHECK(r.charset == "Windows-1251");
    CHECK(r.body == "<p>hi</p>");
    r = std::get<HttpResponse>(parse_http_response(
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5;x=1\r\ni</p>\r\n0\r\n\r\n", 1000));
    CHECK(r.body == "<p>hi</p>");
    r = std::get<HttpResponse>(parse_http_response(
        "HTTP/1.0 404 Not Found\r\nContent-Encoding: gzip\r\n\r\n" + gzip_member("<p>gone</p>"), 1000));
    CHECK(r.status == 404);
    CHECK(r.body == "<p>gone</p>");
    CHECK(std::get<std::string>(parse_http_response("GET / HTTP/1.1\r\n\r\n", 1000)) == "not an HTTP response");
    CHECK(std::get<std::string>(parse_http_response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 1000)) ==
          "broken chunked body");
    CHECK(std::get<std::string>(parse_http_response(
              "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gzip_member(std::string(5000, 'a')), 1000))
              .find("larger") != std::string::npos);
}

TEST_CASE(".warc.gz files: HTML responses indexed as pages; other records counted, broken ones reported") {
    TempDir dir;
    const fs::path file = dir / "crawl.warc.gz";
    const std::string cp1251_body = "<html><head><title>\xCD\xEE\xE2\xEE\xF1\xF2\xE8</title></head><body><p>"
                                    "\xCC\xEE\xF1\xEA\xE2\xE0 \xE8 \xCF\xE5\xF2\xE5\xF0\xE1\xF3\xF0\xE3</p></body></html>";
    std::string bytes = gzip_member(warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n")) +
                        gzip_member(warc_record("request", "https://example.org/a", "application/http; msgtype=request",
                                                "GET /a HTTP/1.1\r\n\r\n")) +
                        gzip_member(warc_response("https://example.org/a", "Content-Type: text/html; charset=utf-8",
                                                  page("Bridge", kEnglish, "<meta property=\"og:site_name\" content=\"Post\">"))) +
                        gzip_member(warc_response("https://example.org/logo.png", "Content-Type: image/png", "\x89PNG")) +
                        // The charset only in the HTTP header, none in the page.
                        gzip_member(warc_response("https://example.ru/news", "Content-Type: text/html; charset=windows-1251",
                                                  cp1251_body, "2024-12-01T23:30:00Z")) +
                        gzip_member(warc_record("metadata", "https://example.org/a", "application/warc-fields", "via: x\r\n"));
    const std::string cut = gzip_member(warc_response("https://example.org/b", "Content-Type: text/html", page("B", kEnglish2)));
    write_file(file, bytes + cut.substr(0, cut.size() / 2));
    const auto summary = index_path(options_for(dir), file);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 2);
    CHECK(summary.skipped == 1);
    bool truncated = false, counted = false;
    for (const auto& n : summary.notices) {
        truncated = truncated || (n.where == file.string() + ": record at byte " + std::to_string(bytes.size()) &&
                                  n.message == "truncated gzip member");
        counted = counted || (n.where == file.string() && n.message == "4 records not indexed (1 metadata, 1 non-HTML "
                                                                       "responses, 1 request, 1 warcinfo)");
    }
    CHECK(truncated);
    CHECK(counted);
    Xapian::Database db((dir / "index").string());
    const auto a = stored(db, "https://example.org/a");
    CHECK(a["title"] == "Bridge");
    CHECK(a["url"] == "https://example.org/a");
    CHECK(a["date"] == "2024-11-29");  // WARC-Date, as the page has none
    CHECK(a["source"] == "Post");
    const std::string text = a["text"];
    CHECK(text.find("HTTP/1.1") == std::string::npos);  // the HTTP header is not text
    CHECK(text.find("Content-Type") == std::string::npos);
    CHECK(text.find("NAVTEXT") == std::string::npos);
    const auto ru = stored(db, "https://example.ru/news");
    CHECK(ru["title"] == "Новости");
    CHECK(ru["text"] == "Москва и Петербург");
    CHECK(ru["date"] == "2024-12-01");
}

TEST_CASE("a plain .warc and a .warc inside a tar are read the same way") {
    TempDir dir;
    const std::string bytes = warc_response("https://example.org/a", "Content-Type: text/html", page("Bridge", kEnglish)) +
                              warc_response("https://example.org/b", "Content-Type: text/html", page("Choir", kEnglish2));
    write_file(dir / "corpus" / "crawl.WARC", bytes);
    const std::string other = warc_response("https://example.org/c", "Content-Type: text/html", page("Library", kEnglish2));
    xling::test::write_archive(dir / "corpus" / "crawls.tar", xling::test::ArchiveKind::Tar,
                               {{"2024/crawl.warc.gz", gzip_member(other)}});
    const auto summary = index_path(options_for(dir), dir / "corpus");
    INFO(describe(summary.notices));
    CHECK(summary.documents == 3);
    CHECK(summary.skipped == 0);
    CHECK(summary.warnings == 0);
    Xapian::Database db((dir / "index").string());
    CHECK(stored(db, "https://example.org/c")["title"] == "Library");
}
