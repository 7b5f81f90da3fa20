// The requests of xling-serve's JSON API as xling::SearchRequest: the query parameters of
// GET /api/search and the JSON body of POST /api/search carry the same fields
//   q (required), lang ("hu,de" or ["hu","de"]), since, until, sort (relevance, date, -date),
//   limit, offset, facets, explain, op (and, or), translate, query_lang
// and are checked alike: an unknown or repeated field, a value of the wrong type, a limit or
// offset over the service's bounds are ApiError 400 naming the field.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "xling/search_request.hpp"

namespace xling::cli {

/// The service's bounds on one request (xling-serve options).
struct RequestBounds {
    std::size_t max_limit = 100;     ///< hits per request
    std::size_t max_offset = 10000;  ///< deepest page (Xapian keeps offset + limit hits in memory)
    SearchLimits query;              ///< query bytes and words (the library checks them)
};

/// A search the API was asked for.
struct ApiSearch {
    SearchRequest request;
    bool explain = false;
};

/// Highlight markers of every snippet the API returns: private-use code points, which no text in
/// a natural language holds, so a client splits a snippet on them and shows the rest as text.
inline constexpr const char* kHighlightOpen = "\xEE\x80\x80";   // U+E000
inline constexpr const char* kHighlightClose = "\xEE\x80\x81";  // U+E001

/// From query parameters (name -> values; a name given twice is an error).
/// @throws ApiError 400.
[[nodiscard]] ApiSearch search_from_params(const std::multimap<std::string, std::string>& params,
                                           const RequestBounds& bounds);

/// From a JSON object body. @throws ApiError 400 (also for a body that is not a JSON object).
[[nodiscard]] ApiSearch search_from_json(const std::string& body, const RequestBounds& bounds);

}  // namespace xling::cli
