#include "programs/xling-serve/search_pool.hpp"

#include <sys/stat.h>

#include <algorithm>

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
    : databases_(std::move(databases)),
      resources_(std::move(resources)),
      size_(std::max<std::size_t>(threads, 1)),
      capacity_(queue_capacity) {
    for (std::size_t i = 0; i < size_; ++i) free_.push_back(std::make_unique<Slot>());
}

SearchPool::~SearchPool() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    freed_.notify_all();
}

Searcher* SearchPool::ready(Slot& slot) const {
    const IndexIdentity now = IndexIdentity::of(databases_);
    if (!slot.searcher || !(now == slot.opened)) {
        try {
            slot.searcher.reset();
            slot.searcher.emplace(databases_, resources_);
            slot.opened = now;
        } catch (const Error&) {
            slot.searcher.reset();  // the job answers "index unavailable"; the next one tries again
        }
    }
    return slot.searcher ? &*slot.searcher : nullptr;
}

SearchPool::Outcome SearchPool::run(const Job& job, Clock::time_point deadline) {
    std::unique_ptr<Slot> slot;
    {
        std::unique_lock lock(mutex_);
        if (free_.empty()) {
            if (stopping_ || waiting_ >= capacity_) return Outcome::Full;
            ++waiting_;
            const bool freed = freed_.wait_until(lock, deadline, [this] { return stopping_ || !free_.empty(); });
            --waiting_;
            if (!freed || stopping_) return Outcome::Expired;
        }
        slot = std::move(free_.back());
        free_.pop_back();
    }
    try {
        job(ready(*slot));
    } catch (...) {
        // A job reports its own failures; one that escapes must not lose the Searcher.
    }
    {
        const std::lock_guard lock(mutex_);
        free_.push_back(std::move(slot));
    }
    freed_.notify_one();
    return Outcome::Ran;
}

std::size_t SearchPool::queued() const {
    const std::lock_guard lock(mutex_);
    return waiting_;
}

}  // namespace xling::cli
