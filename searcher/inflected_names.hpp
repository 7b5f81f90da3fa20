// Entities reached from a name typed inflected or without its diacritics: "Putyinnal",
// "Путиным", "Kim Jong Uno", "Šiaurės Korėjos" (a case form, not the nominative the alias table
// lists), "Siaures Korejos", "Eszak-Koreaval" (the same, typed on a keyboard without ė or á).
//
// The alias table's lookup is exact (a normalized name), so these fell through to the word
// path: stems in every language and name keys, which reach the query's own language at best
// (issue 15: inflected recall 0.32, accent-free 0.25). Here each query word is tested against
// each word of a listed name by the name rules of the name's language (NameRules::is_form_of,
// the rule the searcher already uses to find a name's forms in the index), on the accent-folded
// spellings when folding is asked for. The entity then expands through all its names and their
// inflections (QueryBuilder::entity_part), in every language.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/accent_folding.hpp"
#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "analysis/name_rules.hpp"
#include "xling/alias_table.hpp"

namespace xling::searcher {

/// A query word shorter than this (code points) is never read as an inflected name: short name
/// words ("No", "Un", "Kim") lie a case ending away from common words.
inline constexpr std::size_t kMinInflectedNameWord = 4;

class InflectedNames {
  public:
    /// References must outlive this object. The names are read at the first lookup (a query
    /// whose words are all listed names never pays for it).
    InflectedNames(const AliasTable& aliases, std::shared_ptr<const analysis::AnalysisData> data, analysis::Analyzer& analyzer,
                   analysis::AccentFolder& folder);

    /// Entities having a full (not weak) name of as many words as `words` (normalized) in which
    /// each query word is the name's word or one of its inflected forms in the name's language
    /// (any language with name rules for a name listed under "*"); with `fold`, also when the
    /// word is typed without some of its diacritics. The last word must be at least
    /// kMinInflectedNameWord long unless it is the name's word itself. Empty when none; an
    /// exact alias-table name is the caller's to look up first. Not thread-safe.
    [[nodiscard]] std::vector<const Entity*> lookup(const std::vector<std::string>& words, bool fold);

  private:
    struct Name {
        std::size_t entity;
        std::string lang;
        std::vector<std::string> words;   ///< normalized
        std::vector<std::string> folded;  ///< accent-folded
    };
    void read_names();
    [[nodiscard]] bool word_matches(const Name& name, std::size_t i, const std::string& word, const std::string& folded_word);
    [[nodiscard]] bool form_in(const std::string& lang, const std::string& name_word, const std::string& word, bool folded);
    const analysis::NameRules& folded_rules(const std::string& lang);

    const AliasTable& aliases_;
    std::shared_ptr<const analysis::AnalysisData> data_;
    analysis::Analyzer& analyzer_;
    analysis::AccentFolder& folder_;
    bool read_ = false;
    std::vector<Name> names_;
    /// First code point of a name's first folded word -> names (the candidates of a query).
    std::unordered_map<std::string, std::vector<std::size_t>> by_initial_;
    std::map<std::string, analysis::NameRules, std::less<>> folded_rules_;
    std::vector<std::string> rule_languages_;
};

}  // namespace xling::searcher
