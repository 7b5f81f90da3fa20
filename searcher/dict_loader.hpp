// The per-query translation table: the Resources' table plus the request's glossaries, and the
// status line --explain shows. (Which table a Searcher uses is decided by xling::Resources.)
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "xling/resources.hpp"
#include "xling/translation_table.hpp"

namespace xling::searcher {

/// `base` plus the glossary files, read now (so an edited glossary counts at the next query).
/// `analyzer` stems single glossary words, so inflected query words find them.
/// Each must be a regular file of at most 64 MiB (analysis::kMaxConfigFileBytes).
/// @throws ConfigError "file: cannot read glossary: REASON", "file: larger than 64 MiB ..." or
///         "file:line: message".
[[nodiscard]] TranslationTable with_glossaries(const TranslationTable& base,
                                               const std::vector<std::filesystem::path>& glossaries,
                                               analysis::Analyzer& analyzer);

/// with_glossaries() for one Searcher: the table is read again only when a glossary file
/// changed, so the documented "edits take effect at the next query" holds without re-reading
/// (a glossary of a million entries took 4 s and 489 MB per query). A file counts as changed
/// when its path, size, modification time or inode differ from when it was read; a file
/// modified within two seconds of being read is read again next time too, since a second edit
/// within the file system's timestamp granularity would leave the stamp unchanged.
class GlossaryCache {
  public:
    /// As with_glossaries(); `base` must be the same table at every call (the Searcher's).
    /// Same errors; after an error nothing is cached, so the next query reads the files again.
    [[nodiscard]] TranslationTable get(const TranslationTable& base, const std::vector<std::filesystem::path>& glossaries,
                                       analysis::Analyzer& analyzer);

    /// How many times the glossaries were read (for tests: a cached query reads none).
    [[nodiscard]] std::size_t reads() const noexcept { return reads_; }

  private:
    struct Stamp {
        std::filesystem::path path;
        std::uintmax_t size = 0;
        std::int64_t mtime_ns = 0;
        std::uint64_t inode = 0;
        bool operator==(const Stamp&) const = default;
    };
    [[nodiscard]] static std::vector<Stamp> stamps(const std::vector<std::filesystem::path>& files);
    [[nodiscard]] bool fresh(const std::vector<Stamp>& now) const;

    std::vector<Stamp> stamps_;
    std::int64_t read_at_ns_ = 0;  ///< wall-clock time of the last read
    bool valid_ = false;
    TranslationTable table_;
    std::size_t reads_ = 0;
};

/// One line for --explain: "table PATH (N keys) + K glossary entries", or why translation is off.
[[nodiscard]] std::string translation_status(const Resources& resources, const TranslationTable& table);

}  // namespace xling::searcher
