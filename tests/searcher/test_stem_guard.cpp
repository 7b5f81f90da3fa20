// The stem guard (searcher/stem_guard.hpp): per language, the stems a query word may be searched
// by, with the real stopword lists and Snowball stemmers.
#include <doctest/doctest.h>

#include <string>

#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "searcher/stem_guard.hpp"
#include "support/test_resources.hpp"

namespace {
xling::analysis::Analyzer& analyzer() {
    static xling::analysis::Analyzer instance(xling::analysis::AnalysisData::load(xling::test::kDataDir));
    return instance;
}

bool plausible(const std::string& lang, const std::string& word) {
    const std::string stem = analyzer().stem(lang, word);
    REQUIRE(!stem.empty());
    return xling::searcher::plausible_stem(analyzer(), lang, word, stem);
}
}  // namespace

TEST_CASE("Hungarian: names are not cut down to Hungarian words") {
    CHECK(analyzer().stem("hu", "kim") == "ki");  // "who": 351 law texts
    CHECK_FALSE(plausible("hu", "kim"));
    CHECK(analyzer().stem("hu", "seoul") == "se");
    CHECK_FALSE(plausible("hu", "seoul"));
    CHECK(plausible("hu", "putin"));
    // Inflected names and ordinary words keep their stems.
    CHECK(plausible("hu", "putyinnal"));
    CHECK(plausible("hu", "phenjanba"));
    CHECK(plausible("hu", "együttműködés"));
    CHECK(plausible("hu", "együttműködést"));
    // A 3-letter stem of a long word is a real Hungarian stem (measured: as precise as the rest).
    CHECK(analyzer().stem("hu", "házakban") == "ház");
    CHECK(plausible("hu", "házakban"));
}

TEST_CASE("Lithuanian: a stem that keeps half of a short word is not searched") {
    CHECK(analyzer().stem("lt", "parama") == "par");  // paros, parą, pardavus
    CHECK_FALSE(plausible("lt", "parama"));
    CHECK(plausible("lt", "belousovas"));
    CHECK(plausible("lt", "rusija"));
    CHECK(plausible("lt", "rusijos"));
    // The table may still find `parama` by its stem (its own keys keep that precise).
    CHECK(xling::searcher::stem_keeps_a_word(analyzer(), "lt", "parama", "par"));
    CHECK_FALSE(xling::searcher::stem_keeps_a_word(analyzer(), "hu", "kim", "ki"));
}

TEST_CASE("Russian: a two-letter stem of a longer word is not searched") {
    CHECK(analyzer().stem("ru", "рой") == "ро");  // орда/толпа/рой: `troops`
    CHECK_FALSE(plausible("ru", "рой"));
    CHECK(plausible("ru", "россии"));
    CHECK(plausible("ru", "сотрудничество"));
}

TEST_CASE("German and English: ordinary inflection keeps its stems; a word that is its own stem always does") {
    CHECK(plausible("de", "zusammenarbeit"));
    CHECK(plausible("de", "zusammenarbeiten"));
    CHECK(plausible("en", "cooperations"));
    CHECK(plausible("en", "kim"));
    CHECK(plausible("de", "eu"));  // stem == word: nothing is lost
}
