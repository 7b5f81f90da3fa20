// Bad input end to end: clear one-line reports, sensible exit codes, indexed data never lost.
#include <doctest/doctest.h>

#include <xapian.h>

#include "cli_helpers.hpp"

using namespace xling::test;

namespace {
std::size_t doc_count(const std::filesystem::path& db) { return Xapian::Database(db.string()).get_doccount(); }

void write_bad_inputs(const std::filesystem::path& dir) {
    write_file(dir / "binary.txt", std::string("PK\x03\x04\0\0binary", 12));
    write_file(dir / "empty.txt", "");
    write_file(dir / "latin1.txt", "Gr\xFC\xDF Gott aus M\xFCnchen, sagte der Minister am Montag.");
    write_file(dir / "feed.jsonl",
               "{\"id\": \"ok-1\", \"text\": \"Grain exports through the Black Sea rose again this winter.\"}\n"
               "{\"id\": \"broken\", \"text\": \"unterminated\n"
               "{\"text\": \"no id here\"}\n"
               "{\"id\": \"ok-2\", \"lang\": \"xx\", \"text\": \"Kalimat dalam bahasa lain.\"}\n");
    write_file(dir / "notes.pdf", "%PDF-1.4");
}
}  // namespace

TEST_CASE("bad files and lines are skipped with file, line and reason; good ones are indexed") {
    TempDir dir;
    write_bad_inputs(dir / "in");
    const auto r = index_paths(dir / "db", {dir / "in"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("indexed 2 documents") != std::string::npos);
    CHECK(r.err.find("binary.txt: binary file (NUL byte at 4)") != std::string::npos);
    CHECK(r.err.find("empty.txt: empty file") != std::string::npos);
    CHECK(r.err.find("latin1.txt: invalid UTF-8 at byte 2") != std::string::npos);
    CHECK(r.err.find("feed.jsonl:2: broken JSON") != std::string::npos);
    CHECK(r.err.find("feed.jsonl:3: missing required field \"id\"") != std::string::npos);
    CHECK(r.err.find("feed.jsonl:4: language 'xx' is not supported; indexed unstemmed as und") != std::string::npos);
    CHECK(r.err.find("notes.pdf: not a PDF or damaged beyond repair") != std::string::npos);
    CHECK(doc_count(dir / "db") == 2);
}

TEST_CASE("--invalid-utf8 replace indexes the document with U+FFFD") {
    TempDir dir;
    write_file(dir / "in" / "latin1.txt", "Gr\xFC\xDF Gott aus M\xFCnchen, sagte der Minister am Montag.");
    const auto r = index_paths(dir / "db", {dir / "in"}, "--invalid-utf8 replace");
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("invalid UTF-8 at byte 2; replaced with U+FFFD") != std::string::npos);
    CHECK(search_ids(dir / "db", "Minister") == std::vector<std::string>{"latin1.txt"});
}

TEST_CASE("a job where nothing could be indexed exits 1; missing paths exit 2") {
    TempDir dir;
    write_file(dir / "in" / "empty.txt", "");
    CHECK(index_paths(dir / "db", {dir / "in"}).exit_code == 1);
    const auto missing = index_paths(dir / "db2", {dir / "nope"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("nope: no such file or folder") != std::string::npos);
}

TEST_CASE("bad input never loses already-indexed documents") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    const std::size_t before = doc_count(dir / "db");
    write_bad_inputs(dir / "bad");
    (void)index_paths(dir / "db", {dir / "bad"}, "-q");
    CHECK(doc_count(dir / "db") == before + 2);
    CHECK(search_ids(dir / "db", "Zusammenarbeit").size() == 2);
}

TEST_CASE("re-indexing the same documents replaces them") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    CHECK(doc_count(dir / "db") == 16);
}

TEST_CASE("a second writer gets a clear lock error and exit 2") {
    TempDir dir;
    write_file(dir / "in" / "a.txt", "Grain exports through the Black Sea rose again this winter, traders said.");
    Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    const auto r = index_paths(dir / "db", {dir / "in"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("index is locked by another writer") != std::string::npos);
    CHECK(count_lines_with(r.err, "\n") == 1);
}

TEST_CASE("compressed JSON Lines are read transparently") {
    TempDir dir;
    write_file(dir / "in" / "a.jsonl", "{\"id\": \"z1\", \"text\": \"Grain exports through the Black Sea rose again.\"}\n");
    write_file(dir / "in" / "b.jsonl", "{\"id\": \"g1\", \"text\": \"Grain prices fell sharply after the harvest.\"}\n");
    REQUIRE(run("zstd -q --rm " + shell_quote((dir / "in" / "a.jsonl").string())).exit_code == 0);
    REQUIRE(run("gzip " + shell_quote((dir / "in" / "b.jsonl").string())).exit_code == 0);
    REQUIRE(std::filesystem::exists(dir / "in" / "a.jsonl.zst"));
    REQUIRE(std::filesystem::exists(dir / "in" / "b.jsonl.gz"));
    CHECK(index_paths(dir / "db", {dir / "in"}, "-q").exit_code == 0);
    CHECK(search_ids(dir / "db", "grain") == std::vector<std::string>{"g1", "z1"});
}
