// Document language identification with CLD2.
#pragma once

#include <string>
#include <string_view>

namespace xling::analysis {

struct DetectedLanguage {
    std::string code;      ///< a supported code, or "und"
    std::string detected;  ///< what CLD2 said (ISO code, "un" when unknown), for reports
    bool reliable = false;
};

/// Maps CLD2's answer onto the supported-language table. Stateless and thread-safe.
[[nodiscard]] DetectedLanguage identify_language(std::string_view utf8_text);

}  // namespace xling::analysis
