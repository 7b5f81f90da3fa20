// "Did you mean": spelling suggestions from the index's spelling table (schema.hpp, "version 5":
// names, i.e. capitalised words, with their document frequencies), through Xapian's
// Database::get_spelling_suggestion (edit distance at most 2, the most frequent candidate first;
// every database of a stub or a --db list counts).
#pragma once

#include <string>
#include <string_view>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "searcher/query_parser.hpp"

namespace xling::searcher {

/// `query` (whose parse is `tree`) with each searched word that the spelling table spells
/// otherwise replaced by that spelling, capitalised when the word was typed capitalised, the rest
/// of the query (operators, fields, quotes) as typed; "" when no word changes. A word is replaced
/// only when it has 4 letters or more, is not =exact, a wildcard or a field value, and the word
/// as typed is not indexed or in fewer documents than the suggestion.
/// Not thread-safe (uses `analyzer`).
[[nodiscard]] std::string spelling_suggestion(const Xapian::Database& db, std::string_view query, const QueryNode& tree,
                                              analysis::Analyzer& analyzer);

}  // namespace xling::searcher
