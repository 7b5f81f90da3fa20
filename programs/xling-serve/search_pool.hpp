// The Searchers that answer searches, one per --threads, lent to the HTTP threads: a request's
// search runs on the thread that read it, so no hand-off to another thread and back (two
// wake-ups, each waiting for a core on a busy machine: bench/serve-wrk measured them as most of
// what HTTP added) stands between a request and its answer. xling::Searcher is not thread-safe;
// a lease gives one to one thread at a time. A Searcher reopens its index before each query and so
// sees every new commit; a --rebuild, however, switches the index folder's stub (XAPIANDB) to a
// new generation, which a Xapian reopen() does not follow, so a lease also compares the stub
// files' identity (inode and modification time, one stat per index and request) and opens a new
// Searcher when they changed.
//
// The queue is bounded: when every Searcher is lent and `queue_capacity` requests already wait,
// a request is refused at once (the API answers 503), and one still waiting at its deadline is
// given up unrun.
#pragma once

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "xling/resources.hpp"
#include "xling/searcher.hpp"

namespace xling::cli {

/// What identifies the index files a Searcher opened: per --db path, the inode and modification
/// time of its stub file (or of the path when it has none).
class IndexIdentity {
  public:
    /// The identity of `paths` now; missing paths count as their own state.
    [[nodiscard]] static IndexIdentity of(const std::vector<std::filesystem::path>& paths);
    bool operator==(const IndexIdentity&) const = default;

  private:
    std::vector<std::uint64_t> stamps_;
};

class SearchPool {
  public:
    using Clock = std::chrono::steady_clock;
    /// A job gets a Searcher, or nullptr when the index cannot be opened now. It must not throw
    /// (what it throws is dropped).
    using Job = std::function<void(Searcher*)>;

    /// What became of a job given to run().
    enum class Outcome {
        Ran,      ///< the job ran (on the calling thread)
        Full,     ///< every Searcher was lent and the queue was full: not run
        Expired,  ///< the deadline passed while waiting for a Searcher (or the pool is stopping): not run
    };

    /// `threads` Searchers (at least 1; opened when first needed) with room for `queue_capacity`
    /// requests waiting for one (0: a request runs only when a Searcher is free).
    SearchPool(std::vector<std::filesystem::path> databases, std::shared_ptr<const Resources> resources,
               std::size_t threads, std::size_t queue_capacity);
    /// Wakes the waiting requests (they end Expired). The jobs running must have ended.
    ~SearchPool();
    SearchPool(const SearchPool&) = delete;
    SearchPool& operator=(const SearchPool&) = delete;

    /// Runs `job` on the calling thread with a Searcher no other thread uses meanwhile, waiting
    /// for one until `deadline` when all are lent. Thread-safe.
    [[nodiscard]] Outcome run(const Job& job, Clock::time_point deadline);

    /// Requests waiting for a Searcher now. Thread-safe.
    [[nodiscard]] std::size_t queued() const;
    /// How many Searchers there are (searches run at once at most).
    [[nodiscard]] std::size_t threads() const noexcept { return size_; }

  private:
    struct Slot {
        std::optional<Searcher> searcher;
        IndexIdentity opened;
    };
    Searcher* ready(Slot& slot) const;

    const std::vector<std::filesystem::path> databases_;
    const std::shared_ptr<const Resources> resources_;
    const std::size_t size_;
    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::condition_variable freed_;
    std::vector<std::unique_ptr<Slot>> free_;  // Searchers not lent now
    std::size_t waiting_ = 0;
    bool stopping_ = false;
};

}  // namespace xling::cli
