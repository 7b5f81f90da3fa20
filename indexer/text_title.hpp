// The title of a .txt or .md file, which has no title field: taken from its first line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace xling::indexer {

/// Titles are at most this many bytes (a line of a text file can be a whole paragraph).
inline constexpr std::size_t kMaxTitleBytes = 300;

enum class TitleStyle {
    Text,      ///< .txt: the first sentence of the first non-empty line
    Markdown,  ///< .md: the first non-empty line without its heading marks (a heading is a title)
};

/// Title of a text file's content `text` (valid UTF-8): its first non-empty line, for
/// TitleStyle::Text only up to the end of its first sentence (ICU sentence boundaries), then, when
/// still longer than kMaxTitleBytes, cut at the last word boundary (ICU) that fits, so a title
/// never ends inside a word; only a single word longer than the limit is cut inside, at a
/// character boundary. "" when the text has no non-blank line. Thread-safe.
[[nodiscard]] std::string file_title(std::string_view text, TitleStyle style);

}  // namespace xling::indexer
