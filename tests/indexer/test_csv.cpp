// CSV/TSV input: CsvReader (RFC 4180), the header-to-field mapping, and .csv files indexed.
#include <doctest/doctest.h>

#include "stored_json.hpp"
#include <xapian.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer/csv_reader.hpp"
#include "indexer/csv_record.hpp"
#include "indexer_helpers.hpp"
#include "support/test_resources.hpp"
#include "support/test_support.hpp"
#include "xling/indexer.hpp"
#include "xling/schema.hpp"

namespace fs = std::filesystem;
using xling::IndexOptions;
using xling::Indexer;
using xling::IndexSummary;
using xling::Notice;
using xling::indexer::ByteSource;
using xling::indexer::CsvColumns;
using xling::indexer::CsvReader;
using xling::test::describe;
using xling::test::index_path;
using xling::test::options_for;
using xling::test::StringSource;
using xling::test::TempDir;
using xling::test::write_file;
using Rows = std::vector<std::vector<std::string>>;

namespace {

const std::string kEnglish =
    "The harbour board of Bristol agreed on Thursday to rebuild the old swing bridge over the river, "
    "which has been closed to traffic since a storm damaged its machinery two winters ago.";
const std::string kEnglish2 =
    "A small choir from a village in Cornwall won the national competition last weekend, singing "
    "three folk songs that their grandparents had collected from fishermen a century ago.";

// Each record as its fields, an error as {"!" + error}, an oversized one as {"<too long>"}; with line numbers.
std::vector<std::pair<std::size_t, std::vector<std::string>>> read_csv(std::string text, char delimiter = ',',
                                                                       std::size_t max = static_cast<std::size_t>(-1)) {
    StringSource source(std::move(text), 2);
    CsvReader reader(source, delimiter, max);
    std::vector<std::pair<std::size_t, std::vector<std::string>>> out;
    std::vector<std::string> fields;
    while (reader.next(fields)) {
        if (reader.too_long()) fields = {"<too long>"};
        if (!reader.error().empty()) fields = {"!" + reader.error()};
        out.emplace_back(reader.line(), fields);
    }
    return out;
}

using Records = std::vector<std::pair<std::size_t, std::vector<std::string>>>;

nlohmann::json stored(const Xapian::Database& db, const std::string& id) {
    auto it = db.postlist_begin(xling::schema::id_term(id));
    if (it == db.postlist_end(xling::schema::id_term(id))) return nullptr;
    return xling::test::stored_json(db.get_document(*it));
}

}  // namespace

TEST_SUITE("indexer") {

TEST_CASE("CsvReader reads RFC 4180 records") {
    CHECK(read_csv("a,b\n1,2\n") == Records{{1, {"a", "b"}}, {2, {"1", "2"}}});
    CHECK(read_csv("a,b\r\n1,2") == Records{{1, {"a", "b"}}, {2, {"1", "2"}}});
    // Quoted fields hold delimiters, newlines (CRLF too) and doubled quotes; lines are counted inside them.
    CHECK(read_csv("id,text\n1,\"one, \"\"two\"\"\nthree\"\r\n2,x\n") ==
          Records{{1, {"id", "text"}}, {2, {"1", "one, \"two\"\nthree"}}, {4, {"2", "x"}}});
    CHECK(read_csv("a,,\"\"\n") == Records{{1, {"a", "", ""}}});
    CHECK(read_csv("a\tb c\n", '\t') == Records{{1, {"a", "b c"}}});
    CHECK(read_csv("\n") == Records{{1, {""}}});
    CHECK(read_csv("").empty());
}

TEST_CASE("CsvReader: a malformed record is an error for that record only") {
    CHECK(read_csv("a\"b,c\nok,1\n") ==
          Records{{1, {"!quote inside an unquoted field (quote the whole field)"}}, {2, {"ok", "1"}}});
    CHECK(read_csv("\"a\"b,c\nok,1\n") ==
          Records{{1, {"!text after a closing quote (a quote inside a field is written \"\")"}}, {2, {"ok", "1"}}});
    CHECK(read_csv("ok,1\n\"never closed,\n2\n") == Records{{1, {"ok", "1"}}, {2, {"!unterminated quoted field"}}});
    SUBCASE("a record over the limit is returned without fields; the next one is whole") {
        CHECK(read_csv("0123456789,\"abcdef\nghij\"\nok,1\n", ',', 8) == Records{{1, {"<too long>"}}, {3, {"ok", "1"}}});
        CHECK(read_csv(std::string(100, ',') + "\nok\n", ',', 8) == Records{{1, {"<too long>"}}, {2, {"ok"}}});
    }
}

TEST_CASE("csv_columns maps a header row to fields") {
    using xling::indexer::csv_columns;
    SUBCASE("by common names, in any case") {
        const auto result = csv_columns({"\xEF\xBB\xBFID", "Headline", "Body", "Published", "Link"}, {});
        REQUIRE(std::holds_alternative<CsvColumns>(result));
        const auto& c = std::get<CsvColumns>(result);
        CHECK(c.column[0] == 0u);
        CHECK(c.column[1] == 2u);
        CHECK(c.column[2] == 1u);
        CHECK(c.column[3] == 3u);
        CHECK_FALSE(c.column[4].has_value());
        CHECK(c.column[5] == 4u);
        CHECK_FALSE(c.column[7].has_value());
    }
    SUBCASE("author by its common names") {
        for (const char* name : {"author", "Byline", "authors", "creator", "writer"}) {
            CAPTURE(name);
            const auto result = csv_columns({"id", "text", name}, {});
            REQUIRE(std::holds_alternative<CsvColumns>(result));
            CHECK(std::get<CsvColumns>(result).column[7] == 2u);
        }
    }
    SUBCASE("chosen columns win; without an id the url is the id") {
        const auto result = csv_columns({"link", "text", "story"}, {{"text", "Story"}});
        REQUIRE(std::holds_alternative<CsvColumns>(result));
        CHECK(std::get<CsvColumns>(result).column[1] == 2u);
        CHECK(std::get<CsvColumns>(result).column[0] == 0u);
    }
    SUBCASE("errors") {
        CHECK(std::get<std::string>(csv_columns({"id", "words"}, {})) ==
              "no text column in the header row (name one with --field text=COLUMN)");
        CHECK(std::get<std::string>(csv_columns({"text"}, {})) ==
              "no id or url column in the header row (name one with --field id=COLUMN)");
        CHECK(std::get<std::string>(csv_columns({"id", "text"}, {{"text", "body"}})) ==
              "no column \"body\" for field text in the header row");
        CHECK(std::get<std::string>(csv_columns({"id", "text"}, {{"colour", "id"}})).rfind("unknown field \"colour\"", 0) == 0);
    }
    SUBCASE("a first row naming no known column is data: headerless") {
        const auto result = csv_columns({"datasets/newstest2019.lt", "ba28a3606a3c28e008d01ac4334174f3b7d33442"}, {});
        REQUIRE(std::holds_alternative<CsvColumns>(result));
        CHECK(std::get<CsvColumns>(result).headerless);
        CHECK_FALSE(std::get<CsvColumns>(csv_columns({"id", "text"}, {})).headerless);
        // A chosen column means the row is a header, even if it names nothing else.
        CHECK(std::holds_alternative<std::string>(csv_columns({"a", "b"}, {{"text", "c"}})));
    }
}

TEST_CASE(".csv and .tsv files: one document per row, fields mapped, bad rows named by file:line") {
    TempDir dir;
    const fs::path corpus = dir / "corpus";
    write_file(corpus / "news.csv", "id,title,text,date,url,byline\n"
                                    "c-1,Bridge,\"" + kEnglish + "\nSecond paragraph, with a comma.\",2024-11-29,https://example.org/1,\"Smith, Jo\"\n"
                                    "c-2,\"Choir \"\"winners\"\"\",\"" + kEnglish2 + "\",,,\n"
                                    "c-3,too few fields\n"
                                    "c-4,Broken,x\"y,2024-01-01,,\n");
    write_file(corpus / "more.TSV", "doc_id\tbody\tlanguage\nt-1\t" + kEnglish + "\ten\n");
    const auto summary = index_path(options_for(dir), corpus);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 3);
    REQUIRE(summary.notices.size() == 2);
    CHECK(summary.notices[0].where == (corpus / "news.csv").string() + ":5");
    CHECK(summary.notices[0].message == "2 fields where the header row has 6");
    CHECK(summary.notices[1].where == (corpus / "news.csv").string() + ":6");
    CHECK(summary.notices[1].message == "quote inside an unquoted field (quote the whole field)");
    Xapian::Database db((dir / "index").string());
    const auto c1 = stored(db, "c-1");
    REQUIRE(c1.is_object());
    CHECK(c1["title"] == "Bridge");
    CHECK(c1["date"] == "2024-11-29");
    CHECK(c1["url"] == "https://example.org/1");
    CHECK(c1["author"] == "Smith, Jo");
    CHECK_FALSE(stored(db, "c-2").contains("author"));
    CHECK(stored(db, "c-2")["title"] == "Choir \"winners\"");
    CHECK(stored(db, "t-1").is_object());

    SUBCASE("a header without a text column is one notice naming file:1") {
        write_file(corpus / "bad.csv", "id,words\n1,hello\n");
        const auto again = index_path(options_for(dir), corpus / "bad.csv");
        REQUIRE(again.notices.size() == 1);
        CHECK(again.notices[0].where == (corpus / "bad.csv").string() + ":1");
    }
    SUBCASE("a TSV without a header row (WMT's sources.tsv) is one text document, with one warning") {
        const std::string row1 = "datasets/statmt/wmt_newstest/2019/en-lt/newstest2019.lt\tba28a3606a3c28e008d01ac4334174f3b7d33442";
        const std::string row2 = "testsets/lit-eng/newstest2019.lit\t6270ca93766e6ee9740d0df4b0d80064651d74bb";
        write_file(corpus / "lt.sources.tsv", row1 + "\n" + row2 + "\n");
        const auto headerless = index_path(options_for(dir), corpus / "lt.sources.tsv");
        INFO(describe(headerless.notices));
        CHECK(headerless.documents == 1);
        CHECK(headerless.skipped == 0);
        const auto no_header = std::count_if(headerless.notices.begin(), headerless.notices.end(), [](const Notice& n) {
            return n.kind == Notice::Kind::Warning && n.message.rfind("no header row", 0) == 0;
        });
        CHECK(no_header == 1);
        Xapian::Database db2((dir / "index").string());
        const auto doc = stored(db2, (corpus / "lt.sources.tsv").lexically_normal().generic_string());
        REQUIRE(doc.is_object());
        CHECK(doc["text"] == row1 + "\n" + row2 + "\n");
        // Unchanged, it is not read again: it got its record (nothing was skipped).
        CHECK(index_path(options_for(dir), corpus / "lt.sources.tsv").unchanged == 1);
    }
    SUBCASE("csv_fields names the columns") {
        write_file(corpus / "own.csv", "key,story\nk-1,\"" + kEnglish2 + "\"\n");
        auto options = options_for(dir);
        options.csv_fields = {{"id", "key"}, {"text", "story"}};
        const auto own = index_path(options, corpus / "own.csv");
        CHECK(own.documents == 1);
    }
    SUBCASE("re-read after an edit: per-row hashes, --prune drops the gone rows") {
        write_file(corpus / "news.csv", "id,title,text,date,url,byline\n"
                                        "c-1,Bridge,\"" + kEnglish + "\nSecond paragraph, with a comma.\",2024-11-29,https://example.org/1,\"Smith, Jo\"\n"
                                        "c-5,New,\"" + kEnglish2 + "\",,,\n");
        auto options = options_for(dir);
        options.prune = true;
        const auto again = index_path(options, corpus);
        INFO(describe(again.notices));
        CHECK(again.documents == 1);  // c-5
        CHECK(again.unchanged == 2);  // c-1 by its hash, more.TSV by its stamp
        CHECK(again.deleted == 1);    // c-2
        Xapian::Database after((dir / "index").string());
        CHECK(stored(after, "c-2").is_null());
        CHECK(stored(after, "c-5").is_object());
    }
}

}  // TEST_SUITE
