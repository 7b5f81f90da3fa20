// The supported-language table. Adding a language: one row here plus data/stopwords/<code>.txt
// and data/namerules/<code>.txt.
// Codes must be those CLD2's LanguageCode() returns, so detection needs no extra mapping.
#include <algorithm>
#include <array>

#include "xling/language.hpp"

namespace xling {
namespace {
constexpr std::array<LanguageInfo, 5> kLanguages{{
    {"hu", "hungarian", "Hungarian"},
    {"de", "german", "German"},
    {"lt", "lithuanian", "Lithuanian"},
    {"en", "english", "English"},
    {"ru", "russian", "Russian"},
}};
}  // namespace

std::span<const LanguageInfo> supported_languages() noexcept { return kLanguages; }

const LanguageInfo* find_language(std::string_view code) noexcept {
    const auto* it = std::find_if(kLanguages.begin(), kLanguages.end(),
                                  [code](const LanguageInfo& l) { return l.code == code; });
    return it == kLanguages.end() ? nullptr : &*it;
}

std::string language_list(std::string_view separator, bool with_undetermined) {
    std::string out;
    for (const LanguageInfo& lang : kLanguages) out.append(out.empty() ? "" : separator).append(lang.code);
    if (with_undetermined) out.append(separator).append(kUndetermined);
    return out;
}

bool is_known_language_code(std::string_view code) noexcept {
    return code == kUndetermined || find_language(code) != nullptr;
}

}  // namespace xling
