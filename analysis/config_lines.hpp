// Line reading shared by the hand-edited text tables (alias tables, translation glossaries), so
// that every table reports its errors the same way: "FILE:LINE: message".
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "analysis/utf8.hpp"
#include "xling/error.hpp"

namespace xling::analysis {

/// The whole of the text file `path`; `what` names it in the error ("alias table").
/// @throws ConfigError "PATH: cannot read WHAT" when it cannot be opened or is a folder.
[[nodiscard]] inline std::string read_config_file(const std::filesystem::path& path, std::string_view what) {
    std::error_code ec;
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path, ec)) {
        throw ConfigError(path.string() + ": cannot read " + std::string(what));
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

/// `s` without leading and trailing spaces, tabs and carriage returns.
[[nodiscard]] inline std::string_view trim_line(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

/// Calls `handle(line, where)` for each line of `text` that is neither blank nor a `#` comment,
/// trimmed; `where` is "origin:N" (1-based), for error messages.
/// @throws ConfigError naming the line when it is not valid UTF-8; whatever `handle` throws.
template <class Handler>
void for_each_config_line(std::string_view text, const std::string& origin, Handler&& handle) {
    std::size_t number = 0;
    while (!text.empty()) {
        ++number;
        const auto nl = text.find('\n');
        const std::string_view raw = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        const std::string where = origin + ":" + std::to_string(number);
        if (const auto bad = find_invalid_utf8(raw)) {
            throw ConfigError(where + ": invalid UTF-8 at byte " + std::to_string(*bad));
        }
        const std::string_view line = trim_line(raw);
        if (line.empty() || line.front() == '#') continue;
        handle(line, where);
    }
}

}  // namespace xling::analysis
