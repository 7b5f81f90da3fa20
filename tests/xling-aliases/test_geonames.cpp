// import_geonames on small files in the GeoNames dump format (19 tab-separated columns, no header);
// script filtering and the choice of alternate names.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "programs/xling-aliases/geonames.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"

using namespace xling::importer;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

// One dump line: id, name, asciiname, alternatenames, ..., country, ..., population, ...
std::string city(const std::string& id, const std::string& name, const std::string& ascii, const std::string& alternates,
                 const std::string& country, const std::string& population) {
    return id + "\t" + name + "\t" + ascii + "\t" + alternates + "\t54.68916\t25.2798\tP\tPPLC\t" + country +
           "\t\t65\t\t\t\t" + population + "\t\t98\tEurope/Vilnius\t2010-09-13\n";
}

std::vector<std::string> star_names(const xling::AliasTable& table, std::string_view id) {
    std::vector<std::string> out;
    const xling::Entity* e = table.find_entity(id);
    REQUIRE(e != nullptr);
    for (const auto& n : e->names) {
        CHECK(n.lang == "*");
        out.push_back(n.name);
    }
    return out;
}

}  // namespace

TEST_SUITE("geonames") {

TEST_CASE("the script of a name") {
    CHECK(name_script("Vilnius") == Script::Latin);
    CHECK(name_script("Vil'njus-2") == Script::Latin);
    CHECK(name_script("Viļņa") == Script::Latin);
    CHECK(name_script("Вильнюс") == Script::Cyrillic);
    CHECK(name_script("Горад Вільнюс") == Script::Cyrillic);
    CHECK(name_script("维尔纽斯") == Script::Other);
    CHECK(name_script("فيلنيوس") == Script::Other);
    CHECK(name_script("Βίλνα") == Script::Other);
    CHECK(name_script("ᕕᓪᓂᐅᔅ/vilnius") == Script::Other);  // mixed
    CHECK(name_script("Vilnюс") == Script::Other);          // mixed Latin and Cyrillic
    CHECK(name_script("123") == Script::Other);
}

TEST_CASE("scripts follow the requested languages") {
    CHECK(scripts_for({}).latin);
    CHECK(scripts_for({}).cyrillic);
    CHECK(scripts_for({"hu", "de"}).latin);
    CHECK_FALSE(scripts_for({"hu", "de"}).cyrillic);
    CHECK_FALSE(scripts_for({"ru", "uk"}).latin);
    CHECK(scripts_for({"ru", "uk"}).cyrillic);
}

TEST_CASE("alternate names: kept scripts, no codes, deduplicated, capped, Latin and Cyrillic alternating") {
    xling::analysis::NameNormalizer key;
    std::set<std::string> taken{"vilnius"};
    const std::string alternates =
        "Vilnius,VNO,VILNA,Vilna,Wilno,vilniusi,Вильнюс,Вільнюс,维尔纽斯,فيلنيوس,Βίλνα,ВИЛЬНЮС,Wilna";
    const auto all = select_alternate_names(alternates, ScriptFilter{}, 20, taken, key);
    // Capitalised first (Latin, Cyrillic alternating), then all-capitals, then lowercase.
    CHECK(all == std::vector<std::string>{"Vilna", "Вильнюс", "Wilno", "Вільнюс", "Wilna", "vilniusi"});

    std::set<std::string> taken2{"vilnius"};
    CHECK(select_alternate_names(alternates, ScriptFilter{}, 3, taken2, key) ==
          std::vector<std::string>{"Vilna", "Вильнюс", "Wilno"});
    std::set<std::string> taken3;
    CHECK(select_alternate_names(alternates, ScriptFilter{true, false}, 20, taken3, key) ==
          std::vector<std::string>{"Vilnius", "Vilna", "Wilno", "Wilna", "vilniusi"});
    std::set<std::string> taken4;
    CHECK(select_alternate_names(alternates, ScriptFilter{false, true}, 20, taken4, key) ==
          std::vector<std::string>{"Вильнюс", "Вільнюс"});
    CHECK(select_alternate_names("", ScriptFilter{}, 20, taken4, key).empty());
}

TEST_CASE("cities become place entities with every name under *") {
    TempDir dir;
    const auto file = dir / "cities15000.txt";
    write_file(file, city("593116", "Vilnius", "Vilnius", "Vilna,Wilno,Вильнюс,维尔纽斯,VNO", "LT", "542366") +
                         city("3041563", "Andorra la Vella", "Andorra la Vella", "", "AD", "20430") +
                         city("1", "Tiny", "Tiny", "", "XX", "900") +
                         city("2", "Zürich", "Zurich", "Zuerich,Цюрих", "CH", "341730"));
    GeonamesOptions options;
    options.min_population = 15000;
    const ImportResult result = import_geonames(file, options);
    const xling::AliasTable& table = result.table;
    CHECK(table.entities().size() == 3);
    CHECK(table.find_entity("geonames.1") == nullptr);  // below --min-population
    CHECK(star_names(table, "geonames.593116") == std::vector<std::string>{"Vilnius", "Vilna", "Вильнюс", "Wilno"});
    CHECK(table.find_entity("geonames.593116")->type == xling::EntityType::Place);
    CHECK(table.find_entity("geonames.593116")->note == "city in LT, population 542366");
    CHECK(star_names(table, "geonames.3041563") == std::vector<std::string>{"Andorra la Vella"});
    CHECK(star_names(table, "geonames.2") == std::vector<std::string>{"Zürich", "Zurich", "Zuerich", "Цюрих"});
    CHECK(result.report.rows_read == 4);

    options.languages = {"de", "en"};
    const auto latin = import_geonames(file, options);
    CHECK(star_names(latin.table, "geonames.2") == std::vector<std::string>{"Zürich", "Zurich", "Zuerich"});
}

TEST_CASE("malformed lines are skipped and reported") {
    TempDir dir;
    const auto file = dir / "cities.txt";
    write_file(file, "# a comment\n" + city("x1", "Bad Id", "Bad Id", "", "XX", "20000") + "too\tfew\tfields\n" +
                         city("5", "Bad Population", "Bad Population", "", "XX", "many") +
                         city("6", "Good", "Good", "", "XX", "") + "\n");
    const ImportResult result = import_geonames(file, {});
    CHECK(result.table.entities().size() == 1);
    CHECK(result.report.rows_skipped() == 3);
    REQUIRE(result.report.problems().size() == 3);
    CHECK(result.report.problems()[0] == file.string() + ":2: geonameid 'x1' is not a number");
    CHECK(result.report.problems()[1] == file.string() + ":3: expected 19 tab-separated fields, found 3");
    CHECK(result.report.problems()[2] == file.string() + ":4: population 'many' is not a number");
}

TEST_CASE("a missing file is an InputError naming it") {
    TempDir dir;
    CHECK_THROWS_AS((void)import_geonames(dir / "nope.txt", {}), xling::InputError);
    CHECK_THROWS_AS((void)import_geonames(dir.path(), {}), xling::InputError);  // a folder
}

}  // TEST_SUITE
