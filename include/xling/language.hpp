// xling/language.hpp — the languages xling analyses.
//
// The table is data: adding a language means adding its stopword list and name rules
// (data/stopwords/<code>.txt, data/namerules/<code>.txt) and one entry to the table in
// analysis/language_table.cpp. Lists of languages (messages, defaults) come from this table; the
// only code naming particular languages repairs known faults of FreeDict dictionaries.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace xling {

/// The language code given to documents whose language is not supported or not detectable.
inline constexpr std::string_view kUndetermined = "und";

/// One supported language.
struct LanguageInfo {
    std::string_view code;          ///< ISO 639-1 code as used in the index and on the command line ("hu").
    std::string_view snowball;      ///< libstemmer algorithm name ("hungarian").
    std::string_view english_name;  ///< Human-readable name for reports ("Hungarian").
};

/// All supported languages, in a stable order. Thread-safe (immutable data).
[[nodiscard]] std::span<const LanguageInfo> supported_languages() noexcept;

/// The entry for `code` (case-sensitive ISO code), or nullptr when the language is not supported.
[[nodiscard]] const LanguageInfo* find_language(std::string_view code) noexcept;

/// The supported codes joined by `separator` ("hu, de, lt, en, ru"), with kUndetermined last when
/// `with_undetermined`: for messages and defaults.
[[nodiscard]] std::string language_list(std::string_view separator = ", ", bool with_undetermined = false);

/// True when `code` is a supported language or kUndetermined.
[[nodiscard]] bool is_known_language_code(std::string_view code) noexcept;

}  // namespace xling
