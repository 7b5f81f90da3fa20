// Query translation: structured queries (one OP_SYNONYM per concept with its translations),
// query language detection, glossaries, and what --explain and the hits report.
#include <doctest/doctest.h>

#include <algorithm>

#include "searcher/query_language.hpp"
#include "searcher_fixture.hpp"
#include "translation_table_fixture.hpp"
#include "xling/error.hpp"

using xling::test::SearchFixture;
using Ids = std::vector<std::string>;

namespace {

xling::SearchResults run(xling::Searcher& s, const std::string& query, xling::TranslationRequest translation = {}) {
    xling::SearchRequest request;
    request.query = query;
    request.limit = 100;
    request.translation = std::move(translation);
    return s.search(request);
}

std::vector<std::string> texts(const xling::QueryConcept& c, const std::string& lang) {
    std::vector<std::string> out;
    const auto it = c.translations.find(lang);
    if (it == c.translations.end()) return out;
    for (const auto& t : it->second) out.push_back(t.text);
    return out;
}

// The parenthesised group of `description` that contains `term`.
std::string group_of(const std::string& description, const std::string& term) {
    const auto at = description.find(term);
    if (at == std::string::npos) return "";
    std::size_t open = at;
    for (int depth = 0; open > 0; --open) {
        if (description[open - 1] == ')') ++depth;
        if (description[open - 1] == '(' && depth-- == 0) break;
    }
    std::size_t close = at;
    for (int depth = 0; close < description.size(); ++close) {
        if (description[close] == '(') ++depth;
        if (description[close] == ')' && depth-- == 0) break;
    }
    return description.substr(open, close - open);
}

}  // namespace

class TranslatingFixture : public SearchFixture {
  public:
    [[nodiscard]] xling::Searcher translating_searcher() const {
        // One bundle for every searcher of the suite, as a program shares its Resources.
        static const auto resources = [] {
            xling::ResourceOptions options;
            options.default_aliases = false;
            options.dict = xling::test::sample_table();
            return xling::test::resources_with(options);
        }();
        return xling::Searcher({db()}, resources);
    }
};

TEST_CASE("a Hungarian keyword query finds the other languages' documents only with translation") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    CHECK(SearchFixture::ids(run(s, "katonai együttműködés")) == Ids{"de1", "en1", "hu1", "lt1", "ru1"});
    xling::TranslationRequest off;
    off.enabled = false;
    const auto untranslated = run(s, "katonai együttműködés", off);
    CHECK(SearchFixture::ids(untranslated) == Ids{"hu1"});
    CHECK(untranslated.translation == "off (--no-translate)");
    // Without a table (the suite sets XLING_DICT empty) search works untranslated and says why.
    xling::Searcher plain = f.searcher();
    const auto no_table = run(plain, "katonai együttműködés");
    CHECK(SearchFixture::ids(no_table) == Ids{"hu1"});
    CHECK(no_table.translation.find("off (") == 0);
    CHECK(plain.dict_path().empty());
}

TEST_CASE("each word is one OP_SYNONYM of its own stems and its translations' stems") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    const auto r = run(s, "katonai együttműködés");
    REQUIRE(r.concepts.size() == 2);
    const std::string katonai = group_of(r.parsed, "Zhu:katon ");
    INFO(r.parsed);
    CHECK(katonai.find("SYNONYM") != std::string::npos);
    CHECK(katonai.find(" AND ") == std::string::npos);
    for (const char* term : {"Zde:militar", "Zen:militari", "Zlt:karin", "Zru:воен"}) {
        CHECK(katonai.find(term) != std::string::npos);
    }
    const std::string cooperation = group_of(r.parsed, "Zhu:együttműködés");
    CHECK(cooperation.find("Zde:zusammenarbeit") != std::string::npos);
    CHECK(cooperation.find("Zlt:bendradarbiavim") != std::string::npos);
    CHECK(cooperation.find("Zhu:katon") == std::string::npos);
    // The explanation: translations per language with weights, via and the terms searched.
    CHECK(texts(r.concepts[0], "en") == Ids{"military"});
    const auto& de = r.concepts[0].translations.at("de").front();
    CHECK(de.text == "militärisch");
    CHECK(de.via == "en");
    CHECK(de.from_lang == "hu");
    CHECK(de.weight > 0);
    CHECK(de.weight < r.concepts[0].translations.at("en").front().weight);  // a pivot weighs less
    CHECK(de.stems == Ids{"Zde:militar"});
}

TEST_CASE("fan-out is capped per language, weakest translations first dropped") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    xling::TranslationRequest one;
    one.max_per_language = 1;
    const auto r = run(s, "cooperation", one);
    REQUIRE(r.concepts.size() == 1);
    for (const auto& [lang, list] : r.concepts[0].translations) CHECK(list.size() == 1);
    CHECK(texts(r.concepts[0], "de") == Ids{"Zusammenarbeit"});
    xling::TranslationRequest strict;
    strict.min_weight = 0.99F;
    CHECK(run(s, "cooperation", strict).concepts[0].translations.empty());
}

TEST_CASE("hits report which translated forms matched, and snippets highlight them") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    const auto r = run(s, "katonai együttműködés");
    const auto de1 = std::find_if(r.hits.begin(), r.hits.end(), [](const xling::Hit& h) { return h.id == "de1"; });
    REQUIRE(de1 != r.hits.end());
    REQUIRE(de1->matched.size() == 2);
    REQUIRE(de1->matched[0].translations.size() == 1);
    CHECK(de1->matched[0].translations[0].lang == "de");
    CHECK(de1->matched[0].translations[0].text == "militärisch");
    CHECK(de1->matched[0].translations[0].forms == Ids{"militärische"});
    CHECK(de1->matched[1].translations[0].text == "Zusammenarbeit");
    CHECK(de1->snippet.find("militärische Zusammenarbeit]") != std::string::npos);
    const auto hu1 = std::find_if(r.hits.begin(), r.hits.end(), [](const xling::Hit& h) { return h.id == "hu1"; });
    REQUIRE(hu1 != r.hits.end());
    CHECK(hu1->matched[0].translations.empty());  // its own language: no translation involved
}

TEST_CASE("names, exact words and stopwords are not translated") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    CHECK(SearchFixture::ids(run(s, "=katonai")) == Ids{"hu1"});
    const auto r = run(s, "=military");
    CHECK(r.concepts[0].translations.empty());
    // "a" is a Hungarian stopword: in a Hungarian query it is left out in every language (not
    // searched by its stems elsewhere), and so never translated.
    const auto stop = run(s, "együttműködés a");
    CHECK(stop.query_language.code == "hu");
    REQUIRE(stop.concepts.size() == 1);
    CHECK(stop.ignored == std::vector<std::string>{"a"});
    CHECK(SearchFixture::ids(stop) == SearchFixture::ids(run(s, "együttműködés")));
}

TEST_CASE("the query language is detected from letters, dictionary and stopwords, or given") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    CHECK(run(s, "katonai együttműködés").query_language.code == "hu");
    CHECK(run(s, "military cooperation").query_language.code == "en");
    CHECK(run(s, "Zusammenarbeit").query_language.code == "de");
    CHECK(run(s, "сотрудничество").query_language.code == "ru");
    xling::TranslationRequest given;
    given.query_language = "en";
    const auto as_english = run(s, "katonai együttműködés", given);
    CHECK(as_english.query_language.method == "given");
    CHECK(SearchFixture::ids(as_english) == Ids{"hu1"});  // not English words: nothing to translate
    given.query_language = "xx";
    CHECK_THROWS_AS((void)run(s, "katonai", given), xling::RequestError);
}

TEST_CASE("letters alone decide short queries (no table needed)") {
    auto data = xling::analysis::AnalysisData::load(xling::test::kDataDir);
    const xling::searcher::QueryLanguageDetector detector(*data);
    xling::analysis::Analyzer analyzer(data);
    const xling::TranslationTable none;
    const Ids all{"hu", "de", "lt", "en", "ru"};
    const auto code = [&](const std::string& word) { return detector.detect({word}, word, all, none, analyzer).code; };
    CHECK(code("együttműködés") == "hu");
    CHECK(code("bendradarbiavimą") == "lt");
    CHECK(code("straße") == "de");
    CHECK(code("войска") == "ru");
    CHECK(code("xyzzy").empty());
    CHECK(detector.detect({"xyzzy"}, "xyzzy", all, none, analyzer).method == "undetermined");
}

TEST_CASE("an undetermined query translates from every language whose table has the word") {
    const TranslatingFixture f;
    xling::test::TempDir dir;
    xling::test::write_file(dir / "g.txt", "hu:alma -> de: Apfel\nlt:alma -> de: Obst\n");
    xling::Searcher s = f.translating_searcher();
    xling::TranslationRequest request;
    request.glossaries = {dir / "g.txt"};
    const auto r = run(s, "alma", request);
    CHECK(r.query_language.method == "undetermined");
    REQUIRE(r.concepts.size() == 1);
    const auto& de = r.concepts[0].translations.at("de");
    REQUIRE(de.size() == 2);
    CHECK(de[0].weight == doctest::Approx(0.5));  // weights shared between the two sources
    std::vector<std::string> from{de[0].from_lang, de[1].from_lang};
    std::sort(from.begin(), from.end());
    CHECK(from == Ids{"hu", "lt"});
}

TEST_CASE("a glossary overrides the table, read again at every query") {
    const TranslatingFixture f;
    xling::test::TempDir dir;
    xling::test::write_file(dir / "g.txt", "hu:katonai => de: Häuser\n");
    xling::Searcher s = f.translating_searcher();
    xling::TranslationRequest request;
    request.glossaries = {dir / "g.txt"};
    auto r = run(s, "katonai", request);
    CHECK(texts(r.concepts[0], "de") == Ids{"Häuser"});
    CHECK(r.concepts[0].translations.at("de")[0].via == "glossary");
    CHECK(r.translation.find("+ 1 glossary entries") != std::string::npos);
    // de1 says "Häuser" (not "militärisch" any more for this word).
    CHECK(SearchFixture::ids(r) == Ids{"de1", "en1", "hu1", "lt1", "ru1"});
    xling::test::write_file(dir / "g.txt", "hu:katonai => de:\nhu:katonai => en:\nhu:katonai => lt:\nhu:katonai => ru:\n");
    r = run(s, "katonai", request);
    CHECK(r.concepts[0].translations.empty());
    CHECK(SearchFixture::ids(r) == Ids{"hu1"});
    request.glossaries = {dir / "missing.txt"};
    CHECK_THROWS_AS((void)run(s, "katonai", request), xling::ConfigError);
}

TEST_CASE("a glossary alone translates when there is no table") {
    const TranslatingFixture f;
    xling::test::TempDir dir;
    xling::test::write_file(dir / "g.txt", "hu:katonai -> de: militärisch\n");
    xling::Searcher s = f.searcher();
    xling::TranslationRequest request;
    request.glossaries = {dir / "g.txt"};
    request.query_language = "hu";
    const auto r = run(s, "katonai", request);
    CHECK(SearchFixture::ids(r) == Ids{"de1", "hu1"});
}

TEST_CASE("a phrase translates as a whole where the table has it, otherwise word by word nearby") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    auto r = run(s, "\"katonai együttműködés\"");
    CHECK(SearchFixture::ids(r) == Ids{"de1", "en1", "hu1", "lt1", "ru1"});
    REQUIRE(r.concepts.size() == 1);
    CHECK(r.concepts[0].translation_note.find("word by word") != std::string::npos);
    CHECK(r.concepts[0].translations.at("de")[0].phrase);
    // Word by word, the words must stand together: de1 says "militärische" and, ten words
    // later, "Häuser".
    xling::test::TempDir dir;
    xling::test::write_file(dir / "g.txt", "hu:ház -> de: Haus\n");
    xling::TranslationRequest request;
    request.glossaries = {dir / "g.txt"};
    CHECK(SearchFixture::ids(run(s, "katonai ház", request)) == Ids{"de1"});
    CHECK(SearchFixture::ids(run(s, "\"katonai ház\"", request)).empty());

    xling::test::write_file(dir / "g.txt", "hu:katonai együttműködés => de: Zusammenarbeit zwischen Russland\n");
    r = run(s, "\"katonai együttműködés\"", request);
    CHECK(r.concepts[0].translation_note.find("as a whole into de") != std::string::npos);
    CHECK(texts(r.concepts[0], "de") == Ids{"Zusammenarbeit zwischen Russland"});
    CHECK(SearchFixture::ids(r) == Ids{"de1", "en1", "hu1", "lt1", "ru1"});
}

TEST_CASE("a translation table given explicitly must exist and be a table") {
    xling::test::TempDir dir;
    xling::ResourceOptions options;
    options.dict = dir / "missing.table";
    CHECK_THROWS_AS((void)xling::test::resources_with(options), xling::ConfigError);
    xling::test::write_file(dir / "text.table", "hu:katonai -> de: militärisch\n");
    options.dict = dir / "text.table";
    CHECK_THROWS_WITH_AS((void)xling::test::resources_with(options), doctest::Contains("not a translation table"),
                         xling::ConfigError);
}

// Hardening (issue 11): a glossary is re-read only when its file changed, not at every query.
#include "searcher/dict_loader.hpp"

namespace {
xling::analysis::Analyzer& glossary_analyzer() {
    static xling::analysis::Analyzer a(xling::analysis::AnalysisData::load(xling::test::kDataDir));
    return a;
}

// Dates the file back, as if edited a while ago (a fresh edit is always read again: see GlossaryCache).
void age(const std::filesystem::path& file, int seconds) {
    std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now() - std::chrono::seconds(seconds));
}
}  // namespace

TEST_CASE("GlossaryCache: unchanged glossaries are read once; an edit, a new size or another file is read again") {
    xling::test::TempDir dir;
    xling::test::write_file(dir / "g.txt", "hu:katonai => de: militärisch\n");
    age(dir / "g.txt", 60);
    xling::searcher::GlossaryCache cache;
    const xling::TranslationTable base;
    const std::vector<std::filesystem::path> files{dir / "g.txt"};
    for (int query = 0; query < 5; ++query) {
        CHECK(cache.get(base, files, glossary_analyzer()).stats().glossary_entries == 1);
    }
    CHECK(cache.reads() == 1);
    // Same size, new time: read again.
    xling::test::write_file(dir / "g.txt", "hu:katonai => de: militärics\n");
    age(dir / "g.txt", 30);
    CHECK(cache.get(base, files, glossary_analyzer()).stats().glossary_entries == 1);
    CHECK(cache.reads() == 2);
    // Just edited: read at every query until the edit is two seconds old.
    xling::test::write_file(dir / "g.txt", "hu:katonai => de: Häuser\nhu:alma => de: Apfel\n");
    CHECK(cache.get(base, files, glossary_analyzer()).stats().glossary_entries == 2);
    CHECK(cache.get(base, files, glossary_analyzer()).stats().glossary_entries == 2);
    CHECK(cache.reads() == 4);
    age(dir / "g.txt", 10);
    (void)cache.get(base, files, glossary_analyzer());
    (void)cache.get(base, files, glossary_analyzer());
    CHECK(cache.reads() == 5);
    // Another list of files, and an error: nothing cached, the next query reads again.
    CHECK(cache.get(base, {}, glossary_analyzer()).stats().glossary_entries == 0);
    CHECK_THROWS_AS((void)cache.get(base, {dir / "missing.txt"}, glossary_analyzer()), xling::ConfigError);
    (void)cache.get(base, files, glossary_analyzer());
    CHECK(cache.reads() == 7);
}

TEST_CASE("translation leaves out implausible stems and names cut to words") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    // Lithuanian `parama` stems to `par` (paros, parą, pardavus): dropped; the other senses stay.
    const auto cooperation = run(s, "cooperation");
    REQUIRE(!cooperation.concepts.empty());
    const auto lt = texts(cooperation.concepts[0], "lt");
    CHECK(std::find(lt.begin(), lt.end(), "parama") == lt.end());
    CHECK(std::find(lt.begin(), lt.end(), "bendradarbiavimas") != lt.end());

    xling::test::TempDir dir;
    // `kit` ("whom") has Hungarian stem `ki`, as `Kim` has: the name must not reach it by stem.
    xling::test::write_file(dir / "g.txt", "hu:kit -> de: wen\n");
    xling::TranslationRequest request;
    request.glossaries = {dir / "g.txt"};
    request.query_language = "hu";
    const auto kim = run(s, "Kim", request);
    REQUIRE(kim.concepts.size() == 1);
    CHECK(kim.concepts[0].translations.empty());
    CHECK(!run(s, "kit", request).concepts[0].translations.empty());  // the word itself is translated
}

namespace {
// `query` as English against the index `dir / "db"`, translated by `glossary` (its text) only.
xling::SearchResults run_english(const xling::test::TempDir& dir, const std::string& glossary, const std::string& query) {
    xling::test::write_file(dir / "g.txt", glossary);
    xling::Searcher s({dir / "db"}, xling::test::plain_resources());
    xling::TranslationRequest request;
    request.glossaries = {dir / "g.txt"};
    request.query_language = "en";
    return run(s, query, request);
}
}  // namespace

TEST_CASE("a translation found in most documents of its language is dropped") {
    using xling::test::doc;
    xling::test::TempDir dir;
    std::vector<xling::SourceDocument> docs;
    // 24 German documents: `Jahr` in 15 of them (over half), `Ernte` in 3.
    for (int i = 0; i < 24; ++i) {
        std::string text = "Bericht Nummer " + std::to_string(i) + " aus Berlin.";
        if (i < 15) text += " Das Jahr war lang.";
        if (i < 3) text += " Die Ernte war gut.";
        docs.push_back(doc("de-" + std::to_string(i), "de", text));
    }
    xling::test::index_documents(dir / "db", docs);
    const std::string glossary = "en:year -> de: Jahr\nen:harvest -> de: Ernte\n";
    const auto year = run_english(dir, glossary, "year");
    REQUIRE(year.concepts.size() == 1);
    CHECK(texts(year.concepts[0], "de").empty());
    CHECK(year.hits.empty());
    const auto harvest = run_english(dir, glossary, "harvest");
    CHECK(texts(harvest.concepts[0], "de") == Ids{"Ernte"});
    CHECK(harvest.hits.size() == 3);
}

TEST_CASE("a translation whose short stem stands mostly for other words is searched as written") {
    using xling::test::doc;
    xling::test::TempDir dir;
    // Lithuanian `minia` ("crowd") stems to `min`, as `minėtų` ("mentioned") does.
    std::vector<xling::SourceDocument> docs{doc("lt-crowd", "lt", "Minia susirinko aikštėje.")};
    for (int i = 0; i < 12; ++i) {
        docs.push_back(doc("lt-law-" + std::to_string(i), "lt", "Pagal minėtų įstatymų nuostatas, straipsnis " + std::to_string(i) + "."));
    }
    xling::test::index_documents(dir / "db", docs);
    CHECK(SearchFixture::ids(run_english(dir, "en:troops => lt: minia\n", "troops")) == Ids{"lt-crowd"});
}

TEST_CASE("a word typed without its diacritics is translated as the indexed word it completes to") {
    const TranslatingFixture f;
    xling::Searcher s = f.translating_searcher();
    const auto search = [&](xling::AccentMatching accents) {
        xling::SearchRequest request;
        request.query = "katonai egyuttmukodes";
        request.limit = 100;
        request.accents = accents;
        return s.search(request);
    };
    const auto folded = search(xling::AccentMatching::Fold);
    CHECK(SearchFixture::ids(folded) == Ids{"de1", "en1", "hu1", "lt1", "ru1"});
    REQUIRE(folded.concepts.size() == 2);
    CHECK(folded.concepts[1].translation_note == "translated as együttműködés (diacritics completed)");
    CHECK_FALSE(texts(folded.concepts[1], "de").empty());
    // --accents strict: the word as typed, which neither the index nor the table has.
    CHECK(search(xling::AccentMatching::Strict).hits.empty());
}
