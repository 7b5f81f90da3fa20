// Accent-insensitive matching (searcher/accent_forms.hpp): words typed without their diacritics
// find the words with them in each language, rank after the form as typed, and --accents strict
// (AccentMatching::Strict) turns it off.
#include <doctest/doctest.h>

#include <algorithm>

#include "searcher_fixture.hpp"

using xling::test::SearchFixture;
using Ids = std::vector<std::string>;

namespace {

xling::SearchResults search(const std::filesystem::path& db, const std::string& q,
                            xling::AccentMatching accents = xling::AccentMatching::Fold) {
    xling::Searcher s({db}, xling::test::plain_resources());
    xling::SearchRequest request;
    request.query = q;
    request.limit = 100;
    request.accents = accents;
    request.translation.enabled = false;
    // Name keys match a capitalised name in any spelling already (accents included, at the
    // weight of the form as typed): off, so that these tests see accent folding alone.
    request.name_keys = false;
    return s.search(request);
}

Ids ids(const xling::SearchResults& r) { return SearchFixture::ids(r); }

Ids ranked(const xling::SearchResults& r) {
    Ids out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
}

}  // namespace

TEST_CASE("Lithuanian typed without diacritics finds the words with them, in every inflection") {
    const SearchFixture f;
    CHECK(ids(search(f.db(), "Siaures Korejos")) == Ids{"lt1"});      // the document says Šiaurės Korėja
    CHECK(ids(search(f.db(), "\"Siaures Koreja\"")) == Ids{"lt1"});   // phrases too
    CHECK(ids(search(f.db(), "lankesi")) == Ids{"lt1"});
    CHECK(search(f.db(), "Siaures Korejos", xling::AccentMatching::Strict).hits.empty());
    CHECK(search(f.db(), "\"Siaures Koreja\"", xling::AccentMatching::Strict).hits.empty());
}

TEST_CASE("Hungarian typed without diacritics, wholly or in part") {
    const SearchFixture f;
    CHECK(ids(search(f.db(), "katonai egyuttmukodes")) == Ids{"hu1"});
    CHECK(ids(search(f.db(), "katonai együttmukodes")) == Ids{"hu1"});
    CHECK(ids(search(f.db(), "\"katonai egyuttmukodes\"")) == Ids{"hu1"});
    CHECK(search(f.db(), "katonai egyuttmukodes", xling::AccentMatching::Strict).hits.empty());
}

TEST_CASE("German umlauts typed as the vowel or as vowel + e") {
    const SearchFixture f;
    CHECK(ids(search(f.db(), "Pjongjang")) == Ids{"de1"});
    CHECK(ids(search(f.db(), "Pjoengjang")) == Ids{"de1"});
    CHECK(ids(search(f.db(), "militarische")) == Ids{"de1"});
    CHECK(search(f.db(), "Pjoengjang", xling::AccentMatching::Strict).hits.empty());
}

TEST_CASE("Russian ё typed as е; й is not и") {
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "db", {xling::test::doc("ru-yo", "ru", "Сотрудничество растёт. Мой дом."),
                                              xling::test::doc("ru-i", "ru", "Мои книги лежат на столе.")});
    CHECK(ids(search(dir / "db", "растет")) == Ids{"ru-yo"});
    CHECK(ids(search(dir / "db", "мои")) == Ids{"ru-i"});
    CHECK(ids(search(dir / "db", "мой")) == Ids{"ru-yo"});
}

TEST_CASE("English loanwords: cafe finds café") {
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "db", {xling::test::doc("en-cafe", "en", "They met in a small café near the station.")});
    CHECK(ids(search(dir / "db", "cafe")) == Ids{"en-cafe"});
    CHECK(ids(search(dir / "db", "cafes")) == Ids{"en-cafe"});  // through the English stem of café
    CHECK(search(dir / "db", "cafe", xling::AccentMatching::Strict).hits.empty());
}

TEST_CASE("the form as typed ranks before the forms reached through accent folding") {
    xling::test::TempDir dir;
    xling::test::index_documents(
        dir / "db", {xling::test::doc("de-umlaut", "de", "Der Bericht von Müller über die Ernte."),
                     xling::test::doc("de-plain", "de", "Der Bericht von Muller über die Ernte."),
                     xling::test::doc("hu-accent", "hu", "A kór terjed a városban."),
                     xling::test::doc("hu-plain", "hu", "A kor terjed a városban.")});
    CHECK(ranked(search(dir / "db", "kor terjed")) == Ids{"hu-plain", "hu-accent"});
    // An accent typed is a letter typed: no folding the other way.
    CHECK(ranked(search(dir / "db", "kór terjed")) == Ids{"hu-accent"});
    // German Snowball folds umlauts into its stems itself (müller, muller -> mull): both match
    // as one stem, as before, whatever --accents says.
    CHECK(ids(search(dir / "db", "Muller", xling::AccentMatching::Strict)) == Ids{"de-plain", "de-umlaut"});
}

TEST_CASE("lower-case words rank the form as typed first with every default on") {
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "db", {xling::test::doc("hu-accent", "hu", "A kór terjed a városban."),
                                              xling::test::doc("hu-plain", "hu", "A kor terjed a városban.")});
    xling::Searcher s({dir / "db"}, xling::test::default_resources());
    xling::SearchRequest request;
    request.query = "kor";
    Ids order;
    for (const auto& h : s.search(request).hits) order.push_back(h.id);
    CHECK(order == Ids{"hu-plain", "hu-accent"});
}

TEST_CASE("--explain data says which words matched through accent folding") {
    const SearchFixture f;
    const xling::SearchResults r = search(f.db(), "Siaures Korejos");
    REQUIRE(r.concepts.size() == 2);
    CHECK(r.concepts[0].accent_forms.at("lt") == std::vector<std::string>{"šiaurės"});
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].snippet.find("[Šiaurės Korėja]") != std::string::npos);
    REQUIRE(r.hits[0].matched.size() == 2);
    CHECK(r.hits[0].matched[0].accent_forms == std::vector<std::string>{"Šiaurės"});
    CHECK(r.hits[0].matched[1].accent_forms == std::vector<std::string>{"Korėja"});
    // Typed with its accents, the same word matched as itself.
    const xling::SearchResults exact = search(f.db(), "Šiaurės");
    REQUIRE(exact.hits.size() == 1);
    CHECK(exact.concepts[0].accent_forms.empty());
    CHECK(exact.hits[0].matched[0].accent_forms.empty());
}

TEST_CASE("accent folding works across several databases searched as one") {
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "a", {xling::test::doc("lt-a", "lt", "Šiaurės Korėja plečia bendradarbiavimą.")});
    xling::test::index_documents(dir / "b", {xling::test::doc("hu-b", "hu", "A katonai együttműködés bővül.")});
    xling::Searcher s({dir / "a", dir / "b"}, xling::test::plain_resources());
    xling::SearchRequest request;
    request.query = "Koreja OR egyuttmukodes";
    request.default_operator = xling::DefaultOperator::Or;
    CHECK(ids(s.search(request)) == Ids{"hu-b", "lt-a"});
}
