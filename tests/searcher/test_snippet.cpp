#include <doctest/doctest.h>

#include "analysis/analyzer.hpp"
#include "searcher/snippet.hpp"

using xling::searcher::make_snippet;
using xling::searcher::MatchTerms;

namespace {
xling::analysis::Analyzer& analyzer() {
    static xling::analysis::Analyzer a(
        xling::analysis::AnalysisData::load(xling::analysis::resolve_data_dir(std::nullopt)));
    return a;
}
MatchTerms stems(const std::string& lang, std::initializer_list<const char*> list) {
    MatchTerms t;
    for (const char* s : list) t.stems[lang].insert(s);
    return t;
}
bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += n;
    }
    return true;
}
}  // namespace

TEST_CASE("inflected forms are highlighted through the document language's stem") {
    const std::string text = "Rusijos gynybos ministras. Rusija ir Šiaurės Korėja.";
    const auto stem = analyzer().stem("lt", "rusija");
    const auto s = make_snippet(text, "lt", stems("lt", {stem.c_str()}), {}, analyzer());
    CHECK(s.text == "[Rusijos] gynybos ministras. [Rusija] ir Šiaurės Korėja.");
    CHECK(s.matched == std::vector<std::string>{"Rusijos", "Rusija"});
}

TEST_CASE("a stem of another language does not highlight") {
    const std::string text = "Die Häuser stehen.";
    const auto s = make_snippet(text, "de", stems("hu", {"haus"}), {}, analyzer());
    CHECK(s.matched.empty());
    CHECK(s.text.find('[') == std::string::npos);
}

TEST_CASE("adjacent matched words share one highlight") {
    MatchTerms t;
    t.words = {"kim", "jong", "un"};
    const auto s = make_snippet("He met Kim Jong-un in Pyongyang.", "en", t, {}, analyzer());
    CHECK(s.text == "He met [Kim Jong-un] in Pyongyang.");
}

TEST_CASE("custom markers") {
    xling::SnippetOptions options;
    options.highlight_open = "<mark>";
    options.highlight_close = "</mark>";
    MatchTerms t;
    t.words = {"putin"};
    const auto s = make_snippet("Putin spoke.", "en", t, options, analyzer());
    CHECK(s.text == "<mark>Putin</mark> spoke.");
}

TEST_CASE("long texts give fragments around distant matches, cut between words") {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "Многословный текст о погоде и урожае. ";
    text += "Здесь началось сотрудничество. ";
    for (int i = 0; i < 60; ++i) text += "Ещё длинный рассказ о полях и реках. ";
    text += "Итоги сотрудничества подвели.";
    xling::SnippetOptions options;
    options.length = 120;
    const auto stem = analyzer().stem("ru", "сотрудничество");
    const auto s = make_snippet(text, "ru", stems("ru", {stem.c_str()}), options, analyzer());
    CHECK(s.text.find("[сотрудничество]") != std::string::npos);
    CHECK(s.text.find("[сотрудничества]") != std::string::npos);
    CHECK(s.text.find("…") != std::string::npos);
    CHECK(valid_utf8(s.text));
    // Every fragment starts and ends on whole words: no partial Cyrillic word next to an ellipsis.
    CHECK(s.text.find("… ") != std::string::npos);
    CHECK(s.text.size() < 2 * 120 * 2 + 64);  // bounded (Cyrillic is two bytes per character)
}

TEST_CASE("without a visible match the snippet is the opening of the text") {
    MatchTerms none;
    const auto s = make_snippet("First words of the article. More text follows here.", "en", none, {}, analyzer());
    CHECK(s.text.rfind("First words", 0) == 0);
}
