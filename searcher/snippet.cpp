#include "searcher/snippet.hpp"

#include <algorithm>
#include <iterator>

#include <set>

#include "analysis/utf8.hpp"
#include "searcher/control_chars.hpp"

namespace xling::searcher {
namespace {

struct Fragment {
    std::size_t first = 0;  // token index range [first, last]
    std::size_t last = 0;
};

// Appends document text, control characters escaped when asked (see SnippetOptions).
void append_text(std::string& out, std::string_view text, bool escape) {
    if (escape) append_escaped(out, text);
    else out.append(text);
}

// Appends text with runs of whitespace (newlines included) folded to one space.
void append_folded(std::string& out, std::string_view text, bool escape) {
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

// Records `form` when it matched through accent folding only.
void note_accent(const MatchGroup& group, const analysis::AnalyzedToken& token, std::string_view lang,
                 std::string_view form, MatchedConcept& matched) {
    if (!group.matches_by_accent(token, lang)) return;
    if (std::find(matched.accent_forms.begin(), matched.accent_forms.end(), form) == matched.accent_forms.end()) {
        matched.accent_forms.emplace_back(form);
    }
}

}  // namespace

Snippet make_snippet(std::string_view text, std::string_view lang, const MatchTerms& terms,
                     const SnippetOptions& options, analysis::Analyzer& analyzer, analysis::NameKeyer& keyer) {
    std::vector<analysis::AnalyzedToken> tokens;
    analyzer.analyze(text, lang, tokens);
    Snippet snippet;
    if (tokens.empty()) return snippet;

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
            note_accent(terms.groups[g], tokens[i], lang, form, snippet.concepts[g]);
        }
        if (hit[i] && seen.insert(std::string(form)).second) snippet.matched.emplace_back(form);
    }
    for (std::size_t g = 0; g < terms.groups.size(); ++g) {
        snippet.concepts[g].query = terms.groups[g].concept_info.query;
        snippet.concepts[g].entities = terms.groups[g].concept_info.entities;
    }
    snippet.concepts.erase(std::remove_if(snippet.concepts.begin(), snippet.concepts.end(),
                                          [](const MatchedConcept& c) { return c.forms.empty(); }),
                           snippet.concepts.end());

    const std::size_t fragments_wanted = std::max<std::size_t>(1, options.max_fragments);
    const std::size_t budget = std::max<std::size_t>(40, options.length);
    // Grow a fragment from a start token until it holds `length` code points.
    const auto grow = [&](std::size_t first, std::size_t length) {
        std::size_t last = first;
        std::size_t used = analysis::code_point_count(text.substr(tokens[first].begin, tokens[first].end - tokens[first].begin));
        while (last + 1 < tokens.size()) {
            const std::size_t more = analysis::code_point_count(text.substr(tokens[last].end, tokens[last + 1].end - tokens[last].end));
            if (used + more > length) break;
            used += more;
            ++last;
        }
        return Fragment{first, last};
    };

    std::vector<Fragment> chosen;
    std::vector<bool> covered(tokens.size(), false);
    std::size_t remaining = budget;
    while (chosen.size() < fragments_wanted && remaining >= 40) {
        // Best window: the one holding the most matched words not yet shown, starting a few words
        // before a match so the reader sees its context.
        const std::size_t length = chosen.empty() && fragments_wanted > 1 ? budget / 2 : remaining;
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
    std::string& out = snippet.text;
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const Fragment& f = chosen[k];
        if (f.first > 0 && k == 0) out.append(options.ellipsis).push_back(' ');
        for (std::size_t j = f.first; j <= f.last; ++j) {
            const bool open = hit[j] && (j == f.first || !hit[j - 1] || !joins_words(text, tokens[j - 1], tokens[j]));
            const bool close = hit[j] && (j == f.last || !hit[j + 1] || !joins_words(text, tokens[j], tokens[j + 1]));
            if (j > f.first) {
                append_folded(out, text.substr(tokens[j - 1].end, tokens[j].begin - tokens[j - 1].end), options.escape_controls);
            }
            if (open) out.append(options.highlight_open);
            append_text(out, text.substr(tokens[j].begin, tokens[j].end - tokens[j].begin), options.escape_controls);
            if (close) out.append(options.highlight_close);
        }
        // Keep sentence punctuation directly after the last word ("Moscow." not "Moscow").
        const std::size_t after = tokens[f.last].end;
        if (after < text.size() && std::string_view(".!?").find(text[after]) != std::string_view::npos) out.push_back(text[after]);
        if (f.last + 1 < tokens.size()) out.append(" ").append(options.ellipsis);
        if (k + 1 < chosen.size()) out.push_back(' ');
    }
    return snippet;
}

}  // namespace xling::searcher
