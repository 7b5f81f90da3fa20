// --rebuild: a new generation built beside the live index, switched to atomically; a failed or
// interrupted rebuild leaves the live index as it was.
#include <doctest/doctest.h>

#include <algorithm>

#include <set>

#include "lifecycle_helpers.hpp"

using namespace xling::test;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Folders named gen-* under `db`.
std::vector<std::string> generations(const fs::path& db) {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(db)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("gen-", 0) == 0) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

constexpr std::size_t kBigInput = 20000;

}  // namespace

TEST_SUITE("lifecycle: rebuild") {

TEST_CASE("--rebuild replaces the index with exactly what the paths now hold") {
    TempDir dir;
    const fs::path corpus = kSourceDir / "examples" / "corpus";
    REQUIRE(index_paths(dir / "db", {corpus}, "-q").exit_code == 0);
    REQUIRE(search_ids(dir / "db", "Putin").size() == 5);

    const auto rebuilt = index_paths(dir / "db", {corpus / "de", corpus / "en"}, "-q --rebuild");
    CHECK(rebuilt.exit_code == 0);
    CHECK(contains(rebuilt.err, "indexed 4 documents"));
    CHECK(contains(rebuilt.err, "switched to the new index generation"));
    CHECK(read_text(dir / "db" / "XAPIANDB") == "auto gen-000002\n");
    CHECK(generations(dir / "db") == std::vector<std::string>{"gen-000002"});
    CHECK(doc_count_now(dir / "db") == 4u);
    auto ids = search_ids(dir / "db", "Putin");
    std::sort(ids.begin(), ids.end());  // which of the two ranks first is BM25's business, not this test's
    CHECK(ids == std::vector<std::string>{"01-putin-choe-moscow.txt", "02-putin-choe-moskau.txt"});

    SUBCASE("with two threads") {
        const auto parallel = index_paths(dir / "db", {corpus}, "-q --rebuild --threads 2");
        CHECK(parallel.exit_code == 0);
        CHECK(read_text(dir / "db" / "XAPIANDB") == "auto gen-000003\n");
        CHECK(generations(dir / "db") == std::vector<std::string>{"gen-000003"});
        CHECK(doc_count_now(dir / "db") == 16u);
    }
}

TEST_CASE("readers see the old index until the switch, the new one after it") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    write_generated_jsonl(dir / "big.jsonl", kBigInput);
    ChildProcess rebuild({kIndexBin, "-q", "--rebuild", "--batch-size", "1000", "--db", (dir / "db").string(),
                          (dir / "big.jsonl").string()},
                         dir.path());
    REQUIRE(rebuild.started());
    // While the new generation is written (and committed batch by batch), readers see the old one.
    CHECK(wait_until([&] { return fs::exists(dir / "db" / "gen-000002" / "iamglass") || !rebuild.running(); }, 60));
    std::set<Xapian::doccount> seen;
    while (rebuild.running()) {
        const auto count = doc_count_now(dir / "db");
        REQUIRE(count.has_value());
        seen.insert(*count);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    CHECK(rebuild.wait() == 0);
    seen.insert(doc_count_now(dir / "db").value_or(0));
    CHECK(seen.count(16) == 1);
    CHECK(seen.count(kBigInput) == 1);
    CHECK(seen.size() == 2);  // never a mix
    CHECK(search_ids(dir / "db", "uniq77") == std::vector<std::string>{"doc-77"});
}

TEST_CASE("an interrupted rebuild (Ctrl-C) is discarded: exit 130, the live index untouched") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    write_generated_jsonl(dir / "big.jsonl", kBigInput);
    ChildProcess rebuild({kIndexBin, "--rebuild", "--batch-size", "1000", "--db", (dir / "db").string(),
                          (dir / "big.jsonl").string()},
                         dir.path());
    REQUIRE(rebuild.started());
    REQUIRE(wait_until([&] { return fs::exists(dir / "db" / "gen-000002" / "iamglass") || !rebuild.running(); }, 60));
    rebuild.signal(SIGINT);
    CHECK(rebuild.wait() == 130);
    CHECK(contains(rebuild.err(), "rebuild was discarded and the live index is unchanged"));
    CHECK(read_text(dir / "db" / "XAPIANDB") == "auto gen-000001\n");
    CHECK(generations(dir / "db") == std::vector<std::string>{"gen-000001"});
    CHECK(doc_count_now(dir / "db") == 16u);
    CHECK(search_ids(dir / "db", "Putin").size() == 5);
}

TEST_CASE("a rebuild killed with SIGKILL leaves the live index; the next writer removes its debris") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    write_generated_jsonl(dir / "big.jsonl", kBigInput);
    {
        ChildProcess rebuild({kIndexBin, "-q", "--rebuild", "--batch-size", "1000", "--db", (dir / "db").string(),
                              (dir / "big.jsonl").string()},
                             dir.path());
        REQUIRE(rebuild.started());
        REQUIRE(wait_until([&] { return fs::exists(dir / "db" / "gen-000002" / "iamglass") || !rebuild.running(); },
                           60));
        rebuild.signal(SIGKILL);
        CHECK(rebuild.wait() == 128 + SIGKILL);
    }
    CHECK(doc_count_now(dir / "db") == 16u);
    CHECK(search_ids(dir / "db", "Putin").size() == 5);
    // The next run holds the lock, so the half-written generation can only be debris.
    const auto next = index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q");
    CHECK(next.exit_code == 0);
    CHECK(generations(dir / "db") == std::vector<std::string>{"gen-000001"});
}

TEST_CASE("a rebuild of a path that does not exist fails before touching anything") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    const auto r = index_paths(dir / "db", {dir / "nope"}, "-q --rebuild");
    CHECK(r.exit_code == 2);
    CHECK(doc_count_now(dir / "db") == 16u);
    CHECK(generations(dir / "db") == std::vector<std::string>{"gen-000001"});
}

}  // TEST_SUITE
