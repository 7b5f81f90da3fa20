// Rendering SearchResults for people (terminal) and as ids. The JSON formats (--json, --jsonl,
// --batch) are programs/common/result_json.hpp, shared with xling-serve; --ids writes the ids one
// per line.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "programs/common/result_json.hpp"
#include "xling/alias_table.hpp"
#include "xling/search_results.hpp"

namespace xling::cli {

/// Hit ids, one per line: control characters in an id are written as C escapes (\n, \r, \t,
/// \x1b, \u0085) and backslashes doubled, so each line is exactly one id (--jsonl: raw ids).
[[nodiscard]] std::string to_ids(const SearchResults& results);

/// Human-readable listing; `color` adds ANSI styles (only for terminals); `explain` adds, per
/// hit, which forms matched each query concept. Control characters in ids, titles, urls and
/// the other fields are shown as escapes (\x1b, \n, \u0085), so that the only escape sequences
/// written are xling's own styles; snippets come escaped (SnippetOptions::escape_controls).
/// `html` (--highlight html) also writes &, <, >, " and ' of every field as HTML character
/// references (snippets come so escaped: SnippetOptions::escape_html), so only <mark> is markup.
void print_human(std::ostream& out, const SearchResults& results, bool color, bool explain = false, bool html = false);

/// The expanded query as a readable tree: per concept its entity, names per language, forms
/// found in the index, stems and name keys; ambiguous names are flagged.
void print_explanation(std::ostream& out, const SearchResults& results, const std::vector<AmbiguousName>& ambiguous,
                       bool color);

}  // namespace xling::cli
