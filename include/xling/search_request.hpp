// xling/search_request.hpp — what a caller asks of xling::Searcher.
#pragma once

#include <chrono>
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
    DateAscending,   ///< oldest first (then relevance); undated documents last
    DateDescending,  ///< newest first (then relevance); undated documents last
};

/// Whether a word typed without its diacritics also finds the words written with them.
enum class AccentMatching {
    /// "Siaures Korejos" also finds "Šiaurės Korėjos", "Muller" and "Mueller" find "Müller", at a
    /// lower weight than the form as typed (exact-accent matches rank first). Only letters typed
    /// plain are completed: "kör" stays "kör". Needs an index of schema version 5 or later.
    Fold,
    Strict,  ///< every word matches only as typed, with its stems (--accents strict)
};

/// Options of one snippet.
struct SnippetOptions {
    /// Target length in characters (code points), per hit. 0: no snippets and no per-hit
    /// matched forms (Hit::snippet, matched_forms and matched stay empty): reading each hit's
    /// matches and passages is most of a query's time, and id-only callers do not need it.
    std::size_t length = 240;
    std::size_t max_fragments = 3;   ///< several fragments when matches are far apart
    std::string highlight_open = "[";
    std::string highlight_close = "]";
    std::string ellipsis = "…";
    /// Write the document's control characters (C0 but tab, DEL, C1; newlines are folded to
    /// spaces anyway) as visible escapes (\x1b, \u0085), so that a snippet printed to a terminal
    /// carries no escape sequence but the highlight markers. xling-search sets it for its human
    /// output; JSON keeps the text as it is (its writer escapes control characters).
    bool escape_controls = false;
    /// Write the document's text with &, <, >, " and ' as HTML character references, so that
    /// only the highlight markers are markup (xling-search --highlight html sets it).
    bool escape_html = false;
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
    /// Learned translation files (`xling-dict learn`, mined from a collection; off unless given):
    /// read for this query as the lowest layer, labelled "learned" in the explanation. They only
    /// add translations the dictionaries and glossaries lack, at their (lower) written weights.
    std::vector<std::filesystem::path> learned;
    std::size_t max_per_language = 3;  ///< best translations kept per word and target language
    float min_weight = 0.08F;          ///< translations weighing less are dropped
    /// Translations weighing less than this share of the word's best translation into the same
    /// language are dropped: a strong first sense does not drag weak homonyms along.
    float min_relative_weight = 0.3F;
};

/// How deeply parentheses may nest in a query. Not an option: the parser and every walk over
/// the query tree recurse once per level, and a few thousand levels would overflow the stack.
/// More nesting is a QueryError at the offending '('.
inline constexpr std::size_t kMaxQueryNesting = 100;

/// Bounds on one query, checked before any analysis or index access: a pasted megabyte or a
/// generated query with thousands of words would otherwise take minutes and gigabytes (the
/// cost grows with every word in every document language). Exceeding one is a QueryError
/// whose position() is where the limit was passed. Raise them (xling-search
/// --max-query-bytes, --max-query-words) for a long generated query; 0 is not "unlimited".
struct SearchLimits {
    std::size_t max_query_bytes = 8192;  ///< bytes of SearchRequest::query (UTF-8)
    /// Words searched: each run of letters or digits in a word, a phrase or a title: value
    /// ("Kim Jong-un" is 3); other field values count 1, operators and parentheses 0.
    std::size_t max_query_words = 256;
};

/// Pseudo-relevance feedback (RM3-style, README "Feedback"): the query runs once, its best
/// documents are taken as relevant, and the query gains, at a lower weight, the terms that
/// distinguish them most (Xapian's expansion set, Enquire::get_eset, over each language's
/// documents among them separately): stems of that document language, which widen that
/// language's part of the query, and name keys, which are shared by every language and script
/// and so reach documents in languages the query's own words did not (the same people and
/// places in the news of other languages). Then the query runs again and its results are
/// returned. Off by default: it costs a second search and can drift from the query when its
/// first results are poor (eval/ measures it on NTREX).
struct FeedbackOptions {
    bool enabled = false;        ///< xling-search --feedback
    std::size_t documents = 10;  ///< best documents of the first run taken as relevant
    std::size_t terms = 8;       ///< expansion terms at most, per language of those documents
    double weight = 0.3;         ///< the expansion's weight against the query's own (OP_SCALE_WEIGHT)
};

/// One query. The query language (see README): bare words, "phrases", OR, AND, NOT, -word,
/// +word, parentheses, a NEAR/n b, word*, =exact, field:value filters (lang, date, source, url,
/// title, id). Every word matches its own stem in each document language.
struct SearchRequest {
    std::string query;
    std::vector<std::string> languages;  ///< restrict to documents in these languages (empty: all)
    /// First hit to return (0-based). An index holds at most 2^32 - 1 documents (Xapian's
    /// doccount), so larger values are clamped to that and simply return no hits.
    std::size_t offset = 0;
    std::size_t limit = 10;  ///< hits to return; more than the index holds means all of them
    DefaultOperator default_operator = DefaultOperator::And;
    bool expand_aliases = true;  ///< expand names through the alias table (--no-aliases turns it off)
    bool name_keys = true;       ///< match capitalised names across scripts by their name key
    AccentMatching accents = AccentMatching::Fold;  ///< --accents fold|strict
    SortOrder sort = SortOrder::Relevance;
    std::string since;           ///< ISO date (YYYY, YYYY-MM, YYYY-MM-DD): only documents dated from then
    std::string until;           ///< ISO date: only documents dated until the end of that period
    bool facets = false;         ///< count matches per language, month and source (whole match set)
    TranslationRequest translation;
    FeedbackOptions feedback;
    SnippetOptions snippet;
    SearchLimits limits;
    /// Time budget of the search, counted from the call of Searcher::search (0: none; xling-search
    /// --time-limit, xling-serve passes each request's remaining budget). At the deadline the
    /// search returns what it has, marked SearchResults::partial, instead of running on:
    /// - the match stops counting matches beyond the page asked for (Xapian's
    ///   Enquire::set_time_limit turns off check_at_least): facets and the total then cover only
    ///   the documents seen (total_exact false). The page itself is still the best page: Xapian
    ///   cannot end a match early, so a match that is slow for the page alone still runs to its
    ///   end, and a deadline passed before the match starts only skips the counting;
    /// - hits whose snippet is not made yet get none (snippet, matched_forms and matched empty;
    ///   their stored fields are kept): no hit is dropped, and the snippet being made when the
    ///   deadline passes is finished (one snippet of a long document is the longest overrun);
    /// - no spelling suggestion is looked for.
    /// Query parsing and expansion run before the match and are bounded by `limits`, not by this.
    std::chrono::milliseconds time_limit{0};
};

}  // namespace xling
