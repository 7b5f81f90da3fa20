// The whole chain: Analyzer = tokenizer -> normalizer -> stopword marking -> stemmer
// (analysis/analyzer.hpp), with the real stopword lists.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/normalizer.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/word_tokenizer.hpp"
#include "helpers.hpp"
#include "xling/language.hpp"

using xling::analysis::AnalyzedToken;
using xling::analysis::Analyzer;
using xling::analysis::kMaxWordBytes;
using xling::test::join;

namespace {
std::vector<AnalyzedToken> analyze(std::string_view text, std::string_view lang) {
    Analyzer analyzer(xling::test::analysis_data());
    std::vector<AnalyzedToken> tokens;
    analyzer.analyze(text, lang, tokens);
    return tokens;
}

std::string words_of(const std::vector<AnalyzedToken>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.word);
    return join(out);
}

/// Stems joined with '|', a stopword shown as "-".
std::string stems_of(const std::vector<AnalyzedToken>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.push_back(t.stopword ? "-" : t.stem);
    return join(out);
}

std::string surfaces_of(std::string_view text, const std::vector<AnalyzedToken>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
    return join(out);
}

/// Stopword tokens have an empty stem, content tokens a non-empty one.
void check_stopword_invariant(const std::vector<AnalyzedToken>& tokens) {
    for (const auto& t : tokens) {
        CAPTURE(t.word);
        if (t.stopword) {
            CHECK(t.stem.empty());
        } else {
            CHECK_FALSE(t.stem.empty());
        }
    }
}

std::string stem_with(std::string_view algorithm, std::string_view word) {
    xling::analysis::Stemmer stemmer(algorithm);
    return stemmer.stem(word);
}
}  // namespace

TEST_SUITE("analyzer") {

TEST_CASE("hu: stopwords marked but kept in place, content words stemmed") {
    const auto tokens = analyze("Putyin és Csve Szonhui a szankciókról tárgyalt.", "hu");
    CHECK(words_of(tokens) == "putyin|és|csve|szonhui|a|szankciókról|tárgyalt");
    REQUIRE(tokens.size() == 7);
    CHECK(tokens[1].stopword);
    CHECK(tokens[4].stopword);
    CHECK_FALSE(tokens[0].stopword);
    CHECK(tokens[5].stem == stem_with("hungarian", "szankciókról"));
    check_stopword_invariant(tokens);
}

TEST_CASE("hu: inflected forms in a sentence meet on one stem") {
    const auto tokens = analyze("Az együttműködés és az együttműködését", "hu");
    CHECK(stems_of(tokens) == "-|" + stem_with("hungarian", "együttműködés") + "|-|-|" +
                                  stem_with("hungarian", "együttműködés"));
}

TEST_CASE("de: Die and mit are stopwords, Zusammenarbeit/zusammenarbeiten share a stem") {
    const auto tokens = analyze("Die militärische Zusammenarbeit mit Nordkorea, zusammenarbeiten", "de");
    CHECK(words_of(tokens) == "die|militärische|zusammenarbeit|mit|nordkorea|zusammenarbeiten");
    REQUIRE(tokens.size() == 6);
    CHECK(tokens[0].stopword);
    CHECK(tokens[3].stopword);
    CHECK(tokens[2].stem == tokens[5].stem);
    check_stopword_invariant(tokens);
}

TEST_CASE("lt: ir is a stopword, Rusijos/Rusijai share a stem") {
    const auto tokens = analyze("Rusijos ir Šiaurės Korėjos, Rusijai", "lt");
    CHECK(words_of(tokens) == "rusijos|ir|šiaurės|korėjos|rusijai");
    REQUIRE(tokens.size() == 5);
    CHECK(tokens[1].stopword);
    CHECK(tokens[0].stem == tokens[4].stem);
    check_stopword_invariant(tokens);
}

TEST_CASE("en: the/against are stopwords, sanctions stems to sanction") {
    const auto tokens = analyze("The sanctions against Russia", "en");
    CHECK(stems_of(tokens) == "-|sanction|-|russia");
    check_stopword_invariant(tokens);
}

TEST_CASE("en: typographic and ASCII possessives analyze alike") {
    const auto curly = analyze("Belousov\xE2\x80\x99s trip", "en");
    const auto ascii = analyze("Belousov's trip", "en");
    CHECK(words_of(curly) == "belousov's|trip");
    CHECK(stems_of(curly) == stems_of(ascii));
}

TEST_CASE("ru: и is a stopword, Путиным stems like Путин") {
    const auto tokens = analyze("Путин встретился с Путиным и Белоусовым", "ru");
    CHECK(words_of(tokens) == "путин|встретился|с|путиным|и|белоусовым");
    REQUIRE(tokens.size() == 6);
    CHECK(tokens[2].stopword);
    CHECK(tokens[4].stopword);
    CHECK(tokens[0].stem == "путин");
    CHECK(tokens[3].stem == "путин");
    check_stopword_invariant(tokens);
}

TEST_CASE("stopwords keep their positions: one token per word") {
    constexpr std::string_view text = "Die Zusammenarbeit und der Handel";
    xling::analysis::WordTokenizer tokenizer;
    std::vector<xling::analysis::WordSpan> spans;
    tokenizer.split(text, spans);
    const auto tokens = analyze(text, "de");
    REQUIRE(tokens.size() == spans.size());
    CHECK(stems_of(tokens) == "-|" + stem_with("german", "zusammenarbeit") + "|-|-|" + stem_with("german", "handel"));
}

TEST_CASE("und: no stopwords, the stem is the normalized word") {
    const auto tokens = analyze("Die Zusammenarbeit and the Путину", xling::kUndetermined);
    CHECK(words_of(tokens) == "die|zusammenarbeit|and|the|путину");
    for (const auto& t : tokens) {
        CAPTURE(t.word);
        CHECK_FALSE(t.stopword);
        CHECK(t.stem == t.word);
    }
}

TEST_CASE("an unsupported code behaves like und") {
    const auto tokens = analyze("Ushirikiano wa kijeshi", "sw");
    CHECK(stems_of(tokens) == "ushirikiano|wa|kijeshi");
}

TEST_CASE("offsets point at the original surface, uppercase and diacritics included") {
    constexpr std::string_view text = "„ŠIAURĖS Korėja“ – Észak-Koreával, ПУТИН; Straße, E\xCC\x81szak";
    const auto tokens = analyze(text, "lt");
    CHECK(surfaces_of(text, tokens) == "ŠIAURĖS|Korėja|Észak|Koreával|ПУТИН|Straße|E\xCC\x81szak");
    CHECK(words_of(tokens) == "šiaurės|korėja|észak|koreával|путин|strasse|\xC3\xA9szak");
    const xling::analysis::Normalizer normalizer;
    for (const auto& t : tokens) {
        REQUIRE(t.begin < t.end);
        REQUIRE(t.end <= text.size());
        CHECK(normalizer.normalize(text.substr(t.begin, t.end - t.begin)) == t.word);
    }
}

TEST_CASE("words(): normalized words with spans, no stems, no stopword marks") {
    Analyzer analyzer(xling::test::analysis_data());
    std::vector<AnalyzedToken> tokens;
    constexpr std::string_view text = "The Sanctions and Путину";
    analyzer.words(text, tokens);
    CHECK(words_of(tokens) == "the|sanctions|and|путину");
    CHECK(surfaces_of(text, tokens) == "The|Sanctions|and|Путину");
    for (const auto& t : tokens) {
        CAPTURE(t.word);
        CHECK(t.stem.empty());
        CHECK_FALSE(t.stopword);
    }
}

TEST_CASE("words longer than kMaxWordBytes are skipped, their neighbours keep their offsets") {
    const std::string longest(kMaxWordBytes, 'a');
    const std::string too_long(kMaxWordBytes + 1, 'b');
    const std::string text = "Putin " + too_long + " " + longest + " Moscow";
    const auto tokens = analyze(text, "en");
    CHECK(words_of(tokens) == "putin|" + longest + "|moscow");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[1].begin == 7 + too_long.size());
    CHECK(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "Moscow");
}

TEST_CASE("the length limit counts bytes, not characters") {
    std::string fits, too_long;  // "ő" is two bytes
    for (std::size_t i = 0; i < kMaxWordBytes / 2; ++i) fits += "ő";
    too_long = fits + "ő";
    const auto tokens = analyze(fits + " " + too_long, "hu");
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].word == fits);
}

TEST_CASE("the length limit applies to the normalized word") {
    std::string fullwidth;  // 40 fullwidth letters: 120 bytes as written, 40 bytes normalized
    for (int i = 0; i < 40; ++i) fullwidth += "\xEF\xBC\xA1";
    const auto tokens = analyze(fullwidth, "en");
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].word == std::string(40, 'a'));
    CHECK(tokens[0].end - tokens[0].begin == 120);
}

TEST_CASE("analyze replaces the output; empty text gives no tokens") {
    Analyzer analyzer(xling::test::analysis_data());
    std::vector<AnalyzedToken> tokens;
    analyzer.analyze("Shoigu grain", "en", tokens);
    CHECK(tokens.size() == 2);
    analyzer.analyze("", "en", tokens);
    CHECK(tokens.empty());
    analyzer.analyze("Rusija", "lt", tokens);
    CHECK(tokens.size() == 1);
}

TEST_CASE("Analyzer::stem: empty for a stopword of that language, a stem in another") {
    Analyzer analyzer(xling::test::analysis_data());
    CHECK(analyzer.is_stopword("de", "die"));
    CHECK_FALSE(analyzer.is_stopword("en", "die"));
    CHECK(analyzer.stem("de", "die") == "");
    CHECK(analyzer.stem("en", "die") == stem_with("english", "die"));
    CHECK_FALSE(analyzer.stem("en", "die").empty());
    CHECK(analyzer.stem("en", "the") == "");
    CHECK(analyzer.stem("de", "the") == stem_with("german", "the"));
}

TEST_CASE("Analyzer::stem: per-language stems, und returns the word") {
    Analyzer analyzer(xling::test::analysis_data());
    CHECK(analyzer.stem("ru", "путину") == "путин");
    CHECK(analyzer.stem("en", "sanctions") == "sanction");
    CHECK(analyzer.stem("lt", "rusijos") == analyzer.stem("lt", "rusija"));
    CHECK(analyzer.stem("hu", "együttműködését") == analyzer.stem("hu", "együttműködés"));
    CHECK(analyzer.stem(xling::kUndetermined, "sanctions") == "sanctions");
    CHECK(analyzer.stem("sw", "sanctions") == "sanctions");
    CHECK(analyzer.stem("fr", "sanctions") == "sanction");
}

TEST_CASE("Analyzer::stem gives the same answers when words come back, before and after its memo is cleared") {
    // The memo is keyed by language and word: "die" is a German stopword and an English word.
    Analyzer analyzer(xling::test::analysis_data());
    const auto check_known = [&] {
        CHECK(analyzer.stem("de", "die") == "");
        CHECK(analyzer.stem("en", "die") == stem_with("english", "die"));
        CHECK(analyzer.stem("en", "sanctions") == "sanction");
        CHECK(analyzer.stem("lt", "sanctions") == stem_with("lithuanian", "sanctions"));
    };
    check_known();
    check_known();
    // More distinct words than the memo holds (2^16) make it start over.
    xling::analysis::Stemmer english("english");
    bool all_agree = true;
    for (int i = 0; i < 70000; ++i) {
        const std::string word = "sanctions" + std::to_string(i);
        all_agree = all_agree && analyzer.stem("en", word) == english.stem(word);
    }
    CHECK(all_agree);
    check_known();
}

TEST_CASE("Analyzer::stem agrees with analyze for every token") {
    Analyzer analyzer(xling::test::analysis_data());
    std::vector<AnalyzedToken> tokens;
    analyzer.analyze("Die militärische Zusammenarbeit mit Nordkorea wurde ausgebaut", "de", tokens);
    for (const auto& t : tokens) {
        CAPTURE(t.word);
        CHECK(analyzer.stem("de", t.word) == t.stem);
    }
}

}  // TEST_SUITE

TEST_CASE("analyze_word gives each word what analyze gives it in running text") {
    const std::string text = "Die Stadtverwaltung von Hamburg: Путиным и ’s Straße Zusammenarbeit " +
                             std::string(kMaxWordBytes + 1, 'x') + " 3.5 FAIRE";
    Analyzer analyzer(xling::test::analysis_data());
    for (const std::string lang : {"de", "ru", "en", "und"}) {
        CAPTURE(lang);
        std::vector<AnalyzedToken> expected;
        analyzer.analyze(text, lang, expected);
        std::vector<xling::analysis::WordSpan> spans;
        analyzer.split(text, spans);
        std::vector<AnalyzedToken> got;
        for (const auto& span : spans) {
            auto token = analyzer.analyze_word(std::string_view(text).substr(span.begin, span.end - span.begin), lang);
            if (token) got.push_back(std::move(*token));
        }
        REQUIRE(got.size() == expected.size());
        CHECK(expected.size() + 1 == spans.size());  // the over-long word is left out
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].word == expected[i].word);
            CHECK(got[i].stem == expected[i].stem);
            CHECK(got[i].stopword == expected[i].stopword);
            CHECK(got[i].capitalized == expected[i].capitalized);
        }
    }
}
