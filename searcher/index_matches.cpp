#include "searcher/index_matches.hpp"

#include <algorithm>
#include <set>

#include "analysis/utf8.hpp"
#include "xling/schema.hpp"

namespace xling::searcher {
namespace {

// `s` without its last code point.
std::string drop_last_code_point(const std::string& s) {
    std::size_t end = s.size();
    while (end > 0 && (static_cast<unsigned char>(s[end - 1]) & 0xC0) == 0x80) --end;
    return s.substr(0, end > 0 ? end - 1 : 0);
}

// An unstemmed word term (prefixed terms start with an ASCII capital; words are casefolded).
bool is_word_term(std::string_view term) { return !term.empty() && !(term.front() >= 'A' && term.front() <= 'Z'); }

}  // namespace

// Where the words with `stem` lie in the sorted vocabulary. Snowball stems are prefixes of their
// words but for the last letter or so (happy -> happi), as in IndexForms::stem_forms; a stemmer
// may also fold letters (German ä -> a, Russian ё -> е), so the first letters of the words the
// stem came from (the query's, its translations') are prefixes to scan too.
std::set<std::string> IndexMatches::stem_prefixes(const MatchGroup& group, std::string_view lang, const std::string& stem) {
    std::set<std::string> prefixes{drop_last_code_point(stem)};
    const std::size_t length = analysis::code_point_count(stem) - 1;
    for (const std::string& word : source_words(group, lang, stem)) {
        std::size_t end = 0;
        for (std::size_t seen = 0; end < word.size(); ++end) {
            if ((static_cast<unsigned char>(word[end]) & 0xC0) != 0x80 && seen++ == length) break;
        }
        prefixes.insert(word.substr(0, end));
    }
    // A prefix that another one starts covers: scanning it again would add nothing.
    std::set<std::string> kept;
    for (const std::string& p : prefixes) {
        if (kept.empty() || p.rfind(*kept.rbegin(), 0) != 0) kept.insert(p);
    }
    return kept;
}

// The words of the query concept (its query text, words, name forms, translations) that have
// `stem` in `lang`.
std::vector<std::string> IndexMatches::source_words(const MatchGroup& group, std::string_view lang, const std::string& stem) {
    std::vector<std::string> sources(group.words.begin(), group.words.end());
    std::vector<analysis::AnalyzedToken> tokens;
    analyzer_.words(group.concept_info.query, tokens);
    for (const auto& t : tokens) sources.push_back(t.word);
    if (const auto it = group.lang_words.find(lang); it != group.lang_words.end()) sources.insert(sources.end(), it->second.begin(), it->second.end());
    if (const auto by_lang = group.translated.find(lang); by_lang != group.translated.end()) {
        if (const auto texts = by_lang->second.find(stem); texts != by_lang->second.end()) {
            for (const std::string& text : texts->second) {
                analyzer_.words(text, tokens);
                for (const auto& t : tokens) sources.push_back(t.word);
            }
        }
    }
    std::vector<std::string> out;
    for (std::string& word : sources) {
        if (analyzer_.stem(lang, word) == stem) out.push_back(std::move(word));
    }
    return out;
}

IndexMatches::IndexMatches(const Xapian::Database& db, const MatchTerms& terms, analysis::Analyzer& analyzer)
    : db_(db), terms_(terms), analyzer_(analyzer) {}

void IndexMatches::add(Candidates& out, std::string_view lang, const std::string& word, std::size_t group,
                       bool needs_capital) {
    auto [it, fresh] = out.try_emplace(word);
    Candidate& c = it->second;
    if (fresh) c.stem = analyzer_.stem(lang, word);
    const auto at = std::find(c.groups.begin(), c.groups.end(), group);
    if (at == c.groups.end()) {
        c.groups.push_back(group);
        c.needs_capital.push_back(needs_capital);
    } else {
        const auto i = static_cast<std::size_t>(at - c.groups.begin());
        c.needs_capital[i] = c.needs_capital[i] && needs_capital;
    }
}

const IndexMatches::Candidates& IndexMatches::candidates(std::string_view lang) {
    if (const auto it = by_lang_.find(lang); it != by_lang_.end()) return it->second;
    Candidates out;
    for (std::size_t g = 0; g < terms_.groups.size(); ++g) {
        const MatchGroup& group = terms_.groups[g];
        for (const std::string& w : group.words) add(out, lang, w, g, false);
        if (const auto it = group.lang_words.find(lang); it != group.lang_words.end()) {
            for (const std::string& w : it->second) add(out, lang, w, g, false);
        }
        if (const auto it = group.stems.find(lang); it != group.stems.end()) {
            for (const std::string& stem : it->second) {
                if (analysis::code_point_count(stem) < 3) {
                    // Too short a prefix to scan ("er" for Hungarian "erről"): the words it came from.
                    for (std::string& word : source_words(group, lang, stem)) {
                        if (db_.term_exists(word)) add(out, lang, word, g, false);
                    }
                    if (db_.term_exists(stem) && analyzer_.stem(lang, stem) == stem) add(out, lang, stem, g, false);
                    continue;
                }
                for (const std::string& prefix : stem_prefixes(group, lang, stem)) {
                    std::size_t seen = 0;
                    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && seen < kMaxExpansion; ++t, ++seen) {
                        const std::string term = *t;
                        if (analyzer_.stem(lang, term) == stem) add(out, lang, term, g, false);
                    }
                }
            }
        }
        for (const std::string& prefix : group.prefixes) {
            std::size_t seen = 0;
            for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix) && seen < kMaxExpansion; ++t, ++seen) {
                if (is_word_term(*t)) add(out, lang, *t, g, false);
            }
        }
        for (const std::string& key : group.keys) {
            const std::string synonym = schema::name_key_synonym(key);
            for (auto t = db_.synonyms_begin(synonym); t != db_.synonyms_end(synonym); ++t) add(out, lang, *t, g, true);
            add(out, lang, key, g, true);  // a word that is its own key has no link
        }
    }
    return by_lang_.emplace(std::string(lang), std::move(out)).first->second;
}

DocumentMatches IndexMatches::find(Xapian::docid did, std::string_view lang) {
    DocumentMatches out;
    for (const auto& [word, candidate] : candidates(lang)) {
        auto p = db_.positionlist_begin(did, word);
        if (p == db_.positionlist_end(did, word)) continue;
        const std::size_t index = out.words.size();
        out.words.push_back({word, candidate.stem, candidate.groups, candidate.needs_capital, *p});
        for (std::size_t n = 0; p != db_.positionlist_end(did, word) && n < kMaxPositionsPerWord; ++p, ++n) {
            out.positions.emplace_back(*p, index);
        }
    }
    // Words by first position (text order), positions by position.
    std::vector<std::size_t> order(out.words.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return out.words[a].first_position < out.words[b].first_position; });
    std::vector<std::size_t> rank(order.size());
    std::vector<MatchedWord> words;
    words.reserve(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
        words.push_back(std::move(out.words[order[r]]));
    }
    out.words = std::move(words);
    for (auto& [pos, index] : out.positions) index = rank[index];
    std::sort(out.positions.begin(), out.positions.end());
    return out;
}

}  // namespace xling::searcher
