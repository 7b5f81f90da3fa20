// Queries Xapian can run cheaply (searcher/synonym_members.hpp, the wildcard bound): each concept's
// OP_SYNONYM without duplicate members and without members no document has, wildcards bounded
// with a note; and the meaning of the query unchanged by either.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "library/resource_data.hpp"
#include "searcher/index_forms.hpp"
#include "searcher/phrase_bound.hpp"
#include "searcher/query_builder.hpp"
#include "searcher_fixture.hpp"

using namespace xling;
using xling::test::SearchFixture;

namespace {

SearchResults run(Searcher& searcher, const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 100;
    request.snippet.length = 0;
    return searcher.search(request);
}

// How often each prefixed term (Z<lang>:stem, N<key>, ...) occurs in a Xapian query description.
std::map<std::string, int> prefixed_terms(const std::string& description) {
    std::map<std::string, int> counts;
    std::size_t i = 0;
    while (i < description.size()) {
        const std::size_t end = description.find_first_of(" ()", i);
        const std::string word = description.substr(i, end == std::string::npos ? std::string::npos : end - i);
        if (word.size() > 1 && word.front() >= 'A' && word.front() <= 'Z' && word.find(':') != std::string::npos) ++counts[word];
        if (end == std::string::npos) break;
        i = end + 1;
    }
    return counts;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_SUITE("query_cost") {

TEST_CASE("a name's synonym group lists each member once (Putin: its inflected forms' stems and its own stems coincide)") {
    SearchFixture fixture;
    Searcher searcher = fixture.searcher(true);
    const SearchResults r = run(searcher, "Putin");
    REQUIRE(r.concepts.size() == 1);
    CHECK(contains(r.concepts[0].entities, "putin"));
    const auto counts = prefixed_terms(r.parsed);
    REQUIRE(counts.count("Zde:putin") == 1);  // de2 says "Putins": its stem is searched...
    for (const auto& [term, n] : counts) {
        CAPTURE(term);
        CHECK(n == 1);  // ...once, like every other member
    }
    CHECK(SearchFixture::ids(r) == std::vector<std::string>{"de2"});
}

TEST_CASE("members no document has are left out of the query and listed for --explain") {
    SearchFixture fixture;
    Searcher searcher = fixture.searcher();
    const SearchResults r = run(searcher, "Zusammenarbeit");
    REQUIRE(r.concepts.size() == 1);
    const QueryConcept& c = r.concepts[0];
    // The word is stemmed in every language (what it means is unchanged)...
    CHECK(c.stems.count("hu") == 1);
    CHECK(c.stems.count("de") == 1);
    // ...but only the German stem is in the index: the others are named, not searched.
    const std::string hu_term = "Zhu:" + c.stems.at("hu");
    CHECK(contains(c.absent, hu_term));
    CHECK_FALSE(contains(c.absent, "Zde:" + c.stems.at("de")));
    CHECK(r.parsed.find(hu_term) == std::string::npos);
    CHECK(r.parsed.find("Zde:" + c.stems.at("de")) != std::string::npos);
    CHECK(SearchFixture::ids(r) == std::vector<std::string>{"de1", "de2"});  // Zusammenarbeit, Zusammenarbeiten
}

TEST_CASE("a word no document has still matches nothing, alone and in an AND or OR") {
    SearchFixture fixture;
    Searcher searcher = fixture.searcher();
    const SearchResults alone = run(searcher, "qqzzxxq");
    CHECK(alone.total == 0);
    REQUIRE(alone.concepts.size() == 1);
    CHECK_FALSE(alone.concepts[0].absent.empty());
    CHECK(run(searcher, "Zusammenarbeit qqzzxxq").total == 0);  // an absent word still constrains an AND
    CHECK(SearchFixture::ids(run(searcher, "Zusammenarbeit OR qqzzxxq")) == std::vector<std::string>{"de1", "de2"});
}

TEST_CASE("a wildcard searches at most kMaxWildcardExpansion words, the most frequent, and says so when there were more") {
    xling::test::TempDir dir;
    // kMaxWildcardExpansion + 5 distinct words beginning with "wq", one of them in a document of its own.
    std::string many;
    for (std::size_t i = 0; i < searcher::kMaxWildcardExpansion + 5; ++i) {
        std::string w = "wq";
        for (std::size_t n = i; ; n /= 26) {
            w.push_back(static_cast<char>('a' + n % 26));
            if (n < 26) break;
        }
        many += w + " ";
    }
    xling::test::index_documents(dir.path() / "db", {xling::test::doc("many", "en", many + " wqfrequent wqfrequent"),
                                                     xling::test::doc("few", "en", "wqfrequent wkone wktwo")});
    Searcher searcher({dir.path() / "db"}, xling::test::plain_resources());
    const SearchResults capped = run(searcher, "wq*");
    REQUIRE(capped.concepts.size() == 1);
    REQUIRE(capped.concepts[0].notes.size() == 1);
    CHECK(capped.concepts[0].notes[0].find(std::to_string(searcher::kMaxWildcardExpansion) + " most frequent") != std::string::npos);
    CHECK(SearchFixture::ids(capped) == std::vector<std::string>{"few", "many"});  // the most frequent word is among those kept
    const SearchResults small = run(searcher, "wk*");
    REQUIRE(small.concepts.size() == 1);
    CHECK(small.concepts[0].notes.empty());
    CHECK(SearchFixture::ids(small) == std::vector<std::string>{"few"});
}

TEST_CASE("a phrase word stands for at most kMaxPhraseWordForms forms, the most frequent, and the concept says so") {
    xling::test::TempDir dir;
    // 150 forms "pf000".."pf149"; pf120..pf149 are in two documents, the others in one.
    const std::size_t count = searcher::kMaxPhraseWordForms + 50;
    std::vector<std::string> forms;
    std::string all, frequent;
    for (std::size_t i = 0; i < count; ++i) {
        std::string f = std::to_string(1000 + i).substr(1);
        f = "pf" + f;
        forms.push_back(f);
        all += f + " ";
        if (i >= 120) frequent += f + " ";
    }
    xling::test::index_documents(dir.path() / "db", {xling::test::doc("all", "en", all), xling::test::doc("frequent", "en", frequent)});
    const Xapian::Database db((dir.path() / "db").string());
    const auto data = xling::test::plain_resources()->data().analysis;
    analysis::Analyzer analyzer(data);
    const searcher::IndexForms index(db, data, analyzer);

    QueryConcept info;
    const std::vector<std::string> few(forms.begin(), forms.begin() + 10);
    CHECK(searcher::bounded_phrase_forms(few, "en", "pf", index, info) == few);
    CHECK(info.notes.empty());

    const std::vector<std::string> kept = searcher::bounded_phrase_forms(forms, "en", "pf", index, info);
    REQUIRE(kept.size() == searcher::kMaxPhraseWordForms);
    for (std::size_t i = 120; i < count; ++i) CHECK(std::find(kept.begin(), kept.end(), forms[i]) != kept.end());  // every frequent one
    CHECK(std::is_sorted(kept.begin(), kept.end()));  // in their original order
    REQUIRE(info.notes.size() == 1);
    CHECK(info.notes[0].find("100 most frequent of its 150 forms") != std::string::npos);
}

}  // TEST_SUITE
