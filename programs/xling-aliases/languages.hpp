// importer/languages.hpp — the --languages option: which languages an import keeps.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xling::importer {

/// The languages the project analyses; the default of every --languages option.
inline constexpr std::string_view kDefaultLanguages = "hu,de,lt,en,ru";

/// A set of ISO 639 codes; empty means every language.
using LanguageList = std::vector<std::string>;

/// True for a code the alias table accepts as a language: 2 or 3 lowercase ASCII letters.
[[nodiscard]] bool is_language_code(std::string_view code) noexcept;

/// "hu, de,lt" -> {hu, de, lt} (duplicates removed, order kept); "all" -> {} (every language).
/// @throws std::invalid_argument naming the first code that is not 2-3 lowercase letters.
[[nodiscard]] LanguageList parse_language_list(std::string_view list);

/// True when `lang` is in `languages` or `languages` is empty (every language).
[[nodiscard]] bool wants_language(const LanguageList& languages, std::string_view lang) noexcept;

/// "hu,de,lt" or "all languages", for messages.
[[nodiscard]] std::string describe(const LanguageList& languages);

/// The primary subtag of a language tag, lowercased: "de_AT" / "de-at" -> "de", "be_tarask" -> "be".
[[nodiscard]] std::string primary_language(std::string_view tag);

}  // namespace xling::importer
