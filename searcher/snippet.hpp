// Snippets: passages of a hit's original text around the query's matches, matches highlighted.
//
// Why not Xapian::MSet::snippet(): it takes one stemmer and ignores prefixed stem terms, so it
// would not highlight "Rusijos" for the query "Rusija" in a Lithuanian document. This works from
// the same analysis as indexing: a word is highlighted when its form or its stem (in the hit's
// language) is one the query matched. Fragments start and end on word boundaries, so neither a
// UTF-8 sequence nor a word is ever cut.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/name_key.hpp"
#include "searcher/match_terms.hpp"
#include "xling/search_request.hpp"

namespace xling::searcher {

struct Snippet {
    std::string text;                  ///< fragments joined by the ellipsis, matches wrapped in markers
    std::vector<std::string> matched;  ///< distinct surface forms that matched, in text order
    std::vector<MatchedConcept> concepts;  ///< the same per query concept (those with a match)
};

/// Builds the snippet of `text` (a document of language `lang`) for the query's `terms`.
/// `keyer` computes name keys of capitalised words when a concept matches by name key.
[[nodiscard]] Snippet make_snippet(std::string_view text, std::string_view lang, const MatchTerms& terms,
                                   const SnippetOptions& options, analysis::Analyzer& analyzer,
                                   analysis::NameKeyer& keyer);

}  // namespace xling::searcher
