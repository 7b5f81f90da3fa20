// Pseudo-relevance feedback (searcher/feedback.hpp, SearchRequest::feedback): the best documents'
// distinctive stems and name keys join the query, so a document in a language the query's own
// words miss is reached through the names it shares with them.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "searcher_fixture.hpp"

using namespace xling;
using xling::test::doc;

namespace {

// en1 is the only document with "summit"; de1 shares its name Guterres (one name key in both
// languages) but no word of the query; the others give the terms their document frequencies.
class FeedbackFixture {
  public:
    FeedbackFixture() {
        xling::test::index_documents(
            dir_ / "db",
            {doc("en1", "en", "The leaders met at the summit in Geneva, where Secretary Guterres spoke. Zyxwvutsr was noted."),
             doc("de1", "de", "In Genf sprach Generalsekretär Guterres über die Lage."),
             doc("de2", "de", "Das Wetter in den Bergen war mild und sonnig."),
             doc("de3", "de", "Die Bauern ernten im Herbst das Getreide."),
             doc("en2", "en", "The weather in the valley was mild and sunny."),
             doc("en3", "en", "Farmers harvest the grain in autumn.")});
    }
    [[nodiscard]] SearchResults search(const std::string& query, bool feedback) const {
        Searcher searcher({dir_ / "db"}, xling::test::plain_resources());
        SearchRequest request;
        request.query = query;
        request.limit = 20;
        request.translation.enabled = false;
        request.feedback.enabled = feedback;
        return searcher.search(request);
    }

  private:
    xling::test::TempDir dir_;
};

std::vector<std::string> ids(const SearchResults& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
}

bool any_term(const std::vector<std::string>& terms, const std::string& needle) {
    return std::any_of(terms.begin(), terms.end(), [&](const std::string& t) { return t.find(needle) != std::string::npos; });
}

}  // namespace

TEST_SUITE("feedback") {

TEST_CASE("without feedback only the document with the query word is found") {
    const FeedbackFixture f;
    const SearchResults r = f.search("summit", false);
    CHECK(ids(r) == std::vector<std::string>{"en1"});
    CHECK(r.feedback.empty());
}

TEST_CASE("feedback reaches the German document through the name key it shares with the best English one, ranked below it") {
    const FeedbackFixture f;
    const SearchResults r = f.search("summit", true);
    const std::vector<std::string> found = ids(r);
    REQUIRE(found.size() >= 2);
    CHECK(found.front() == "en1");
    CHECK(std::find(found.begin(), found.end(), "de1") != found.end());
    REQUIRE(r.feedback.count("en") == 1);
    const std::vector<std::string>& added = r.feedback.at("en");
    CHECK(std::any_of(added.begin(), added.end(), [](const std::string& t) { return t.rfind("N", 0) == 0; }));
    // Only terms other documents have too: the word of en1 alone finds nothing new.
    CHECK_FALSE(any_term(added, "zyxwv"));
    // The query's own stem is not added again, and nothing but stems and name keys is.
    CHECK_FALSE(any_term(added, "summit"));
    for (const std::string& t : added) {
        CAPTURE(t);
        CHECK((t.rfind("Zen:", 0) == 0 || t.rfind("N", 0) == 0));
    }
}

TEST_CASE("a query that finds nothing gets no feedback") {
    const FeedbackFixture f;
    const SearchResults r = f.search("volcano", true);
    CHECK(r.hits.empty());
    CHECK(r.feedback.empty());
}

}  // TEST_SUITE
