// importer/script.hpp — which writing system a name is in (ICU script properties).
#pragma once

#include <string_view>
#include <vector>

#include <unicode/umachine.h>

namespace xling::importer {

enum class Script { Latin, Cyrillic, Other };

/// The letters of `name` (valid UTF-8), as code points; digits, spaces, punctuation and combining
/// marks left out.
[[nodiscard]] std::vector<UChar32> letters_of(std::string_view name);

/// Latin (or Cyrillic) when every letter of `name` is in that script; Other for anything else,
/// including mixed scripts (usually a mis-keyed name) and names without letters.
[[nodiscard]] Script name_script(std::string_view name);

}  // namespace xling::importer
