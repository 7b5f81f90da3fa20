// The YAML-style front matter block of a Markdown file ("---" lines around "key: value" lines).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace xling::indexer {

/// What a front matter block held.
struct FrontMatter {
    std::map<std::string, std::string> fields;  ///< lower-case key -> value (quotes removed)
    std::string_view body;                      ///< the text after the closing "---" (or "...")
    std::size_t body_line = 1;                  ///< the 1-based line the body starts on
};

/// Splits `text` when its first line is "---": the block ends at the next "---" or "..." line.
/// Only flat "key: value" lines are read (what news front matter holds: title, date, lang, url,
/// source); nested or list values, comments and blank lines are ignored, a value in single or
/// double quotes is unquoted.
/// @returns nullopt when `text` has no front matter, and then `error` says why when its first
///          line opened a block that never ends (a problem of line 1).
[[nodiscard]] std::optional<FrontMatter> split_front_matter(std::string_view text, std::string& error);

}  // namespace xling::indexer
