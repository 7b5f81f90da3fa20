// SearchResults and stored documents as JSON, for every program that speaks it (xling-search
// --json/--jsonl/--batch, xling-serve's API). The shape is a stable contract (README, "Output
// formats"):
//   {"query": str, "total": int, "total_exact": bool, "total_lower": int, "total_upper": int,
//    "ignored": [str], "hits": [{"rank": int, "id": str, "lang": str, "title": str,
//    "date": str|null, "url": str|null, "source": str|null, "author": str|null, "score": float, "snippet": str,
//    "matched": [{"query": str, "entity": str|null, "forms": [str]}]}]}
//   With facets, "facets": {"lang": {"hu": 3, ...}, "month": {"2024-11": 4, ...}, "source": {...}}.
//   With explain, the object also has "concepts": how each query concept was expanded.
// Bytes that are not UTF-8 become U+FFFD, so the output is always valid JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "xling/search_results.hpp"
#include "xling/stored_document.hpp"

namespace xling::cli {

/// One JSON object (no trailing newline); `explain` adds "translation", "query_language" and
/// "concepts".
[[nodiscard]] std::string to_json(const SearchResults& results, bool explain = false);

/// One JSON object per hit, one per line (the hit objects of to_json, each with "query").
[[nodiscard]] std::string to_jsonl(const SearchResults& results);

/// One --batch line for a query that failed: {"query": ..., "error": ...}. Bytes of the query
/// that are not UTF-8 (it is refused for that) become U+FFFD, so the line stays valid JSON.
[[nodiscard]] std::string to_error_json(std::string_view query, std::string_view message);

/// A stored document: {"id", "lang", "title", "date": str|null, "url": str|null,
/// "source": str|null, "author": str|null, "text"} (empty date, url, source and author are
/// null, as in a hit).
[[nodiscard]] nlohmann::ordered_json document_json(const StoredDocument& document);

/// `value` as compact JSON text, invalid UTF-8 replaced by U+FFFD.
[[nodiscard]] std::string dump_json(const nlohmann::ordered_json& value);

}  // namespace xling::cli
