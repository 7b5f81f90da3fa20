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

/// Analysed text to render: tokens with their offsets in `text`, in one or more runs of
/// consecutive words (a snippet from the index holds only the passages around its matches).
struct Passage {
    std::string_view text;
    std::vector<analysis::AnalyzedToken> tokens;
    std::vector<std::size_t> runs;  ///< run of each token (empty: one run); fragments stay in a run
    bool opens_text = true;         ///< tokens.front() is the document's first word
    bool closes_text = true;        ///< tokens.back() is its last word
};

/// The snippet text of `passage` whose tokens `hit` are highlighted: up to
/// options.max_fragments fragments holding the most distinct matched words.
[[nodiscard]] std::string render_passage(const Passage& passage, const std::vector<bool>& hit,
                                         const SnippetOptions& options);

/// Records `form` (of a word with `stem` in `lang`) under the translations of `group` it stands
/// for, when the concept was translated.
void note_translation(const MatchGroup& group, std::string_view lang, const std::string& stem, std::string_view form,
                      MatchedConcept& matched);

/// Records `form` (of the index word `word` with `stem` in `lang`, "" for a stopword) among the
/// concept's accent forms when it matched `group` through accent folding only.
void note_accent(const MatchGroup& group, std::string_view lang, const std::string& word, const std::string& stem,
                 std::string_view form, MatchedConcept& matched);

/// Fills in the query and entities of each group's concept and drops those without a form.
void finish_concepts(const MatchTerms& terms, std::vector<MatchedConcept>& concepts);

/// Builds the snippet of `text` (a document of language `lang`) for the query's `terms` by
/// analysing the whole text: for version-4 records, whose index has no text map (the snippet of a
/// version-5 document is made from the index, searcher/index_snippet.hpp).
/// `keyer` computes name keys of capitalised words when a concept matches by name key.
[[nodiscard]] Snippet make_snippet(std::string_view text, std::string_view lang, const MatchTerms& terms,
                                   const SnippetOptions& options, analysis::Analyzer& analyzer,
                                   analysis::NameKeyer& keyer);

}  // namespace xling::searcher
