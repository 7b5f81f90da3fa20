// importer/geonames.hpp — cities from a GeoNames dump (cities15000.txt and the like) as `place`
// entities with id "geonames.<geonameid>".
//
// The dump is tab-separated without header or quoting, 19 columns: geonameid, name, asciiname,
// alternatenames (comma-separated), latitude, longitude, feature class, feature code, country code,
// cc2, admin1-4, population, elevation, dem, timezone, modification date.
//
// Limitation: GeoNames' alternate names carry no language, so every name goes under "*" (valid in
// every language). That is wrong for inflecting languages — a Lithuanian or Russian form is then
// also looked up in German text — and nothing says which spelling is whose. To keep the noise
// down, only alternate names in Latin or Cyrillic script are kept (and only the scripts of the
// requested languages), deduplicated by lookup key, at most `max_alternates` per city.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "programs/xling-aliases/import_result.hpp"
#include "programs/xling-aliases/languages.hpp"
#include "analysis/name_normalizer.hpp"
#include "programs/xling-aliases/script.hpp"

namespace xling::importer {

/// Which scripts' alternate names are kept.
struct ScriptFilter {
    bool latin = true;
    bool cyrillic = true;
};

/// Cyrillic when any of `languages` is written in Cyrillic (ru, uk, be, bg, ...), Latin when any
/// other is; both for every language (empty list).
[[nodiscard]] ScriptFilter scripts_for(const LanguageList& languages);

/// Chooses the alternate names of one city from the comma-separated GeoNames field: kept scripts
/// only; no name whose lookup key is already in `taken` (which receives the chosen keys); no
/// all-capital names of up to 3 letters (airport and similar codes such as "MAN" or "CAN", which
/// would match ordinary words); at most `max` names. Capitalised names go first, then other
/// all-capital ones, then names starting in lowercase (mostly GeoNames' machine romanisations of
/// non-Latin names, "wei er niu si"); within each group Latin and Cyrillic names alternate so the
/// cap does not cut out one script.
[[nodiscard]] std::vector<std::string> select_alternate_names(std::string_view alternates, const ScriptFilter& scripts,
                                                              std::size_t max, std::set<std::string>& taken, analysis::NameNormalizer& key);

struct GeonamesOptions {
    LanguageList languages;            ///< decides the scripts kept (see scripts_for); empty: all
    std::uint64_t min_population = 0;  ///< cities with fewer people are left out
    std::size_t max_alternates = 20;   ///< alternate names per city, after filtering
};

/// @throws InputError "PATH: reason" when the file is missing or unreadable.
[[nodiscard]] ImportResult import_geonames(const std::filesystem::path& file, const GeonamesOptions& options);

}  // namespace xling::importer
