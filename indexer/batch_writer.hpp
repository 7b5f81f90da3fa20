// The write half of indexing: documents into one WritableDatabase, committed in batches bounded
// by document count and by estimated memory, with the process's measured resident memory as a
// safety bound for input the estimates undercount.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>

#include "indexer/document_analysis.hpp"

namespace xling::indexer {

class BatchWriter {
  public:
    /// `name` is used in error messages (the index or shard path). `db` must outlive the writer.
    /// Commits after `batch_documents` documents, when the documents' estimated bytes reach
    /// `memory_bytes`, or when the process's resident memory (measured every few documents)
    /// reaches `resident_limit` (0: not measured; memory_budget.hpp's resident_trigger(), which is
    /// 0 in sanitizer builds). The first two are deterministic; the third depends on the process.
    BatchWriter(Xapian::WritableDatabase& db, std::string name, std::size_t batch_documents, std::size_t memory_bytes,
                std::size_t resident_limit = 0);
    /// Hands the pending word-table entries to the database (not committed): Xapian's own
    /// destructor commits what was added, and the tables must go with their documents.
    ~BatchWriter();
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

    /// Adds or replaces (by its Q<id> term) the document; commits when a threshold is reached.
    /// @returns its document id. @throws IndexError.
    Xapian::docid write(const AnalysedDocument& doc);

    /// Notes a change made directly on the database (metadata, deletion), so commit() commits it.
    void mark_changed() noexcept { changed_ = true; }

    /// Writes the batch's word-table entries and commits pending changes, if any. @throws IndexError.
    void commit();

    [[nodiscard]] std::size_t commits() const noexcept { return commits_; }
    [[nodiscard]] std::size_t pending_documents() const noexcept { return pending_documents_; }

  private:
    /// Whether the process's resident memory, with `incoming` bytes more, reaches the limit.
    /// Measures only every kMeasureEvery estimated bytes or kMeasureDocuments documents.
    [[nodiscard]] bool over_resident_limit(std::size_t incoming);

    Xapian::WritableDatabase& db_;
    std::string name_;
    std::size_t batch_documents_;
    std::size_t memory_bytes_;
    std::size_t pending_documents_ = 0;
    std::size_t pending_bytes_ = 0;
    std::size_t resident_limit_;
    std::size_t resident_after_commit_ = 0;  ///< measured after the last commit (and trim)
    std::size_t bytes_since_measure_ = 0;
    std::size_t documents_since_measure_ = 0;
    std::size_t commits_ = 0;
    bool changed_ = false;
    WordTableBatch tables_;
};

}  // namespace xling::indexer
