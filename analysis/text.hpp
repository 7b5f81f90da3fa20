// Small byte-level string helpers shared by the analysis, the indexer, the translation tools and
// the programs, so that each is written (and tested, tests/analysis/test_text.cpp) once.
// They work on bytes: the characters they trim or separate with are ASCII, so UTF-8 text passes
// through intact.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace xling::analysis {

/// Spaces inside one line of a text file, and the carriage return of a CRLF line end.
inline constexpr std::string_view kLineBlanks = " \t\r";

/// What std::isspace accepts in the C locale: line ends included.
inline constexpr std::string_view kWhitespace = " \t\n\v\f\r";

/// `s` without the leading and trailing characters that are in `chars`.
[[nodiscard]] constexpr std::string_view trim(std::string_view s, std::string_view chars = kWhitespace) noexcept {
    const auto first = s.find_first_not_of(chars);
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(chars) - first + 1);
}

/// `s` without the blanks of a line (kLineBlanks): how text tables and dictionary articles,
/// read line by line, trim their lines and fields.
[[nodiscard]] constexpr std::string_view trim_line(std::string_view s) noexcept { return trim(s, kLineBlanks); }

/// `items` (each projected by `part`, e.g. &AnalyzedToken::word) with `separator` between them.
/// A separator follows only what has been written: leading empty items leave none, which every
/// former hand-written copy did too.
template <class Range, class Part = std::identity>
[[nodiscard]] std::string join(const Range& items, std::string_view separator = " ", Part part = {}) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += std::invoke(part, item);
    }
    return out;
}

/// The non-empty pieces of `text` between `separator`s ("de,,fr," -> de, fr): how the programs
/// read comma lists such as --lang de,fr.
[[nodiscard]] inline std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto end = std::min(text.find(separator), text.size());
        if (end > 0) out.emplace_back(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return out;
}

}  // namespace xling::analysis
