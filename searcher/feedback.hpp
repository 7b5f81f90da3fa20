// Pseudo-relevance feedback (xling::FeedbackOptions): the terms a query gains from its best
// documents. Xapian computes the expansion set (Enquire::get_eset, Robertson's term selection
// weights over an RSet); this file decides which of the documents' terms may join, per language.
#pragma once

#include <map>
#include <string>
#include <vector>
#include <xapian.h>

#include "xling/search_request.hpp"

namespace xling::searcher {

/// What feedback adds to a query.
struct FeedbackTerms {
    /// Document language -> terms from its documents among the best, most distinctive first.
    std::map<std::string, std::vector<std::string>> by_language;
    /// The added terms as one query (an OR of each term at its weight); empty when none.
    Xapian::Query query;
};

/// The expansion terms of `query` from `top` (the first run's best documents, at most
/// options.documents of them are used), grouped by each document's language (value slot
/// schema::kLanguageSlot). A language's documents give their stems in that language and name
/// keys; a term joins only when other documents have it too (a term of the relevant documents
/// alone finds nothing new) and when it is not a term of `query` already. Each language's terms
/// weigh options.weight times `concepts` (the query's concepts, each weighing about one) in all,
/// shared by their expansion weights. Nothing when options.enabled is false. Throws what Xapian
/// throws (the database is read).
[[nodiscard]] FeedbackTerms feedback_terms(const Xapian::Database& db, const Xapian::Query& query, std::size_t concepts,
                                           const Xapian::MSet& top, const FeedbackOptions& options);

/// `query` with `feedback` beside it: OP_OR, so that documents holding only the expansion
/// terms (in a language none of the query's words reached) are found too, ranked below those
/// that match the query itself at options.weight < 1. `query` unchanged when feedback is empty.
[[nodiscard]] Xapian::Query with_feedback(const Xapian::Query& query, const FeedbackTerms& feedback);

}  // namespace xling::searcher
