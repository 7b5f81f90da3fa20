// Which translation table a Searcher uses, and the per-query table with the request's glossaries.
//
// Resolution mirrors the alias table (<data dir>/aliases/default.aliases): an explicit path
// (SearcherOptions::dict, `--dict`), else $XLING_DICT (set but empty: no table, which the test
// suites use to stay independent of a table a developer built), else
// <data dir>/translation/xling.table when it exists. A path given explicitly must be a compiled
// table; a missing default is not an error (search runs untranslated and --explain says so).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "xling/searcher.hpp"
#include "xling/translation_table.hpp"

namespace xling::searcher {

/// Where the default table lives under a data folder.
[[nodiscard]] std::filesystem::path default_dict_path(const std::filesystem::path& data_dir);

struct LoadedDict {
    TranslationTable table;      ///< empty when none was found
    std::filesystem::path path;  ///< empty when none was found
    std::string absent_reason;   ///< why there is no table (for --explain), when path is empty
};

/// Finds and maps the table (see above). Cheap: the file is mapped, only its header is read.
/// @throws ConfigError "PATH: message" when an explicit or found table is missing, not a
///         compiled table, truncated or of another version.
[[nodiscard]] LoadedDict load_dict(const SearcherOptions& options, const std::filesystem::path& data_dir);

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
[[nodiscard]] std::string translation_status(const LoadedDict& dict, const TranslationTable& table);

}  // namespace xling::searcher
