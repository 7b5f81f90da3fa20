#include "programs/xling-aliases/geonames.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <unicode/uchar.h>

#include "programs/xling-aliases/csv.hpp"
#include "programs/xling-aliases/entity_set.hpp"
#include "programs/xling-aliases/input.hpp"
#include "xling/error.hpp"

namespace xling::importer {
namespace {

constexpr std::size_t kColumns = 19;
constexpr std::size_t kId = 0, kName = 1, kAsciiName = 2, kAlternates = 3, kCountry = 8, kPopulation = 14;

// Languages written in Cyrillic; every other requested language is taken to use Latin script.
constexpr std::array<std::string_view, 14> kCyrillicLanguages = {"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky",
                                                                  "tg", "mn", "ba", "tt", "cv", "os"};

enum class Rank { Capitalised, AllCapitals, Lowercase, Code };

Rank rank_of(const std::vector<UChar32>& name_letters) {
    if (name_letters.empty() || !(u_isupper(name_letters.front()) || u_istitle(name_letters.front()))) return Rank::Lowercase;
    const bool all_capitals = std::none_of(name_letters.begin(), name_letters.end(), [](UChar32 c) { return u_islower(c); });
    if (!all_capitals) return Rank::Capitalised;
    return name_letters.size() <= 3 ? Rank::Code : Rank::AllCapitals;
}

bool digits_only(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

ScriptFilter scripts_for(const LanguageList& languages) {
    if (languages.empty()) return {};
    ScriptFilter out{false, false};
    for (const auto& lang : languages) {
        const bool cyrillic = std::find(kCyrillicLanguages.begin(), kCyrillicLanguages.end(), lang) != kCyrillicLanguages.end();
        (cyrillic ? out.cyrillic : out.latin) = true;
    }
    return out;
}

std::vector<std::string> select_alternate_names(std::string_view alternates, const ScriptFilter& scripts, std::size_t max,
                                                std::set<std::string>& taken, analysis::NameNormalizer& key) {
    // candidates[rank][script]: (name, lookup key) in file order, without names already taken.
    std::array<std::array<std::vector<std::pair<std::string, std::string>>, 2>, 3> candidates;
    while (!alternates.empty()) {
        const auto comma = alternates.find(',');
        const std::string_view name = alternates.substr(0, comma);
        alternates.remove_prefix(comma == std::string_view::npos ? alternates.size() : comma + 1);
        const Script script = name_script(name);
        if (script == Script::Other || (script == Script::Latin && !scripts.latin) ||
            (script == Script::Cyrillic && !scripts.cyrillic) || name.find('|') != std::string_view::npos) {
            continue;
        }
        const Rank rank = rank_of(letters_of(name));
        if (rank == Rank::Code) continue;
        std::string k = key(name);
        if (k.empty() || taken.count(k) > 0) continue;
        candidates[static_cast<std::size_t>(rank)][script == Script::Latin ? 0 : 1].emplace_back(name, std::move(k));
    }
    std::vector<std::string> out;
    const auto take = [&](const std::pair<std::string, std::string>& candidate) {
        if (out.size() < max && taken.insert(candidate.second).second) out.push_back(candidate.first);
    };
    for (const auto& by_script : candidates) {
        const auto& [latin, cyrillic] = by_script;
        for (std::size_t i = 0; i < std::max(latin.size(), cyrillic.size()) && out.size() < max; ++i) {
            if (i < latin.size()) take(latin[i]);
            if (i < cyrillic.size()) take(cyrillic[i]);
        }
    }
    return out;
}

ImportResult import_geonames(const std::filesystem::path& file, const GeonamesOptions& options) {
    std::ifstream in = open_input(file);
    ImportResult result;
    ImportReport& report = result.report;
    EntitySet set(report);
    analysis::NameNormalizer key;
    const ScriptFilter scripts = scripts_for(options.languages);
    std::size_t too_small = 0;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        ++report.rows_read;
        const std::string where = file.string() + ":" + std::to_string(number);
        const std::vector<std::string> fields = split_tsv_line(line).fields;
        if (fields.size() != kColumns) {
            report.skip_row(where, "expected " + std::to_string(kColumns) + " tab-separated fields, found " + std::to_string(fields.size()));
            continue;
        }
        if (const long bad = first_invalid_utf8(fields); bad >= 0) {
            report.skip_row(where, "invalid UTF-8 at byte " + std::to_string(bad));
            continue;
        }
        if (!digits_only(fields[kId])) {
            report.skip_row(where, "geonameid '" + fields[kId] + "' is not a number");
            continue;
        }
        std::uint64_t population = 0;
        const std::string& pop = fields[kPopulation];
        if (!pop.empty() && std::from_chars(pop.data(), pop.data() + pop.size(), population).ptr != pop.data() + pop.size()) {
            report.skip_row(where, "population '" + pop + "' is not a number");
            continue;
        }
        if (population < options.min_population) {
            ++too_small;
            continue;
        }
        const std::size_t city = set.entity("geonames." + fields[kId], EntityType::Place);
        set.add_note(city, "city in " + fields[kCountry] + ", population " + std::to_string(population));
        set.add_name(city, "*", fields[kName]);
        set.add_name(city, "*", fields[kAsciiName]);
        std::set<std::string> taken(set.keys(city).begin(), set.keys(city).end());
        for (const std::string& name : select_alternate_names(fields[kAlternates], scripts, options.max_alternates, taken, key)) {
            set.add_name(city, "*", name);
        }
    }
    if (in.bad()) throw InputError(file.string() + ": read error");
    if (too_small > 0) report.note("left out: " + std::to_string(too_small) + " cities below --min-population " + std::to_string(options.min_population));
    report.note("all names are under * (GeoNames alternate names have no language)");
    result.table = set.build();
    return result;
}

}  // namespace xling::importer
