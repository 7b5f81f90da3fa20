// N threads each analyse and write their own shard (shard_pool.hpp); at the end the live index
// (unless rebuilding) and the shards are merged with Xapian's compactor into the next generation,
// which replaces the live one. The measured reason for this design is in docs/index-lifecycle.md.
//
// The live index is the baseline but does not see this run's documents, so what the run decides
// about stored documents (replaced, pruned) and src: records is collected and applied to the
// merged generation, renumbered as the compactor numbers it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "indexer/index_store.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/shard_pool.hpp"

namespace xling::indexer {

class ShardedWriter final : public IndexWriter {
  public:
    /// Starts the next generation and options.threads shard threads in its parts folder.
    /// `store` and `listener` must outlive the writer. @throws IndexError.
    ShardedWriter(IndexStore& store, const IndexOptions& options,
                  const std::shared_ptr<const analysis::AnalysisData>& data, WriteListener& listener);

    [[nodiscard]] const Xapian::Database* baseline() const noexcept override { return baseline_; }
    std::optional<Xapian::docid> write(Job job) override;
    void apply(SourceChanges changes) override { changes_.append(std::move(changes)); }
    [[nodiscard]] bool writes_live_index() const noexcept override { return false; }
    void poll() override;
    [[nodiscard]] std::size_t documents() const noexcept override { return pool_->documents(); }
    WriteTotals finish(const std::function<bool()>& stop_requested) override;

  private:
    void supersede_stored(const std::string& id);
    std::size_t update_live_in_place();
    std::size_t merge(const std::vector<std::filesystem::path>& shards);
    Xapian::docid compact_into(const std::filesystem::path& generation,
                               const std::vector<std::filesystem::path>& shards) const;

    IndexStore& store_;
    std::string name_;  // the index folder, for messages
    bool rebuild_;
    WriteListener& listener_;
    std::unique_ptr<ShardPool> pool_;
    const Xapian::Database* baseline_ = nullptr;  // the live index, unless rebuilding
    std::vector<Xapian::docid> replaced_;            // live documents written anew
    SourceChanges changes_;                       // applied to the merged generation
};

}  // namespace xling::indexer
