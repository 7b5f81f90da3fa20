#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <xapian.h>

#include "searcher_fixture.hpp"
#include "xling/error.hpp"
#include "xling/schema.hpp"

using xling::test::SearchFixture;
using Ids = std::vector<std::string>;

TEST_CASE("a word finds its inflected forms in its own language") {
    const SearchFixture f;
    CHECK(f.ids_for("Zusammenarbeit") == Ids{"de1", "de2"});
    CHECK(f.ids_for("Rusija") == Ids{"lt1"});
    CHECK(f.ids_for("együttműködés") == Ids{"hu1"});
    CHECK(f.ids_for("Россия") == Ids{"ru1"});
    CHECK(f.ids_for("cooperations") == Ids{"en1"});
}

TEST_CASE("with the default alias table a country name finds every language's spelling") {
    const SearchFixture f;
    xling::Searcher s = f.searcher(true);
    xling::SearchRequest request;
    request.query = "Rusija";
    request.limit = 100;
    // Russland (de), Russia's (en), Rusijos (lt), России (ru); the Hungarian text says "orosz" (adjective).
    CHECK(SearchFixture::ids(s.search(request)) == Ids{"de1", "en1", "lt1", "ru1"});
}

TEST_CASE("a stem never matches a document of another language") {
    const SearchFixture f;
    // German "Häuser" stems to "haus"; the Hungarian document contains the word "haus", whose
    // Hungarian stem is also "haus". Per-language stem terms keep them apart.
    CHECK(f.ids_for("Häuser") == Ids{"de1"});
}

TEST_CASE("words combine with AND by default, OR on request") {
    const SearchFixture f;
    CHECK(f.ids_for("Zusammenarbeit Getreide") == Ids{"de2"});
    CHECK(f.ids_for("Zusammenarbeit OR Rusija") == Ids{"de1", "de2", "lt1"});
    CHECK(f.ids_for("Zusammenarbeit -Getreide") == Ids{"de1"});
}

TEST_CASE("phrases match words in sequence, hyphens and spaces alike") {
    const SearchFixture f;
    CHECK(f.ids_for("\"Kim Jong Un\"") == Ids{"en1"});
    CHECK(f.ids_for("Jong-un") == Ids{"en1"});
    CHECK(f.ids_for("\"cooperation military\"").empty());
}

TEST_CASE("phrases containing stopwords still match") {
    const SearchFixture f;
    CHECK(f.ids_for("\"Die militärische Zusammenarbeit\"") == Ids{"de1"});
}

TEST_CASE("the language filter restricts documents") {
    const SearchFixture f;
    CHECK(f.ids_for("Pyongyang OR Pjöngjang OR Phenjan OR Pchenjanas OR Пхеньян", {"de", "ru"}) == Ids{"de1", "ru1"});
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "Putin";
    request.languages = {"xx"};
    CHECK_THROWS_AS((void)s.search(request), xling::QueryError);
}

TEST_CASE("a query of stopwords only falls back to exact words") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "the";
    const auto results = s.search(request);
    CHECK(SearchFixture::ids(results) == Ids{"en2"});
}

TEST_CASE("a word that is a stopword in one language constrains only the other languages") {
    const SearchFixture f;
    // "und" and "die" are German stopwords: German documents need only "Zusammenarbeit".
    CHECK(f.ids_for("Zusammenarbeit und") == Ids{"de1", "de2"});
    CHECK(f.ids_for("Zusammenarbeit die") == Ids{"de1", "de2"});
    // In an OR a stopword adds nothing for its language: it does not match every German document.
    CHECK(f.ids_for("Getreide OR und") == Ids{"de2"});
}

TEST_CASE("a lone stopword of one language matches it as written there, and its stems elsewhere") {
    using xling::test::doc;
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "db", {doc("de", "de", "Die Regierung tagt heute in Berlin und morgen in Hamburg."),
                                              doc("en", "en", "Old soldiers never die, they simply fade away from the parade."),
                                              doc("de-without", "de", "Eine Regierung tagt heute in Berlin und morgen in Hamburg.")});
    xling::Searcher s({dir / "db"}, xling::test::plain_resources());
    xling::SearchRequest request;
    request.query = "die";
    request.limit = 10;
    // Found by its English stem in en, and as the word itself in the German document that has it
    // (before, only the English one: the German documents had nothing to match).
    CHECK(SearchFixture::ids(s.search(request)) == Ids{"de", "en"});
    request.query = "die Regierung";
    CHECK(SearchFixture::ids(s.search(request)) == Ids{"de", "de-without"});
}

TEST_CASE("words that the collection does not hold find nothing; a query without words is an error") {
    const SearchFixture f;
    CHECK(f.ids_for("\"Zusammenarbeit Quokka\"").empty());
    CHECK(f.ids_for("Quokkas").empty());
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "!!!";
    CHECK_THROWS_AS((void)s.search(request), xling::QueryError);
}

TEST_CASE("offset and limit page through a ranked list with exact totals") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "Zusammenarbeit OR Rusija OR együttműködés";
    request.limit = 2;
    const auto page1 = s.search(request);
    CHECK(page1.total == 4);
    CHECK(page1.total_exact);
    REQUIRE(page1.hits.size() == 2);
    CHECK(page1.hits[0].rank == 1);
    CHECK(page1.hits[0].score >= page1.hits[1].score);
    request.offset = 2;
    const auto page2 = s.search(request);
    REQUIRE(page2.hits.size() == 2);
    CHECK(page2.hits[0].rank == 3);
    for (const auto& h : page2.hits) {
        CHECK(std::none_of(page1.hits.begin(), page1.hits.end(), [&](const xling::Hit& o) { return o.id == h.id; }));
    }
}

TEST_CASE("hits carry stored fields and a highlighted snippet of inflected forms") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "Rusija";
    const auto results = s.search(request);
    REQUIRE(results.hits.size() == 1);
    const auto& hit = results.hits[0];
    CHECK(hit.lang == "lt");
    CHECK(hit.date == "2024-11-29");
    CHECK(hit.title == "lt1");
    CHECK(hit.snippet.find("[Rusijos]") != std::string::npos);
    CHECK(hit.snippet.find("[Rusija]") != std::string::npos);
    CHECK(hit.matched_forms == std::vector<std::string>{"Rusijos", "Rusija"});
}

TEST_CASE("languages() lists the document languages of the index") {
    const SearchFixture f;
    const xling::Searcher s = f.searcher();
    CHECK(s.languages() == std::vector<std::string>{"hu", "de", "lt", "en", "ru"});
    CHECK(s.document_count() == 7);
}

TEST_CASE("opening a missing index or searching an empty query is an error") {
    CHECK_THROWS_AS(xling::Searcher({"/nonexistent/xling-index"}, xling::test::plain_resources()), xling::IndexError);
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "  ";
    CHECK_THROWS_AS((void)s.search(request), xling::QueryError);
    request.query = "!!! ...";
    CHECK_THROWS_AS((void)s.search(request), xling::QueryError);
}

TEST_CASE("several databases are searched as one") {
    xling::test::TempDir dir;
    for (const char* name : {"a", "b"}) {
        xling::test::index_documents(dir / name, {xling::test::doc(std::string("doc-") + name, "en",
                                                                   std::string("Grain exports through the Black Sea, part ") + name)});
    }
    xling::Searcher s({dir / "a", dir / "b"}, xling::test::default_resources());
    xling::SearchRequest request;
    request.query = "grain";
    CHECK(SearchFixture::ids(s.search(request)) == Ids{"doc-a", "doc-b"});
}

namespace {
xling::SearchResults run_request(const SearchFixture& f, xling::SearchRequest request) {
    xling::Searcher s = f.searcher();
    return s.search(request);
}
xling::SearchRequest query(std::string q) {
    xling::SearchRequest r;
    r.query = std::move(q);
    r.limit = 100;
    return r;
}
}  // namespace

TEST_CASE("a phrase matches its words in sequence in any inflection, per language") {
    const SearchFixture f;
    CHECK(f.ids_for("\"military cooperations\"") == Ids{"en1"});
    CHECK(f.ids_for("\"militärischen Zusammenarbeit\"") == Ids{"de1"});
    CHECK(f.ids_for("\"karinis bendradarbiavimas\"") == Ids{"lt1"});
    CHECK(f.ids_for("\"военного сотрудничества\"") == Ids{"ru1"});
    CHECK(f.ids_for("\"cooperation military\"").empty());
}

TEST_CASE("=word searches the exact form only") {
    const SearchFixture f;
    CHECK(f.ids_for("=Zusammenarbeiten") == Ids{"de2"});
    CHECK(f.ids_for("=Zusammenarbeit") == Ids{"de1"});
    CHECK(f.ids_for("=\"military cooperation\"") == Ids{"en1"});
}

TEST_CASE("word* matches every word with that beginning") {
    const SearchFixture f;
    CHECK(f.ids_for("Zusammen*") == Ids{"de1", "de2"});
    CHECK(f.ids_for("сотруднич*") == Ids{"ru1"});
}

TEST_CASE("NEAR/n matches words within n positions, in any inflection") {
    const SearchFixture f;
    CHECK(f.ids_for("Russland NEAR/3 Nordkorea") == Ids{"de1"});
    CHECK(f.ids_for("Russland NEAR/5 Pjöngjang").empty());
    CHECK(f.ids_for("Russland NEAR/12 Pjöngjang") == Ids{"de1"});
    CHECK(f.ids_for("Rusija NEAR/4 Korėja") == Ids{"lt1"});
}

TEST_CASE("lang:, date:, source:, url:, title: and id: filters") {
    const SearchFixture f;
    CHECK(f.ids_for("Zusammenarbeit OR cooperation lang:de") == Ids{"de1", "de2"});
    CHECK(f.ids_for("Zusammenarbeit date:2024-12") == Ids{"de2"});
    CHECK(f.ids_for("Zusammenarbeit date:..2024-11") == Ids{"de1"});
    CHECK(f.ids_for("Zusammenarbeit date:2024-12-01..") == Ids{"de2"});
    CHECK(f.ids_for("date:2024-11-29") == Ids{"de1", "en1", "lt1", "ru1"});
    CHECK(f.ids_for("cooperation source:\"example wire\"") == Ids{"en1"});
    CHECK(f.ids_for("cooperation url:example.org") == Ids{"en1"});
    CHECK(f.ids_for("url:news.example.org") == Ids{"en1"});
    CHECK(f.ids_for("title:Belousov") == Ids{"en1"});
    CHECK(f.ids_for("id:hu1") == Ids{"hu1"});
    CHECK(f.ids_for("lang:hu OR lang:lt") == Ids{"hu1", "lt1"});
    CHECK(f.ids_for("Zusammenarbeit -date:2024-12") == Ids{"de1"});
}

TEST_CASE("author: needs every word of its value in the author field, in any order and case") {
    const SearchFixture f;
    CHECK(f.ids_for("author:smith") == Ids{"en1"});
    CHECK(f.ids_for("author:\"Smith Jo\"") == Ids{"en1"});
    CHECK(f.ids_for("author:Jo") == Ids{"de2", "en1"});
    CHECK(f.ids_for("author:MÜLLER") == Ids{"de2"});
    CHECK(f.ids_for("author:\"Jo Kim\"").empty());
    CHECK(f.ids_for("cooperation author:reporter") == Ids{"en1"});
    CHECK(f.ids_for("Zusammenarbeit -author:jo") == Ids{"de1"});  // de2 left out
    CHECK(f.ids_for("author:smith OR author:müller") == Ids{"de2", "en1"});
    xling::Searcher s = f.searcher();
    CHECK_THROWS_AS((void)s.search(query("Putin author:,,")), xling::QueryError);
    const auto r = s.search(query("author:smith"));
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].author == "Jo Smith, A. Reporter");
    CHECK(s.document("en1")->author == "Jo Smith, A. Reporter");
    CHECK(s.document("hu1")->author.empty());
}

TEST_CASE("filter errors name the field and position") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    for (const char* bad : {"Putin lang:xx", "Putin date:2024-13", "Putin date:2025..2024", "url:/"}) {
        INFO(bad);
        CHECK_THROWS_AS((void)s.search(query(bad)), xling::QueryError);
    }
}

TEST_CASE("since and until filter by date; a bad date is a RequestError") {
    const SearchFixture f;
    auto request = query("Zusammenarbeit");
    request.since = "2024-12";
    CHECK(SearchFixture::ids(run_request(f, request)) == Ids{"de2"});
    request.since.clear();
    request.until = "2024-11";
    CHECK(SearchFixture::ids(run_request(f, request)) == Ids{"de1"});
    request.until = "yesterday";
    CHECK_THROWS_AS((void)run_request(f, request), xling::RequestError);
}

TEST_CASE("sorting by date, oldest or newest first") {
    const SearchFixture f;
    auto request = query("Zusammenarbeit OR Rusija OR együttműködés OR subsidies");
    request.sort = xling::SortOrder::DateAscending;
    const auto oldest = run_request(f, request);
    REQUIRE(oldest.hits.size() == 5);
    for (std::size_t i = 1; i < oldest.hits.size(); ++i) CHECK(oldest.hits[i - 1].date <= oldest.hits[i].date);
    CHECK(oldest.hits.back().id == "en2");
    request.sort = xling::SortOrder::DateDescending;
    const auto newest = run_request(f, request);
    for (std::size_t i = 1; i < newest.hits.size(); ++i) CHECK(newest.hits[i - 1].date >= newest.hits[i].date);
    CHECK(newest.hits.front().id == "en2");
}

TEST_CASE("undated documents come last when sorting by date, in both directions") {
    using xling::test::doc;
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "db", {doc("undated-a", "en", "Grain prices rose again."),
                                              doc("old", "en", "Grain prices fell.", "2023-05-01"),
                                              doc("new", "en", "Grain prices held.", "2025-02-03"),
                                              doc("undated-b", "en", "Grain harvest news.")});
    xling::Searcher s({dir / "db"}, xling::test::plain_resources());
    auto request = query("grain");
    const auto order = [&](xling::SortOrder sort) {
        request.sort = sort;
        Ids ids;
        for (const auto& h : s.search(request).hits) ids.push_back(h.id.rfind("undated", 0) == 0 ? "undated" : h.id);
        return ids;
    };
    CHECK(order(xling::SortOrder::DateAscending) == Ids{"old", "new", "undated", "undated"});
    CHECK(order(xling::SortOrder::DateDescending) == Ids{"new", "old", "undated", "undated"});
}

TEST_CASE("facets count the whole match set, not only the page") {
    const SearchFixture f;
    auto request = query("Zusammenarbeit OR Rusija OR együttműködés");
    request.limit = 1;
    request.facets = true;
    const auto r = run_request(f, request);
    CHECK(r.hits.size() == 1);
    CHECK(r.facets.at("lang") == std::map<std::string, std::size_t>{{"de", 2}, {"hu", 1}, {"lt", 1}});
    CHECK(r.facets.at("month") == std::map<std::string, std::size_t>{{"2024-11", 3}, {"2024-12", 1}});
    CHECK(r.facets.at("source").empty());
}

TEST_CASE("a search leaves nothing behind for the next one (facets, query description)") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    auto request = query("Zusammenarbeit OR Rusija");
    request.facets = true;
    const auto first = s.search(request);
    REQUIRE(!first.facets.empty());
    REQUIRE(!first.parsed.empty());
    // A phrase the collection does not hold: no query is run, so none may be reported.
    request.query = "\"согласно кивал\"";
    const auto second = s.search(request);
    CHECK(second.total == 0);
    CHECK(second.facets.empty());
    CHECK(second.parsed.empty());
}

TEST_CASE("a query of filters only lists the matching documents") {
    const SearchFixture f;
    CHECK(f.ids_for("lang:de") == Ids{"de1", "de2"});
}

TEST_CASE("snippet length 0 skips snippets and matched forms, not hits") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "Zusammenarbeit";
    const auto with = s.search(request);
    REQUIRE(with.hits.size() == 2);
    CHECK_FALSE(with.hits[0].snippet.empty());
    CHECK_FALSE(with.hits[0].matched_forms.empty());
    request.snippet.length = 0;
    const auto without = s.search(request);
    CHECK(SearchFixture::ids(without) == SearchFixture::ids(with));
    CHECK(without.hits[0].score == with.hits[0].score);
    for (const auto& hit : without.hits) {
        CHECK(hit.snippet.empty());
        CHECK(hit.matched_forms.empty());
        CHECK(hit.matched.empty());
    }
}

TEST_CASE("a multi-word name matches when its words inflect as ordinary words") {
    using xling::test::doc;
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "db", {doc("de", "de", "Die Flotte hielt ein Manöver im Schwarzen Meer ab."),
                                              doc("lt", "lt", "Laivynas surengė pratybas Juodojoje jūroje."),
                                              doc("ru", "ru", "Флот провёл учения в Чёрном море."),
                                              doc("en", "en", "The fleet held exercises in the Black Sea."),
                                              // The same words, not in sequence: not the name.
                                              doc("de-apart", "de", "Das Meer war an diesem Abend schwarz und still.")});
    xling::Searcher s({dir / "db"}, xling::test::default_resources());  // the default alias table
    xling::SearchRequest request;
    request.query = "Black Sea";
    request.limit = 10;
    CHECK(SearchFixture::ids(s.search(request)) == Ids{"de", "en", "lt", "ru"});
    request.query = "Чёрное море";
    CHECK(SearchFixture::ids(s.search(request)) == Ids{"de", "en", "lt", "ru"});
}

// Hardening (issue 11): alternatives that cannot match are left out of an OR (they made Xapian's
// OR tree a chain, quadratic in the alternatives), without changing what matches.
TEST_CASE("unindexed words in an OR or among exclusions change nothing; an OR of only unindexed words finds nothing") {
    const SearchFixture f;
    CHECK(f.ids_for("Zusammenarbeit -Quokka -Wombat") == Ids{"de1", "de2"});
    CHECK(f.ids_for("Zusammenarbeit OR Quokka OR Wombat") == Ids{"de1", "de2"});
    CHECK(f.ids_for("Zusammenarbeit (Quokka OR Wombat)").empty());
    CHECK(f.ids_for("Zusammenarbeit -(Quokka OR Häuser)") == Ids{"de2"});
    CHECK(f.ids_for("Zusammenarbeit -date:2024-11") == Ids{"de2"});  // no terms: kept
    CHECK(f.ids_for("(Quokka OR Wombat) OR Pjöngjang") == f.ids_for("Pjöngjang"));
    CHECK_FALSE(f.ids_for("Pjöngjang").empty());
}

TEST_CASE("offset and limit wider than Xapian's 32-bit document count are clamped, not truncated") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "Zusammenarbeit OR Rusija OR együttműködés";
    request.limit = (std::size_t{1} << 32) + 1;  // truncated, this was 1
    CHECK(s.search(request).hits.size() == 4);
    request.limit = std::numeric_limits<std::size_t>::max();
    CHECK(s.search(request).hits.size() == 4);
    request.offset = std::size_t{1} << 32;  // truncated, this was 0
    const auto past = s.search(request);
    CHECK(past.hits.empty());
    CHECK(past.total == 4);
    request.offset = std::numeric_limits<std::size_t>::max();
    CHECK(s.search(request).hits.empty());
}

TEST_CASE("Searcher::search applies SearchRequest::limits before any work") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    request.query = "Zusammenarbeit Rusija együttműködés";
    request.default_operator = xling::DefaultOperator::Or;
    request.limits.max_query_words = 2;
    try {
        (void)s.search(request);
        FAIL("no QueryError");
    } catch (const xling::QueryError& e) {
        CHECK(e.position() == std::string("Zusammenarbeit Rusija ").size());
    }
    request.limits.max_query_words = 3;
    CHECK(s.search(request).hits.size() == 4);
    request.limits.max_query_bytes = 10;
    CHECK_THROWS_AS((void)s.search(request), xling::QueryError);
}

TEST_CASE("the deepest query the parser accepts is built, run and explained (every walk over the tree is bounded)") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    xling::SearchRequest request;
    std::string q = "Zusammenarbeit";
    for (std::size_t i = 0; i < xling::kMaxQueryNesting; ++i) q = "(" + q + " -Quokka" + std::to_string(i % 3) + " OR lang:de)";
    request.query = q;
    request.limits.max_query_words = 1000;
    const auto r = s.search(request);
    CHECK(!r.parsed.empty());
    CHECK(r.total > 0);
    request.query = "(" + q + ")";
    CHECK_THROWS_AS((void)s.search(request), xling::QueryError);
}

TEST_CASE("a document is read back by id with its stored fields and whole text") {
    const SearchFixture f;
    xling::Searcher s = f.searcher();
    const std::optional<xling::StoredDocument> en1 = s.document("en1");
    REQUIRE(en1.has_value());
    CHECK(en1->id == "en1");
    CHECK(en1->lang == "en");
    CHECK(en1->title == "Belousov in Pyongyang");
    CHECK(en1->date == "2024-11-29");
    CHECK(en1->url == "https://news.example.org/2024/belousov");
    CHECK(en1->source == "Example Wire");
    CHECK(en1->text.find("military cooperation with Kim Jong-un.") != std::string::npos);
    CHECK_FALSE(s.document("no-such-id").has_value());
    CHECK_FALSE(s.document("").has_value());
}

TEST_CASE("NEAR/n matches what Xapian's own QueryParser matches for NEAR/n on the same text") {
    using xling::test::doc;
    xling::test::TempDir dir;
    std::vector<xling::SourceDocument> docs;
    for (int gap = 0; gap <= 9; ++gap) {
        std::string text = "alpha";
        for (int k = 0; k < gap; ++k) text += k == gap / 2 ? " beta" : " brick";
        docs.push_back(doc("gap-" + std::to_string(gap), "en", text + " omega and more bricks"));
    }
    xling::test::index_documents(dir / "db", docs);
    xling::Searcher s({dir / "db"}, xling::test::plain_resources());
    const Xapian::Database db((dir / "db").string());
    const auto xling_docids = [&](const std::string& q) {
        auto request = query(q);
        request.snippet.length = 0;
        std::vector<Xapian::docid> out;
        for (const auto& h : s.search(request).hits) out.push_back(*db.postlist_begin(xling::schema::id_term(h.id)));
        std::sort(out.begin(), out.end());
        return out;
    };
    const auto xapian_docids = [&](const std::string& q) {
        Xapian::QueryParser parser;
        parser.set_database(db);
        Xapian::Enquire enquire(db);
        enquire.set_query(parser.parse_query(q));
        std::vector<Xapian::docid> out;
        for (const auto& m : enquire.get_mset(0, db.get_doccount())) out.push_back(m);
        std::sort(out.begin(), out.end());
        return out;
    };
    for (const std::string window : {"1", "2", "3", "5", "8"}) {
        for (const std::string& q : std::initializer_list<std::string>{"alpha NEAR/" + window + " omega", "omega NEAR/" + window + " alpha",
                                    "alpha NEAR/" + window + " beta NEAR/" + window + " omega"}) {
            INFO(q);
            const auto expected = xapian_docids(q);
            CHECK(!expected.empty());
            CHECK(xling_docids(q) == expected);
        }
    }
    CHECK(xling_docids("alpha NEAR omega") == xapian_docids("alpha NEAR omega"));
    // "a b"~n is NEAR/n over the phrase's words.
    CHECK(xling_docids("\"alpha omega\"~3") == xapian_docids("alpha NEAR/3 omega"));
}

TEST_CASE("a name is not searched by a short stem another language's stemmer cuts it to") {
    using xling::test::doc;
    xling::test::TempDir dir;
    // Hungarian stems `Kim` and `kit`/`kivel` ("whom", "with whom") alike to `ki`, `Seoul` and
    // `senek` to `se`.
    xling::test::index_documents(dir / "db", {doc("hu-who", "hu", "Kit hívtak meg, és kivel beszéltek a senek?"),
                                              doc("hu-kim", "hu", "A miniszter Kimmel tárgyalt, majd Seoulban járt."),
                                              doc("hu-putin", "hu", "Putyin Phenjanba utazott."),
                                              doc("en-kim", "en", "Kim Jong Un met officials from Seoul."),
                                              doc("lt-visit", "lt", "Belousovas lankėsi Rusijos sostinėje.")});
    xling::Searcher s({dir / "db"}, xling::test::plain_resources());
    const auto ids = [&](const std::string& q) { return SearchFixture::ids(s.search(query(q))); };
    CHECK(ids("Kim") == Ids{"en-kim", "hu-kim"});  // `Kimmel` as a Hungarian form of the name
    CHECK(ids("Seoul") == Ids{"en-kim", "hu-kim"});
    CHECK(ids("kivel") == Ids{"hu-who"});  // a Hungarian word keeps its stem
    // Inflected names still find their documents.
    CHECK(ids("Putyinnal") == Ids{"hu-putin"});
    CHECK(ids("Phenjanban") == Ids{"hu-putin"});
    CHECK(ids("Belousovo") == Ids{"lt-visit"});
    CHECK(ids("Rusija") == Ids{"lt-visit"});
}

TEST_CASE("a lower-case and between words does not restrict the query to English documents") {
    using xling::test::doc;
    xling::test::TempDir dir;
    xling::test::index_documents(dir / "db", {doc("de", "de", "Putin besuchte Pjöngjang im Sommer."),
                                              doc("en", "en", "Putin and his delegation flew to Pyongyang.")});
    xling::Searcher s({dir / "db"}, xling::test::plain_resources());
    const auto ids = [&](const std::string& q) { return SearchFixture::ids(s.search(query(q))); };
    CHECK(ids("Putin and Pjöngjang") == Ids{"de", "en"});  // en by the name key of Pjöngjang
    CHECK(ids("Putin and Pjöngjang") == ids("Putin Pjöngjang"));
    CHECK(ids("Putin or delegation") == Ids{"en"});  // `or` is a word: the English stopword, left out
}

TEST_CASE("a multi-word alias highlights and reports its content words, not its stopwords") {
    using xling::test::doc;
    xling::test::TempDir dir;
    xling::test::index_documents(
        dir / "db", {doc("en", "en", "Envoys of the Democratic People's Republic of Korea spoke of peace and of trade.")});
    xling::Searcher s({dir / "db"}, xling::test::default_resources());
    auto request = query("\"North Korea\"");
    request.snippet.length = 200;
    const auto r = s.search(request);
    REQUIRE(r.hits.size() == 1);
    const auto& forms = r.hits.front().matched_forms;
    INFO(r.hits.front().snippet);
    CHECK(std::find(forms.begin(), forms.end(), "Korea") != forms.end());
    CHECK(std::find(forms.begin(), forms.end(), "Democratic") != forms.end());
    CHECK(std::find(forms.begin(), forms.end(), "of") == forms.end());
}

TEST_CASE("a time limit returns the hits found with the snippets made by then, marked partial") {
    // Snippets of 1,500 hits are most of this query's time: a deadline of 1 ms passes long before.
    const xling::test::TempDir dir;
    std::vector<xling::SourceDocument> docs;
    for (int i = 0; i < 1500; ++i) {
        std::string text;
        for (int s = 0; s < 20; ++s) text += "The harbour council met again, sentence " + std::to_string(s) + " of report " + std::to_string(i) + ". ";
        docs.push_back(xling::test::doc("d" + std::to_string(i), "en", text));
    }
    xling::test::index_documents(dir.path() / "db", docs);
    xling::Searcher s({dir.path() / "db"}, xling::test::plain_resources());
    xling::SearchRequest request;
    request.query = "harbour council";
    request.limit = 1500;
    request.facets = true;
    const auto started = std::chrono::steady_clock::now();
    const auto whole = s.search(request);
    const auto whole_time = std::chrono::steady_clock::now() - started;
    CHECK_FALSE(whole.partial);
    CHECK(whole.partial_reason.empty());
    REQUIRE(whole.hits.size() == 1500);
    for (const auto& hit : whole.hits) CHECK_FALSE(hit.snippet.empty());

    request.time_limit = std::chrono::milliseconds(1);
    const auto cut_started = std::chrono::steady_clock::now();
    const auto cut = s.search(request);
    const auto cut_time = std::chrono::steady_clock::now() - cut_started;
    CHECK(cut.partial);
    INFO("reason: " << cut.partial_reason);
    CHECK(cut.partial_reason.find("time limit: snippets of ") != std::string::npos);
    // Every hit is kept, in the same order, with its fields; only the late ones lack a snippet.
    CHECK(SearchFixture::ids(cut) == SearchFixture::ids(whole));
    std::size_t snipped = 0;
    for (const auto& hit : cut.hits) {
        CHECK_FALSE(hit.title.empty());
        if (!hit.snippet.empty()) ++snipped;
        else CHECK(hit.matched_forms.empty());
    }
    CHECK(snipped < cut.hits.size() / 2);
    CHECK(cut_time * 4 < whole_time);  // the snippets not made were most of the time

    request.time_limit = std::chrono::minutes(1);  // a limit not reached changes nothing
    const auto roomy = s.search(request);
    CHECK_FALSE(roomy.partial);
    CHECK(roomy.facets == whole.facets);
    CHECK(roomy.hits.back().snippet == whole.hits.back().snippet);
}

TEST_CASE("a Searcher opened before a rebuild searches the new generation after the switch") {
    const xling::test::TempDir dir;
    const std::filesystem::path db = dir.path() / "db";
    xling::test::index_documents(db, {xling::test::doc("a", "en", "The first generation holds alpha.")});
    xling::Searcher searcher({db}, xling::test::plain_resources());
    const auto ids_for = [&](const std::string& q) {
        xling::SearchRequest request;
        request.query = q;
        return SearchFixture::ids(searcher.search(request));
    };
    CHECK(ids_for("alpha") == Ids{"a"});
    xling::IndexOptions options;
    options.database = db;
    options.resources = xling::test::plain_resources();
    options.rebuild = true;
    {
        xling::Indexer indexer(options);
        indexer.add_document(xling::test::doc("b", "en", "The second generation holds omega."));
        (void)indexer.finish();
    }
    // The old generation is gone: Xapian's reopen() alone would keep failing on it.
    REQUIRE_FALSE(std::filesystem::exists(db / "gen-000001"));
    CHECK(ids_for("omega") == Ids{"b"});
    CHECK(ids_for("alpha").empty());
    CHECK(searcher.document("b").has_value());
    CHECK_FALSE(searcher.document("a").has_value());
}
