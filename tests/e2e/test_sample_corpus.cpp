// End to end over the bundled sample corpus (examples/corpus, see examples/corpus.md).
#include <doctest/doctest.h>

#include "cli_helpers.hpp"

using namespace xling::test;
using Ids = std::vector<std::string>;


TEST_CASE("indexing the sample corpus reports documents per language") {
    TempDir dir;
    const auto r = index_paths(dir / "db", {kSourceDir / "examples" / "corpus"});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("indexed 16 documents") != std::string::npos);
    CHECK(r.err.find("de 3, en 3, fr 1, hu 3, lt 3, ru 3") != std::string::npos);
    // The French article is French now that French is supported: no "language not supported".
    CHECK(r.err.find("language not supported") == std::string::npos);
}

TEST_CASE("a German word finds both German articles in all its inflections") {
    CHECK(search_ids(corpus_db(), "Zusammenarbeit") == Ids{"de/01-belousow-pjoengjang.txt", "de/02-putin-choe-moskau.txt"});
}

TEST_CASE("a Lithuanian nominative finds every Lithuanian article with its case forms") {
    CHECK(search_ids(corpus_db(), "Rusija", "--no-aliases") ==
          Ids{"lt/01-belousovas-pchenjane.txt", "lt/02-soigu-grudai.md", "wire-lt-001"});
}

TEST_CASE("with the alias table, a country name finds the articles in all five languages") {
    const Ids ids = search_ids(corpus_db(), "Rusija");
    for (const char* id : {"hu/02-sojgu-gabona.txt", "de/01-belousow-pjoengjang.txt", "lt/01-belousovas-pchenjane.txt",
                           "en/01-putin-choe-moscow.txt", "ru/01-putin-tsoi-son-hi.txt"}) {
        CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    }
}

TEST_CASE("a phrase finds the name in several languages, hyphenated or not") {
    CHECK(search_ids(corpus_db(), "\"Kim Jong Un\"", "--no-aliases") ==
          Ids{"de/01-belousow-pjoengjang.txt", "en/01-putin-choe-moscow.txt", "other/01-fr-belooussov-pyongyang.txt"});
}

TEST_CASE("the same phrase through the alias table also finds Kim Dzsong Un, Kim Jong Unas and Ким Чен Ын") {
    CHECK(search_ids(corpus_db(), "\"Kim Jong Un\"") ==
          Ids{"de/01-belousow-pjoengjang.txt", "en/01-putin-choe-moscow.txt", "lt/01-belousovas-pchenjane.txt",
              "other/01-fr-belooussov-pyongyang.txt", "wire-hu-001", "wire-ru-001"});
}

TEST_CASE("one query in several languages and scripts, with OR") {
    CHECK(search_ids(corpus_db(), "Getreide OR grūdai OR зерно OR gabona OR grain") ==
          Ids{"hu/02-sojgu-gabona.txt", "lt/02-soigu-grudai.md", "ru/02-shoigu-zerno.txt", "wire-de-001", "wire-en-001"});
}

TEST_CASE("Cyrillic queries stem in Russian") {
    CHECK(search_ids(corpus_db(), "сотрудничество") == Ids{"ru/01-putin-tsoi-son-hi.txt", "wire-ru-001"});
    CHECK(search_ids(corpus_db(), "Путин", "--no-aliases") == Ids{"ru/01-putin-tsoi-son-hi.txt"});
}

TEST_CASE("--lang restricts the result languages") {
    CHECK(search_ids(corpus_db(), "Choe Son Hui", "--lang lt,en") == Ids{"en/01-putin-choe-moscow.txt", "wire-lt-001"});
}

TEST_CASE("JSON output carries the stored fields and a highlighted snippet") {
    const auto r = search_cli(corpus_db(), "Putinas", "--json --no-aliases");
    REQUIRE(r.exit_code == 0);
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json["query"] == "Putinas");
    CHECK(json["total"] == 1);
    const auto& hit = json["hits"][0];
    CHECK(hit["rank"] == 1);
    CHECK(hit["id"] == "wire-lt-001");
    CHECK(hit["lang"] == "lt");
    CHECK(hit["date"] == "2024-12-12");
    CHECK(hit["url"].get<std::string>().rfind("https://example.org/", 0) == 0);
    CHECK(hit["score"].get<double>() > 0);
    const std::string snippet = hit["snippet"];
    CHECK(snippet.find("[Putinas]") != std::string::npos);
    CHECK(snippet.find("[Putinui]") != std::string::npos);
}

TEST_CASE("human output is plain text when not on a terminal") {
    const auto r = search_cli(corpus_db(), "Zusammenarbeit");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("2 matches for \"Zusammenarbeit\"") != std::string::npos);
    CHECK(r.out.find("1. de/01-belousow-pjoengjang.txt  de") != std::string::npos);
    CHECK(r.out.find("[Zusammenarbeit]") != std::string::npos);
    CHECK(r.out.find('\033') == std::string::npos);
    const auto colored = search_cli(corpus_db(), "Zusammenarbeit", "--color always");
    CHECK(colored.out.find('\033') != std::string::npos);
}

TEST_CASE("no match exits 1, like grep") {
    const auto r = search_cli(corpus_db(), "xylophonequartet");
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("0 matches") != std::string::npos);
}

TEST_CASE("a malformed query is a one-line error with its position and exit 2") {
    const auto r = search_cli(corpus_db(), "Putin \"Kim Jong");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("xling-search: query error: unbalanced quote at position 6\n", 0) == 0);
    const auto empty = search_cli(corpus_db(), "");
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("empty query") != std::string::npos);
}

TEST_CASE("a missing index is a one-line error and exit 2") {
    const auto r = search_cli("/nonexistent/xling", "Putin");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "xling-search: /nonexistent/xling: no such index\n");
}
