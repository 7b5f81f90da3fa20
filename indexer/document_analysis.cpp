#include "indexer/document_analysis.hpp"

#include <algorithm>

#include "analysis/iso_date.hpp"
#include "analysis/language_identifier.hpp"
#include "indexer/memory_budget.hpp"
#include "xling/language.hpp"
#include "xling/schema.hpp"

namespace xling::indexer {
namespace {

SequencedNotice warning(const Job& job, std::string message) {
    return {job.seq, Notice{Notice::Kind::Warning, where_of(job.doc), std::move(message)}};
}

// What a document costs Xapian between add and commit, calibrated against peak RSS on the
// bundled corpora (docs/index-lifecycle.md): Xapian keeps, per distinct term, an entry in its
// in-memory posting and position change maps (~100 bytes of map node, key and encoded data),
// a few bytes per position, and the document data and text blocks until the tables are flushed.
std::size_t estimate_bytes(const Xapian::Document& doc, std::size_t positions, std::size_t text_bytes) {
    constexpr std::size_t kPerTerm = 100;
    constexpr std::size_t kPerPosition = 4;
    return doc.termlist_count() * kPerTerm + positions * kPerPosition + doc.get_data().size() + text_bytes;
}

}  // namespace

std::string where_of(const SourceDocument& doc) { return doc.origin.empty() ? doc.id : doc.origin; }

DocumentAnalysis::DocumentAnalysis(std::shared_ptr<const analysis::AnalysisData> data, std::size_t document_limit)
    : builder_(std::move(data), document_limit), document_limit_(document_limit) {}

std::string DocumentAnalysis::choose_language(const Job& job, std::vector<SequencedNotice>& notices) {
    const SourceDocument& doc = job.doc;
    if (!doc.lang.empty()) {
        std::string code = schema::ascii_lower(doc.lang);
        if (is_known_language_code(code)) return code;
        notices.push_back(warning(job, "language '" + doc.lang + "' is not supported; indexed unstemmed as und"));
        return std::string(kUndetermined);
    }
    const auto detected = analysis::identify_language(doc.title.empty() ? doc.text : doc.title + "\n" + doc.text);
    if (detected.code == kUndetermined) {
        notices.push_back(warning(job, "language not supported or not identified (CLD2: " + detected.detected +
                                           "); indexed unstemmed as und"));
    }
    return detected.code;
}

AnalysedDocument DocumentAnalysis::analyse(const Job& job) {
    const SourceDocument& doc = job.doc;
    AnalysedDocument out;
    if (doc.source.size() > schema::kMaxFilterTermBytes) {
        out.notices.push_back(warning(job, "source longer than " + std::to_string(schema::kMaxFilterTermBytes) +
                                               " bytes; stored, but not usable as a filter"));
    }
    out.lang = choose_language(job, out.notices);
    std::optional<std::string> date;
    if (!doc.date.empty()) {
        date = analysis::parse_date(doc.date);
        if (!date) out.notices.push_back(warning(job, "date '" + doc.date + "' is not an ISO 8601 or RFC 822 date; stored without a date"));
    }
    out.document = builder_.build(doc, out.lang, date);
    if (builder_.last_words_left_out() != 0) {
        out.notices.push_back(warning(
            job, "only the first " + std::to_string(builder_.last_position_count()) + " words indexed, " +
                     std::to_string(builder_.last_words_left_out()) +
                     " more left out: their terms would take more memory than --memory-mb allows one document; "
                     "the whole text is stored"));
    }
    if (!job.source_key.empty()) out.document.add_boolean_term(std::string(schema::kSourceFilePrefix) + job.source_key);
    if (!job.hash.empty()) out.document.add_value(schema::kContentHashSlot, job.hash);
    out.id_term = schema::id_term(doc.id);
    out.name_links = builder_.last_name_links();
    out.word_tables = builder_.take_word_tables();
    out.estimated_bytes = estimate_bytes(out.document, builder_.last_position_count(), doc.text.size()) +
                          out.word_tables.estimated_bytes();
    // The estimate above undercounts a large document several times (it is calibrated on a
    // batch's many small ones, and stays what sizes those batches); for a document that takes a
    // quarter of the limit or more, the builder's measured model makes the writer commit its
    // batch before it.
    if (document_limit_ != 0 && builder_.last_cost() >= document_limit_ / 4) {
        out.estimated_bytes = std::max(
            out.estimated_bytes, static_cast<std::size_t>(static_cast<double>(builder_.last_cost()) / kRssPerEstimatedByte));
    }
    return out;
}

}  // namespace xling::indexer
