#include "searcher/match_terms.hpp"

#include <algorithm>

namespace xling::searcher {

bool MatchGroup::matches(const analysis::AnalyzedToken& token, std::string_view lang,
                         const std::vector<std::string>& token_keys) const {
    if (words.count(token.word) != 0) return true;
    if (const auto it = lang_words.find(lang); it != lang_words.end() && it->second.count(token.word) != 0) return true;
    if (!token.stopword) {
        if (const auto it = stems.find(lang); it != stems.end() && it->second.count(token.stem) != 0) return true;
        if (const auto it = lemmas.find(lang); it != lemmas.end()) {
            const auto in = [&](const std::vector<std::string>& ls) {
                return std::any_of(ls.begin(), ls.end(), [&](const std::string& l) { return it->second.count(l) != 0; });
            };
            if (in(token.lemmas) || in(token.parts)) return true;
        }
    }
    if (std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return token.word.rfind(p, 0) == 0; })) {
        return true;
    }
    return std::any_of(token_keys.begin(), token_keys.end(), [&](const std::string& k) { return keys.count(k) != 0; });
}

bool MatchGroup::matches_by_accent(std::string_view word, std::string_view stem, std::string_view lang) const {
    if (const auto it = accent_words.find(lang); it != accent_words.end() && it->second.count(word) != 0) return true;
    if (stem.empty()) return false;
    const auto it = accent_stems.find(lang);
    return it != accent_stems.end() && it->second.count(stem) != 0;
}

bool MatchTerms::uses_keys() const {
    return std::any_of(groups.begin(), groups.end(), [](const MatchGroup& g) { return !g.keys.empty(); });
}

}  // namespace xling::searcher
