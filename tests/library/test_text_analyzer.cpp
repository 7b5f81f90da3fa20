// TextAnalyzer: the public view of the analysis chain (what xling-analyze and xling.analyze() show).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/test_resources.hpp"
#include "xling/error.hpp"
#include "xling/text_analyzer.hpp"

using xling::test::plain_resources;

TEST_CASE("words come with their byte offsets, normalized form and stem in the language") {
    xling::TextAnalyzer analyzer(plain_resources());
    const std::string text = "Die Zusammenarbeit mit Moskau";
    const auto words = analyzer.analyze(text, "de");
    REQUIRE(words.size() == 4);
    CHECK(words[0].word == "die");
    CHECK(words[0].stopword);
    CHECK(words[0].stem.empty());
    CHECK(text.substr(words[1].begin, words[1].end - words[1].begin) == "Zusammenarbeit");
    CHECK(words[1].word == "zusammenarbeit");
    CHECK(words[1].stem == "zusammenarbeit");
    CHECK_FALSE(words[1].stopword);
    CHECK(words[3].word == "moskau");
    CHECK(words[3].capitalized);
}

TEST_CASE("a capitalised word that is not a stopword has name keys; others have none") {
    xling::TextAnalyzer analyzer(plain_resources());
    const auto words = analyzer.analyze("Шойгу прибыл", "ru");
    REQUIRE(words.size() == 2);
    CHECK_FALSE(words[0].name_keys.empty());
    CHECK(words[1].name_keys.empty());
    // The key is the same as that of the Latin spelling, which is what matches across scripts.
    const auto latin = analyzer.analyze("Sojgu", "hu");
    REQUIRE(latin.size() == 1);
    CHECK(latin[0].name_keys.front() == words[0].name_keys.front());
}

TEST_CASE("byte offsets count UTF-8 bytes, and stems are Snowball's") {
    xling::TextAnalyzer analyzer(plain_resources());
    const std::string text = "Ką Rusijos";
    const auto words = analyzer.analyze(text, "lt");
    REQUIRE(words.size() == 2);
    CHECK(words[1].begin == 4);  // "Ą" is two bytes
    CHECK(words[1].stem == "rusij");
}

TEST_CASE("an unknown language, bad UTF-8 and missing resources are errors") {
    xling::TextAnalyzer analyzer(plain_resources());
    CHECK_THROWS_AS((void)analyzer.analyze("text", "xx"), xling::RequestError);
    CHECK_THROWS_WITH_AS((void)analyzer.analyze("ab\xff", "en"), "invalid UTF-8 at byte 2", xling::InputError);
    CHECK_THROWS_AS(xling::TextAnalyzer(nullptr), xling::ConfigError);
}

TEST_CASE("und: no stopwords, the stem is the word") {
    xling::TextAnalyzer analyzer(plain_resources());
    const auto words = analyzer.analyze("le Monde", "und");
    REQUIRE(words.size() == 2);
    CHECK(words[0].stem == "le");
    CHECK_FALSE(words[0].stopword);
}
