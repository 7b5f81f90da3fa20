// The snippet of a version-5 document made from the index: its matched words and positions
// (searcher/index_matches.hpp) choose the passages; only those passages' text is read from its
// blocks (searcher/stored_text.hpp) and segmented, so the cost follows the snippet, not the
// document's length. Rendering is shared with the whole-text path (searcher/snippet.hpp).
#pragma once

#include <string_view>

#include "analysis/analyzer.hpp"
#include "indexer/stored_record.hpp"
#include "searcher/index_matches.hpp"
#include "searcher/snippet.hpp"
#include "searcher/stored_text.hpp"

namespace xling::searcher {

/// The snippet of a document of language `lang` whose matches are `matches` and whose text is
/// read through `text` (with its record's `map`). Matched forms
/// and concepts come from all of `matches`: a word shown in a passage is listed as written there,
/// one outside them as written at its first position when the block holding it was decompressed
/// for the passages (always for a text of one block), else as its normalized index form.
/// Throws xling::IndexError when a text block is missing or corrupt.
[[nodiscard]] Snippet make_index_snippet(const DocumentMatches& matches, StoredText& text, const indexer::TextMap& map,
                                         std::string_view lang, const MatchTerms& terms,
                                         const SnippetOptions& options, analysis::Analyzer& analyzer);

}  // namespace xling::searcher
