// One query concept's OP_SYNONYM, built so that Xapian runs it cheaply. The builder and the
// translator collect a concept's alternatives from several sources (a name's inflected forms, the
// word's own stems, translations), which overlap: `Putin` listed Zde:putin, Zen:putin and Zlt:putin
// twice, and Xapian opens a posting list per member and sums their wdf, so a duplicate both costs
// and counts its occurrences twice. Members no document has still cost Xapian a lookup each time
// the query runs (and a branch in its OR tree).
#pragma once

#include <vector>
#include <xapian.h>

#include "searcher/index_forms.hpp"
#include "xling/search_results.hpp"

namespace xling::searcher {

/// The OP_SYNONYM of `members` with each distinct member once (first occurrence kept, compared by
/// Query::serialise()) and without the members that can match no document of the index
/// (IndexForms::can_match); those are listed in `info.absent` (their Xapian description, e.g.
/// "Zlt:putin") so that --explain still says what was looked for. When no member can match, the
/// first is kept: the query then still matches nothing, where an empty query would read as "no
/// constraint". An empty `members` gives an empty query.
[[nodiscard]] Xapian::Query synonym_of(const std::vector<Xapian::Query>& members, const IndexForms& forms,
                                       QueryConcept& info);

/// The members synonym_of() keeps (for callers that combine them further, e.g. with accent forms).
[[nodiscard]] std::vector<Xapian::Query> synonym_members(const std::vector<Xapian::Query>& members,
                                                         const IndexForms& forms, QueryConcept& info);

}  // namespace xling::searcher
