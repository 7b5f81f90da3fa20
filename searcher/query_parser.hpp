// The researcher's query language, parsed into a tree before any analysis:
//   words, "quoted phrases", OR, AND, NOT (upper case), -word / -"phrase" (exclude),
//   +word (required), parentheses, a NEAR/5 b (within 5 words, Xapian's NEAR/5), "a b"~5 (the
//   phrase's words within 5 words of each other, any order), word* (prefix), =word and
//   ="phrase" (exact form: no stemming, no expansion), field:value filters (lang, date, source,
//   url, title, id). Juxtaposed words combine with the default operator; filters restrict the
//   whole query or the parenthesised group they stand in (several values of one field mean any
//   of them; different fields all apply).
// Lower-case and/or/not/near are words. Lucene's word~ (fuzzy) and word^2 / "a b"^2 (boost) are
// errors that name the supported syntax. Errors are QueryError with the byte position of the problem.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "xling/search_request.hpp"

namespace xling::searcher {

struct QueryNode {
    enum class Kind {
        Word,      ///< text = the word as typed
        Phrase,    ///< text = the words inside the quotes
        And,       ///< all children
        Or,        ///< any child
        AndNot,    ///< children[0] but not children[1]
        AndMaybe,  ///< children[0] required, children[1] only adds weight
        Near,      ///< children within `window` words of each other, any order
        Field,     ///< field:value filter; field = name, text = value
        Filter,    ///< children[0] restricted by the Field children
        All,       ///< every document (a group of filters and exclusions only)
    };
    QueryNode() = default;
    QueryNode(Kind k, std::string t, std::size_t pos, std::vector<QueryNode> kids = {})
        : kind(k), text(std::move(t)), position(pos), children(std::move(kids)) {}

    Kind kind = Kind::Word;
    std::string text;
    std::size_t position = 0;  ///< byte offset in the query
    std::vector<QueryNode> children;
    bool exact = false;        ///< Word/Phrase written =word / ="phrase"
    bool wildcard = false;     ///< Word written word*
    unsigned window = 0;       ///< Near: within this many words; Phrase: "a b"~window (0: a phrase)
    std::string field;         ///< Field
};

/// The field names a query may use.
inline constexpr const char* kQueryFields[] = {"lang", "date", "source", "url", "title", "author", "id"};

/// Parses `query`. Throws QueryError (empty query, unbalanced quote or parenthesis, operator
/// without operand, exclusions only; more than `limits.max_query_bytes` bytes, more than
/// `limits.max_query_words` words, parentheses nested deeper than kMaxQueryNesting), each
/// limit checked before the work it bounds. The tree is then at most a few nodes deep per
/// nesting level, so the recursive walks over it (build, describe, query_texts) are bounded too.
[[nodiscard]] QueryNode parse_query(std::string_view query, DefaultOperator default_operator,
                                    const SearchLimits& limits = {});

/// The words `text` counts for SearchLimits::max_query_words: its runs of bytes that are
/// neither ASCII spaces nor ASCII punctuation (any non-ASCII byte belongs to a word).
[[nodiscard]] std::size_t count_query_words(std::string_view text);

/// A readable rendering of the tree, e.g. AND(word:putin, phrase:"kim jong un"), for tests and --explain.
[[nodiscard]] std::string describe(const QueryNode& node);

}  // namespace xling::searcher
