// What the process's memory is now, measured rather than estimated: the writers flush on it when
// their per-document estimates undercount (Xapian's buffers, caches, one huge record).
#pragma once

#include <cstddef>

namespace xling::indexer {

/// Bytes of live allocations in the process (glibc's mallinfo2: in-use chunks of every arena plus
/// mmapped chunks). Costs a walk of the allocator's free lists (microseconds): call it every few
/// documents, not per token. Thread-safe (the allocator locks each arena).
[[nodiscard]] std::size_t heap_in_use() noexcept;

/// The process's resident set now, in bytes (/proc/self/statm); 0 when it cannot be read.
[[nodiscard]] std::size_t resident_bytes() noexcept;

}  // namespace xling::indexer
