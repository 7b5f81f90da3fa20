#include "indexer/batch_writer.hpp"

#include "xling/error.hpp"

namespace xling::indexer {

BatchWriter::BatchWriter(Xapian::WritableDatabase& db, std::string name, std::size_t batch_documents,
                         std::size_t memory_bytes)
    : db_(db), name_(std::move(name)), batch_documents_(batch_documents), memory_bytes_(memory_bytes) {}

BatchWriter::~BatchWriter() {
    try {
        tables_.write_to(db_);
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; the documents stay
    }
}

Xapian::docid BatchWriter::write(const AnalysedDocument& doc) {
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
    if (pending_documents_ >= batch_documents_ || pending_bytes_ >= memory_bytes_) commit();
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
    changed_ = false;
}

}  // namespace xling::indexer
