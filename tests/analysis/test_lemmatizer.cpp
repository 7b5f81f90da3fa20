// Stage 5: Hunspell lemmas (analysis/lemmatizer.hpp) and the terms they give
// (analysis/conflation_terms.hpp). Uses the Debian dictionaries (scripts/bootstrap installs them);
// a case skips, with a message, when its dictionary is absent.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/conflation_terms.hpp"
#include "analysis/lemmatizer.hpp"
#include "helpers.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"

using xling::analysis::AnalyzedToken;
using xling::analysis::Analyzer;
using xling::analysis::Lemmatizer;
using xling::analysis::LemmaDictionaries;

namespace {
const std::filesystem::path kDir = "/usr/share/hunspell";

bool have(std::string_view dict) {
    if (std::filesystem::exists(kDir / (std::string(dict) + ".dic"))) return true;
    MESSAGE("skipped: no Hunspell dictionary " << dict << " in " << kDir.string());
    return false;
}

// Lemmas in every mode: hu and ru are Snowball by default and their measured lemma mode is
// opt-in (LanguageInfo::measured_lemmas); these cases check the opt-in modes' data.
Analyzer& analyzer() {
    static Analyzer a(xling::test::analysis_data());
    a.set_lemmas_in_every_mode(true);
    return a;
}

// The mode a language's lemma terms use when opted in: the measured one where it is kept off.
xling::LemmaMode opted_in_mode(std::string_view lang) {
    const xling::LanguageInfo* info = xling::find_language(lang);
    REQUIRE(info != nullptr);
    return info->lemmas == xling::LemmaMode::snowball ? info->measured_lemmas : info->lemmas;
}

AnalyzedToken analysed(std::string_view lang, std::string_view surface) {
    auto token = analyzer().analyze_word(surface, lang);
    REQUIRE(token.has_value());
    return *token;
}

std::vector<std::string> terms(std::string_view lang, std::string_view surface) {
    auto t = xling::analysis::conflation_terms(analysed(lang, surface), lang, opted_in_mode(lang));
    std::sort(t.begin(), t.end());
    return t;
}

bool meet(std::string_view lang, std::string_view a, std::string_view b) {
    const auto ta = terms(lang, a);
    const auto tb = terms(lang, b);
    return std::any_of(ta.begin(), ta.end(), [&](const std::string& t) { return std::find(tb.begin(), tb.end(), t) != tb.end(); });
}

void check_conflate(std::string_view lang, std::initializer_list<std::string_view> forms) {
    for (std::string_view form : forms) {
        CAPTURE(form);
        CHECK(meet(lang, *forms.begin(), form));
    }
}
}  // namespace

TEST_SUITE("lemmatizer") {

TEST_CASE("hu: lát, láthatjuk, lásd, látta share the lemma lát (Snowball gives them four stems)") {
    if (!have("hu_HU")) return;
    const Lemmatizer hu(kDir, "hu_HU", false);
    for (std::string_view form : {"lát", "láthatjuk", "lásd", "látta"}) {
        CAPTURE(form);
        const auto found = hu.analyse(form, false).lemmas;
        CHECK(std::find(found.begin(), found.end(), "lát") != found.end());
    }
    check_conflate("hu", {"lát", "láthatjuk", "lásd", "látta"});
    CHECK_FALSE(meet("hu", "lát", "ház"));
    CHECK_FALSE(meet("hu", "láthatjuk", "házban"));
}

TEST_CASE("de: Häuser meets Haus; Haus does not meet Hase") {
    if (!have("de_DE")) return;
    check_conflate("de", {"Haus", "Häuser"});
    CHECK_FALSE(meet("de", "Haus", "Hase"));
}

// German compound parts are opt-in (LanguageInfo::compounds; 65% more indexing CPU): a
// Lemmatizer made with compounds on gives the parts the Analyzer would keep (lower-cased here).
AnalyzedToken with_parts(std::string_view surface) {
    static const Lemmatizer de(kDir, "de_DE", true);
    AnalyzedToken token = analysed("de", surface);
    token.parts.clear();
    for (std::string part : de.analyse(token.word, token.capitalized).parts) {
        std::transform(part.begin(), part.end(), part.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (std::find(token.lemmas.begin(), token.lemmas.end(), part) == token.lemmas.end()) token.parts.push_back(part);
    }
    return token;
}

TEST_CASE("de: Sicherheitsrat splits into sicherheit and rat; Bundesregierungen into bund and regieren") {
    if (!have("de_DE")) return;
    CHECK(analysed("de", "Sicherheitsrat").parts.empty());  // off by default
    const auto rat = with_parts("Sicherheitsrat");
    CHECK(xling::test::join(rat.parts) == "sicherheit|rat");
    const auto regierung = with_parts("Bundesregierungen");
    // de_DE derives Regierung from regieren (its -ung affix): the part's lemma is the dictionary's,
    // the same a query word `Regierung` gets, so the two still meet.
    CHECK(xling::test::join(regierung.parts) == "bund|regieren");
    const auto word = analysed("de", "Regierung").lemmas;
    CHECK(std::find(word.begin(), word.end(), "regieren") != word.end());
    // The parts are index terms of their own (C), not conflation terms: `Rat` does not become
    // a form of `Sicherheitsrat`, it meets it at a lower weight in the searcher.
    const auto index_terms = xling::analysis::lemma_index_terms(rat, "de");
    CHECK(std::find(index_terms.begin(), index_terms.end(), "Cde:rat") != index_terms.end());
    CHECK_FALSE(meet("de", "Sicherheitsrat", "Rat"));
    // A plain word is no compound.
    CHECK(with_parts("Haus").parts.empty());
}

TEST_CASE("lt: the dictionary keeps galėti, galas and galia apart (Snowball joins them as gal)") {
    if (!have("lt_LT")) return;
    const Lemmatizer lt(kDir, "lt_LT", false);
    const auto galeti = lt.analyse("galėti", false).lemmas;
    for (std::string_view other : {"galas", "galia"}) {
        CAPTURE(other);
        for (const std::string& lemma : lt.analyse(other, false).lemmas) {
            CHECK(std::find(galeti.begin(), galeti.end(), lemma) == galeti.end());
        }
    }
    // The table keeps Lithuanian on Snowball all the same: every lemma mode lowered UD
    // conflation F1 (0.68 -> 0.58; eval/README.md), so the stems still meet.
    CHECK(xling::analysis::lemma_mode("lt") == xling::LemmaMode::snowball);
    // hu and ru index Snowball stems by default; their measured lemma mode is opt-in.
    CHECK(xling::analysis::lemma_mode("hu") == xling::LemmaMode::snowball);
    CHECK(xling::analysis::lemma_mode("ru") == xling::LemmaMode::snowball);
    CHECK(opted_in_mode("hu") == xling::LemmaMode::fallback);
    CHECK(meet("lt", "galėti", "galas"));
}

TEST_CASE("lt: an ISO 8859-13 dictionary reads and writes UTF-8") {
    if (!have("lt_LT")) return;
    const Lemmatizer lt(kDir, "lt_LT", false);
    const auto found = lt.analyse("galėti", false).lemmas;
    CHECK(std::find(found.begin(), found.end(), "galėti") != found.end());
    CHECK(lt.analyse("ąčęėįšųūž", false).lemmas.empty());  // unknown, not garbled
}

TEST_CASE("ru: работал and работать share a lemma; работал does not meet рабочий") {
    if (!have("ru_RU")) return;
    check_conflate("ru", {"работать", "работал", "работала"});
    CHECK_FALSE(meet("ru", "работал", "рабочий"));
}

TEST_CASE("uk and pl (no Snowball stemmer): inflected verbs meet their infinitive") {
    if (have("uk_UA")) {
        check_conflate("uk", {"говорити", "говорив"});
        CHECK_FALSE(meet("uk", "говорив", "говядина"));
    }
    if (have("pl_PL")) check_conflate("pl", {"mówić", "mówił"});
}

TEST_CASE("en: cats meets cat; went stays apart from want") {
    if (!have("en_US")) return;
    check_conflate("en", {"cat", "cats"});
    CHECK_FALSE(meet("en", "went", "want"));
}

TEST_CASE("a stopword gets no lemmas and no conflation terms") {
    const auto the = analysed("en", "the");
    CHECK(the.stopword);
    CHECK(the.lemmas.empty());
    CHECK(xling::analysis::conflation_terms(the, "en").empty());
}

TEST_CASE("missing dictionary: Lemmatizer throws ConfigError, LemmaDictionaries falls back to none") {
    const xling::test::TempDir empty;
    CHECK_THROWS_AS(Lemmatizer(empty.path(), "hu_HU", false), xling::ConfigError);
    const LemmaDictionaries dictionaries(empty.path());
    CHECK(dictionaries.find("hu") == nullptr);
    CHECK(dictionaries.find("hu") == nullptr);  // remembered: tried (and reported) once
    CHECK(dictionaries.find("fr") == nullptr);  // no dictionary configured
}

TEST_CASE("missing dictionary: the Analyzer gives Snowball stems alone") {
    const xling::test::TempDir empty;
    ::setenv("XLING_HUNSPELL_DIR", empty.path().c_str(), 1);  // NOLINT(concurrency-mt-unsafe)
    const auto data = xling::analysis::AnalysisData::from_texts({}, {});
    ::unsetenv("XLING_HUNSPELL_DIR");  // NOLINT(concurrency-mt-unsafe)
    Analyzer plain(data);
    const auto token = plain.analyze_word("láthatjuk", "hu");
    REQUIRE(token.has_value());
    CHECK(token->lemmas.empty());
    CHECK(token->stem == analysed("hu", "láthatjuk").stem);
    CHECK(xling::analysis::conflation_terms(*token, "hu") == std::vector<std::string>{"Zhu:" + token->stem});
}

}  // TEST_SUITE
