// A collection split in 3 shards, 2 of them served by xapian-tcpsrv, searched through one Xapian
// stub file and through repeated --db: the same matches, totals, facets and alias expansion as one
// merged index, and the same ranking. Exact-form queries score identically; queries whose words
// expand into an OP_SYNONYM group score within Xapian 1.4's per-shard estimate of the synonym's
// term frequency (docs/index-lifecycle.md, "Sharded collections"), checked on a 10,000-document
// collection where that estimate is meaningful.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <map>

#include "lifecycle_helpers.hpp"

using namespace xling::test;
namespace fs = std::filesystem;

namespace {

// Copies the files of the sample corpus under `subfolders` to `to`, keeping their relative paths
// (ids of text files are relative paths, so each shard's ids match the merged index's).
void copy_part(const fs::path& to, const std::vector<std::string>& subfolders) {
    for (const auto& sub : subfolders) {
        fs::create_directories(to / sub);
        fs::copy(kSourceDir / "examples" / "corpus" / sub, to / sub, fs::copy_options::recursive);
    }
}

struct Hit {
    std::string id;
    double score = 0;
};

struct Answer {
    std::vector<Hit> hits;
    nlohmann::json facets;
    std::size_t total = 0;
    std::string expansion;  // the Xapian query --explain prints
    std::string error;
};

Answer ask(const std::string& db_args, const std::string& query, std::size_t limit = 50) {
    const CommandResult r = run(kSearchBin + " " + db_args + " --json --facets --limit " + std::to_string(limit) +
                                " -- " + shell_quote(query));
    Answer a;
    if (r.exit_code > 1) {
        a.error = "exit " + std::to_string(r.exit_code) + ": " + r.err;
        return a;
    }
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& h : j["hits"]) a.hits.push_back({h["id"].get<std::string>(), h["score"].get<double>()});
    a.facets = j.value("facets", nlohmann::json());
    a.total = j["total"].get<std::size_t>();
    const CommandResult explained = run(kSearchBin + " " + db_args + " --explain --limit 0 -- " + shell_quote(query));
    const auto at = explained.out.find("xapian: ");
    if (at != std::string::npos) a.expansion = explained.out.substr(at, explained.out.find('\n', at) - at);
    return a;
}

std::vector<std::string> ids(const Answer& a) {
    std::vector<std::string> out;
    for (const auto& h : a.hits) out.push_back(h.id);
    return out;
}

std::vector<std::string> sorted_ids(const Answer& a) {
    auto out = ids(a);
    std::sort(out.begin(), out.end());
    return out;
}

// Same documents, totals, facets and expansion, whatever the scores.
void check_same_matches(const Answer& merged, const Answer& sharded) {
    REQUIRE(merged.error.empty());
    REQUIRE_MESSAGE(sharded.error.empty(), sharded.error);
    CHECK(sorted_ids(sharded) == sorted_ids(merged));
    CHECK(sharded.total == merged.total);
    CHECK(sharded.facets == merged.facets);
    CHECK(sharded.expansion == merged.expansion);
}

// Same ranked ids and scores.
void check_same_ranking(const Answer& merged, const Answer& sharded) {
    check_same_matches(merged, sharded);
    CHECK(ids(sharded) == ids(merged));
    for (std::size_t i = 0; i < std::min(merged.hits.size(), sharded.hits.size()); ++i) {
        CAPTURE(merged.hits[i].id);
        CHECK(std::abs(sharded.hits[i].score - merged.hits[i].score) < 1e-9);
    }
}

// Every document scores within `tolerance` (relative) of its merged score, and any two documents
// whose merged scores differ by more than twice that keep their order: the ranking is the merged
// one except between documents Xapian itself scores as equal up to its estimate.
void check_same_ranking_within(const Answer& merged, const Answer& sharded, double tolerance) {
    check_same_matches(merged, sharded);
    std::map<std::string, double> shard_score;
    std::map<std::string, std::size_t> shard_rank;
    for (std::size_t i = 0; i < sharded.hits.size(); ++i) {
        shard_score[sharded.hits[i].id] = sharded.hits[i].score;
        shard_rank[sharded.hits[i].id] = i;
    }
    std::size_t misordered = 0;
    for (std::size_t i = 0; i < merged.hits.size(); ++i) {
        const Hit& a = merged.hits[i];
        CAPTURE(a.id);
        REQUIRE(shard_score.count(a.id) == 1);
        CHECK(std::abs(shard_score[a.id] - a.score) <= tolerance * a.score);
        for (std::size_t k = i + 1; k < merged.hits.size(); ++k) {
            const Hit& b = merged.hits[k];
            if (a.score - b.score > 2 * tolerance * a.score && shard_rank[a.id] > shard_rank[b.id]) ++misordered;
        }
    }
    CHECK(misordered == 0);
}

// Three shard folders indexed separately, the second and third served by xapian-tcpsrv, plus the
// database arguments that reach them: a stub file mixing local and remote shards, and --db repeated.
class ShardedCollection {
  public:
    explicit ShardedCollection(const fs::path& dir)
        : dir_(dir),
          port2_(free_port()),
          port3_(free_port()),
          server2_({"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port2_),
                    (dir / "shard2").string()},
                   dir),
          server3_({"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port3_),
                    (dir / "shard3").string()},
                   dir) {}
    ~ShardedCollection() {
        server2_.signal(SIGTERM);
        server3_.signal(SIGTERM);
    }
    ShardedCollection(const ShardedCollection&) = delete;
    ShardedCollection& operator=(const ShardedCollection&) = delete;

    // Call after the shards are indexed (xapian-tcpsrv needs the folders to exist when it starts
    // serving a request, not when it starts listening).
    void check_started() {
        REQUIRE(port2_ > 0);
        REQUIRE(port3_ > 0);
        REQUIRE(server2_.started());
        REQUIRE(server3_.started());
        REQUIRE_MESSAGE(wait_until([&] { return can_connect(port2_) && can_connect(port3_); }, 30),
                        "xapian-tcpsrv did not start: " << server2_.err() << server3_.err());
        // Xapian 1.4 stub syntax: "auto PATH" for a local database, "remote HOST:PORT" for tcpsrv.
        write_file(dir_ / "collection.stub", "auto " + (dir_ / "shard1").string() + "\nremote 127.0.0.1:" +
                                                 std::to_string(port2_) + "\nremote 127.0.0.1:" +
                                                 std::to_string(port3_) + "\n");
    }

    std::string merged() const { return "--db " + shell_quote((dir_ / "merged").string()); }
    std::string stub() const { return "--db " + shell_quote((dir_ / "collection.stub").string()); }
    std::string repeated() const {
        return "--db " + shell_quote((dir_ / "shard1").string()) + " --db " + shell_quote((dir_ / "shard2").string()) +
               " --db " + shell_quote((dir_ / "shard3").string());
    }

  private:
    fs::path dir_;
    int port2_;
    int port3_;
    ChildProcess server2_;
    ChildProcess server3_;
};

}  // namespace

TEST_SUITE("lifecycle: shards") {

TEST_CASE("3 shards, 2 over xapian-tcpsrv, match and rank like one merged index") {
    TempDir dir;
    REQUIRE(index_paths(dir / "merged", {kSourceDir / "examples" / "corpus"}, "-q").exit_code == 0);
    copy_part(dir / "in1", {"de", "en", "other"});
    copy_part(dir / "in2", {"feeds", "hu"});
    copy_part(dir / "in3", {"lt", "ru"});
    for (const char* shard : {"1", "2", "3"}) {
        REQUIRE(index_paths(dir / (std::string("shard") + shard), {dir / (std::string("in") + shard)}, "-q").exit_code ==
                0);
    }
    ShardedCollection shards(dir.path());
    shards.check_started();
    CHECK(doc_count_now(dir / "collection.stub") == doc_count_now(dir / "merged"));

    SUBCASE("words, phrases and filters without synonym groups: identical ranked ids and scores") {
        for (const std::string query : {"=Putin", "\"military cooperation\"", "=Zusammenarbeit OR =gabona",
                                        "=Pyongyang lang:en,de", "=Putinas date:2024-11..2024-12", "=Putin -=Moskau"}) {
            CAPTURE(query);
            const Answer expected = ask(shards.merged(), query);
            CHECK_FALSE(expected.hits.empty());
            INFO("through the stub file (local + remote)");
            check_same_ranking(expected, ask(shards.stub(), query));
            INFO("with --db repeated");
            check_same_ranking(expected, ask(shards.repeated(), query));
        }
    }
    SUBCASE("aliases, stems and name keys: identical matches, totals, facets and expansion") {
        for (const std::string query : {"Putin", "Belousov", "Путин", "Шойгу", "Zusammenarbeit", "gabona",
                                        "Pyongyang lang:de,hu", "Putin OR Shoigu", "date:2024-11..2024-12"}) {
            CAPTURE(query);
            const Answer expected = ask(shards.merged(), query);
            CHECK_FALSE(expected.hits.empty());
            check_same_matches(expected, ask(shards.stub(), query));
            check_same_matches(expected, ask(shards.repeated(), query));
        }
    }
}

TEST_CASE("synonym-expanded queries rank like the merged index on 10,000 NTREX sentences") {
    const fs::path ntrex = kSharedDir / "eval" / "ntrex128";
    if (!fs::exists(ntrex / "newstest2019-ref.eng-GB.txt")) {
        MESSAGE("skipped: " << ntrex.string() << " is absent");
        return;
    }
    TempDir dir;
    // One document per sentence and language, dealt round-robin to three shard inputs.
    const std::vector<std::pair<std::string, std::string>> files = {{"en", "eng-GB"}, {"de", "deu"}, {"hu", "hun"},
                                                                     {"lt", "lit"},   {"ru", "rus"}};
    std::ofstream all(dir / "all.jsonl");
    std::vector<std::ofstream> parts;
    for (int i = 1; i <= 3; ++i) parts.emplace_back(dir / ("part" + std::to_string(i) + ".jsonl"));
    std::size_t n = 0;
    for (const auto& [lang, suffix] : files) {
        std::ifstream in(ntrex / ("newstest2019-ref." + suffix + ".txt"));
        std::string line;
        for (std::size_t i = 0; std::getline(in, line); ++i) {
            const std::string record =
                nlohmann::json{{"id", lang + "-" + std::to_string(i)}, {"lang", lang}, {"text", line}}.dump() + "\n";
            all << record;
            parts[n++ % 3] << record;
        }
    }
    all.close();
    for (auto& p : parts) p.close();
    REQUIRE(n > 9000);
    REQUIRE(index_paths(dir / "merged", {dir / "all.jsonl"}, "-q").exit_code == 0);
    for (const char* shard : {"1", "2", "3"}) {
        REQUIRE(index_paths(dir / (std::string("shard") + shard), {dir / (std::string("part") + shard + ".jsonl")}, "-q")
                    .exit_code == 0);
    }
    ShardedCollection shards(dir.path());
    shards.check_started();
    for (const std::string query : {"Putin", "Trump", "Москва", "London", "Brexit", "\"European Union\"",
                                    "NATO OR Merkel", "government lang:de,lt"}) {
        CAPTURE(query);
        const Answer expected = ask(shards.merged(), query, 10000);
        CHECK_FALSE(expected.hits.empty());
        check_same_ranking_within(expected, ask(shards.stub(), query, 10000), 0.005);
        check_same_ranking_within(expected, ask(shards.repeated(), query, 10000), 0.005);
    }
}

TEST_CASE("xling-index stats reads a stub file of shards") {
    TempDir dir;
    copy_part(dir / "in1", {"de", "en"});
    copy_part(dir / "in2", {"hu"});
    REQUIRE(index_paths(dir / "shard1", {dir / "in1"}, "-q").exit_code == 0);
    REQUIRE(index_paths(dir / "shard2", {dir / "in2"}, "-q").exit_code == 0);
    write_file(dir / "both.stub", "auto shard1\nauto shard2\n");  // relative to the stub's folder
    const auto r = run(kIndexBin + " stats --json --db " + shell_quote((dir / "both.stub").string()));
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["layout"] == "stub");
    CHECK(j["documents"] == 6);
    CHECK(j["languages"]["hu"] == 2);
    // The size of the shards the stub lists, not of the stub file itself.
    CHECK(j["disk_bytes"].get<std::uint64_t>() > 10000);
    CHECK(j["remote_shards"] == 0);
}

}  // TEST_SUITE

TEST_CASE("a parallel build merges its shards' name-key links (synonym table) and text blocks") {
    TempDir dir;
    REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q --threads 2").exit_code == 0);
    Xapian::Database db((dir / "db").string());
    std::vector<std::string> words;
    for (auto it = db.synonyms_begin("Nshoygu"); it != db.synonyms_end("Nshoygu"); ++it) words.push_back(*it);
    CHECK(std::find(words.begin(), words.end(), "шойгу") != words.end());
    CHECK(std::find(words.begin(), words.end(), "sojgu") != words.end());
    // The text of every document is in its blocks after the merge renumbered them.
    const auto r = run(kSearchBin + std::string(" --db ") + shell_quote((dir / "db").string()) +
                       " --color never --no-translate Шойгу");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("[Шойгу]") != std::string::npos);
}
