// Entity aliases end to end: the real programs, the default table, the seeds and the sample corpus.
#include <doctest/doctest.h>

#include "cli_helpers.hpp"

using namespace xling::test;
using Ids = std::vector<std::string>;

namespace {
const std::string kHu = kSeedHu, kDe1 = kSeedDe1, kLt = kSeedLt, kDe2 = kSeedDe2, kEn = kSeedEn;
const Ids kAllSeeds{kHu, kDe1, kLt, kDe2, kEn};
}  // namespace

TEST_SUITE("aliases on the seeds" * doctest::skip(seeds_absent())) {
    TEST_CASE("Belousov, Beluszov and Белоусов find exactly the Hungarian and English articles") {
        for (const char* q : {"Belousov", "Beluszov", "Белоусов"}) {
            INFO(q);
            CHECK(search_ids(seeds_db(), q) == Ids{kHu, kEn});
        }
    }
    TEST_CASE("Putin finds all five articles, through Putyinnal, Putinas, Putinu, Putins") {
        CHECK(search_ids(seeds_db(), "Putin") == kAllSeeds);
        CHECK(search_ids(seeds_db(), "Путин") == kAllSeeds);
    }
    TEST_CASE("Kim Jong Un finds all five articles, typed as words or as a phrase") {
        CHECK(search_ids(seeds_db(), "Kim Jong Un") == kAllSeeds);
        CHECK(search_ids(seeds_db(), "\"Kim Jong Un\"") == kAllSeeds);
        CHECK(search_ids(seeds_db(), "Ким Чен Ын") == kAllSeeds);
    }
    TEST_CASE("--no-aliases Belousov finds only the English article") {
        CHECK(search_ids(seeds_db(), "Belousov", "--no-aliases") == Ids{kEn});
    }
    TEST_CASE("snippets highlight the inflected name forms") {
        const auto r = search_cli(seeds_db(), "Putin", "--json --lang hu,lt");
        REQUIRE(r.exit_code == 0);
        const auto json = nlohmann::json::parse(r.out);
        std::string all;
        for (const auto& hit : json["hits"]) all += hit["snippet"].get<std::string>();
        CHECK(all.find("[Putyinnal]") != std::string::npos);
        CHECK(all.find("[Putinas]") != std::string::npos);
    }
    TEST_CASE("JSON hits say which entity forms matched") {
        const auto r = search_cli(seeds_db(), "Belousov", "--json");
        const auto json = nlohmann::json::parse(r.out);
        bool hungarian_seen = false;
        for (const auto& hit : json["hits"]) {
            REQUIRE(hit["matched"].size() == 1);
            const auto& m = hit["matched"][0];
            CHECK(m["query"] == "Belousov");
            CHECK(m["entity"] == "belousov");
            if (hit["lang"] == "hu") {
                hungarian_seen = true;
                CHECK(std::find(m["forms"].begin(), m["forms"].end(), "Beluszov") != m["forms"].end());
            }
        }
        CHECK(hungarian_seen);
    }
}

TEST_CASE("a name not in the table meets its other scripts through the name key") {
    const auto table = TempDir();
    write_file(table / "empty.aliases", "# no entities\n");
    const std::string only_keys = "--aliases " + shell_quote((table / "empty.aliases").string());
    const Ids shoigu = search_ids(corpus_db(), "Шойгу", only_keys);
    for (const char* id : {"hu/02-sojgu-gabona.txt", "lt/02-soigu-grudai.md", "ru/02-shoigu-zerno.txt", "wire-de-001",
                           "wire-en-001"}) {
        CHECK(std::find(shoigu.begin(), shoigu.end(), id) != shoigu.end());
    }
    CHECK(search_ids(corpus_db(), "Шойгу", only_keys + " --no-name-keys") == Ids{"ru/02-shoigu-zerno.txt"});
}

TEST_CASE("editing the table takes effect at the next query, without re-indexing") {
    TempDir dir;
    const auto table = dir / "mine.aliases";
    write_file(table, "entity grain other\n  en: grain\n");
    const std::string args = "--aliases " + shell_quote(table.string());
    CHECK(search_ids(corpus_db(), "grain", args) == Ids{"wire-en-001"});
    write_file(table, "entity grain other\n  en: grain\n  de: Getreide\n  ru: зерно\n");
    CHECK(search_ids(corpus_db(), "grain", args) == Ids{"ru/02-shoigu-zerno.txt", "wire-de-001", "wire-en-001"});
}

TEST_CASE("later tables extend earlier ones") {
    TempDir dir;
    write_file(dir / "a.aliases", "entity grain other\n  en: grain\n");
    write_file(dir / "b.aliases", "entity grain other\n  de: Getreide\n");
    const std::string args =
        "--aliases " + shell_quote((dir / "a.aliases").string()) + " --aliases " + shell_quote((dir / "b.aliases").string());
    CHECK(search_ids(corpus_db(), "grain", args) == Ids{"wire-de-001", "wire-en-001"});
}

TEST_CASE("a malformed table is a one-line error naming file and line, exit 2") {
    TempDir dir;
    write_file(dir / "bad.aliases", "entity putin person\n  en: Putin\nentity x nonsense\n");
    const auto r = search_cli(corpus_db(), "Putin", "--aliases " + shell_quote((dir / "bad.aliases").string()));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("bad.aliases:3: unknown entity type 'nonsense'") != std::string::npos);
    CHECK(count_lines_with(r.err, "\n") == 1);
}

TEST_CASE("--explain shows the entity, its names per language, forms found, and what each hit matched") {
    const auto r = search_cli(corpus_db(), "Belousov", "--explain --limit 3");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\"Belousov\" -> entity belousov (person)") != std::string::npos);
    CHECK(r.out.find("names ru:") != std::string::npos);
    CHECK(r.out.find("inflected in index lt:") != std::string::npos);
    CHECK(r.out.find("matched \"Belousov\" (belousov):") != std::string::npos);
}

TEST_CASE("an ambiguous name expands to every entity and --explain says so") {
    TempDir dir;
    write_file(dir / "amb.aliases",
               "entity grain other\n  en: grain\n  de: Getreide\nentity wheat other\n  en: wheat | grain\n  de: Weizen\n");
    const std::string args = "--aliases " + shell_quote((dir / "amb.aliases").string());
    const auto r = search_cli(corpus_db(), "grain", args + " --explain");
    CHECK(r.out.find("entity grain (other), wheat (other)  [ambiguous: all are searched]") != std::string::npos);
    CHECK(r.out.find("note: name \"grain\" belongs to grain, wheat") != std::string::npos);
    const Ids ids = search_ids(corpus_db(), "grain", args);
    CHECK(std::find(ids.begin(), ids.end(), "wire-de-001") != ids.end());
}

TEST_SUITE("weak names on the seeds" * doctest::skip(seeds_absent())) {
    TEST_CASE("a weak short name counts only beside a full name: German Kims is highlighted, Kim alone finds nothing new") {
        TempDir dir;
        write_file(dir / "kim.aliases", "entity kim_jong_un person\n  de: Kim Jong Un | Kim Jong-un | ~Kim\n  en: Kim Jong Un\n");
        const std::string args = "--aliases " + shell_quote((dir / "kim.aliases").string());
        const auto r = search_cli(seeds_db(), "Kim Jong Un", args + " --json --lang de");
        const auto json = nlohmann::json::parse(r.out);
        bool kims = false;
        for (const auto& hit : json["hits"]) kims = kims || hit["snippet"].get<std::string>().find("[Kims]") != std::string::npos;
        CHECK(kims);
        CHECK(search_ids(seeds_db(), "Kim Jong Un", args + " --lang de") == Ids{kSeedDe1, kSeedDe2});
    }
}
