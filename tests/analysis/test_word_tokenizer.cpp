// Stage 1: word segmentation with ICU word breaks; spans are byte offsets (analysis/word_tokenizer.hpp).
#include <doctest/doctest.h>

#include <string_view>
#include <utility>
#include <vector>

#include "analysis/word_tokenizer.hpp"
#include "helpers.hpp"

using xling::analysis::WordSpan;
using xling::analysis::WordTokenizer;
using xling::test::ranges;
using xling::test::surfaces;

namespace {
std::vector<WordSpan> split(std::string_view text) {
    WordTokenizer tokenizer;
    std::vector<WordSpan> spans;
    tokenizer.split(text, spans);
    return spans;
}
}  // namespace

TEST_SUITE("word_tokenizer") {

TEST_CASE("en: hyphen separates words, 'Kim Jong-un' is three spans") {
    constexpr std::string_view text = "Kim Jong-un";
    const auto spans = split(text);
    CHECK(surfaces(text, spans) == "Kim|Jong|un");
    CHECK(ranges(spans) == "0-3,4-8,9-11");
}

TEST_CASE("en: inner apostrophe keeps a possessive as one word") {
    constexpr std::string_view text = "Belousov's trip";
    const auto spans = split(text);
    CHECK(surfaces(text, spans) == "Belousov's|trip");
    CHECK(ranges(spans) == "0-10,11-15");
}

TEST_CASE("en: typographic apostrophe also keeps one word") {
    constexpr std::string_view text = "Belousov\xE2\x80\x99s";
    CHECK(ranges(split(text)) == "0-12");
}

TEST_CASE("hu: 'észak-koreai' is two words with byte offsets past the two-byte é") {
    constexpr std::string_view text = "észak-koreai";
    const auto spans = split(text);
    CHECK(surfaces(text, spans) == "észak|koreai");
    CHECK(ranges(spans) == "0-6,7-13");
}

TEST_CASE("lt: punctuation after a word is not part of it") {
    constexpr std::string_view text = "Pchenjaną, Rusijos.";
    const auto spans = split(text);
    CHECK(surfaces(text, spans) == "Pchenjaną|Rusijos");
    CHECK(ranges(spans) == "0-10,12-19");
}

TEST_CASE("lt: Šiaurės Korėja keeps its diacritics inside words") {
    constexpr std::string_view text = "„Šiaurės Korėją“";
    CHECK(surfaces(text, split(text)) == "Šiaurės|Korėją");
}

TEST_CASE("ru: Cyrillic words, offsets in bytes") {
    constexpr std::string_view text = "Путиным и Белоусовым";
    const auto spans = split(text);
    CHECK(surfaces(text, spans) == "Путиным|и|Белоусовым");
    CHECK(ranges(spans) == "0-14,15-17,18-38");
}

TEST_CASE("ru: guillemets and ё") {
    constexpr std::string_view text = "«Чёрном море»";
    CHECK(surfaces(text, split(text)) == "Чёрном|море");
}

TEST_CASE("de: compound and umlaut stay one word") {
    constexpr std::string_view text = "militärische Zusammenarbeit mit Pjöngjang.";
    CHECK(surfaces(text, split(text)) == "militärische|Zusammenarbeit|mit|Pjöngjang");
}

TEST_CASE("hu: numbers in a date: '2025. május 9-i'") {
    constexpr std::string_view text = "2025. május 9-i";
    const auto spans = split(text);
    CHECK(surfaces(text, spans) == "2025|május|9|i");
    CHECK(ranges(spans) == "0-4,6-12,13-14,15-16");
}

TEST_CASE("numbers with inner separators are one word") {
    CHECK(ranges(split("3.5")) == "0-3");
    CHECK(surfaces("10,000 troops", split("10,000 troops")) == "10,000|troops");
    CHECK(surfaces("10.000 Soldaten", split("10.000 Soldaten")) == "10.000|Soldaten");
    CHECK(surfaces("10 000 karių", split("10 000 karių")) == "10|000|karių");
}

TEST_CASE("empty text has no words") {
    CHECK(split("").empty());
}

TEST_CASE("only punctuation, spaces and symbols has no words") {
    CHECK(split(" ,.;:!?-–— „“ «» () % $ \n\t").empty());
}

TEST_CASE("split replaces the output and the tokenizer is reusable") {
    WordTokenizer tokenizer;
    std::vector<WordSpan> spans{{100, 200}, {300, 400}};
    tokenizer.split("Sojgu", spans);
    CHECK(ranges(spans) == "0-5");
    tokenizer.split("Шойгу и зерно", spans);
    CHECK(ranges(spans) == "0-10,11-13,14-24");
    tokenizer.split("...", spans);
    CHECK(spans.empty());
}

TEST_CASE("a moved tokenizer still works") {
    WordTokenizer first;
    WordTokenizer second(std::move(first));
    std::vector<WordSpan> spans;
    second.split("Kim Jong Un", spans);
    CHECK(ranges(spans) == "0-3,4-8,9-11");
}

}  // TEST_SUITE
