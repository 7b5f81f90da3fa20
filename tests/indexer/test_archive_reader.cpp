// Archives read as folders: members by their own type, member names in ids and notices, broken
// and oversized members reported without stopping the run.
#include <doctest/doctest.h>

#include <xapian.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/archive_writer.hpp"
#include "support/warc_writer.hpp"
#include "indexer/archive_reader.hpp"
#include "indexer_helpers.hpp"
#include "stored_json.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"
#include "xling/schema.hpp"

namespace fs = std::filesystem;
using xling::indexer::ArchiveMember;
using xling::indexer::ArchiveReader;
using xling::indexer::is_archive_name;
using xling::test::ArchiveKind;
using xling::test::describe;
using xling::test::index_path;
using xling::test::options_for;
using xling::test::TempDir;
using xling::test::write_archive;
using xling::test::write_file;

namespace {

const std::string& kEnglish = xling::test::kBridgeText;
const std::string& kEnglish2 = xling::test::kChoirText;
const std::string& kEnglish3 = xling::test::kLibraryText;

bool has_id(const Xapian::Database& db, const std::string& id) {
    return db.postlist_begin(xling::schema::id_term(id)) != db.postlist_end(xling::schema::id_term(id));
}

nlohmann::json stored(const Xapian::Database& db, const std::string& id) {
    return xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term(id))));
}

std::string page(const std::string& title, const std::string& text) {
    return "<html lang=\"en\"><head><title>" + title + "</title><meta property=\"og:site_name\" content=\"Post\">"
           "</head><body><nav>NAVTEXT</nav><p>" + text + "</p></body></html>";
}

std::string zstd_frame(const std::string& data) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
    return out;
}

bool has_notice(const xling::IndexSummary& summary, const std::string& where, const std::string& message) {
    for (const auto& n : summary.notices) {
        if (n.where == where && n.message.find(message) != std::string::npos) return true;
    }
    return false;
}

// A tree of every kind of member: texts, a page, JSON lines, a folder, an unsupported file.
const std::vector<std::pair<std::string, std::string>> kTree = {
    {"news/", ""},
    {"news/a.txt", "Bridge\n\n" + kEnglish},
    {"news/world/b.html", page("Choir wins", kEnglish2)},
    {"news/wire.jsonl", "{\"id\":\"w-1\",\"text\":\"" + kEnglish3 + "\",\"date\":\"2024-11-29\"}\n"},
    {"news/.hidden.txt", kEnglish},
    {"news/photo.png", "\x89PNG"},
};

}  // namespace

TEST_CASE("is_archive_name knows archives by their extensions, in any case") {
    for (const char* name : {"a.tar", "a.TAR.GZ", "a.tgz", "a.tar.zst", "a.tzst", "a.zip", "a.tar.xz", "a.tar.bz2"}) {
        CAPTURE(name);
        CHECK(is_archive_name(name));
    }
    for (const char* name : {"a.gz", "a.jsonl.zst", "tar", "a.zip.txt", ".tar"}) {
        CAPTURE(name);
        CHECK_FALSE(is_archive_name(name));
    }
}

TEST_CASE("ArchiveReader lists members with their names, types and sizes, and streams their bytes") {
    TempDir dir;
    write_archive(dir / "a.tar.zst", ArchiveKind::TarZstd, {{"d/", ""}, {"d/x.txt", "hello"}});
    ArchiveReader reader(dir / "a.tar.zst");
    ArchiveMember m;
    REQUIRE(reader.next(m));
    CHECK(m.name == "d/");
    CHECK_FALSE(m.regular);
    REQUIRE(reader.next(m));
    CHECK(m.name == "d/x.txt");
    CHECK(m.regular);
    CHECK(m.size == std::optional<std::uint64_t>(5));
    CHECK(xling::indexer::read_all(reader.data(), 100) == "hello");
    CHECK_FALSE(reader.next(m));
    CHECK(reader.consumed() > 0);
}

TEST_CASE("ArchiveReader: what is not an archive is an InputError naming the file") {
    TempDir dir;
    write_file(dir / "fake.zip", "this is not a zip file at all");
    CHECK_THROWS_AS(ArchiveReader(dir / "fake.zip"), xling::InputError);
}

TEST_CASE("tar, tar.gz, tar.zst and zip archives are indexed as folders, each member by its type") {
    for (const auto& [file, kind] : std::vector<std::pair<std::string, ArchiveKind>>{
             {"n.tar", ArchiveKind::Tar}, {"n.tar.gz", ArchiveKind::TarGzip},
             {"n.tar.zst", ArchiveKind::TarZstd}, {"n.zip", ArchiveKind::Zip}}) {
        CAPTURE(file);
        TempDir dir;
        const fs::path corpus = dir / "corpus";
        write_archive(corpus / file, kind, kTree);
        const auto summary = index_path(options_for(dir), corpus);
        INFO(describe(summary.notices));
        CHECK(summary.documents == 3);
        // The unsupported member is named with its archive; the hidden one and the folder are not read.
        CHECK(summary.skipped == 1);
        CHECK(has_notice(summary, (corpus / file).string() + ": member news/photo.png", "not a .txt"));
        Xapian::Database db((dir / "index").string());
        REQUIRE(has_id(db, file + "/news/a.txt"));
        REQUIRE(has_id(db, file + "/news/world/b.html"));
        REQUIRE(has_id(db, "w-1"));
        CHECK_FALSE(has_id(db, file + "/news/.hidden.txt"));
        CHECK(stored(db, file + "/news/a.txt")["title"] == "Bridge");
        const auto html = stored(db, file + "/news/world/b.html");
        CHECK(html["title"] == "Choir wins");
        CHECK(html["source"] == "Post");
        CHECK(html["text"].get<std::string>().find("NAVTEXT") == std::string::npos);
        CHECK(stored(db, "w-1")["date"] == "2024-11-29");

        // Unchanged, the archive is not read again.
        const auto again = index_path(options_for(dir), corpus);
        CHECK(again.documents == 0);
        CHECK(again.unchanged == 3);
        CHECK(again.unchanged_files == 1);
    }
}

TEST_CASE("an archive's bad members are reported with the member's name; the others are indexed") {
    TempDir dir;
    const fs::path archive = dir / "bad.tar";
    write_archive(archive, ArchiveKind::Tar,
                  {{"big.txt", std::string(2u << 20, 'x')},
                   {"lines.jsonl", "{\"id\":\"ok\",\"text\":\"" + kEnglish + "\"}\nnot json\n"},
                   {"inner.tar.gz", "whatever"},
                   {"empty.html", ""},
                   {"fine.txt", kEnglish2}});
    auto options = options_for(dir);
    options.max_record_bytes = 1u << 20;
    const auto summary = index_path(options, archive);
    INFO(describe(summary.notices));
    const std::string name = archive.string();
    CHECK(has_notice(summary, name + ": member big.txt", "member larger than 1 MiB"));
    CHECK(has_notice(summary, name + ": member lines.jsonl:2", ""));
    CHECK(has_notice(summary, name + ": member inner.tar.gz", "inside an archive is not read"));
    CHECK(has_notice(summary, name + ": member empty.html", "empty file"));
    CHECK(summary.documents == 2);
    Xapian::Database db((dir / "index").string());
    CHECK(has_id(db, "ok"));
    CHECK(has_id(db, archive.string() + "/fine.txt"));
}

TEST_CASE("compressed members (.gz, .zst) are read as the same file on disk; a damaged one costs itself only") {
    using xling::test::gzip_member;
    const std::string line1 = "{\"id\":\"z-1\",\"text\":\"" + kEnglish + "\",\"date\":\"2024-11-29\"}\n";
    const std::string line2 = "{\"id\":\"z-2\",\"text\":\"" + kEnglish2 + "\"}\n";
    std::string cut = gzip_member(kEnglish3);
    cut.resize(cut.size() / 2);
    for (const auto kind : {ArchiveKind::Tar, ArchiveKind::Zip}) {
        CAPTURE(static_cast<int>(kind));
        TempDir dir;
        const fs::path archive = dir / (kind == ArchiveKind::Tar ? "c.tar" : "c.zip");
        write_archive(archive, kind,
                      {{"wire/a.jsonl.zst", zstd_frame(line1)},
                       // Two gzip members, as `cat a.gz b.gz` writes: both are read.
                       {"wire/b.NDJSON.GZ", gzip_member(line2) + gzip_member("\n")},
                       {"notes/c.txt.gz", gzip_member("Library\n\n" + kEnglish3)},
                       {"notes/page.html.zst", zstd_frame(page("Choir wins", kEnglish2))},
                       {"notes/cut.txt.gz", cut},
                       {"notes/fake.txt.zst", "not zstd at all"}});
        const auto summary = index_path(options_for(dir), archive);
        INFO(describe(summary.notices));
        CHECK(summary.documents == 4);
        CHECK(summary.skipped == 2);
        const std::string name = archive.string();
        CHECK(has_notice(summary, name + ": member notes/cut.txt.gz", "truncated gzip stream"));
        CHECK(has_notice(summary, name + ": member notes/fake.txt.zst", "zstd error"));
        Xapian::Database db((dir / "index").string());
        CHECK(stored(db, "z-1")["date"] == "2024-11-29");
        CHECK(has_id(db, "z-2"));
        // A one-document member keeps its name with the compression extension as its id.
        const auto text = stored(db, name + "/notes/c.txt.gz");
        CHECK(text["title"] == "Library");
        CHECK(text["text"].get<std::string>().find("Library") != std::string::npos);
        const auto html = stored(db, name + "/notes/page.html.zst");
        CHECK(html["title"] == "Choir wins");
        CHECK(html["text"].get<std::string>().find("NAVTEXT") == std::string::npos);
    }
}

TEST_CASE("a truncated archive keeps the members before the break and reports it") {
    // Words from a small generator: text gzip cannot shrink to nothing, so a cut lands in it.
    std::string words;
    std::uint32_t state = 12345;
    while (words.size() < 200000) {
        state = state * 1103515245u + 12345u;
        words += std::string(1 + (state >> 16) % 8, static_cast<char>('a' + (state >> 8) % 26)) + " ";
    }
    for (const auto kind : {ArchiveKind::Tar, ArchiveKind::TarGzip}) {
        TempDir dir;
        const fs::path whole = dir / "whole.tar";
        write_archive(whole, kind, {{"a.txt", kEnglish}, {"b.txt", kEnglish2}, {"c.txt", words}});
        std::ifstream in(whole, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const fs::path cut = dir / (kind == ArchiveKind::Tar ? "cut.tar" : "cut.tar.gz");
        write_file(cut, bytes.substr(0, bytes.size() / 2));
        const auto summary = index_path(options_for(dir), cut);
        INFO(describe(summary.notices));
        CHECK(summary.documents == 2);
        REQUIRE(summary.skipped >= 1);
        CHECK(summary.notices.front().where.rfind(cut.string(), 0) == 0);
        Xapian::Database db((dir / "index").string());
        CHECK(has_id(db, cut.string() + "/a.txt"));
        CHECK(has_id(db, cut.string() + "/b.txt"));
        // No record: the archive is read (and its break reported) again next time.
        CHECK(index_path(options_for(dir), cut).skipped >= 1);
    }
}
