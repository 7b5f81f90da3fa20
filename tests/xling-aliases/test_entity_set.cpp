// EntitySet (names the table format cannot hold are dropped, not fatal), languages, name keys.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "programs/xling-aliases/entity_set.hpp"
#include "programs/xling-aliases/import_result.hpp"
#include "programs/xling-aliases/languages.hpp"
#include "analysis/name_normalizer.hpp"
#include "support/test_support.hpp"
#include "xling/alias_table.hpp"

using namespace xling::importer;
using xling::EntityType;

TEST_SUITE("entity_set") {

TEST_CASE("names are trimmed, deduplicated by lookup key per language, and built into a table") {
    ImportReport report;
    EntitySet set(report);
    const std::size_t putin = set.entity("putin", EntityType::Person);
    CHECK(set.entity("putin", EntityType::Person) == putin);
    set.add_note(putin, "President of Russia");
    set.add_note(putin, "President of Russia");
    CHECK(set.add_name(putin, "en", "  Vladimir Putin "));
    CHECK_FALSE(set.add_name(putin, "en", "vladimir  PUTIN"));  // same key
    CHECK(set.add_name(putin, "de", "Vladimir Putin"));          // other language: kept
    CHECK_FALSE(set.add_name(putin, "ru", ""));
    CHECK(set.add_name(putin, "ru", "Путин"));
    CHECK(set.languages(putin) == std::set<std::string>{"de", "en", "ru"});
    CHECK(set.has_key(putin, "путин"));

    const xling::AliasTable table = set.build();
    REQUIRE(table.entities().size() == 1);
    const xling::Entity& e = table.entities()[0];
    CHECK(e.note == "President of Russia");
    CHECK(e.names.size() == 3);
    CHECK(table.lookup("vladimir putin").size() == 1);
    CHECK(report.names_dropped() == 0);
}

TEST_CASE("names the table format would reject or misread are dropped and counted") {
    ImportReport report;
    EntitySet set(report);
    const std::size_t x = set.entity("x", EntityType::Other);
    CHECK_FALSE(set.add_name(x, "en", "A | B"));
    CHECK_FALSE(set.add_name(x, "en", "~Kim"));
    CHECK_FALSE(set.add_name(x, "en", "---"));
    CHECK_FALSE(set.add_name(x, "en", "tab\there"));
    CHECK_FALSE(set.add_name(x, "en", "bad \xC3("));
    CHECK(set.add_name(x, "en", "Fine"));
    CHECK(report.names_dropped() == 5);
    CHECK(report.drop_reasons().size() == ImportReport::kMaxProblems);
    CHECK_NOTHROW((void)set.build());
}

TEST_CASE("excluded and nameless entities are left out of the table") {
    ImportReport report;
    EntitySet set(report);
    const std::size_t a = set.entity("a", EntityType::Place);
    set.entity("empty", EntityType::Place);
    const std::size_t b = set.entity("b", EntityType::Place);
    set.add_name(a, "*", "Alpha");
    set.add_name(b, "*", "Beta");
    set.exclude(b);
    const xling::AliasTable table = set.build();
    REQUIRE(table.entities().size() == 1);
    CHECK(table.entities()[0].id == "a");
}

TEST_CASE("bad ids and languages are caller bugs") {
    ImportReport report;
    EntitySet set(report);
    CHECK_THROWS_AS((void)set.entity("Q12", EntityType::Person), std::invalid_argument);
    const std::size_t a = set.entity("a", EntityType::Person);
    CHECK_THROWS_AS((void)set.add_name(a, "english", "X"), std::invalid_argument);
}

TEST_CASE("xling::analysis::NameNormalizer agrees with normalize_name") {
    xling::analysis::NameNormalizer key;
    for (const char* name : {"Kim Jong-un", "V. Putinas", "Абалаков, Александр Николаевич", "Pjöngjang", "---"}) {
        CHECK(key(name) == xling::normalize_name(name));
    }
}

TEST_CASE("language lists") {
    CHECK(parse_language_list("hu, de,lt,hu") == LanguageList{"hu", "de", "lt"});
    CHECK(parse_language_list("all").empty());
    CHECK_THROWS_AS((void)parse_language_list("hu,EN"), std::invalid_argument);
    CHECK_THROWS_AS((void)parse_language_list("hu,,de"), std::invalid_argument);
    CHECK(wants_language({}, "fr"));
    CHECK_FALSE(wants_language({"hu"}, "fr"));
    CHECK(primary_language("de_AT") == "de");
    CHECK(primary_language("be_tarask") == "be");
    CHECK(primary_language("zh-Hant") == "zh");
}

TEST_CASE("the summary lists entities, names per language, skipped rows") {
    ImportResult result;
    result.table = xling::AliasTable::parse("entity a place\n  de: Moskau\n  en: Moscow\nentity b place\n  en: Moscow | Moskva\n");
    result.report.rows_read = 7;
    for (int i = 0; i < 7; ++i) result.report.skip_row("f.csv:" + std::to_string(i + 2), "bad");
    const std::string summary = format_summary(result);
    CHECK(summary.find("entities: 2 (from 7 input rows)") != std::string::npos);
    CHECK(summary.find("names: 4 (de 1, en 3)") != std::string::npos);
    CHECK(summary.find("ambiguous names: 1") != std::string::npos);
    CHECK(summary.find("malformed rows skipped: 7") != std::string::npos);
    CHECK(summary.find("f.csv:2: bad") != std::string::npos);
    CHECK(summary.find("f.csv:8: bad") == std::string::npos);  // only the first few
}

}  // TEST_SUITE
