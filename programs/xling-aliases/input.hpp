// importer/input.hpp — opening input files with the one-line errors the program prints.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace xling::importer {

/// Opens `path` for reading. @throws InputError "PATH: reason" (missing, a folder, unreadable).
[[nodiscard]] std::ifstream open_input(const std::filesystem::path& path);

/// The whole content of `path`. @throws InputError as open_input().
[[nodiscard]] std::string read_input(const std::filesystem::path& path);

/// Byte offset of the first invalid UTF-8 sequence in any of `fields`, counted from the start of
/// the first field (fields joined by one separator); -1 when all are valid.
[[nodiscard]] long first_invalid_utf8(const std::vector<std::string>& fields);

}  // namespace xling::importer
