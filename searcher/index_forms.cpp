#include "searcher/index_forms.hpp"

#include <algorithm>

#include "analysis/utf8.hpp"

namespace xling::searcher {
namespace {
std::string common_prefix(const std::vector<std::string>& words) {
    std::string prefix = words.front();
    for (const auto& w : words) {
        std::size_t n = 0;
        while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) ++n;
        prefix.resize(n);
    }
    // Do not end inside a UTF-8 sequence (Moszkva / Moszkvá share "moszkv" plus half of 'á').
    while (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0x80) != 0) {
        const bool lead = (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0xC0;
        prefix.pop_back();
        if (lead) break;
    }
    return prefix;
}
}  // namespace

IndexForms::IndexForms(const Xapian::Database& db, std::shared_ptr<const analysis::AnalysisData> data,
                       analysis::Analyzer& analyzer)
    : db_(db), analyzer_(analyzer), data_(std::move(data)) {}

const std::vector<std::string>& IndexForms::stem_forms(std::string_view lang, std::string_view word) {
    std::string cache_key(lang);
    cache_key.push_back('\0');
    cache_key += word;
    if (const auto it = stem_cache_.find(cache_key); it != stem_cache_.end()) return it->second;

    std::vector<std::string> found;
    const std::string stem = analyzer_.stem(lang, word);
    if (stem.empty() || analysis::code_point_count(stem) < 3) {
        if (has_term(std::string(word))) found.emplace_back(word);
    } else {
        // Snowball stems are prefixes of their words up to the last letter or so (happy -> happi):
        // scan the terms sharing all but the stem's last letter.
        // A stemmer may also fold letters (Russian ё -> е: "чёрное" -> "черн"), so the word's own
        // first letters are a second prefix to scan.
        std::vector<std::string> prefixes{common_prefix({stem.substr(0, stem.size() - 1), std::string(word)}),
                                          analysis::first_code_points(word, analysis::code_point_count(stem) - 1)};
        if (analysis::code_point_count(prefixes[0]) >= 2 && prefixes[1].rfind(prefixes[0], 0) == 0) {
            prefixes.pop_back();  // the first scan covers it
        }
        for (const auto& prefix : prefixes) {
            if (analysis::code_point_count(prefix) < 2) continue;
            for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
                const std::string term = *t;
                if ((term == word || analyzer_.stem(lang, term) == stem) &&
                    std::find(found.begin(), found.end(), term) == found.end()) {
                    found.push_back(term);
                }
            }
        }
        if (found.empty() && has_term(std::string(word))) found.emplace_back(word);
    }
    return stem_cache_.emplace(std::move(cache_key), std::move(found)).first->second;
}

const std::vector<std::string>& IndexForms::forms(std::string_view lang, std::string_view name_word) {
    std::string cache_key(lang);
    cache_key.push_back('\0');
    cache_key += name_word;
    if (const auto it = cache_.find(cache_key); it != cache_.end()) return it->second;

    std::vector<std::string> found;
    const analysis::NameRules& rules = data_->name_rules(lang);
    const std::vector<std::string> stems = rules.stems(name_word);
    const std::string prefix = common_prefix(stems);
    if (analysis::code_point_count(name_word) < 2 || analysis::code_point_count(prefix) < 2) {
        if (has_term(std::string(name_word))) found.emplace_back(name_word);
    } else {
        for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
            const std::string term = *t;
            if (rules.is_form_of(name_word, term)) found.push_back(term);
        }
    }
    return cache_.emplace(std::move(cache_key), std::move(found)).first->second;
}

std::size_t IndexForms::count_terms(std::string_view prefix, std::size_t limit) const {
    std::size_t n = 0;
    const std::string p(prefix);
    for (auto t = db_.allterms_begin(p); t != db_.allterms_end(p) && n <= limit; ++t) ++n;
    return n;
}

bool IndexForms::has_term(const std::string& term) const {
    if (const auto it = exists_.find(term); it != exists_.end()) return it->second;
    return exists_.emplace(term, db_.term_exists(term)).first->second;
}

bool IndexForms::can_match(const Xapian::Query& query) const {
    const auto child = [&](std::size_t i) { return can_match(query.get_subquery(i)); };
    const std::size_t n = query.get_num_subqueries();
    switch (query.get_type()) {
        case Xapian::Query::LEAF_TERM: return has_term(*query.get_terms_begin());
        case Xapian::Query::LEAF_MATCH_NOTHING: return false;
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_ELITE_SET:
        case Xapian::Query::OP_MAX:
            for (std::size_t i = 0; i < n; ++i) {
                if (child(i)) return true;
            }
            return false;
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_PHRASE:
        case Xapian::Query::OP_NEAR:
            for (std::size_t i = 0; i < n; ++i) {
                if (!child(i)) return false;
            }
            return true;
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_SCALE_WEIGHT: return n == 0 || child(0);
        default: return true;
    }
}

}  // namespace xling::searcher
