// The researcher's query language and output formats, end to end on the sample corpus.
#include <doctest/doctest.h>

#include <sstream>

#include "cli_helpers.hpp"

using namespace xling::test;
using Ids = std::vector<std::string>;


TEST_CASE("a phrase, a language filter, a date range and facets together") {
    const auto r = search_cli(corpus_db(), "\"military cooperation\" OR \"karinis bendradarbiavimas\" OR \"военное сотрудничество\" "
                                           "OR \"katonai együttműködés\" lang:hu,ru date:2024-11..2024-11",
                              "--json --facets");
    REQUIRE(r.exit_code == 0);
    const auto json = nlohmann::json::parse(r.out);
    std::vector<std::string> ids;
    for (const auto& hit : json["hits"]) ids.push_back(hit["id"]);
    std::sort(ids.begin(), ids.end());
    CHECK(ids == Ids{"wire-hu-001", "wire-ru-001"});
    CHECK(json["facets"]["lang"] == nlohmann::json({{"hu", 1}, {"ru", 1}}));
    CHECK(json["facets"]["month"] == nlohmann::json({{"2024-11", 2}}));
    CHECK(json["facets"]["source"] == nlohmann::json({{"Example Wire", 2}}));
}

TEST_CASE("--jsonl prints one parseable hit per line, --ids one id per line") {
    const auto jsonl = search_cli(corpus_db(), "Zusammenarbeit", "--jsonl");
    REQUIRE(jsonl.exit_code == 0);
    std::istringstream lines(jsonl.out);
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        const auto hit = nlohmann::json::parse(line);
        CHECK(hit["query"] == "Zusammenarbeit");
        CHECK(hit["lang"] == "de");
        CHECK(hit["rank"] == count + 1);
    }
    CHECK(count == 2);
    const auto ids = search_cli(corpus_db(), "Zusammenarbeit", "--ids");
    CHECK(ids.out == "de/01-belousow-pjoengjang.txt\nde/02-putin-choe-moskau.txt\n");
}

TEST_CASE("--sort -date puts the newest first; --since and --until filter") {
    const auto r = search_cli(corpus_db(), "source:\"Example Wire\"", "--ids --sort -date");
    CHECK(r.out == "wire-en-001\nwire-de-001\nwire-lt-001\nwire-hu-001\nwire-ru-001\n");
    CHECK(search_cli(corpus_db(), "source:\"Example Wire\"", "--ids --sort date --since 2024-12 --until 2025-01-16").out ==
          "wire-lt-001\nwire-de-001\n");
    const auto bad = search_cli(corpus_db(), "Putin", "--since tomorrow");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "xling-search: --since 'tomorrow' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)\n");
}

TEST_CASE("an unknown field or bad date is a one-line error with a caret, exit 2, no results") {
    const auto r = search_cli(corpus_db(), "Putin place:Moscow");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("xling-search: query error: unknown field 'place' at position 6", 0) == 0);
    CHECK(r.err.find("\n        ^\n") != std::string::npos);
    CHECK(search_cli(corpus_db(), "Putin date:2024-02-30").exit_code == 2);
}

TEST_CASE("HTML highlight markers for JSON consumers") {
    const auto r = search_cli(corpus_db(), "Zusammenarbeit", "--json --highlight html --limit 1");
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json["hits"][0]["snippet"].get<std::string>().find("<mark>Zusammenarbeit</mark>") != std::string::npos);
}

TEST_CASE("the embedding example program runs against a real index") {
    const auto r = run(kEmbedExampleBin + " " + shell_quote((kSourceDir / "data").string()) + " " +
                       shell_quote(corpus_db().string()) + " " + shell_quote("Shoigu OR Putin"));
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("documents\n") != std::string::npos);
    CHECK(r.out.find("  lang de: 1") != std::string::npos);
    CHECK(r.out.find("2025-01-16 de wire-de-001:") != std::string::npos);
    CHECK(r.out.find(" Schoigu") != std::string::npos);
    CHECK(r.out.find("2024-12-12 lt wire-lt-001:") != std::string::npos);
}

TEST_CASE("Lucene's word~ and ^ are one-line errors naming the supported syntax; \"a b\"~n is a window") {
    const auto fuzzy = search_cli(corpus_db(), "Belousof~");
    CHECK(fuzzy.exit_code == 2);
    CHECK(fuzzy.out.empty());
    CHECK(fuzzy.err.rfind("xling-search: query error: fuzzy match 'Belousof~' at position 8 is not supported", 0) == 0);
    const auto boost = search_cli(corpus_db(), "Putin^2 Pyongyang");
    CHECK(boost.exit_code == 2);
    CHECK(boost.err.rfind("xling-search: query error: boost 'Putin^2' at position 5 is not supported", 0) == 0);
    const auto window = search_cli(corpus_db(), "\"Belousov Pyongyang\"~8", "--ids");
    CHECK(window.exit_code == 0);
    CHECK(!window.out.empty());
    CHECK(window.out == search_cli(corpus_db(), "Belousov NEAR/8 Pyongyang", "--ids").out);
}
