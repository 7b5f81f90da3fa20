// One thread analyses and writes, batch by batch, into the live index (committed batches are
// visible to searchers at once and survive a crash) or, for a rebuild, into the next generation,
// compacted and switched to at the end. Everything is applied as it happens, so the index itself
// is the baseline: it sees this run's documents too.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "indexer/batch_writer.hpp"
#include "indexer/index_store.hpp"
#include "indexer/index_writer.hpp"

namespace xling::indexer {

class SequentialWriter final : public IndexWriter {
  public:
    /// Opens the target (for a rebuild: creates the next generation) and checks its schema.
    /// `store` and `listener` must outlive the writer. @throws IndexError.
    SequentialWriter(IndexStore& store, const IndexOptions& options,
                     std::shared_ptr<const analysis::AnalysisData> data, WriteListener& listener);

    [[nodiscard]] const Xapian::Database* baseline() const noexcept override { return target_; }
    std::optional<Xapian::docid> write(Job job) override;
    void apply(SourceChanges changes) override;
    [[nodiscard]] bool writes_live_index() const noexcept override { return !rebuild_; }
    void poll() override {}
    [[nodiscard]] std::size_t documents() const noexcept override { return documents_; }
    WriteTotals finish(const std::function<bool()>& stop_requested) override;

  private:
    Xapian::WritableDatabase& open_target(IndexStore& store);
    void compact_generation();

    IndexStore& store_;
    std::string name_;  // the index folder, for messages
    bool rebuild_;
    WriteListener& listener_;
    std::optional<Xapian::WritableDatabase> next_db_;  // a rebuild: the generation being built
    Xapian::WritableDatabase* target_;                 // where documents are written
    DocumentAnalysis analysis_;
    BatchWriter writer_;
    std::size_t documents_ = 0;
    std::size_t deleted_ = 0;
};

}  // namespace xling::indexer
