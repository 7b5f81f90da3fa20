#include "searcher/feedback.hpp"

#include <algorithm>

#include "xling/schema.hpp"

namespace xling::searcher {
namespace {

// The terms one language's documents may give: that language's stems and the name keys
// (shared by every language, so the only terms that carry feedback across languages). Terms no
// other document has are refused: they cannot find anything the first run did not. Unstemmed
// words are left out (their stem is there, and a stopword has no place in an expansion), and
// so are title, language, source and other filter terms.
class FeedbackDecider : public Xapian::ExpandDecider {
  public:
    FeedbackDecider(const Xapian::Database& db, const std::string& lang, Xapian::doccount relevant)
        : db_(db), stem_prefix_(schema::stem_term(lang, "")), relevant_(relevant) {}

    bool operator()(const std::string& term) const override {
        const bool stem = term.compare(0, stem_prefix_.size(), stem_prefix_) == 0;
        const bool name_key = !stem && term.size() > schema::kNameKeyPrefix.size() + 2 &&
                              term.compare(0, schema::kNameKeyPrefix.size(), schema::kNameKeyPrefix) == 0;
        if (!stem && !name_key) return false;
        return db_.get_termfreq(term) > relevant_;
    }

  private:
    const Xapian::Database& db_;
    std::string stem_prefix_;
    Xapian::doccount relevant_;
};

}  // namespace

FeedbackTerms feedback_terms(const Xapian::Database& db, const Xapian::Query& query, std::size_t concepts,
                             const Xapian::MSet& top, const FeedbackOptions& options) {
    FeedbackTerms out;
    if (!options.enabled || options.terms == 0 || options.documents == 0) return out;
    std::map<std::string, Xapian::RSet> relevant;
    std::size_t used = 0;
    for (auto it = top.begin(); it != top.end() && used < options.documents; ++it, ++used) {
        relevant[it.get_document().get_value(schema::kLanguageSlot)].add_document(*it);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);  // get_eset leaves out the query's own terms
    // As in RM3, the expansion of one language weighs `weight` times the query in all (each of
    // its `concepts` counting one), shared among the terms by their expansion weights. A name
    // key several languages give keeps its largest share, once.
    std::map<std::string, double> scale;
    for (const auto& [lang, rset] : relevant) {
        if (lang.empty()) continue;
        const FeedbackDecider decider(db, lang, rset.size());
        const Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(options.terms), rset, &decider);
        double total = 0;
        for (auto t = eset.begin(); t != eset.end(); ++t) total += t.get_weight();
        if (total <= 0) continue;
        for (auto t = eset.begin(); t != eset.end(); ++t) {
            out.by_language[lang].push_back(*t);
            const double share = options.weight * static_cast<double>(std::max<std::size_t>(concepts, 1)) * t.get_weight() / total;
            double& s = scale[*t];
            s = std::max(s, share);
        }
    }
    std::vector<Xapian::Query> added;
    for (const auto& [term, s] : scale) added.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), s);
    if (!added.empty()) out.query = Xapian::Query(Xapian::Query::OP_OR, added.begin(), added.end());
    return out;
}

Xapian::Query with_feedback(const Xapian::Query& query, const FeedbackTerms& feedback) {
    if (feedback.query.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_OR, query, feedback.query);
}

}  // namespace xling::searcher
