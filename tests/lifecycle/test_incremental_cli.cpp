// Incremental runs, deletes and stats through the real xling-index program.
#include <doctest/doctest.h>

#include "lifecycle_helpers.hpp"

using namespace xling::test;
namespace fs = std::filesystem;

namespace {

std::size_t doc_count(const fs::path& db) { return Xapian::Database(db.string()).get_doccount(); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A private copy of the sample corpus, to change and delete files in.
fs::path copy_corpus(const TempDir& dir) {
    const fs::path copy = dir / "corpus";
    fs::copy(kSourceDir / "examples" / "corpus", copy, fs::copy_options::recursive);
    return copy;
}

// The sample feed without its last `drop` lines.
void truncate_feed(const fs::path& feed, std::size_t drop) {
    std::vector<std::string> lines;
    std::ifstream in(feed);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    in.close();
    std::string out;
    for (std::size_t i = 0; i + drop < lines.size(); ++i) out += lines[i] + "\n";
    write_file(feed, out);
}

std::size_t feed_lines(const fs::path& feed) {
    std::ifstream in(feed);
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) n += line.empty() ? 0 : 1;
    return n;
}

}  // namespace

TEST_SUITE("lifecycle: incremental") {

TEST_CASE("a re-run skips unchanged inputs and says so; a changed file is re-read") {
    TempDir dir;
    const fs::path corpus = copy_corpus(dir);
    REQUIRE(index_paths(dir / "db", {corpus}, "-q").exit_code == 0);
    CHECK(fs::exists(dir / "db" / "XAPIANDB"));

    const auto again = index_paths(dir / "db", {corpus}, "-q");
    CHECK(again.exit_code == 0);
    CHECK(contains(again.err, "indexed 0 documents"));
    CHECK(contains(again.err, "16 unchanged (12 files not read again)"));

    write_file(corpus / "en" / "02-eu-farm-subsidies.txt",
               "EU farm subsidies\n\nThe European Commission withdrew its grain subsidy plan on Friday.\n");
    const auto changed = index_paths(dir / "db", {corpus}, "-q");
    CHECK(changed.exit_code == 0);
    CHECK(contains(changed.err, "indexed 1 documents"));
    CHECK(contains(changed.err, "15 unchanged (11 files not read again)"));
    CHECK(doc_count(dir / "db") == 16);
    CHECK(search_ids(dir / "db", "withdrew") == std::vector<std::string>{"en/02-eu-farm-subsidies.txt"});
}

TEST_CASE("--prune deletes the documents of deleted files and of records gone from a feed") {
    TempDir dir;
    const fs::path corpus = copy_corpus(dir);
    REQUIRE(index_paths(dir / "db", {corpus}, "-q").exit_code == 0);
    const fs::path feed = corpus / "feeds" / "wire.jsonl";
    const std::size_t records = feed_lines(feed);
    REQUIRE(records >= 3);
    fs::remove(corpus / "de" / "01-belousow-pjoengjang.txt");
    truncate_feed(feed, 2);

    SUBCASE("without --prune nothing is deleted") {
        CHECK(index_paths(dir / "db", {corpus}, "-q").exit_code == 0);
        CHECK(doc_count(dir / "db") == 16);
        SUBCASE("and a later --prune still finds what is gone") {
            const auto pruned = index_paths(dir / "db", {corpus}, "-q --prune");
            CHECK(pruned.exit_code == 0);
            CHECK(contains(pruned.err, "3 deleted"));
            CHECK(doc_count(dir / "db") == 13);
        }
    }
    SUBCASE("with --prune") {
        const auto pruned = index_paths(dir / "db", {corpus}, "-q --prune");
        CHECK(pruned.exit_code == 0);
        CHECK(contains(pruned.err, "3 deleted"));
        CHECK(doc_count(dir / "db") == 13);
        CHECK(search_ids(dir / "db", "id:de/01-belousow-pjoengjang.txt").empty());
    }
    SUBCASE("--prune only looks under the paths given") {
        CHECK(index_paths(dir / "db", {corpus / "en"}, "-q --prune").exit_code == 0);
        CHECK(doc_count(dir / "db") == 16);
    }
}

TEST_CASE("xling-index delete removes documents by id") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    const std::string db = shell_quote((dir / "db").string());

    const auto some = run(kIndexBin + " delete --db " + db + " en/02-eu-farm-subsidies.txt no-such-id");
    CHECK(some.exit_code == 0);
    CHECK(contains(some.err, "deleted 1 of 2 documents"));
    CHECK(contains(some.err, "no-such-id: no such document"));
    CHECK(doc_count(dir / "db") == 15);

    const auto none = run(kIndexBin + " delete --db " + db + " no-such-id");
    CHECK(none.exit_code == 1);
    CHECK(contains(none.err, "no-such-id: no such document"));

    const auto missing = run(kIndexBin + " delete --db " + shell_quote((dir / "nope").string()) + " x");
    CHECK(missing.exit_code == 2);

    // The index follows its sources: the file is still there, so the next run adds it back.
    const auto rerun = index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q");
    CHECK(contains(rerun.err, "indexed 1 documents"));
    CHECK(doc_count(dir / "db") == 16);
}

TEST_CASE("xling-index stats, human and --json") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    const std::string db = shell_quote((dir / "db").string());

    const auto human = run(kIndexBin + " stats --db " + db);
    CHECK(human.exit_code == 0);
    CHECK(contains(human.out, "documents: 16"));
    CHECK(contains(human.out, "languages: de 3, en 3, fr 1, hu 3, lt 3, ru 3"));
    CHECK(contains(human.out, "dates: 2024-11-29 .. 2025-01-17"));
    CHECK(contains(human.out, "generations, gen-000001, schema 7"));
    CHECK(contains(human.out, "entity mentions: not indexed"));
    CHECK(contains(human.out, "size on disk: "));

    const auto json = run(kIndexBin + " stats --db " + db + " --json");
    REQUIRE(json.exit_code == 0);
    const auto j = nlohmann::json::parse(json.out);
    CHECK(j["documents"] == 16);
    CHECK(j["languages"]["hu"] == 3);
    CHECK(j["dates"]["first"] == "2024-11-29");
    CHECK(j["dates"]["last"] == "2025-01-17");
    CHECK(j["terms"]["distinct"].get<std::uint64_t>() > j["terms"]["words"].get<std::uint64_t>());
    CHECK(j["terms"]["stems"].get<std::uint64_t>() > 0);
    CHECK(j["sources"] == 12);
    CHECK(j["entity_mentions"].is_null());
    CHECK(j["disk_bytes"].get<std::uint64_t>() > 10000);

    const auto missing = run(kIndexBin + " stats --db " + shell_quote((dir / "nope").string()));
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "no such index"));
}

TEST_CASE("--threads 2 gives the same search results as one thread") {
    TempDir dir;
    REQUIRE(index_paths(dir / "one", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    const auto two = index_paths(dir / "two", {kSourceDir / "examples" / "corpus"}, "-q --threads 2");
    REQUIRE(two.exit_code == 0);
    CHECK(contains(two.err, "indexed 16 documents"));
    CHECK(contains(two.err, "de 3, en 3, fr 1, hu 3, lt 3, ru 3"));
    CHECK_FALSE(contains(two.err, "language not supported"));  // French is supported
    for (const char* query : {"Putin", "Belousov", "Zusammenarbeit", "gabona", "lang:ru"}) {
        CAPTURE(query);
        CHECK(search_ids(dir / "two", query) == search_ids(dir / "one", query));
    }
    const auto again = index_paths(dir / "two", {kSourceDir / "examples" / "corpus"}, "-q --threads 2");
    CHECK(contains(again.err, "16 unchanged"));
}

TEST_CASE("an old plain index keeps working, and --rebuild converts it") {
    TempDir dir;
    {
        // What earlier versions wrote: a plain Xapian folder, schema version 3.
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata("xling.schema", "3");
        db.commit();
    }
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus" / "en"}, "-q").exit_code == 0);
    CHECK(fs::exists(dir / "db" / "iamglass"));
    CHECK(doc_count(dir / "db") == 2);

    const auto rebuilt = index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q --rebuild");
    CHECK(rebuilt.exit_code == 0);
    CHECK(contains(rebuilt.err, "switched to the new index generation"));
    CHECK_FALSE(fs::exists(dir / "db" / "iamglass"));
    CHECK_FALSE(fs::exists(dir / "db" / "postlist.glass"));
    CHECK(read_text(dir / "db" / "XAPIANDB") == "auto gen-000001\n");
    CHECK(doc_count(dir / "db") == 16);
}

}  // TEST_SUITE
