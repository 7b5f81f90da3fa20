#include "programs/xling-serve/search_pool.hpp"

#include <sys/stat.h>

#include <optional>

#include "xling/error.hpp"

namespace xling::cli {

IndexIdentity IndexIdentity::of(const std::vector<std::filesystem::path>& paths) {
    IndexIdentity identity;
    for (const auto& path : paths) {
        struct stat st{};
        const std::filesystem::path stub = path / "XAPIANDB";
        if (::stat(stub.c_str(), &st) != 0 && ::stat(path.c_str(), &st) != 0) {
            identity.stamps_.insert(identity.stamps_.end(), {0, 0, 0});
            continue;
        }
        identity.stamps_.insert(identity.stamps_.end(),
                                {static_cast<std::uint64_t>(st.st_ino), static_cast<std::uint64_t>(st.st_mtim.tv_sec),
                                 static_cast<std::uint64_t>(st.st_mtim.tv_nsec)});
    }
    return identity;
}

SearchPool::SearchPool(std::vector<std::filesystem::path> databases, std::shared_ptr<const Resources> resources,
                       std::size_t threads, std::size_t queue_capacity)
    : databases_(std::move(databases)), resources_(std::move(resources)), capacity_(queue_capacity) {
    for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i) workers_.emplace_back([this] { work(); });
}

SearchPool::~SearchPool() {
    std::deque<Task> dropped;
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        dropped.swap(queue_);
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
    for (auto& task : dropped) task.expired();
}

bool SearchPool::submit(Job job, std::function<void()> expired, Clock::time_point deadline) {
    {
        const std::lock_guard lock(mutex_);
        if (stopping_ || queue_.size() >= capacity_ + idle_) return false;
        queue_.push_back({std::move(job), std::move(expired), deadline});
    }
    wake_.notify_one();
    return true;
}

std::size_t SearchPool::queued() const {
    const std::lock_guard lock(mutex_);
    return queue_.size();
}

void SearchPool::work() {
    std::optional<Searcher> searcher;
    IndexIdentity opened;
    for (;;) {
        Task task;
        {
            std::unique_lock lock(mutex_);
            ++idle_;
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            --idle_;
            if (stopping_) return;
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        if (Clock::now() > task.deadline) {
            task.expired();
            continue;
        }
        const IndexIdentity now = IndexIdentity::of(databases_);
        if (!searcher || !(now == opened)) {
            try {
                searcher.reset();
                searcher.emplace(databases_, resources_);
                opened = now;
            } catch (const Error&) {
                searcher.reset();  // the job answers "index unavailable"; the next one tries again
            }
        }
        try {
            task.job(searcher ? &*searcher : nullptr);
        } catch (...) {
            // A job reports its own failures; one that escapes must not end the worker.
        }
    }
}

}  // namespace xling::cli
