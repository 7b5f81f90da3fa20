// One JSON Lines record -> SourceDocument.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "xling/source_document.hpp"

namespace xling::indexer {

/// The document of one JSONL line (`id` and `text` required; `title`, `lang`, `date`, `url`,
/// `source` optional; other keys ignored), or a one-line error message ("column 17: ...").
/// `line` must be valid UTF-8.
[[nodiscard]] std::variant<SourceDocument, std::string> parse_jsonl_record(std::string_view line);

}  // namespace xling::indexer
