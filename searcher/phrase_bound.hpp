// The bound on a phrase's (and a NEAR's) expansion. Each word of "military cooperation" becomes,
// per language, an OR of every index form sharing its stem; Xapian then merges the positions of
// all of them in every candidate document, so a word whose stem prefixes hundreds of index terms
// makes the phrase cost grow with them. Past kMaxPhraseWordForms the most frequent forms are kept
// (the rare ones find few documents) and the concept says so.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/index_forms.hpp"
#include "xling/search_results.hpp"

namespace xling::searcher {

/// Most forms one word of a phrase or NEAR stands for, per language.
inline constexpr std::size_t kMaxPhraseWordForms = 100;

/// `forms` (index forms of `word` in `lang`) when there are at most kMaxPhraseWordForms; else the
/// kMaxPhraseWordForms most frequent in the index (in their original order), with a note in
/// `info.notes` naming the word, the language and how many were left out.
[[nodiscard]] std::vector<std::string> bounded_phrase_forms(const std::vector<std::string>& forms, std::string_view lang,
                                                            std::string_view word, const IndexForms& index,
                                                            QueryConcept& info);

}  // namespace xling::searcher
