// Rendering SearchResults for people (terminal) and programs (JSON). The JSON shape is a stable
// contract (README, "Output formats"):
//   {"query": str, "total": int, "total_exact": bool, "total_lower": int, "total_upper": int,
//    "ignored": [str], "hits": [{"rank": int, "id": str, "lang": str, "title": str,
//    "date": str|null, "url": str|null, "source": str|null, "score": float, "snippet": str,
//    "matched": [{"query": str, "entity": str|null, "forms": [str]}]}]}
//   With facets, "facets": {"lang": {"hu": 3, ...}, "month": {"2024-11": 4, ...}, "source": {...}}.
//   With explain, the object also has "concepts": how each query concept was expanded.
// --jsonl writes the hit objects one per line (plus "query"); --ids the ids one per line.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "xling/alias_table.hpp"
#include "xling/search_results.hpp"

namespace xling::cli {

/// One JSON object (no trailing newline); `explain` adds "concepts".
[[nodiscard]] std::string to_json(const SearchResults& results, bool explain = false);

/// One JSON object per hit, one per line (the hit objects of to_json, each with "query").
[[nodiscard]] std::string to_jsonl(const SearchResults& results);

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

/// One --batch line for a query that failed: {"query": ..., "error": ...}. Bytes of the query
/// that are not UTF-8 (it is refused for that) become U+FFFD, so the line stays valid JSON.
[[nodiscard]] std::string to_error_json(std::string_view query, std::string_view message);

}  // namespace xling::cli
