// xling/search_request.hpp — what a caller asks of xling::Searcher.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace xling {

/// How bare words combine.
enum class DefaultOperator { And, Or };

/// Result order.
enum class SortOrder {
    Relevance,       ///< BM25, best first
    DateAscending,   ///< oldest first (then relevance); undated documents first
    DateDescending,  ///< newest first (then relevance); undated documents last
};

/// Options of one snippet.
struct SnippetOptions {
    std::size_t length = 240;        ///< target length in characters (code points), per hit
    std::size_t max_fragments = 3;   ///< several fragments when matches are far apart
    std::string highlight_open = "[";
    std::string highlight_close = "]";
    std::string ellipsis = "…";
};

/// One query. The query language (see README): bare words, "phrases", OR, AND, NOT, -word,
/// +word, parentheses, a NEAR/n b, word*, =exact, field:value filters (lang, date, source, url,
/// title, id). Every word matches its own stem in each document language.
struct SearchRequest {
    std::string query;
    std::vector<std::string> languages;  ///< restrict to documents in these languages (empty: all)
    std::size_t offset = 0;              ///< first hit to return (0-based)
    std::size_t limit = 10;              ///< hits to return
    DefaultOperator default_operator = DefaultOperator::And;
    bool expand_aliases = true;  ///< expand names through the alias table (--no-aliases turns it off)
    bool name_keys = true;       ///< match capitalised names across scripts by their name key
    SortOrder sort = SortOrder::Relevance;
    std::string since;           ///< ISO date (YYYY, YYYY-MM, YYYY-MM-DD): only documents dated from then
    std::string until;           ///< ISO date: only documents dated until the end of that period
    bool facets = false;         ///< count matches per language, month and source (whole match set)
    SnippetOptions snippet;
};

}  // namespace xling
