// The researcher's query language, parsed into a tree before any analysis:
//   words, "quoted phrases", OR, AND, NOT (upper case), -word / -"phrase" (exclude),
//   +word (required), parentheses. Juxtaposed words combine with the default operator.
// Errors are QueryError with the byte position of the problem.
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
    };
    Kind kind = Kind::Word;
    std::string text;
    std::size_t position = 0;  ///< byte offset in the query
    std::vector<QueryNode> children;
};

/// Parses `query`. Throws QueryError (empty query, unbalanced quote or parenthesis, operator
/// without operand, exclusions only).
[[nodiscard]] QueryNode parse_query(std::string_view query, DefaultOperator default_operator);

/// A readable rendering of the tree, e.g. AND(word:putin, phrase:"kim jong un"), for tests and --explain.
[[nodiscard]] std::string describe(const QueryNode& node);

}  // namespace xling::searcher
