// A blocking FIFO bounded by item count and by a byte budget, so a fast reader cannot buffer an
// arbitrary amount of input ahead of slow analysis threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace xling::indexer {

template <typename T>
class BoundedQueue {
  public:
    BoundedQueue(std::size_t max_items, std::size_t max_bytes) : max_items_(max_items), max_bytes_(max_bytes) {}

    /// Waits for room, then appends. An item larger than the whole budget is still accepted once
    /// the queue is empty (a single huge document must not deadlock). False once closed.
    bool push(T item, std::size_t bytes) {
        std::unique_lock lock(mutex_);
        not_full_.wait(lock, [&] {
            return closed_ || items_.empty() || (items_.size() < max_items_ && bytes_ + bytes <= max_bytes_);
        });
        if (closed_) return false;
        bytes_ += bytes;
        items_.emplace_back(std::move(item), bytes);
        not_empty_.notify_one();
        return true;
    }

    /// Waits for an item; nullopt when the queue is closed and drained.
    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
        if (items_.empty()) return std::nullopt;
        auto [item, bytes] = std::move(items_.front());
        items_.pop_front();
        bytes_ -= bytes;
        not_full_.notify_all();
        return std::move(item);
    }

    /// No more pushes; pop() drains what is queued, then returns nullopt.
    void close() {
        const std::lock_guard lock(mutex_);
        closed_ = true;
        not_empty_.notify_all();
        not_full_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable not_full_;
    std::condition_variable not_empty_;
    std::deque<std::pair<T, std::size_t>> items_;
    std::size_t max_items_;
    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    bool closed_ = false;
};

}  // namespace xling::indexer
