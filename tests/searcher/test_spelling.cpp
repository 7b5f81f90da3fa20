// Spelling suggestions from the index (searcher/spelling.hpp): "did you mean" for a query that
// finds nothing or little.
#include <doctest/doctest.h>

#include "searcher_fixture.hpp"

using xling::test::SearchFixture;

namespace {

xling::SearchResults search(const std::vector<std::filesystem::path>& dbs, const std::string& q) {
    xling::Searcher s(dbs, xling::test::plain_resources());
    xling::SearchRequest request;
    request.query = q;
    // Tolerant name keys would find "Belousof" as Belousov/Belousow (one edit on a 7-letter key,
    // tests/searcher/test_key_neighbours.cpp): these tests are about the suggestion.
    request.name_keys = false;
    request.translation.enabled = false;
    return s.search(request);
}

}  // namespace

TEST_CASE("a misspelled name that finds nothing gets the index's spelling") {
    const SearchFixture f;
    const xling::SearchResults r = search({f.db()}, "Belousof");
    CHECK(r.hits.empty());
    CHECK(r.suggestion == "Belousov");
    CHECK(search({f.db()}, "belousof").suggestion == "belousov");  // capitalised as typed
    CHECK(search({f.db()}, "Belousov").suggestion.empty());       // spelled as indexed
}

TEST_CASE("the suggestion keeps the rest of the query as typed") {
    const SearchFixture f;
    CHECK(search({f.db()}, "Belousof lang:en").suggestion == "Belousov lang:en");
    CHECK(search({f.db()}, "\"Andrei Belousof\" OR Pyongyang").suggestion == "\"Andrei Belousov\" OR Pyongyang");
}

TEST_CASE("no suggestion for =exact words, wildcards, short words, or words without a better spelling") {
    const SearchFixture f;
    CHECK(search({f.db()}, "=Belousof").suggestion.empty());
    CHECK(search({f.db()}, "Belouso*").suggestion.empty());
    CHECK(search({f.db()}, "Kimm").suggestion.empty());  // "Kim" has 3 letters: not a spelling word
    CHECK(search({f.db()}, "Xylophon").suggestion.empty());
}

TEST_CASE("spelling words of several databases count together") {
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "a", {xling::test::doc("a1", "en", "Minister Belousov arrived.")});
    xling::test::index_documents(dir / "b", {xling::test::doc("b1", "de", "Minister Belousow kam an."),
                                             xling::test::doc("b2", "de", "Belousow sprach.")});
    // Belousow is in two documents of b, Belousov in one of a: the more frequent wins.
    CHECK(search({dir / "a", dir / "b"}, "Belousof").suggestion == "Belousow");
    CHECK(search({dir / "a"}, "Belousof").suggestion == "Belousov");
}
