#include "programs/xling-search/result_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "searcher/control_chars.hpp"
#include "searcher/key_neighbours.hpp"
#include "searcher/html_escape.hpp"

namespace xling::cli {

using searcher::append_escaped;
using searcher::escaped;
using searcher::EscapeRules;

namespace {
// Every string a document, a table or the query supplies goes through this before it reaches
// the terminal, so the only escape sequences printed are the styles below.
std::string safe(std::string_view text) { return escaped(text); }

std::string total_line(const SearchResults& r) {
    if (r.total_exact) return std::to_string(r.total) + (r.total == 1 ? " match" : " matches");
    return "about " + std::to_string(r.total) + " matches (between " + std::to_string(r.total_lower) + " and " +
           std::to_string(r.total_upper) + ")";
}
}  // namespace

std::string weight_text(float weight) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.2f", static_cast<double>(weight));
    return buffer;
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}
std::string to_ids(const SearchResults& r) {
    // One line per id whatever the id holds: newlines and other controls as C escapes, and
    // backslashes doubled so that the escapes can be undone.
    EscapeRules rules;
    rules.keep_tab = false;
    rules.escape_backslash = true;
    std::string out;
    for (const Hit& h : r.hits) {
        append_escaped(out, h.id, rules);
        out += '\n';
    }
    return out;
}

void print_explanation(std::ostream& out, const SearchResults& r, const std::vector<AmbiguousName>& ambiguous,
                       bool color) {
    const char* bold = color ? "\033[1m" : "";
    const char* reset = color ? "\033[0m" : "";
    out << "query \"" << safe(r.query) << "\" expands to " << r.concepts.size() << (r.concepts.size() == 1 ? " concept" : " concepts")
        << " (each one OP_SYNONYM group):\n";
    if (!r.translation.empty()) {
        out << "translation: " << safe(r.translation) << '\n';
        if (!r.query_language.method.empty()) {
            out << "query language: "
                << (r.query_language.code.empty() ? "undetermined: each word translated from every language whose table has it"
                                                  : safe(r.query_language.code + " (" + r.query_language.method + ")"))
                << "  [" << safe(r.query_language.evidence) << "]\n";
        }
    }
    for (const QueryConcept& c : r.concepts) {
        out << "  " << bold << '"' << safe(c.query) << '"' << reset;
        if (!c.entities.empty()) {
            out << " -> entity";
            for (std::size_t i = 0; i < c.entities.size(); ++i) {
                out << (i > 0 ? ", " : " ") << safe(c.entities[i]) << " (" << c.entity_types[i] << ")";
            }
            if (c.entities.size() > 1) out << "  [ambiguous: all are searched]";
        }
        out << '\n';
        for (const auto& [lang, names] : c.names) out << "      names " << safe(lang) << ": " << safe(join(names, " | ")) << '\n';
        for (const auto& [lang, forms] : c.forms) {
            out << "      inflected in index " << safe(lang) << ": " << safe(join(forms, ", ")) << '\n';
        }
        if (!c.stems.empty()) {
            out << "      stems:";
            for (const auto& [lang, stem] : c.stems) out << ' ' << safe(lang) << ':' << safe(stem);
            out << '\n';
        }
        for (const auto& [lang, lemmas] : c.lemmas) {
            out << "      lemmas " << safe(lang) << ": " << safe(join(lemmas, ", ")) << '\n';
        }
        for (const std::string& key : c.name_keys) {
            const auto langs = c.name_key_languages.find(key);
            out << "      name key " << safe(key);
            if (langs != c.name_key_languages.end()) out << " (transcription read as " << safe(join(langs->second, ", ")) << ")";
            out << '\n';
        }
        for (const auto& [near, key] : c.tolerant_name_keys) {
            out << "      tolerant name key " << safe(near) << " (within " << xling::searcher::tolerated_edits(key.size())
                << (xling::searcher::tolerated_edits(key.size()) == 1 ? " edit" : " edits") << " of " << safe(key)
                << "; lower weight)\n";
        }
        if (!c.stopword_in.empty()) out << "      stopword in: " << join(c.stopword_in, ", ") << '\n';
        for (const auto& [lang, words] : c.accent_forms) {
            out << "      accents " << safe(lang) << ": " << safe(join(words, ", ")) << " (typed without diacritics; lower weight)\n";
        }
        for (const auto& [lang, list] : c.translations) {
            out << "      translated " << safe(lang) << ":";
            for (std::size_t i = 0; i < list.size(); ++i) {
                const ConceptTranslation& t = list[i];
                out << (i > 0 ? " |" : "") << ' ' << safe(t.text) << ' ' << weight_text(t.weight);
                if (t.via != "direct") {
                    out << " (" << (t.via == "glossary" || t.via == "learned" || t.via == "word by word" ? "" : "via ") << safe(t.via) << ")";
                }
                if (r.query_language.code.empty() && !t.from_lang.empty()) out << " [from " << safe(t.from_lang) << "]";
                if (t.phrase) out << " [phrase]";
            }
            out << '\n';
        }
        if (!c.translation_note.empty()) out << "      translation: " << safe(c.translation_note) << '\n';
        if (!c.absent.empty()) out << "      not in the index (left out): " << safe(join(c.absent, ", ")) << '\n';
        for (const std::string& note : c.notes) out << "      note: " << safe(note) << '\n';
        for (const AmbiguousName& a : ambiguous) {
            for (const auto& id : c.entities) {
                if (std::find(a.entity_ids.begin(), a.entity_ids.end(), id) != a.entity_ids.end()) {
                    out << "      note: name \"" << safe(a.name) << "\" belongs to " << safe(join(a.entity_ids, ", ")) << '\n';
                    break;
                }
            }
        }
    }
    for (const auto& [lang, terms] : r.feedback) {
        out << "  feedback from the best " << safe(lang) << " documents: " << safe(join(terms, ", ")) << '\n';
    }
    out << "xapian: " << safe(r.parsed) << "\n\n";
}

void print_human(std::ostream& out, const SearchResults& r, bool color, bool explain, bool html) {
    // With HTML highlighting the whole listing is HTML text: every document field escaped.
    const auto shown = [html](std::string_view text) { return html ? searcher::html_escaped(safe(text)) : safe(text); };
    const char* bold = color ? "\033[1m" : "";
    const char* dim = color ? "\033[2m" : "";
    const char* cyan = color ? "\033[36m" : "";
    const char* reset = color ? "\033[0m" : "";
    out << total_line(r) << " for \"" << shown(r.query) << "\"";
    if (!r.ignored.empty()) {
        out << " (ignored stopwords:";
        for (const auto& w : r.ignored) out << ' ' << shown(w);
        out << ')';
    }
    out << '\n';
    if (r.partial) out << "partial results: " << safe(r.partial_reason) << '\n';
    if (!r.suggestion.empty()) out << "did you mean " << bold << safe(r.suggestion) << reset << "?\n";
    for (const auto& [facet, counts] : r.facets) {
        if (counts.empty()) continue;
        out << "  " << facet << ':';
        for (const auto& [value, n] : counts) out << ' ' << shown(value) << " (" << n << ')';
        out << '\n';
    }
    for (const Hit& h : r.hits) {
        char score[32];
        std::snprintf(score, sizeof score, "%.3f", h.score);
        out << '\n' << bold << h.rank << ". " << shown(h.id) << reset << "  " << cyan << shown(h.lang) << reset << "  " << dim
            << (h.date.empty() ? std::string() : shown(h.date) + "  ") << "score " << score << reset << '\n';
        if (!h.title.empty()) out << "   " << bold << shown(h.title) << reset << '\n';
        if (!h.author.empty()) out << "   " << dim << "by " << shown(h.author) << reset << '\n';
        if (!h.url.empty()) out << "   " << dim << shown(h.url) << reset << '\n';
        // The snippet is escaped where it is made (SnippetOptions::escape_controls): only there
        // are the highlight markers told apart from the document's text.
        out << "   " << h.snippet << '\n';
        if (explain) {
            for (const MatchedConcept& m : h.matched) {
                out << "   " << dim << "matched \"" << shown(m.query) << '"';
                if (!m.entities.empty()) out << " (" << shown(join(m.entities, ", ")) << ")";
                out << ": " << shown(join(m.forms, ", "));
                for (const MatchedTranslation& t : m.translations) {
                    out << "  [translation " << shown(t.lang) << " \"" << shown(t.text) << "\": " << shown(join(t.forms, ", ")) << "]";
                }
                if (!m.accent_forms.empty()) out << "  [accents: " << shown(join(m.accent_forms, ", ")) << "]";
                out << reset << '\n';
            }
        }
    }
}

}  // namespace xling::cli
