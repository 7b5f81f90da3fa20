// What the process's memory is now, measured rather than estimated: the writers flush on it when
// their per-document estimates undercount (Xapian's buffers, caches, unusual records).
#pragma once

#include <cstddef>

namespace xling::indexer {

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(hwaddress_sanitizer)
#define XLING_SANITIZED_BUILD 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || defined(__SANITIZE_HWADDRESS__)
#define XLING_SANITIZED_BUILD 1
#endif

/// Whether the process's resident set measures what xling holds. Not in a build under
/// AddressSanitizer, MemorySanitizer or ThreadSanitizer: their resident set includes the shadow
/// memory (an eighth of every touched byte for ASan, as much again or more for MSan and TSan)
/// and ASan's quarantine of freed blocks (up to 256 MB), and their allocators replace glibc's, so
/// malloc_trim() gives nothing back. A limit on it would commit at points that depend on the
/// sanitizer's bookkeeping, not on the batch, and the batches the tests rely on would move; such
/// builds commit on the estimates alone (memory_budget.hpp), and tests of measured memory skip.
#ifdef XLING_SANITIZED_BUILD
inline constexpr bool kResidentMemoryMeaningful = false;
#else
inline constexpr bool kResidentMemoryMeaningful = true;
#endif
#undef XLING_SANITIZED_BUILD

/// The process's resident set now, in bytes (/proc/self/statm); 0 when it cannot be read.
/// Costs a file read (microseconds): call it every few documents, not per token. Thread-safe.
[[nodiscard]] std::size_t resident_bytes() noexcept;

/// Gives the allocator's free pages back to the system (glibc's malloc_trim), so that the
/// resident set measured next is what is in use. Costs a walk of the free lists: once per commit.
void release_free_memory() noexcept;

}  // namespace xling::indexer
