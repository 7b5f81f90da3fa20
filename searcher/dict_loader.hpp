// Which translation table a Searcher uses, and the per-query table with the request's glossaries.
//
// Resolution mirrors the alias table (<data dir>/aliases/default.aliases): an explicit path
// (SearcherOptions::dict, `--dict`), else $XLING_DICT (set but empty: no table, which the test
// suites use to stay independent of a table a developer built), else
// <data dir>/translation/xling.table when it exists. A path given explicitly must be a compiled
// table; a missing default is not an error (search runs untranslated and --explain says so).
#pragma once

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
/// @throws ConfigError "file: cannot read" or "file:line: message".
[[nodiscard]] TranslationTable with_glossaries(const TranslationTable& base,
                                               const std::vector<std::filesystem::path>& glossaries,
                                               analysis::Analyzer& analyzer);

/// One line for --explain: "table PATH (N keys) + K glossary entries", or why translation is off.
[[nodiscard]] std::string translation_status(const LoadedDict& dict, const TranslationTable& table);

}  // namespace xling::searcher
