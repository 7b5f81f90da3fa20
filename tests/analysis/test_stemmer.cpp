// Stage 4: Snowball stemmers (analysis/stemmer.hpp). These cases pin down the conflations that
// cross-document matching in the sample corpus relies on; words are given normalized (lowercase).
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <string_view>

#include "analysis/stemmer.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"

using xling::analysis::Stemmer;

namespace {
/// Checks that all `forms` get the same stem; returns that stem.
std::string check_same_stem(std::string_view algorithm, std::initializer_list<std::string_view> forms) {
    Stemmer stemmer(algorithm);
    const std::string expected = stemmer.stem(*forms.begin());
    CHECK_FALSE(expected.empty());
    for (std::string_view form : forms) {
        CAPTURE(form);
        CHECK(stemmer.stem(form) == expected);
    }
    return expected;
}
}  // namespace

TEST_SUITE("stemmer") {

TEST_CASE("de: Zusammenarbeit and zusammenarbeiten share a stem") {
    check_same_stem("german", {"zusammenarbeit", "zusammenarbeiten"});
}

TEST_CASE("de: Russland/Russlands and Sanktion/Sanktionen share a stem") {
    check_same_stem("german", {"russland", "russlands"});
    check_same_stem("german", {"sanktion", "sanktionen"});
}

TEST_CASE("lt: Rusija in four cases shares a stem") {
    check_same_stem("lithuanian", {"rusija", "rusijos", "rusijai", "rusiją"});
}

TEST_CASE("lt: Putinas in four cases shares a stem") {
    check_same_stem("lithuanian", {"putinas", "putinu", "putiną", "putinui"});
}

TEST_CASE("hu: együttműködés and its accusative share a stem") {
    check_same_stem("hungarian", {"együttműködés", "együttműködését"});
}

TEST_CASE("en: cooperation/cooperations, sanction/sanctions share a stem") {
    check_same_stem("english", {"cooperation", "cooperations"});
    check_same_stem("english", {"sanction", "sanctions"});
}

TEST_CASE("en: export inflections share a stem") {
    CHECK(check_same_stem("english", {"export", "exports", "exported", "exporting"}) == "export");
}

TEST_CASE("ru: Путин in four cases shares a stem") {
    CHECK(check_same_stem("russian", {"путин", "путина", "путину", "путиным"}) == "путин");
}

TEST_CASE("ru: Россия in three cases shares a stem") {
    check_same_stem("russian", {"россия", "россии", "россию"});
}

TEST_CASE("stems differ across unrelated words") {
    Stemmer en("english");
    CHECK(en.stem("grain") != en.stem("sanctions"));
    Stemmer lt("lithuanian");
    CHECK(lt.stem("rusija") != lt.stem("putinas"));
}

TEST_CASE("every supported language's Snowball algorithm is available (or it has a Hunspell dictionary instead)") {
    for (const xling::LanguageInfo& lang : xling::supported_languages()) {
        CAPTURE(lang.code);
        if (lang.snowball.empty()) {
            CHECK_FALSE(lang.hunspell.empty());  // Ukrainian, Polish: lemmas only
            continue;
        }
        CHECK_NOTHROW(Stemmer{lang.snowball});
    }
}

TEST_CASE("a stemmer is reusable and stems the empty word to empty") {
    Stemmer de("german");
    const std::string first = de.stem("zusammenarbeiten");
    CHECK(de.stem("") == "");
    CHECK(de.stem("zusammenarbeiten") == first);
}

TEST_CASE("unknown algorithm throws ConfigError naming it") {
    CHECK_THROWS_AS(Stemmer("klingon"), xling::ConfigError);
    CHECK_THROWS_WITH_AS(Stemmer("klingon"), doctest::Contains("klingon"), xling::ConfigError);
    CHECK_THROWS_AS(Stemmer(""), xling::ConfigError);
}

}  // TEST_SUITE
