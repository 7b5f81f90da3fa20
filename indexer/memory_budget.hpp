// From the run's memory budget (--memory-mb, the peak RSS it aims at) to the flush threshold the
// writers compare their estimated pending bytes with (document_analysis.cpp estimates them).
#pragma once

#include <algorithm>
#include <cstddef>

#include "indexer/memory_gauge.hpp"

namespace xling::indexer {

/// What the process holds whatever the batch size: code, ICU and analysis data, one writer's
/// in-flight document and word cache (measured: a one-document run peaks at ~16 MB, a 15 MB
/// sample with a 32 MB threshold at 79 MB).
inline constexpr std::size_t kFixedBytes = 40u << 20;
inline constexpr std::size_t kPerWriterBytes = 8u << 20;

/// Measured peak RSS per estimated pending byte (Xapian's maps, the commit's own buffers and
/// malloc's slack): 1.2 on the bench sample at 32 and 96 MB thresholds, 1.1 on the issue's
/// full-corpus run at 512 MB (624 MB peak). docs/indexing-performance.md has the runs.
inline constexpr double kRssPerEstimatedByte = 1.2;

/// Flush threshold (estimated bytes) for each of `writers` writers sharing `budget` bytes of RSS.
/// Budgets too small for the fixed part get an eighth of it each (RSS then exceeds the budget).
[[nodiscard]] inline std::size_t flush_threshold(std::size_t budget, std::size_t writers) {
    writers = std::max<std::size_t>(writers, 1);
    const std::size_t fixed = kFixedBytes + writers * kPerWriterBytes;
    const std::size_t floor = std::max<std::size_t>(budget / (8 * writers), 1);
    if (budget <= fixed) return floor;
    const auto per_writer = static_cast<std::size_t>(static_cast<double>(budget - fixed) / kRssPerEstimatedByte) / writers;
    return std::max(per_writer, floor);
}

/// Bytes one document's terms may cost each of `writers` writers sharing `budget` (the
/// DocumentBuilder indexes a document's words up to it): what the budget leaves beside the fixed
/// part, as for a batch, so that one record of megabytes cannot take the process past the budget;
/// at least kPerWriterBytes. The writer commits its batch before such a document (BatchWriter).
[[nodiscard]] inline std::size_t document_limit(std::size_t budget, std::size_t writers) {
    writers = std::max<std::size_t>(writers, 1);
    const std::size_t fixed = kFixedBytes + writers * kPerWriterBytes;
    if (budget <= fixed + writers * kPerWriterBytes) return kPerWriterBytes;
    return (budget - fixed) / writers;
}

/// Share of the budget the process's measured resident set may reach before a writer commits
/// (BatchWriter): the commit itself (the word tables handed to Xapian, the B-tree merge's blocks
/// and zlib contexts) and, with several threads, the others' growth until they next measure
/// take the rest. Measured on the 20 MB sample: see docs/indexing-performance.md.
inline constexpr double kResidentTriggerShare = 0.85;

/// Resident bytes at which the writers sharing `budget` commit (one limit for the process), an
/// extra bound beside flush_threshold()'s estimate for input the estimates undercount; 0 (not
/// measured) in a sanitizer build, where the resident set is not xling's (memory_gauge.hpp).
[[nodiscard]] inline std::size_t resident_trigger(std::size_t budget) {
    if constexpr (!kResidentMemoryMeaningful) return 0;
    return static_cast<std::size_t>(static_cast<double>(budget) * kResidentTriggerShare);
}

}  // namespace xling::indexer
