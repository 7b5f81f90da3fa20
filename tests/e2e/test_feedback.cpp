// xling-search --feedback on the sample corpus: the query runs again with its best documents'
// stems and name keys, which --json --explain lists per language; the first run's hits stay.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli_helpers.hpp"

using namespace xling::test;

namespace {

std::vector<std::string> hit_ids(const nlohmann::json& j) {
    std::vector<std::string> ids;
    for (const auto& h : j["hits"]) ids.push_back(h["id"].get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("--feedback keeps the query's own hits first, adds documents through the listed terms, and explains them") {
    const std::string flags = "--json --explain --no-translate --limit 100 --lang en";
    const CommandResult plain = search_cli(corpus_db(), "Kim", flags);
    const CommandResult fed = search_cli(corpus_db(), "Kim", flags + " --feedback --feedback-docs 1");
    REQUIRE(plain.exit_code == 0);
    REQUIRE(fed.exit_code == 0);
    const auto before = nlohmann::json::parse(plain.out), after = nlohmann::json::parse(fed.out);
    CHECK(before["feedback"].empty());
    REQUIRE(after["feedback"].contains("en"));
    CHECK_FALSE(after["feedback"]["en"].empty());
    const std::vector<std::string> b = hit_ids(before), a = hit_ids(after);
    REQUIRE_FALSE(b.empty());
    CHECK(a.size() > b.size());
    CHECK(a.front() == b.front());
    for (const auto& id : b) CHECK(std::find(a.begin(), a.end(), id) != a.end());

    const CommandResult human = search_cli(corpus_db(), "Kim", "--explain --no-translate --lang en --feedback --feedback-docs 1");
    CHECK(human.out.find("feedback from the best en documents: ") != std::string::npos);
}

TEST_CASE("--feedback-docs 0 is a one-line usage error") {
    const CommandResult r = search_cli(corpus_db(), "Kim", "--feedback --feedback-docs 0");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--feedback-docs") != std::string::npos);
}
