// xling/index_stats.hpp — what an index holds (xling-index stats).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace xling {

struct IndexStats {
    std::string layout;                  ///< "generations", "plain" or "stub"
    std::string generation;              ///< live generation folder ("gen-000003"), generations only
    std::string schema_version;          ///< "" when unknown
    std::uint64_t documents = 0;
    std::uint64_t last_docid = 0;        ///< highest document id ever used
    std::map<std::string, std::uint64_t> per_language;
    std::uint64_t dated_documents = 0;   ///< documents with a date
    std::string first_date;              ///< "YYYY-MM-DD", "" when no document has a date
    std::string last_date;
    std::uint64_t total_length = 0;      ///< words in all documents
    double average_length = 0;           ///< words per document
    std::uint64_t distinct_terms = 0;    ///< all terms
    std::uint64_t distinct_words = 0;    ///< unstemmed words
    std::uint64_t distinct_stems = 0;    ///< Z<lang>:<stem> terms
    std::uint64_t distinct_name_keys = 0;  ///< N<key> terms
    std::uint64_t sources = 0;           ///< input files recorded for incremental runs
    /// Documents mentioning a known entity; nullopt: not indexed (aliases are expanded when
    /// searching, so an index holds names, not entities).
    std::optional<std::uint64_t> entity_mentions;
    std::uint64_t disk_bytes = 0;        ///< size of every file under the index path (for a stub
                                         ///< file: under each local shard it lists)
    std::uint64_t remote_shards = 0;     ///< "remote" lines of a stub file, not in disk_bytes
};

/// Reads the statistics of the index (folder or stub file) at `path`. Counting distinct terms
/// reads the whole term dictionary once (about a second per few million terms).
/// @throws IndexError when it is missing or cannot be opened.
[[nodiscard]] IndexStats index_stats(const std::filesystem::path& path);

}  // namespace xling
