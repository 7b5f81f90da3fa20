// Accent-insensitive matching: a query word typed without (some of) its diacritics meets the
// indexed words that have them ("Siaures" -> "šiaurės" and, through its Lithuanian stem, every
// inflection of it), read from the index's accent synonyms (schema.hpp, "version 5").
//
// Only letters the user left plain are completed: "kor" meets "kör" and "kór", "kör" meets
// only "kör" (analysis::AccentFolder::completes). The accented words join the word's concept at
// a lower weight, so that documents with the form as typed rank first:
//   OP_MAX(SYNONYM(exact alternatives), SCALE_WEIGHT(kAccentWeight, SYNONYM(exact + accented)))
// (the concept still counts once: OP_MAX takes the better of the two, never their sum).
#pragma once

#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "analysis/accent_folding.hpp"
#include "analysis/analyzer.hpp"
#include "searcher/index_forms.hpp"
#include "searcher/match_terms.hpp"

namespace xling::searcher {

/// Weight of a match through accent folding relative to the form as typed.
inline constexpr double kAccentWeight = 0.5;

class AccentForms {
  public:
    /// All references must outlive this object (one per query, like IndexForms).
    AccentForms(const Xapian::Database& db, analysis::AccentFolder& folder, analysis::Analyzer& analyzer,
                IndexForms& forms);

    /// Indexed words of documents in `lang` that `word` (normalized, as typed) completes to,
    /// other than the word itself; sorted. Cached for the life of this object. Not thread-safe.
    [[nodiscard]] const std::vector<std::string>& words(std::string_view lang, std::string_view word);

    /// Indexed stems of `lang` of the words whose folded spelling has the stem that `word`
    /// typed without accents has ("korejos" -> "kor", the stem of "korėja"), other than that
    /// stem itself, when the letters typed agree with them. Cached. Not thread-safe.
    [[nodiscard]] const std::vector<std::string>& stems(std::string_view lang, std::string_view word);

    /// The stem terms (or, for a stopword, the filtered word) of the accented words of `word`
    /// and of its accented stems in each of `languages` that the group does not already search;
    /// noted in `group` for highlighting and --explain (a stem as "korėj*").
    [[nodiscard]] std::vector<Xapian::Query> word_alternatives(const std::string& word,
                                                               const std::vector<std::string>& languages,
                                                               MatchGroup& group);

    /// Per language, the phrase of `tokens` in which some word is an accented form (each
    /// position an OR of the word's own forms and its accented words' forms); languages where
    /// no word has one are left to the exact phrase. Noted in `group`.
    [[nodiscard]] std::vector<Xapian::Query> phrase_alternatives(const std::vector<analysis::AnalyzedToken>& tokens,
                                                                 const std::vector<std::string>& languages,
                                                                 MatchGroup& group);

  private:
    void note(const std::string& lang, const std::string& word, MatchGroup& group) const;

    const Xapian::Database& db_;
    analysis::AccentFolder& folder_;
    analysis::Analyzer& analyzer_;
    IndexForms& forms_;
    std::unordered_map<std::string, std::vector<std::string>> cache_;
    std::unordered_map<std::string, std::vector<std::string>> stem_cache_;
};

/// A concept's query from its exact alternatives and its accented ones (see the header
/// comment); just the synonym of `exact` when `accented` is empty.
[[nodiscard]] Xapian::Query with_accented(const std::vector<Xapian::Query>& exact,
                                          const std::vector<Xapian::Query>& accented);

}  // namespace xling::searcher
