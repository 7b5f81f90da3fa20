// importer/countries.hpp — country names from i18n-iso-countries as `place` entities with id
// "country.<ISO 3166-1 alpha-2, lowercase>".
//
// One JSON file per language: {"locale": "lt", "countries": {"LT": "Lietuva", "GE": ["Sakartvelas",
// "Gruzija"], ...}} — a name or a list of names per code. The language is "locale" (its primary
// subtag), or the file name ("lt.json") when there is none.
#pragma once

#include <filesystem>
#include <vector>

#include "programs/xling-aliases/import_result.hpp"
#include "programs/xling-aliases/languages.hpp"

namespace xling::importer {

struct CountriesOptions {
    LanguageList languages;  ///< files of other languages are ignored; empty: all
};

/// Imports the given files, and every *.json file (sorted by name) in each given folder.
/// A file that is not valid JSON or not of the shape above is skipped and reported, as is an
/// entry with a bad code or value.
/// @throws InputError "PATH: reason" when a path is missing or unreadable.
[[nodiscard]] ImportResult import_countries(const std::vector<std::filesystem::path>& paths, const CountriesOptions& options);

}  // namespace xling::importer
