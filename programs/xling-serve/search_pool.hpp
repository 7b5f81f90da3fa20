// The worker threads that run searches. xling::Searcher is not thread-safe, so each worker owns
// one, all sharing one Resources. A Searcher reopens its index before each query and so sees
// every new commit; a --rebuild, however, switches the index folder's stub (XAPIANDB) to a new
// generation, which a Xapian reopen() does not follow, so a worker also compares the stub files'
// identity (inode and modification time, one stat per index and request) and opens a new
// Searcher when they changed.
//
// The queue is bounded: a job that does not fit is refused at once (the API answers 503), and a
// job still queued when its deadline passed is dropped unrun.
#pragma once

#include <chrono>
#include <cstdint>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
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
    /// A job gets its worker's Searcher, or nullptr when the index cannot be opened now. It must
    /// not throw (what it throws is dropped).
    using Job = std::function<void(Searcher*)>;

    /// Starts `threads` workers (at least 1) with room for `queue_capacity` jobs waiting for a busy
    /// worker (0: a job runs only when a worker is free).
    SearchPool(std::vector<std::filesystem::path> databases, std::shared_ptr<const Resources> resources,
               std::size_t threads, std::size_t queue_capacity);
    /// Finishes the running jobs, drops the queued ones (their `expired` runs) and joins.
    ~SearchPool();
    SearchPool(const SearchPool&) = delete;
    SearchPool& operator=(const SearchPool&) = delete;

    /// Queues `job` to run before `deadline`; `expired` runs instead (on a worker) when the
    /// deadline passed first. Returns false, running neither, when the queue is full.
    /// Thread-safe.
    [[nodiscard]] bool submit(Job job, std::function<void()> expired, Clock::time_point deadline);

    /// Jobs waiting now. Thread-safe.
    [[nodiscard]] std::size_t queued() const;
    [[nodiscard]] std::size_t threads() const noexcept { return workers_.size(); }

  private:
    struct Task {
        Job job;
        std::function<void()> expired;
        Clock::time_point deadline;
    };
    void work();

    const std::vector<std::filesystem::path> databases_;
    const std::shared_ptr<const Resources> resources_;
    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Task> queue_;
    std::size_t idle_ = 0;  // workers waiting: a job for one of them need not fit in the queue
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace xling::cli
