// The per-query translation table: the Resources' table plus the request's glossaries, and the
// status line --explain shows. (Which table a Searcher uses is decided by xling::Resources.)
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/analyzer.hpp"
#include "xling/resources.hpp"
#include "xling/translation_table.hpp"

namespace xling::searcher {

/// `base` plus the glossary files, read now (so an edited glossary counts at the next query).
/// `analyzer` stems single glossary words, so inflected query words find them.
/// @throws ConfigError "file: cannot read" or "file:line: message".
[[nodiscard]] TranslationTable with_glossaries(const TranslationTable& base,
                                               const std::vector<std::filesystem::path>& glossaries,
                                               analysis::Analyzer& analyzer);

/// One line for --explain: "table PATH (N keys) + K glossary entries", or why translation is off.
[[nodiscard]] std::string translation_status(const Resources& resources, const TranslationTable& table);

}  // namespace xling::searcher
