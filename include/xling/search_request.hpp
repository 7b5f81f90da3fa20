// xling/search_request.hpp — what a caller asks of xling::Searcher.
#pragma once

#include <cstddef>
#include <filesystem>
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
    /// Target length in characters (code points), per hit. 0: no snippets and no per-hit
    /// matched forms (Hit::snippet, matched_forms and matched stay empty): the analysis of each
    /// hit's text is most of a query's time, and id-only callers do not need it.
    std::size_t length = 240;
    std::size_t max_fragments = 3;   ///< several fragments when matches are far apart
    std::string highlight_open = "[";
    std::string highlight_close = "]";
    std::string ellipsis = "…";
};

/// Keyword translation of one query (see README "Translation"). Each content word (not a
/// stopword, not an alias-table name, not =exact, not a field value) is looked up in the
/// translation table from the query language into every searched document language; its
/// translations, analysed and stemmed in their own language, join the word's OP_SYNONYM group.
/// Weights choose and cap translations; inside the group every member counts alike (Pirkola).
struct TranslationRequest {
    bool enabled = true;         ///< false: --no-translate (each word matches its own stems only)
    std::string query_language;  ///< ISO code of the query's language (--query-lang); empty: detect
    /// Glossary files (format: include/xling/translation_table.hpp) read for this query on top of
    /// the table: edits take effect at the next query, nothing is rebuilt. Also used when no
    /// compiled table is loaded.
    std::vector<std::filesystem::path> glossaries;
    std::size_t max_per_language = 3;  ///< best translations kept per word and target language
    float min_weight = 0.08F;          ///< translations weighing less are dropped
    /// Translations weighing less than this share of the word's best translation into the same
    /// language are dropped: a strong first sense does not drag weak homonyms along.
    float min_relative_weight = 0.3F;
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
    TranslationRequest translation;
    SnippetOptions snippet;
};

}  // namespace xling
