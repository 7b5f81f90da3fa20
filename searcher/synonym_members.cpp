#include "searcher/synonym_members.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace xling::searcher {
namespace {

std::string description_of(const Xapian::Query& q) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) return *q.get_terms_begin();
    std::string d = q.get_description();  // "Query(...)": the part inside is what --explain shows elsewhere
    if (d.rfind("Query(", 0) == 0 && d.back() == ')') d = d.substr(6, d.size() - 7);
    return d;
}

}  // namespace

Xapian::Query synonym_of(const std::vector<Xapian::Query>& members, const IndexForms& forms, QueryConcept& info) {
    const std::vector<Xapian::Query> kept = synonym_members(members, forms, info);
    return Xapian::Query(Xapian::Query::OP_SYNONYM, kept.begin(), kept.end());
}

std::vector<Xapian::Query> synonym_members(const std::vector<Xapian::Query>& members, const IndexForms& forms,
                                           QueryConcept& info) {
    std::vector<Xapian::Query> kept;
    std::set<std::string> seen;
    const Xapian::Query* first_absent = nullptr;
    for (const Xapian::Query& member : members) {
        if (member.empty() || !seen.insert(member.serialise()).second) continue;
        if (!forms.can_match(member)) {
            if (first_absent == nullptr) first_absent = &member;
            std::string d = description_of(member);
            if (std::find(info.absent.begin(), info.absent.end(), d) == info.absent.end()) info.absent.push_back(std::move(d));
            continue;
        }
        kept.push_back(member);
    }
    if (kept.empty() && first_absent != nullptr) kept.push_back(*first_absent);
    return kept;
}

}  // namespace xling::searcher
