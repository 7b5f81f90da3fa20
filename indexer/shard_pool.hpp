// Parallel building: N threads, each with its own DocumentAnalysis and its own shard database.
//
// Why shards and not one writer fed by N analysis threads: measured on 3000 German laws (84 MB,
// docs/index-lifecycle.md), Xapian's own work for a document (replace_document: its in-memory
// posting maps, then commit) is ~60% of single-threaded indexing time and can only run on one
// thread per database, which caps one-writer designs near 1.6x on two cores whatever the
// analysis threads do. With a database per thread both halves run in parallel, and merging the
// shards with Xapian's compactor (what xapian-compact does) costs ~2% of the build.
//
// A document goes to shard hash(id) % N: deterministic (the same input and N give the same
// document ids after merging), and a document id repeated in the input lands in the same shard,
// where replace_document() keeps only the last version.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "indexer/batch_writer.hpp"
#include "indexer/bounded_queue.hpp"
#include "indexer/document_analysis.hpp"

namespace xling::indexer {

struct ShardSettings {
    std::size_t batch_documents = 10000;  ///< per shard
    std::size_t memory_bytes = 256u << 20;  ///< per shard: Xapian's pending changes
    std::size_t queue_bytes = 16u << 20;    ///< per shard: text waiting for analysis
    std::size_t resident_limit = 0;         ///< process-wide resident bytes that make a shard commit (0: none)
    std::size_t document_limit = 0;         ///< per shard: bytes one document's terms may cost (0: none)
};

/// What the workers reported since the last take_events().
struct ShardEvents {
    std::vector<SequencedNotice> notices;
    std::map<std::string, std::size_t> per_language;
};

class ShardPool {
  public:
    /// Creates `shards` empty databases `folder`/shard-K and starts one thread per shard.
    /// @throws IndexError when a shard cannot be created.
    ShardPool(std::size_t shards, const std::shared_ptr<const analysis::AnalysisData>& data,
              const std::filesystem::path& folder, const ShardSettings& settings);
    /// Stops the threads (queued documents are dropped; shards stay on disk for the caller).
    ~ShardPool();
    ShardPool(const ShardPool&) = delete;
    ShardPool& operator=(const ShardPool&) = delete;

    /// Queues a document for its shard, waiting while that shard's queue is full.
    /// @throws IndexError when a worker has failed.
    void submit(Job job);

    /// Notices and per-language counts produced by the workers since the last call.
    [[nodiscard]] ShardEvents take_events();
    /// Documents written to the shards so far.
    [[nodiscard]] std::size_t documents() const noexcept { return documents_.load(std::memory_order_relaxed); }

    /// Waits until every queued document is written, commits and closes the shards.
    /// @returns their paths. @throws IndexError with the first worker's failure.
    std::vector<std::filesystem::path> finish();
    [[nodiscard]] std::size_t commits() const noexcept { return commits_.load(std::memory_order_relaxed); }

  private:
    struct Shard {
        Shard(std::filesystem::path p, const std::shared_ptr<const analysis::AnalysisData>& data,
              const ShardSettings& settings);
        std::filesystem::path path;
        Xapian::WritableDatabase db;
        DocumentAnalysis analysis;
        BatchWriter writer;
        BoundedQueue<Job> queue;
        std::thread thread;
    };

    void run(Shard& shard);
    void fail(std::exception_ptr error);
    void rethrow_failure();
    void stop_all();

    std::vector<std::unique_ptr<Shard>> shards_;
    std::mutex mutex_;  // guards events_ and failure_
    ShardEvents events_;
    std::exception_ptr failure_;
    std::atomic<std::size_t> documents_{0};
    std::atomic<std::size_t> commits_{0};
    std::atomic<bool> aborted_{false};  // failure or destruction: queued documents are dropped
};

}  // namespace xling::indexer
