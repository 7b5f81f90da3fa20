#include "analysis/conflation_terms.hpp"

#include <algorithm>

#include "xling/schema.hpp"

namespace xling::analysis {

LemmaMode lemma_mode(std::string_view lang) noexcept {
    const LanguageInfo* info = find_language(lang);
    return info == nullptr || info->hunspell.empty() ? LemmaMode::snowball : info->lemmas;
}

std::size_t used_lemma_count(std::string_view lang, std::size_t lemmas) noexcept {
    const LanguageInfo* info = find_language(lang);
    return info == nullptr || info->max_lemmas == 0 ? lemmas : std::min<std::size_t>(lemmas, info->max_lemmas);
}

std::vector<std::string> conflation_terms(const AnalyzedToken& token, std::string_view lang) {
    return conflation_terms(token, lang, lemma_mode(lang));
}

std::vector<std::string> conflation_terms(const AnalyzedToken& token, std::string_view lang, LemmaMode mode) {
    if (token.stopword || token.stem.empty()) return {};
    std::vector<std::string> out;
    if (mode == LemmaMode::snowball || mode == LemmaMode::both ||
        (mode == LemmaMode::fallback && token.lemmas.empty())) {
        out.push_back(schema::stem_term(lang, token.stem));
    }
    if (mode == LemmaMode::snowball) return out;
    const std::size_t used = used_lemma_count(lang, token.lemmas.size());
    for (std::size_t i = 0; i < used; ++i) out.push_back(schema::lemma_term(lang, token.lemmas[i]));
    if (mode == LemmaMode::lemma && token.lemmas.empty()) out.push_back(token.word);
    return out;
}

std::vector<std::string> lemma_index_terms(const AnalyzedToken& token, std::string_view lang) {
    std::vector<std::string> out;
    if (token.stopword) return out;
    if (lemma_mode(lang) != LemmaMode::snowball) {
        const std::size_t used = used_lemma_count(lang, token.lemmas.size());
        for (std::size_t i = 0; i < used; ++i) out.push_back(schema::lemma_term(lang, token.lemmas[i]));
    }
    for (const std::string& part : token.parts) out.push_back(schema::compound_part_term(lang, part));
    return out;
}

}  // namespace xling::analysis
