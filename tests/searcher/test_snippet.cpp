#include <doctest/doctest.h>

#include "support/test_resources.hpp"
#include "analysis/analyzer.hpp"
#include "searcher/snippet.hpp"

using xling::searcher::make_snippet;
using xling::searcher::MatchTerms;

namespace {
std::shared_ptr<const xling::analysis::AnalysisData> data() {
    static const auto d = xling::analysis::AnalysisData::load(xling::test::kDataDir);
    return d;
}
xling::analysis::Analyzer& analyzer() {
    static xling::analysis::Analyzer a(data());
    return a;
}
xling::analysis::NameKeyer& keyer() {
    static xling::analysis::NameKeyer k(data());
    return k;
}
MatchTerms stems(const std::string& lang, std::initializer_list<const char*> list) {
    MatchTerms t;
    t.groups.emplace_back();
    for (const char* s : list) t.groups.back().stems[lang].insert(s);
    return t;
}
MatchTerms words(std::initializer_list<const char*> list) {
    MatchTerms t;
    t.groups.emplace_back();
    for (const char* s : list) t.groups.back().words.insert(s);
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
    const auto s = make_snippet(text, "lt", stems("lt", {stem.c_str()}), {}, analyzer(), keyer());
    CHECK(s.text == "[Rusijos] gynybos ministras. [Rusija] ir Šiaurės Korėja.");
    CHECK(s.matched == std::vector<std::string>{"Rusijos", "Rusija"});
}

TEST_CASE("a stem of another language does not highlight") {
    const std::string text = "Die Häuser stehen.";
    const auto s = make_snippet(text, "de", stems("hu", {"haus"}), {}, analyzer(), keyer());
    CHECK(s.matched.empty());
    CHECK(s.text.find('[') == std::string::npos);
}

TEST_CASE("adjacent matched words share one highlight") {
    const MatchTerms t = words({"kim", "jong", "un"});
    const auto s = make_snippet("He met Kim Jong-un in Pyongyang.", "en", t, {}, analyzer(), keyer());
    CHECK(s.text == "He met [Kim Jong-un] in Pyongyang.");
}

TEST_CASE("custom markers") {
    xling::SnippetOptions options;
    options.highlight_open = "<mark>";
    options.highlight_close = "</mark>";
    const MatchTerms t = words({"putin"});
    const auto s = make_snippet("Putin spoke.", "en", t, options, analyzer(), keyer());
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
    const auto s = make_snippet(text, "ru", stems("ru", {stem.c_str()}), options, analyzer(), keyer());
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
    const auto s = make_snippet("First words of the article. More text follows here.", "en", none, {}, analyzer(), keyer());
    CHECK(s.text.rfind("First words", 0) == 0);
}

TEST_CASE("matched forms are reported per query concept") {
    MatchTerms t = words({"putin"});
    t.groups.back().concept_info.query = "Putin";
    t.groups.emplace_back();
    t.groups.back().concept_info.query = "Moscow";
    t.groups.back().concept_info.entities = {"moscow"};
    t.groups.back().lang_words["en"] = {"moscow"};
    t.groups.emplace_back();
    t.groups.back().concept_info.query = "Kyiv";
    t.groups.back().words = {"kyiv"};
    const auto s = make_snippet("Putin met him in Moscow. Putin left.", "en", t, {}, analyzer(), keyer());
    REQUIRE(s.concepts.size() == 2);  // Kyiv did not match and is not listed
    CHECK(s.concepts[0].query == "Putin");
    CHECK(s.concepts[0].forms == std::vector<std::string>{"Putin"});
    CHECK(s.concepts[1].entities == std::vector<std::string>{"moscow"});
    CHECK(s.concepts[1].forms == std::vector<std::string>{"Moscow"});
}

TEST_CASE("name keys highlight a name written in another script") {
    MatchTerms t;
    t.groups.emplace_back();
    t.groups.back().keys = {"shoygu"};
    const auto s = make_snippet("Сергей Шойгу прибыл в Пхеньян.", "ru", t, {}, analyzer(), keyer());
    CHECK(s.text == "Сергей [Шойгу] прибыл в Пхеньян.");
}

TEST_CASE("escape_controls writes the document's control characters as escapes, not the highlight markers") {
    xling::SnippetOptions options;
    options.highlight_open = "\x1b[1;31m";
    options.highlight_close = "\x1b[0m";
    options.escape_controls = true;
    const std::string text = "Putin \x1b[2J met\x07 the \xc2\x9b" "minister.";
    const auto snippet = make_snippet(text, "en", words({"putin"}), options, analyzer(), keyer());
    CHECK(snippet.text == "\x1b[1;31mPutin\x1b[0m \\x1b[2J met\\x07 the \\u009bminister.");
    options.escape_controls = false;
    CHECK(make_snippet(text, "en", words({"putin"}), options, analyzer(), keyer()).text.find("\x1b[2J") != std::string::npos);
}

TEST_CASE("escape_html writes the document's markup as text, the highlight markers as they are") {
    xling::SnippetOptions options;
    options.highlight_open = "<mark>";
    options.highlight_close = "</mark>";
    options.escape_html = true;
    options.escape_controls = true;
    const std::string text = "Putin <b>said</b> \"a\" & 'b' \x1b[2J.";
    const auto snippet = make_snippet(text, "en", words({"putin"}), options, analyzer(), keyer());
    CHECK(snippet.text == "<mark>Putin</mark> &lt;b&gt;said&lt;/b&gt; &quot;a&quot; &amp; &#39;b&#39; \\x1b[2J.");
}
