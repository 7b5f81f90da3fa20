// Input formats beside .txt/.md/.jsonl: .ndjson, .json arrays (JsonArrayReader), extensions in
// any case, and streams (standard input) through Indexer::add_stream.
#include <doctest/doctest.h>

#include "stored_json.hpp"
#include <fcntl.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer/front_matter.hpp"
#include "indexer/json_array_reader.hpp"
#include "indexer_helpers.hpp"
#include "support/test_resources.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"
#include "xling/indexer.hpp"
#include "xling/schema.hpp"

namespace fs = std::filesystem;
using xling::IndexOptions;
using xling::Indexer;
using xling::IndexSummary;
using xling::Notice;
using xling::StreamFormat;
using xling::indexer::ByteSource;
using xling::indexer::JsonArrayReader;
using xling::test::describe;
using xling::test::index_path;
using xling::test::options_for;
using xling::test::StringSource;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

const std::string kEnglish =
    "The harbour board of Bristol agreed on Thursday to rebuild the old swing bridge over the river, "
    "which has been closed to traffic since a storm damaged its machinery two winters ago.";
const std::string kEnglish2 =
    "A small choir from a village in Cornwall won the national competition last weekend, singing "
    "three folk songs that their grandparents had collected from fishermen a century ago.";

std::vector<std::string> elements_of(std::string text, std::size_t max = static_cast<std::size_t>(-1)) {
    StringSource source(std::move(text), 3);
    JsonArrayReader reader(source, max);
    std::vector<std::string> out;
    std::string element;
    while (reader.next(element)) out.push_back(reader.too_long() ? "<too long>" : element);
    return out;
}

// The message JsonArrayReader throws for `text`, and the line it names.
std::pair<std::string, std::size_t> error_of(std::string text) {
    StringSource source(std::move(text), 3);
    JsonArrayReader reader(source);
    std::string element;
    try {
        while (reader.next(element)) {
        }
    } catch (const xling::InputError& e) {
        return {e.what(), reader.error_line()};
    }
    return {"", 0};
}

IndexSummary index_stream(const IndexOptions& options, const fs::path& file, StreamFormat format) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    Indexer indexer(options);
    indexer.add_stream(fd, format, "<stdin>");
    auto summary = indexer.finish();
    ::close(fd);
    return summary;
}

std::string json_line(const nlohmann::json& record) { return record.dump() + "\n"; }

bool has_id(const Xapian::Database& db, const std::string& id) {
    return db.get_termfreq(xling::schema::id_term(id)) == 1;
}

}  // namespace

TEST_SUITE("indexer") {

TEST_CASE("JsonArrayReader splits an array into its elements") {
    CHECK(elements_of("[]").empty());
    CHECK(elements_of(" \n[ ]\n").empty());
    CHECK(elements_of(R"([{"a":1},{"b":[1,2,{"c":"]"}]}])") ==
          std::vector<std::string>{R"({"a":1})", R"({"b":[1,2,{"c":"]"}]})"});
    // Commas, brackets and escaped quotes inside strings are text.
    CHECK(elements_of(R"([{"t":"a, b ] \" }, ["}])") == std::vector<std::string>{R"({"t":"a, b ] \" }, ["})"});
    SUBCASE("an element over the limit is returned empty, the next one whole") {
        CHECK(elements_of(R"([{"t":"0123456789"},{"t":1}])", 10) == std::vector<std::string>{"<too long>", R"({"t":1})"});
    }
    SUBCASE("the line each element starts on") {
        StringSource source("[\n{\"a\":\n1},\n\n{\"b\":2}]", 3);
        JsonArrayReader reader(source);
        std::string element;
        REQUIRE(reader.next(element));
        CHECK(reader.line() == 2);
        REQUIRE(reader.next(element));
        CHECK(reader.line() == 5);
        CHECK_FALSE(reader.next(element));
    }
}

TEST_CASE("JsonArrayReader: a malformed array is an error naming its line, never a crash") {
    CHECK(error_of("{\"id\":1}") == std::pair<std::string, std::size_t>{"expected a JSON array of objects ('[')", 1});
    CHECK(error_of("") == std::pair<std::string, std::size_t>{"expected a JSON array of objects ('[')", 1});
    CHECK(error_of("[\n{\"id\":1},\n{\"id\":\"unterminated") ==
          std::pair<std::string, std::size_t>{"truncated JSON array (no closing ']')", 3});
    CHECK(error_of("[{\"a\":1}]\nextra") == std::pair<std::string, std::size_t>{"bytes after the end of the JSON array", 2});
    CHECK(error_of("[{\"a\":[[[[[[") .first == "truncated JSON array (no closing ']')");
}

TEST_CASE(".json arrays, .ndjson and extensions in any case are indexed") {
    TempDir dir;
    const fs::path corpus = dir / "corpus";
    write_file(corpus / "a.json", "[\n" + nlohmann::json({{"id", "j-1"}, {"title", "Bridge"}, {"text", kEnglish},
                                                           {"date", "2024-11-29"}}).dump() +
                                      ",\n" + nlohmann::json({{"id", "j-2"}, {"text", kEnglish2}, {"date", "Fri, 29 Nov 2024 23:30:00 EST"}}).dump() + "\n]\n");
    write_file(corpus / "b.ndjson", json_line({{"id", "n-1"}, {"text", kEnglish}}));
    write_file(corpus / "C.JSONL", json_line({{"id", "n-2"}, {"text", kEnglish2}}));
    write_file(corpus / "NOTES.TXT", "Notes\n\n" + kEnglish);
    write_file(corpus / "Read.Md", "# Choir\n\n" + kEnglish2);
    const auto summary = index_path(options_for(dir), corpus);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 6);
    CHECK(summary.skipped == 0);
    Xapian::Database db((dir / "index").string());
    for (const char* id : {"j-1", "j-2", "n-1", "n-2", "NOTES.TXT", "Read.Md"}) {
        CAPTURE(id);
        CHECK(has_id(db, id));
    }
    const auto doc = db.get_document(*db.postlist_begin(xling::schema::id_term("j-1")));
    const auto data = xling::test::stored_json(doc);
    CHECK(data["title"] == "Bridge");
    CHECK(data["date"] == "2024-11-29");
    // An RFC 822 date is understood, as its UTC day.
    const auto j2 = xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term("j-2"))));
    CHECK(j2["date"] == "2024-11-30");

    SUBCASE("a second run writes nothing; an edited .json rewrites only its changed record, --prune drops a gone one") {
        write_file(corpus / "a.json", "[" + nlohmann::json({{"id", "j-1"}, {"title", "Bridge"}, {"text", kEnglish},
                                                            {"date", "2024-11-29"}}).dump() +
                                          "," + nlohmann::json({{"id", "j-3"}, {"text", kEnglish2}}).dump() + "]");
        auto options = options_for(dir);
        options.prune = true;
        const auto again = index_path(options, corpus);
        INFO(describe(again.notices));
        CHECK(again.documents == 1);  // j-3
        CHECK(again.unchanged == 5);  // j-1 by its content hash, the other files by their stamps
        CHECK(again.deleted == 1);    // j-2
        Xapian::Database after((dir / "index").string());
        CHECK(has_id(after, "j-3"));
        CHECK_FALSE(has_id(after, "j-2"));
    }
}

TEST_CASE("a .json file with bad records and a broken end keeps what it could read") {
    TempDir dir;
    const fs::path file = dir / "bad.json";
    write_file(file, "[" + nlohmann::json({{"id", "ok-1"}, {"text", kEnglish}}).dump() + ",\n{\"id\":\"x\"},\n" +
                         "42,\n" + nlohmann::json({{"id", "ok-2"}, {"text", kEnglish2}}).dump() + ",\n{\"id\":");
    const auto summary = index_path(options_for(dir), file);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 2);
    REQUIRE(summary.notices.size() == 3);
    CHECK(summary.notices[0].where == file.string() + ":2");
    CHECK(summary.notices[0].message == "missing required field \"text\"");
    CHECK(summary.notices[1].where == file.string() + ":3");
    CHECK(summary.notices[1].message == "expected a JSON object");
    CHECK(summary.notices[2].where == file.string() + ":5");
    CHECK(summary.notices[2].message == "truncated JSON array (no closing ']')");
    SUBCASE("and it is read again next time (no record of a file with problems)") {
        const auto again = index_path(options_for(dir), file);
        CHECK(again.unchanged_files == 0);
        CHECK(again.unchanged == 2);
        CHECK(again.skipped == 3);
    }
}

TEST_CASE("add_stream reads JSON lines or a JSON array from a descriptor") {
    TempDir dir;
    SUBCASE("JSON lines; a bad line is a notice naming <stdin>:LINE") {
        write_file(dir / "in", json_line({{"id", "s-1"}, {"text", kEnglish}}) + "not json\n" +
                                   json_line({{"id", "s-2"}, {"text", kEnglish2}}));
        const auto summary = index_stream(options_for(dir), dir / "in", StreamFormat::JsonLines);
        INFO(describe(summary.notices));
        CHECK(summary.documents == 2);
        REQUIRE(summary.notices.size() == 1);
        CHECK(summary.notices[0].where == "<stdin>:2");
        Xapian::Database db((dir / "index").string());
        CHECK(has_id(db, "s-1"));
        CHECK(has_id(db, "s-2"));
        SUBCASE("the same records again are unchanged, not rewritten") {
            const auto again = index_stream(options_for(dir), dir / "in", StreamFormat::JsonLines);
            CHECK(again.documents == 0);
            CHECK(again.unchanged == 2);
        }
    }
    SUBCASE("a JSON array") {
        write_file(dir / "in", "[" + nlohmann::json({{"id", "a-1"}, {"text", kEnglish}}).dump() + "]");
        const auto summary = index_stream(options_for(dir), dir / "in", StreamFormat::JsonArray);
        INFO(describe(summary.notices));
        CHECK(summary.documents == 1);
        CHECK(summary.skipped == 0);
    }
    SUBCASE("lines given as an array are one error, not a crash") {
        write_file(dir / "in", json_line({{"id", "s-1"}, {"text", kEnglish}}));
        const auto summary = index_stream(options_for(dir), dir / "in", StreamFormat::JsonArray);
        CHECK(summary.documents == 0);
        REQUIRE(summary.notices.size() == 1);
        CHECK(summary.notices[0].where == "<stdin>:1");
    }
}

TEST_CASE("split_front_matter reads flat key: value lines between --- lines") {
    using xling::indexer::split_front_matter;
    std::string error;
    const std::string text = "---\r\nTitle: \"Bridge: rebuilt\"\ndate: 2024-11-29\ntags:\n  - a\n# note\nlang: 'en'\n---\nBody\n";
    const auto front = split_front_matter(text, error);
    REQUIRE(front.has_value());
    CHECK(error.empty());
    CHECK(front->fields == std::map<std::string, std::string>{{"title", "Bridge: rebuilt"}, {"date", "2024-11-29"}, {"lang", "en"}});
    CHECK(front->body == "Body\n");
    CHECK(front->body_line == 9);
    CHECK_FALSE(split_front_matter("# Title\n---\n", error).has_value());
    CHECK(error.empty());
    CHECK_FALSE(split_front_matter("---\ntitle: never closed\nbody", error).has_value());
    CHECK(error == "front matter not closed (no \"---\" line after the first)");
}

TEST_CASE("a Markdown file's front matter gives its title, date, lang, url and source") {
    TempDir dir;
    write_file(dir / "in" / "a.md", "---\ntitle: Swing bridge rebuilt\ndate: 2024-11-29\nlang: en\nurl: https://example.org/b\n"
                             "source: Example Post\nauthor: \"Jo Smith\"\n---\n# Heading\n\n" + kEnglish + "\n");
    write_file(dir / "in" / "b.md", "---\ntitle: never closed\n\n" + kEnglish2 + "\n");
    const auto summary = index_path(options_for(dir), dir / "in");
    INFO(describe(summary.notices));
    CHECK(summary.documents == 2);
    REQUIRE(summary.notices.size() == 1);
    CHECK(summary.notices[0].where == (dir / "in" / "b.md").string() + ":1");
    Xapian::Database db((dir / "index").string());
    const auto data = xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term("a.md"))));
    CHECK(data["title"] == "Swing bridge rebuilt");
    CHECK(data["date"] == "2024-11-29");
    CHECK(data["lang"] == "en");
    CHECK(data["url"] == "https://example.org/b");
    CHECK(data["source"] == "Example Post");
    CHECK(data["author"] == "Jo Smith");
    CHECK(data["text"].get<std::string>().rfind("# Heading", 0) == 0);  // the block is not text
}

}  // TEST_SUITE
