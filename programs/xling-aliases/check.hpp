// importer/check.hpp — `xling-aliases check`: load tables as the search engine would and describe them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "xling/alias_table.hpp"

namespace xling::importer {

/// Counts (entities per type, names per language) and every ambiguous name as
/// "name: entity1, entity2", one per line, ending in a newline.
[[nodiscard]] std::string describe_table(const AliasTable& table);

/// Loads `files` in order with AliasTable::load (later ones extend earlier ones) and describes them.
/// @throws ConfigError "file:line: message" for a malformed table, or when a file cannot be read.
[[nodiscard]] std::string check_tables(const std::vector<std::filesystem::path>& files);

}  // namespace xling::importer
