// What the hits' text must contain to be highlighted: the words, stems and name keys each query
// concept stands for. The query builder and the query translator both fill it in and the snippet
// maker reads it, so it lives apart from all three (none of them needs to know the others).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "xling/search_results.hpp"

namespace xling::searcher {

/// What a hit's text must contain to be highlighted for one query concept.
struct MatchGroup {
    QueryConcept concept_info;
    std::set<std::string, std::less<>> words;  ///< exact words, any document language
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> lang_words;  ///< name forms per language
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> stems;       ///< stems per language
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> lemmas;      ///< lemmas (and compound parts) per language
    std::set<std::string, std::less<>> keys;   ///< name keys
    std::vector<std::string> prefixes;         ///< word* prefixes
    /// Stems that came from translations: language -> stem -> the translations it stands for
    /// (to tell, per hit, which translation matched).
    std::map<std::string, std::map<std::string, std::vector<std::string>, std::less<>>, std::less<>> translated;
    /// Stems (per language) and index words (phrases, stopwords) reached only through accent
    /// folding (searcher/accent_forms.hpp): also in `stems` / `lang_words`, listed here to tell
    /// per hit which forms matched that way.
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> accent_stems;
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> accent_words;

    /// True when `token` (analysed in `lang`; `token_keys` its name keys when capitalised) matches.
    [[nodiscard]] bool matches(const analysis::AnalyzedToken& token, std::string_view lang,
                               const std::vector<std::string>& token_keys) const;

    /// True when the index word `word` with `stem` in `lang` ("" for a stopword) matches through
    /// accent folding only.
    [[nodiscard]] bool matches_by_accent(std::string_view word, std::string_view stem, std::string_view lang) const;
};

struct MatchTerms {
    std::vector<MatchGroup> groups;
    [[nodiscard]] bool uses_keys() const;
};

}  // namespace xling::searcher
