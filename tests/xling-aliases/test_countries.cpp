// import_countries on small i18n-iso-countries JSON files.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "programs/xling-aliases/countries.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"

using namespace xling::importer;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

std::vector<std::string> names(const xling::AliasTable& table, std::string_view id, std::string_view lang) {
    std::vector<std::string> out;
    const xling::Entity* e = table.find_entity(id);
    if (e == nullptr) return out;
    for (const auto& n : e->names) {
        if (n.lang == lang) out.push_back(n.name);
    }
    return out;
}

void write_samples(const TempDir& dir) {
    write_file(dir / "lt.json", R"({
  "locale": "lt",
  "countries": {
    "GE": ["Sakartvelas", "Gruzija"],
    "LT": "Lietuva"
  }
})");
    write_file(dir / "en.json", R"({"locale": "en", "countries": {"LT": "Lithuania", "CG": ["Republic of the Congo", "Congo"], "CD": ["Democratic Republic of the Congo", "Congo"]}})");
    write_file(dir / "uk.json", R"({"locale": "uk", "countries": {"LT": "Литва"}})");
    write_file(dir / "notes.txt", "not json, not read");
}

}  // namespace

TEST_SUITE("countries") {

TEST_CASE("a folder: every JSON file, names under the file's language") {
    TempDir dir;
    write_samples(dir);
    const ImportResult result = import_countries({dir.path()}, {});
    const xling::AliasTable& table = result.table;
    CHECK(table.entities().size() == 4);
    const xling::Entity* lt = table.find_entity("country.lt");
    REQUIRE(lt != nullptr);
    CHECK(lt->type == xling::EntityType::Place);
    CHECK(lt->note == "ISO 3166-1 LT");
    CHECK(names(table, "country.lt", "lt") == std::vector<std::string>{"Lietuva"});
    CHECK(names(table, "country.lt", "en") == std::vector<std::string>{"Lithuania"});
    CHECK(names(table, "country.lt", "uk") == std::vector<std::string>{"Литва"});
    CHECK(names(table, "country.ge", "lt") == std::vector<std::string>{"Sakartvelas", "Gruzija"});
    REQUIRE(table.ambiguous_names().size() == 1);
    CHECK(table.ambiguous_names()[0].name == "congo");
    CHECK(result.report.rows_read == 6);
}

TEST_CASE("--languages leaves other files out") {
    TempDir dir;
    write_samples(dir);
    CountriesOptions options;
    options.languages = {"lt", "en"};
    const ImportResult result = import_countries({dir / "lt.json", dir / "uk.json", dir / "en.json"}, options);
    CHECK(names(result.table, "country.lt", "uk").empty());
    CHECK(names(result.table, "country.lt", "lt") == std::vector<std::string>{"Lietuva"});
    REQUIRE(result.report.notes().size() == 1);
    CHECK(result.report.notes()[0] == "ignored languages (not in --languages): uk");
}

TEST_CASE("the language comes from the file name when there is no locale") {
    TempDir dir;
    write_file(dir / "hu.json", R"({"countries": {"LT": "Litvánia"}})");
    const ImportResult result = import_countries({dir / "hu.json"}, {});
    CHECK(names(result.table, "country.lt", "hu") == std::vector<std::string>{"Litvánia"});
}

TEST_CASE("broken files and entries are skipped and reported") {
    TempDir dir;
    write_file(dir / "de.json", "{\n  \"locale\": \"de\",\n  \"countries\": {\n    \"LT\": \"Litauen\",\n    oops\n}\n");
    write_file(dir / "fr.json", R"({"locale": "fr", "countries": ["not", "an", "object"]})");
    write_file(dir / "hu.json", R"({"locale": "hu", "countries": {"LT": "Litvánia", "lt": "x", "XYZ": "y", "DE": 5, "AT": [], "FR": ["Franciaország", 1]}})");
    const ImportResult result = import_countries({dir.path()}, {});
    CHECK(result.table.entities().size() == 1);
    CHECK(names(result.table, "country.lt", "hu") == std::vector<std::string>{"Litvánia"});
    CHECK(result.report.rows_skipped() == 7);
    const auto& problems = result.report.problems();
    REQUIRE(problems.size() == ImportReport::kMaxProblems);
    CHECK(problems[0].rfind((dir / "de.json").string() + ":5: invalid JSON (", 0) == 0);
    CHECK(problems[1] == (dir / "fr.json").string() + ": expected an object with a \"countries\" object");
    CHECK(problems[2] == (dir / "hu.json").string() + ":/countries/AT: expected a name or a non-empty list of names");
}

TEST_CASE("a missing path is an InputError naming it") {
    TempDir dir;
    CHECK_THROWS_WITH_AS((void)import_countries({dir / "none"}, {}), ((dir / "none").string() + ": no such file or folder").c_str(),
                         xling::InputError);
}

}  // TEST_SUITE
