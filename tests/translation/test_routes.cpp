// Pivot routes through languages outside the table (fr, it: FreeDict's fra-lit, ita-lit), their
// agreement weighting, and lookups by lemma keys (katonák -> katona, Truppen -> Truppe,
// karius -> karys), on small dictd files written here.
#include <doctest/doctest.h>

#include <string>

#include "translation_fixture.hpp"

using namespace xling;
using namespace xling::translation;
using xling::test::find_translation;
using xling::test::TempDir;

namespace {

// German "Soldat" reaches Lithuanian "kareivis" through French, Italian and English (three
// routes) and "kariškis" through English only; "Heer" reaches "kariuomenė" through two English
// words of one route.
void write_route_dictionaries(const std::filesystem::path& dir) {
    test::write_dictd(dir, "freedict-deu-fra", {"Soldat\nsoldat\n"});
    test::write_dictd(dir, "freedict-fra-lit", {"soldat\nkareivis\n"});
    test::write_dictd(dir, "freedict-deu-ita", {"Soldat\nsoldato\n"});
    test::write_dictd(dir, "freedict-ita-lit", {"soldato\nkareivis\n"});
    test::write_dictd(dir, "freedict-deu-eng", {"Soldat\nsoldier\n", "Heer\narmy, host\n"});
    test::write_dictd(dir, "freedict-eng-lit", {"soldier\nkareivis, kariškis\n", "army\nkariuomenė\n", "host\nkariuomenė, šeimininkas\n"});
}

struct RouteTable {
    TempDir dir;
    test::SampleStemmer stemmer;
    BuildReport report;
    TranslationTable table;

    explicit RouteTable(std::vector<std::string> pivots) {
        write_route_dictionaries(dir / "dictd");
        BuildOptions options;
        options.dictd_dir = dir / "dictd";
        options.languages = {"de", "lt", "en"};
        options.pivots = std::move(pivots);
        report = build_table(options, stemmer.function(), dir / "table.xdict");
        table = TranslationTable::load(dir / "table.xdict");
    }
    [[nodiscard]] float weight(std::string_view src, std::string_view word, std::string_view lang, std::string_view text) const {
        const auto t = find_translation(table.translations(src, word), lang, text);
        REQUIRE(t.has_value());
        return t->weight;
    }
};

}  // namespace

TEST_CASE("pivot-only languages carry routes but are not table languages") {
    const RouteTable t({"en", "fr", "it"});
    CHECK(t.report.dictionaries.size() == 6);
    CHECK(t.table.languages() == std::vector<std::string>{"de", "lt", "en"});
    CHECK(t.table.translations("fr", "soldat").empty());
    const auto kareivis = find_translation(t.table.translations("de", "soldat"), "lt", "kareivis");
    REQUIRE(kareivis.has_value());
    CHECK(kareivis->via != "direct");
}

TEST_CASE("a translation several routes agree on outranks one a single route reaches") {
    const RouteTable all({"en", "fr", "it"});
    const RouteTable english({"en"});
    // In the English-only table both are single-route pivots of the same first leg.
    const float kareivis_en = english.weight("de", "soldat", "lt", "kareivis");
    const float kariskis_en = english.weight("de", "soldat", "lt", "kariškis");
    CHECK(kareivis_en > kariskis_en);  // first translation first
    // Three routes: noisy-or of the paths, none of them weakened as single-route.
    const float kareivis = all.weight("de", "soldat", "lt", "kareivis");
    CHECK(kareivis > kareivis_en);
    CHECK(kareivis > 0.5F * english.weight("de", "soldat", "en", "soldier") * english.weight("en", "soldier", "lt", "kareivis"));
    // One route only, beside a confirmed one: 0.6 × its path weight (0.5 per hop × both legs).
    const float path = 0.5F * all.weight("de", "soldat", "en", "soldier") * all.weight("en", "soldier", "lt", "kariškis");
    CHECK(all.weight("de", "soldat", "lt", "kariškis") == doctest::Approx(0.6F * path).epsilon(0.03));
}

TEST_CASE("two pivot words of one route are one piece of evidence") {
    const RouteTable t({"en"});
    // Heer -> army -> kariuomenė and Heer -> host -> kariuomenė: the better path, not their
    // noisy-or; not weakened either, as no translation of Heer into lt is confirmed (one route
    // is all there is).
    const float army = 0.5F * t.weight("de", "heer", "en", "army") * t.weight("en", "army", "lt", "kariuomenė");
    CHECK(t.weight("de", "heer", "lt", "kariuomenė") == doctest::Approx(army).epsilon(0.03));
}

TEST_CASE("inflected query words find their headwords by lemma keys (Snowball fallback)") {
    TempDir dir;
    test::write_dictd(dir / "dictd", "freedict-hun-eng", {"katona\nsoldier\n"});
    test::write_dictd(dir / "dictd", "freedict-deu-eng", {"Truppe\ntroop\n"});
    test::write_dictd(dir / "dictd", "freedict-lit-eng", {"karys\nsoldier\n", "karas\nwar\n"});
    const test::SampleStemmer stemmer;
    BuildOptions options;
    options.dictd_dir = dir / "dictd";
    (void)build_table(options, stemmer.function(), dir / "table.xdict");
    const TranslationTable table = TranslationTable::load(dir / "table.xdict");
    const auto by_lemma = [&](std::string_view lang, std::string_view word) {
        return table.lookup(lang, word, std::vector<std::string>{stemmer.stem(lang, word)});
    };
    // Hungarian: the stem of katonák is "katona", itself the headword (katona's own stem is "katon").
    CHECK(stemmer.stem("hu", "katonák") == "katona");
    const auto katona = find_translation(by_lemma("hu", "katonák"), "en", "soldier");
    REQUIRE(katona.has_value());
    CHECK(katona->key == "katona");
    // German plural -> singular through the shared stem.
    const auto truppe = find_translation(by_lemma("de", "truppen"), "en", "troop");
    REQUIRE(truppe.has_value());
    CHECK(truppe->key == "truppe");
    // Lithuanian: karius and karys share the stem "kar". So does karas "war", as near in
    // spelling: Snowball cannot tell them apart, analysis lemmas (karius -> karys) will.
    const auto karys = by_lemma("lt", "karius");
    REQUIRE(find_translation(karys, "en", "soldier").has_value());
    CHECK(find_translation(karys, "en", "soldier")->key == "karys");
    CHECK(find_translation(karys, "en", "war").has_value());
    // By form only: nothing.
    CHECK(table.lookup("hu", "katonák", std::vector<std::string>{}).empty());
}

TEST_CASE("a pivot translation of a form does not hide its lemma's direct one") {
    TempDir dir;
    test::write_dictd(dir / "dictd", "freedict-eng-lit", {"troop\nbūrys\n"});
    test::write_dictd(dir / "dictd", "freedict-eng-fra", {"troops\ntroupes\n"});
    test::write_dictd(dir / "dictd", "freedict-fra-lit", {"troupes\naibė\n"});
    const test::SampleStemmer stemmer;
    BuildOptions options;
    options.dictd_dir = dir / "dictd";
    options.languages = {"en", "lt"};
    options.pivots = {"fr"};
    (void)build_table(options, stemmer.function(), dir / "table.xdict");
    const TranslationTable table = TranslationTable::load(dir / "table.xdict");
    const auto result = table.lookup("en", "troops", stemmer.stem("en", "troops"));
    REQUIRE(find_translation(result, "lt", "būrys").has_value());
    CHECK(find_translation(result, "lt", "būrys")->key == "troop");
    REQUIRE(find_translation(result, "lt", "aibė").has_value());
    CHECK(find_translation(result, "lt", "būrys")->weight > find_translation(result, "lt", "aibė")->weight);
}
