// Rendering SearchResults for people (terminal) and programs (JSON). The JSON shape is a stable
// contract (README, "Output formats"):
//   {"query": str, "total": int, "total_exact": bool, "total_lower": int, "total_upper": int,
//    "ignored": [str], "hits": [{"rank": int, "id": str, "lang": str, "title": str,
//    "date": str|null, "url": str|null, "source": str|null, "score": float, "snippet": str}]}
#pragma once

#include <ostream>
#include <string>

#include "xling/search_results.hpp"

namespace xling::searcher {

/// One JSON object (no trailing newline).
[[nodiscard]] std::string to_json(const SearchResults& results);

/// Human-readable listing; `color` adds ANSI styles (only for terminals).
void print_human(std::ostream& out, const SearchResults& results, bool color);

}  // namespace xling::searcher
