// Building the table from small dictd files: both directions of each pair, weights (first senses
// first, confirmed pairs first), encoding repair, pivots through English (and German), stems,
// the fan-out cap, and the build report.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "translation/compiled_table.hpp"
#include "translation_fixture.hpp"
#include "xling/error.hpp"

using namespace xling;
using namespace xling::translation;
using xling::test::find_translation;
using xling::test::TempDir;
using xling::test::texts_for;

namespace {

using Strings = std::vector<std::string>;

struct SampleTable {
    TempDir dir;
    test::SampleStemmer stemmer;
    BuildReport report;
    TranslationTable table;

    explicit SampleTable(std::size_t max_per_language = 6) {
        test::write_sample_dictionaries(dir / "dictd");
        BuildOptions options;
        options.dictd_dir = dir / "dictd";
        options.max_per_language = max_per_language;
        options.pivots = {"en", "de"};  // the sample's eng-fra is no route here (test_routes.cpp)
        report = build_table(options, stemmer.function(), dir / "table.xdict");
        table = TranslationTable::load(dir / "table.xdict");
    }

    [[nodiscard]] std::vector<TargetTranslations> lookup(std::string_view lang, std::string_view word) const {
        return table.lookup(lang, word, stemmer.stem(lang, word));
    }
};

const PairReport* find_pair(const BuildReport& report, std::string_view source, std::string_view target) {
    const auto it = std::find_if(report.pairs.begin(), report.pairs.end(),
                                 [&](const PairReport& p) { return p.source == source && p.target == target; });
    return it == report.pairs.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("the build reads the dictionaries of the selected languages and reports them") {
    const SampleTable t;
    CHECK(t.report.dictionaries.size() == 6);  // not eng-fra
    const auto& eng_deu = *std::find_if(t.report.dictionaries.begin(), t.report.dictionaries.end(),
                                        [](const DictionaryReport& d) { return d.file.source == "en" && d.file.target == "de"; });
    CHECK(eng_deu.title == "English - German test dictionary");
    CHECK(eng_deu.articles == 5);
    CHECK(eng_deu.translations == 6);
    CHECK(t.report.repairs.hungarian_letters == 1);  // együttmûködés
    CHECK(t.report.repairs.stress_marks == 1);       // кооперация
    CHECK(t.report.keys > 0);
    CHECK(t.report.bytes == std::filesystem::file_size(t.dir / "table.xdict"));
    CHECK(t.report.warnings.empty());
    REQUIRE(find_pair(t.report, "hu", "en") != nullptr);
    CHECK(find_pair(t.report, "hu", "en")->route == "direct 100%");
    REQUIRE(find_pair(t.report, "hu", "de") != nullptr);
    CHECK(find_pair(t.report, "hu", "de")->route == "via en 100%");
    CHECK(find_pair(t.report, "hu", "de")->direct_words == 0);
}

TEST_CASE("both directions of a pair translate, from either dictionary") {
    const SampleTable t;
    // eng-deu and, inverted, deu-eng.
    CHECK(texts_for(t.lookup("en", "military"), "de") == Strings{"militärisch"});
    CHECK(texts_for(t.lookup("de", "militärisch"), "en") == Strings{"military"});
    // Only eng-lit knows Lithuanian: inverted, it translates lt -> en, at the inverse weight.
    const auto karinis = find_translation(t.lookup("lt", "karinis"), "en", "military");
    REQUIRE(karinis.has_value());
    CHECK(karinis->via == "direct");
    CHECK(karinis->weight == doctest::Approx(0.5).epsilon(0.01));
    // hun-eng says katonai -> military (0.8); eng-hun confirms it as sense 2 (0.5 × 1/2).
    const auto katonai = find_translation(t.lookup("hu", "katonai"), "en", "military");
    REQUIRE(katonai.has_value());
    CHECK(katonai->weight == doctest::Approx(1 - 0.2 * 0.75).epsilon(0.01));
}

TEST_CASE("first senses first; pairs both dictionaries list before pairs one lists") {
    const SampleTable t;
    CHECK(texts_for(t.lookup("hu", "együttműködés"), "en") == Strings{"cooperation", "collaboration"});
    CHECK(texts_for(t.lookup("en", "military"), "hu") == Strings{"katonaság", "katonai"});
    // Ding lists Zusammenarbeit -> association first, in a bare article; eng-deu and the
    // examples confirm cooperation.
    const auto en = texts_for(t.lookup("de", "zusammenarbeit"), "en");
    REQUIRE(en.size() == 3);
    CHECK(en.back() == "association");
    // An uncommon label halves the weight: Kooperation [geh.] after Zusammenarbeit.
    CHECK(texts_for(t.lookup("en", "cooperation"), "de").front() == "Zusammenarbeit");
}

TEST_CASE("Hungarian text is repaired before it is keyed") {
    const SampleTable t;
    CHECK(texts_for(t.lookup("en", "cooperation"), "hu") == Strings{"együttműködés"});
    CHECK(t.table.translations("hu", "együttmûködés").empty());
    // eng-hun's (repaired) translation and hun-eng's headword are one key.
    CHECK(find_translation(t.table.translations("hu", "együttműködés"), "en", "cooperation").has_value());
    // Stress marks are gone from Russian.
    CHECK(texts_for(t.lookup("de", "zusammenarbeit"), "ru") == Strings{"сотрудничество", "кооперация"});
}

TEST_CASE("pairs without a dictionary go through English, at a lower weight") {
    const SampleTable t;
    const auto militarisch = find_translation(t.lookup("hu", "katonai"), "de", "militärisch");
    REQUIRE(militarisch.has_value());
    CHECK(militarisch->via == "en");
    const auto to_en = find_translation(t.lookup("hu", "katonai"), "en", "military")->weight;
    const auto en_to_de = find_translation(t.lookup("en", "military"), "de", "militärisch")->weight;
    // At least the path through "military" at half weight (one route: English; nothing
    // confirmed, so not weakened); a pivot never outweighs its first leg.
    CHECK(militarisch->weight >= doctest::Approx(0.5 * to_en * en_to_de).epsilon(0.02));
    CHECK(militarisch->weight < to_en);

    CHECK(texts_for(t.lookup("hu", "együttműködés"), "lt").front() == "bendradarbiavimas");
    CHECK(texts_for(t.lookup("hu", "együttműködés"), "de").front() == "Zusammenarbeit");
    CHECK(find_translation(t.lookup("hu", "együttműködés"), "lt", "bendradarbiavimas")->via == "en");
    CHECK(find_translation(t.lookup("de", "zusammenarbeit"), "hu", "együttműködés")->via == "en");
    CHECK(find_translation(t.lookup("lt", "karinis"), "hu", "katonaság").has_value());
    CHECK(find_translation(t.lookup("lt", "karinis"), "de", "militärisch").has_value());
}

TEST_CASE("English pivots into Russian through German, Hungarian through both") {
    const SampleTable t;
    const auto en = find_translation(t.lookup("en", "military"), "ru", "военный");
    REQUIRE(en.has_value());
    CHECK(en->via == "de");
    const auto hu = find_translation(t.lookup("hu", "katonai"), "ru", "военный");
    REQUIRE(hu.has_value());
    CHECK(hu->via == "en+de");
    CHECK(hu->weight < en->weight);
}

TEST_CASE("no pivot path passes through its own source or target language") {
    const SampleTable t;
    std::size_t pivots = 0;
    t.table.for_each([&](std::string_view src, std::string_view, std::string_view tgt, const Translation& tr) {
        if (tr.via == "direct") return;
        ++pivots;
        CHECK(tr.via.find(src) == std::string::npos);
        CHECK(tr.via.find(tgt) == std::string::npos);
    });
    CHECK(pivots > 0);
}

TEST_CASE("inflected words find their dictionary form through the stem") {
    const SampleTable t;
    const auto exact = find_translation(t.lookup("hu", "együttműködés"), "en", "cooperation");
    const auto inflected = find_translation(t.lookup("hu", "együttműködését"), "en", "cooperation");
    REQUIRE(inflected.has_value());
    CHECK(inflected->key == "együttműködés");
    CHECK(inflected->weight == doctest::Approx(0.9 * exact->weight).epsilon(0.01));
    // No stem given: exact words only.
    CHECK(t.table.translations("hu", "együttműködését").empty());
    // English plural -> singular entry.
    const auto sanctions = find_translation(t.lookup("en", "sanctions"), "de", "Sanktion");
    REQUIRE(sanctions.has_value());
    CHECK(sanctions->key == "sanction");
}

TEST_CASE("phrase keys are normalized words joined by spaces") {
    const SampleTable t;
    CHECK(find_translation(t.table.translations("en", "co operation"), "de", "Zusammenarbeit").has_value());
    CHECK(t.table.max_key_words() >= 2);
}

TEST_CASE("the fan-out is capped at build and at lookup") {
    const SampleTable capped(1);
    CHECK(texts_for(capped.lookup("en", "cooperation"), "de").size() == 1);
    const SampleTable t;
    CHECK(texts_for(t.lookup("en", "cooperation"), "de").size() == 3);
    TranslationOptions one;
    one.max_per_language = 1;
    const auto result = t.table.lookup("en", "cooperation", "cooper", one);
    for (const auto& target : result) CHECK(target.translations.size() == 1);
    TranslationOptions only;
    only.target_languages = {"lt", "hu"};
    const auto filtered = t.table.translations("en", "cooperation", only);
    REQUIRE(filtered.size() == 2);
    CHECK(filtered[0].lang == "lt");
    CHECK(filtered[1].lang == "hu");
}

TEST_CASE("the built file passes a full check") {
    const SampleTable t;
    CHECK_NOTHROW(CompiledTable(t.dir / "table.xdict").verify());
}

TEST_CASE("bad build options are errors") {
    TempDir dir;
    BuildOptions options;
    options.dictd_dir = dir / "missing";
    CHECK_THROWS_AS((void)build_table(options, {}, dir / "t"), InputError);
    options.dictd_dir = dir.path();
    options.pivots = {"en", "de", "fr", "it", "nl", "fi", "el", "pl", "sv", "ja", "es", "pt", "cs", "bg", "hr", "sk"};
    CHECK_THROWS_WITH_AS((void)build_table(options, {}, dir / "t"), doctest::Contains("at most 15"), ConfigError);
    options.pivots = {"en"};
    options.languages = {"en"};
    CHECK_THROWS_AS((void)build_table(options, {}, dir / "t"), ConfigError);
    // No dictionary at all: an empty table and a warning per language.
    options.languages = {"en", "hu"};
    const auto report = build_table(options, {}, dir / "t");
    CHECK(report.keys == 0);
    CHECK(report.warnings.size() == 2);
}
