// Crash safety and concurrency with real processes: kill -9 mid-run, Ctrl-C, a second writer,
// a searcher running while the indexer writes.
#include <doctest/doctest.h>

#include "lifecycle_helpers.hpp"

using namespace xling::test;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

constexpr std::size_t kTotal = 20000;
constexpr std::size_t kBatch = 1000;

std::vector<std::string> index_args(const TempDir& dir) {
    return {kIndexBin, "--batch-size", std::to_string(kBatch), "--db", (dir / "db").string(),
            (dir / "in" / "docs.jsonl").string()};
}

// Waits until a reader sees the first committed batch (or the run ended).
bool first_commit_visible(const TempDir& dir, ChildProcess& indexer) {
    return wait_until([&] { return doc_count_now(dir / "db").value_or(0) > 0 || !indexer.running(); }, 120);
}

}  // namespace

TEST_SUITE("lifecycle: crash safety") {

TEST_CASE("kill -9 mid-run: the index opens with every committed batch; a re-run completes it without duplicates") {
    TempDir dir;
    write_generated_jsonl(dir / "in" / "docs.jsonl", kTotal);
    std::size_t committed = 0;
    {
        ChildProcess indexer(index_args(dir), dir.path());
        REQUIRE(indexer.started());
        REQUIRE(first_commit_visible(dir, indexer));
        REQUIRE_MESSAGE(indexer.running(), "indexing finished before it could be killed; make the input larger");
        indexer.signal(SIGKILL);
        CHECK(indexer.wait() == 128 + SIGKILL);
        const auto count = doc_count_now(dir / "db");
        REQUIRE(count.has_value());
        committed = *count;
    }
    INFO("committed before the kill: " << committed);
    CHECK(committed > 0);
    CHECK(committed < kTotal);
    CHECK(committed % kBatch == 0);  // whole batches only
    CHECK(search_ids(dir / "db", "uniq0") == std::vector<std::string>{"doc-0"});

    const auto rerun = index_paths(dir / "db", {dir / "in" / "docs.jsonl"}, "-q --batch-size 1000");
    CHECK(rerun.exit_code == 0);
    // What was committed is recognised as unchanged, the rest is added.
    CHECK(contains(rerun.err, "indexed " + std::to_string(kTotal - committed) + " documents"));
    CHECK(contains(rerun.err, std::to_string(committed) + " unchanged"));
    CHECK(doc_count_now(dir / "db") == kTotal);
    CHECK(search_ids(dir / "db", "uniq19999") == std::vector<std::string>{"doc-19999"});
    CHECK(search_ids(dir / "db", "uniq1") == std::vector<std::string>{"doc-1"});
}

TEST_CASE("Ctrl-C: exit 130, committed data kept, a re-run completes the index") {
    TempDir dir;
    write_generated_jsonl(dir / "in" / "docs.jsonl", kTotal);
    ChildProcess indexer(index_args(dir), dir.path());
    REQUIRE(indexer.started());
    REQUIRE(first_commit_visible(dir, indexer));
    REQUIRE(indexer.running());
    const std::size_t before = doc_count_now(dir / "db").value_or(0);
    indexer.signal(SIGINT);
    CHECK(indexer.wait() == 130);
    CHECK(contains(indexer.err(), "interrupted after committing"));
    const std::size_t after = doc_count_now(dir / "db").value_or(0);
    CHECK(after >= before);
    CHECK(after < kTotal);

    CHECK(index_paths(dir / "db", {dir / "in" / "docs.jsonl"}, "-q").exit_code == 0);
    CHECK(doc_count_now(dir / "db") == kTotal);
}

TEST_CASE("a second indexer on the same index gets a clear lock error while the first runs") {
    TempDir dir;
    write_generated_jsonl(dir / "in" / "docs.jsonl", kTotal);
    write_file(dir / "in2" / "other.txt", "Grain exports through the Black Sea rose again this winter, traders said.");
    ChildProcess first(index_args(dir), dir.path());
    REQUIRE(first.started());
    REQUIRE(first_commit_visible(dir, first));
    REQUIRE(first.running());
    ChildProcess second({kIndexBin, "-q", "--db", (dir / "db").string(), (dir / "in2").string()}, dir.path());
    CHECK(second.wait() == 2);
    const std::string message = second.err();
    CHECK(contains(message, (dir / "db").string() + ": index is locked by another writer"));
    CHECK(std::count(message.begin(), message.end(), '\n') == 1);
    // The same for a rebuild and a delete: the lock covers every writer.
    ChildProcess rebuild({kIndexBin, "-q", "--rebuild", "--db", (dir / "db").string(), (dir / "in2").string()},
                         dir.path());
    CHECK(rebuild.wait() == 2);
    CHECK(contains(rebuild.err(), "index is locked by another writer"));
    first.signal(SIGKILL);
    (void)first.wait();
}

TEST_CASE("a searcher running while the indexer writes sees the committed batches") {
    TempDir dir;
    write_generated_jsonl(dir / "in" / "docs.jsonl", kTotal);
    ChildProcess indexer(index_args(dir), dir.path());
    REQUIRE(indexer.started());
    REQUIRE(first_commit_visible(dir, indexer));
    std::vector<std::size_t> totals;
    while (indexer.running() && totals.size() < 200) {
        // Every generated document is English; a filter-only query counts them exactly.
        const auto r = search_cli(dir / "db", "lang:en", "--json --limit 1");
        REQUIRE(r.exit_code == 0);
        totals.push_back(nlohmann::json::parse(r.out)["total"].get<std::size_t>());
        CHECK(search_ids(dir / "db", "uniq0") == std::vector<std::string>{"doc-0"});
    }
    CHECK(indexer.wait() == 0);
    REQUIRE_FALSE(totals.empty());
    INFO("totals seen: " << totals.front() << " .. " << totals.back() << " in " << totals.size() << " searches");
    CHECK(totals.front() > 0);
    CHECK(std::is_sorted(totals.begin(), totals.end()));
    for (const auto t : totals) CHECK(t % kBatch == 0);
    const auto done = search_cli(dir / "db", "lang:en", "--json --limit 1");
    CHECK(nlohmann::json::parse(done.out)["total"] == kTotal);
}

}  // TEST_SUITE
