#include "searcher/snippet.hpp"

#include <algorithm>
#include <iterator>

#include <set>

#include "analysis/utf8.hpp"
#include "searcher/control_chars.hpp"
#include "searcher/html_escape.hpp"

namespace xling::searcher {
namespace {

struct Fragment {
    std::size_t first = 0;  // token index range [first, last]
    std::size_t last = 0;
};

// How document text is written: control characters and HTML escaped when asked (SnippetOptions).
struct TextEscapes {
    bool controls = false;
    bool html = false;
};

// Appends document text, escaped as asked. Control escapes (\x1b) hold no HTML specials, so
// they are made first and the result HTML-escaped.
void append_text(std::string& out, std::string_view text, TextEscapes escape) {
    if (!escape.html) {
        if (escape.controls) append_escaped(out, text);
        else out.append(text);
    } else if (escape.controls) {
        append_html_escaped(out, escaped(text));
    } else {
        append_html_escaped(out, text);
    }
}

// Appends text with runs of whitespace (newlines included) folded to one space.
void append_folded(std::string& out, std::string_view text, TextEscapes escape) {
    std::size_t run = 0;  // start of the pending run of other characters
    const auto flush = [&](std::size_t end) { append_text(out, text.substr(run, end - run), escape); };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') continue;
        flush(i);
        run = i + 1;
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
    }
    flush(text.size());
}

// True when only spaces or a hyphen separate two words, so a highlight may span both.
bool joins_words(std::string_view text, const analysis::AnalyzedToken& a, const analysis::AnalyzedToken& b) {
    const std::string_view gap = text.substr(a.end, b.begin - a.end);
    return gap.size() <= 2 && gap.find_first_not_of(" -") == std::string_view::npos;
}

}  // namespace

// Records `form` under the translations whose stem it has, when the concept was translated.
void note_translation(const MatchGroup& group, std::string_view lang, const std::string& stem, std::string_view form,
                      MatchedConcept& matched) {
    const auto by_lang = group.translated.find(lang);
    if (by_lang == group.translated.end()) return;
    const auto texts = by_lang->second.find(stem);
    if (texts == by_lang->second.end()) return;
    for (const std::string& text : texts->second) {
        auto it = std::find_if(matched.translations.begin(), matched.translations.end(),
                               [&](const MatchedTranslation& t) { return t.lang == lang && t.text == text; });
        if (it == matched.translations.end()) {
            matched.translations.push_back({std::string(lang), text, {}});
            it = std::prev(matched.translations.end());
        }
        if (std::find(it->forms.begin(), it->forms.end(), form) == it->forms.end()) it->forms.emplace_back(form);
    }
}

void finish_concepts(const MatchTerms& terms, std::vector<MatchedConcept>& concepts) {
    for (std::size_t g = 0; g < terms.groups.size(); ++g) {
        concepts[g].query = terms.groups[g].concept_info.query;
        concepts[g].entities = terms.groups[g].concept_info.entities;
    }
    concepts.erase(std::remove_if(concepts.begin(), concepts.end(), [](const MatchedConcept& c) { return c.forms.empty(); }),
                   concepts.end());
}

void note_accent(const MatchGroup& group, std::string_view lang, const std::string& word, const std::string& stem,
                 std::string_view form, MatchedConcept& matched) {
    if (!group.matches_by_accent(word, stem, lang)) return;
    if (std::find(matched.accent_forms.begin(), matched.accent_forms.end(), form) == matched.accent_forms.end()) {
        matched.accent_forms.emplace_back(form);
    }
}

Snippet make_snippet(std::string_view text, std::string_view lang, const MatchTerms& terms,
                     const SnippetOptions& options, analysis::Analyzer& analyzer, analysis::NameKeyer& keyer) {
    Passage passage;
    passage.text = text;
    analyzer.analyze(text, lang, passage.tokens);
    Snippet snippet;
    if (passage.tokens.empty()) return snippet;
    const std::vector<analysis::AnalyzedToken>& tokens = passage.tokens;

    std::vector<bool> hit(tokens.size(), false);
    std::set<std::string, std::less<>> seen;
    std::vector<std::set<std::string, std::less<>>> seen_by_group(terms.groups.size());
    snippet.concepts.resize(terms.groups.size());
    const bool keys_needed = terms.uses_keys();
    std::vector<std::string> token_keys;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        token_keys.clear();
        if (keys_needed && tokens[i].capitalized && !tokens[i].stopword) token_keys = keyer.keys_of_form(lang, tokens[i].word);
        const std::string_view form = text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
        for (std::size_t g = 0; g < terms.groups.size(); ++g) {
            if (!terms.groups[g].matches(tokens[i], lang, token_keys)) continue;
            hit[i] = true;
            if (seen_by_group[g].insert(std::string(form)).second) snippet.concepts[g].forms.emplace_back(form);
            if (!tokens[i].stopword) note_translation(terms.groups[g], lang, tokens[i].stem, form, snippet.concepts[g]);
            note_accent(terms.groups[g], lang, tokens[i].word, tokens[i].stopword ? std::string() : tokens[i].stem, form,
                        snippet.concepts[g]);
        }
        if (hit[i] && seen.insert(std::string(form)).second) snippet.matched.emplace_back(form);
    }
    finish_concepts(terms, snippet.concepts);
    snippet.text = render_passage(passage, hit, options);
    return snippet;
}

std::string render_passage(const Passage& passage, const std::vector<bool>& hit, const SnippetOptions& options) {
    const std::string_view text = passage.text;
    const std::vector<analysis::AnalyzedToken>& tokens = passage.tokens;
    std::string out;
    if (tokens.empty()) return out;
    const auto same_run = [&](std::size_t a, std::size_t b) {
        return passage.runs.empty() || passage.runs[a] == passage.runs[b];
    };
    const std::size_t fragments_wanted = std::max<std::size_t>(1, options.max_fragments);
    const std::size_t budget = std::max<std::size_t>(40, options.length);
    // Grow a fragment from a start token until it holds `length` code points.
    const auto grow = [&](std::size_t first, std::size_t length) {
        std::size_t last = first;
        std::size_t used = analysis::code_point_count(text.substr(tokens[first].begin, tokens[first].end - tokens[first].begin));
        while (last + 1 < tokens.size() && same_run(last, last + 1)) {
            const std::size_t more = analysis::code_point_count(text.substr(tokens[last].end, tokens[last + 1].end - tokens[last].end));
            if (used + more > length) break;
            used += more;
            ++last;
        }
        return Fragment{first, last};
    };

    std::vector<Fragment> chosen;
    std::vector<bool> covered(tokens.size(), false);
    // Groups of matches not yet shown, a new group after kClusterGap words without one.
    constexpr std::size_t kClusterGap = 40;
    const auto clusters_left = [&] {
        std::size_t n = 0;
        std::size_t last = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!hit[i] || covered[i]) continue;
            if (n == 0 || i - last > kClusterGap || !same_run(last, i)) ++n;
            last = i;
        }
        return n;
    };
    std::size_t remaining = budget;
    while (chosen.size() < fragments_wanted && remaining >= 40) {
        // Best window: the one holding the most matched words not yet shown, starting a few words
        // before a match so the reader sees its context.
        // The first gets half the budget; later ones share what is left among the clusters of
        // matches still to show, so that far-apart matches (start, middle, end) all get one.
        const std::size_t share = std::max<std::size_t>(1, std::min(fragments_wanted - chosen.size(), clusters_left()));
        const std::size_t length = chosen.empty() && fragments_wanted > 1 ? budget / 2 : std::max<std::size_t>(40, remaining / share);
        Fragment best{};
        std::size_t best_score = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!hit[i] || covered[i]) continue;
            const std::size_t first = i >= 3 ? i - 3 : 0;
            const Fragment f = grow(first, length);
            std::set<std::string_view> distinct;
            bool overlaps = false;
            for (std::size_t j = f.first; j <= f.last; ++j) {
                overlaps = overlaps || covered[j];
                if (hit[j] && !covered[j]) distinct.insert(tokens[j].word);
            }
            if (!overlaps && distinct.size() > best_score) {
                best_score = distinct.size();
                best = f;
            }
        }
        if (best_score == 0) break;
        for (std::size_t j = best.first; j <= best.last; ++j) covered[j] = true;
        chosen.push_back(best);
        const std::size_t used = analysis::code_point_count(text.substr(tokens[best.first].begin, tokens[best.last].end - tokens[best.first].begin));
        remaining = used >= remaining ? 0 : remaining - used;
    }
    if (chosen.empty()) chosen.push_back(grow(0, budget));  // no visible match (e.g. title only): the opening
    std::sort(chosen.begin(), chosen.end(), [](const Fragment& a, const Fragment& b) { return a.first < b.first; });

    // Render: "… " before a fragment that does not open the text, " …" after one that does not
    // close it; neighbouring highlighted words ("Kim Jong-un") share one pair of markers.
    const TextEscapes escape{options.escape_controls, options.escape_html};
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const Fragment& f = chosen[k];
        if ((f.first > 0 || !passage.opens_text) && k == 0) out.append(options.ellipsis).push_back(' ');
        for (std::size_t j = f.first; j <= f.last; ++j) {
            const bool open = hit[j] && (j == f.first || !hit[j - 1] || !joins_words(text, tokens[j - 1], tokens[j]));
            const bool close = hit[j] && (j == f.last || !hit[j + 1] || !joins_words(text, tokens[j], tokens[j + 1]));
            if (j > f.first) {
                append_folded(out, text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end), escape);
            }
            if (open) out.append(options.highlight_open);
            append_text(out, text.substr(tokens[j].begin, tokens[j].end - tokens[j].begin), escape);
            if (close) out.append(options.highlight_close);
        }
        // Keep sentence punctuation directly after the last word ("Moscow." not "Moscow").
        const std::size_t after = tokens[f.last].end;
        if (after < text.size() && std::string_view(".!?").find(text[after]) != std::string_view::npos) out.push_back(text[after]);
        if (f.last + 1 < tokens.size() || !passage.closes_text) out.append(" ").append(options.ellipsis);
        if (k + 1 < chosen.size()) out.push_back(' ');
    }
    return out;
}

}  // namespace xling::searcher
