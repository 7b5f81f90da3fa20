#include "indexer/memory_gauge.hpp"

#include <malloc.h>
#include <unistd.h>

#include <cstdio>

namespace xling::indexer {

std::size_t resident_bytes() noexcept {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (f == nullptr) return 0;
    unsigned long size = 0;
    unsigned long resident = 0;
    const int read = std::fscanf(f, "%lu %lu", &size, &resident);
    std::fclose(f);
    if (read != 2) return 0;
    return static_cast<std::size_t>(resident) * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

void release_free_memory() noexcept {
    if constexpr (kResidentMemoryMeaningful) ::malloc_trim(0);
}

}  // namespace xling::indexer
