// The importers on the real name lists in ../shared/names, when present.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "programs/xling-aliases/countries.hpp"
#include "programs/xling-aliases/everypolitician.hpp"
#include "programs/xling-aliases/geonames.hpp"
#include "support/test_support.hpp"

using namespace xling::importer;
using xling::test::kSharedDir;

namespace {

const std::filesystem::path kNames = kSharedDir / "names";

bool has_lang(const xling::Entity& e, std::string_view lang) {
    return std::any_of(e.names.begin(), e.names.end(), [&](const xling::EntityName& n) { return n.lang == lang; });
}

}  // namespace

TEST_SUITE("real_data") {

TEST_CASE("the shared name lists import cleanly" *
          doctest::skip(!std::filesystem::exists(kNames / "everypolitician_2016" / "aliases_long.tsv") ||
                        !std::filesystem::exists(kNames / "i18n-iso-countries_7.14.0" / "lt.json") ||
                        !std::filesystem::exists(kNames / "geonames_cities15000_2012" / "cities15000.txt"))) {
    EverypoliticianOptions ep;
    ep.languages = {"hu", "de", "lt", "en", "ru"};
    const ImportResult people = import_everypolitician({kNames / "everypolitician_2016" / "aliases_long.tsv"}, ep);
    const auto& persons = people.table.entities();
    const auto ru_and_en = std::count_if(persons.begin(), persons.end(),
                                         [](const xling::Entity& e) { return has_lang(e, "ru") && has_lang(e, "en"); });
    CHECK(ru_and_en > 1000);
    CHECK(people.report.rows_skipped() == 0);
    CHECK(people.table.lookup("александр абалаков").size() == 1);  // running-text form of a surname-first label

    const ImportResult countries = import_countries({kNames / "i18n-iso-countries_7.14.0"}, {});
    const xling::Entity* lithuania = countries.table.find_entity("country.lt");
    REQUIRE(lithuania != nullptr);
    CHECK(std::any_of(lithuania->names.begin(), lithuania->names.end(),
                      [](const xling::EntityName& n) { return n.lang == "lt" && n.name == "Lietuva"; }));
    CHECK(countries.table.entities().size() >= 249);
    CHECK(countries.report.rows_skipped() == 0);

    const ImportResult cities = import_geonames(kNames / "geonames_cities15000_2012" / "cities15000.txt", {});
    CHECK(cities.table.entities().size() > 20000);
    CHECK(cities.report.rows_skipped() == 0);
    const xling::Entity* vilnius = cities.table.find_entity("geonames.593116");
    REQUIRE(vilnius != nullptr);
    CHECK(vilnius->names.size() <= 22);  // name, asciiname, 20 alternates
    CHECK_FALSE(cities.table.lookup("вильнюс").empty());
}

}  // TEST_SUITE
