#include "indexer/batch_writer.hpp"

#include "indexer/memory_gauge.hpp"
#include "xling/error.hpp"

namespace xling::indexer {
namespace {

// Reading /proc/self/statm costs a few microseconds: measured every 64 KB of estimated changes
// or 64 documents, it stays far below a document's analysis even for documents of a few words.
constexpr std::size_t kMeasureEvery = 64u << 10;
constexpr std::size_t kMeasureDocuments = 64;

}  // namespace

BatchWriter::BatchWriter(Xapian::WritableDatabase& db, std::string name, std::size_t batch_documents,
                         std::size_t memory_bytes, std::size_t resident_limit)
    : db_(db),
      name_(std::move(name)),
      batch_documents_(batch_documents),
      memory_bytes_(memory_bytes),
      resident_limit_(resident_limit) {}

BatchWriter::~BatchWriter() {
    try {
        tables_.write_to(db_);
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; the documents stay
    }
}

// The estimates (document_analysis.cpp) decide the batches: they are deterministic, so the same
// input commits at the same documents in every build and on every machine. They cannot know every
// input (words that never repeat, many tiny records), and the resident set is what --memory-mb
// bounds, so where it means something (memory_gauge.hpp) it is measured as a second bound.
bool BatchWriter::over_resident_limit(std::size_t incoming) {
    if (resident_limit_ == 0 || pending_documents_ == 0) return false;
    bytes_since_measure_ += incoming;
    if (bytes_since_measure_ < kMeasureEvery && ++documents_since_measure_ < kMeasureDocuments) return false;
    bytes_since_measure_ = 0;
    documents_since_measure_ = 0;
    const std::size_t resident = resident_bytes();
    // A batch must have grown by a sixteenth of the limit since the last commit: a budget smaller
    // than the fixed part (code, ICU data, caches) then gives small batches, not a commit per document.
    if (resident < resident_after_commit_ + resident_limit_ / 16) return false;
    return resident + incoming >= resident_limit_;
}

Xapian::docid BatchWriter::write(const AnalysedDocument& doc) {
    // A document that would take the batch past its threshold goes into the next batch (a large
    // one alone), and a large one is measured before it is added: adding copies its terms into Xapian.
    if (pending_documents_ != 0 && pending_bytes_ + doc.estimated_bytes > memory_bytes_) {
        commit();
    } else if (doc.estimated_bytes >= kMeasureEvery && over_resident_limit(doc.estimated_bytes)) {
        commit();
    }
    Xapian::docid id = 0;
    try {
        id = db_.replace_document(doc.id_term, doc.document);
        for (const auto& [key, word] : doc.name_links) tables_.add_synonym(key, word);
        tables_.add(doc.word_tables);
    } catch (const Xapian::Error& e) {
        throw IndexError(name_ + ": cannot write document " + doc.id_term.substr(1) + ": " + e.get_description());
    }
    ++pending_documents_;
    pending_bytes_ += doc.estimated_bytes;
    if (pending_documents_ >= batch_documents_ || pending_bytes_ >= memory_bytes_ || over_resident_limit(doc.estimated_bytes)) {
        commit();
    }
    return id;
}

void BatchWriter::commit() {
    if (pending_documents_ == 0 && !changed_ && tables_.empty()) return;
    try {
        tables_.write_to(db_);
        db_.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError(name_ + ": commit failed: " + e.get_description());
    }
    ++commits_;
    pending_documents_ = 0;
    pending_bytes_ = 0;
    // The batch's freed pages go back to the system, or they stay resident (the next batch reuses
    // them, but the peak RSS the budget bounds would then include them whatever the estimates say).
    release_free_memory();
    if (resident_limit_ != 0) {
        resident_after_commit_ = resident_bytes();
        bytes_since_measure_ = 0;
        documents_since_measure_ = 0;
    }
    changed_ = false;
}

}  // namespace xling::indexer
