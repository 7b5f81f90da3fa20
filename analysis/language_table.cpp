// The supported-language table. Adding a language: one row here plus stopwords/<code>.txt.
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

bool is_known_language_code(std::string_view code) noexcept {
    return code == kUndetermined || find_language(code) != nullptr;
}

}  // namespace xling
