// check_tables / describe_table: what `xling-aliases check` prints, and malformed tables.
#include <doctest/doctest.h>

#include <string>

#include "programs/xling-aliases/check.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"

using namespace xling::importer;
using xling::test::TempDir;
using xling::test::write_file;

TEST_SUITE("check") {

TEST_CASE("counts and every ambiguous name, later files extending earlier ones") {
    TempDir dir;
    write_file(dir / "a.aliases", "entity country.cg place\n  en: Congo | Republic of the Congo\n"
                                  "entity country.cd place\n  en: Congo\n");
    write_file(dir / "b.aliases", "entity country.cd place\n  de: Kongo\nentity q1 person\n  *: Kongo\n");
    const std::string out = check_tables({dir / "a.aliases", dir / "b.aliases"});
    CHECK(out == "entities: 3 (person 1, place 2)\n"
                 "names: 5 (en 3, de 1, * 1)\n"
                 "ambiguous names: 2\n"
                 "congo: country.cg, country.cd\n"
                 "kongo: country.cd, q1\n");
}

TEST_CASE("an empty table is valid") {
    CHECK(describe_table(xling::AliasTable{}) == "entities: 0\nnames: 0\nambiguous names: 0\n");
}

TEST_CASE("a malformed table is a ConfigError with file:line") {
    TempDir dir;
    const auto file = dir / "bad.aliases";
    write_file(file, "# ok\nentity x place\n  en: Fine\n  english: Not a code\n");
    CHECK_THROWS_WITH_AS((void)check_tables({file}),
                         (file.string() + ":4: 'english' is not a language code or '*'").c_str(), xling::ConfigError);
    write_file(file, "entity x place\n  en: A ||\n");
    CHECK_THROWS_WITH_AS((void)check_tables({file}), (file.string() + ":2: empty name").c_str(), xling::ConfigError);
}

TEST_CASE("a type conflict between files names the second file") {
    TempDir dir;
    write_file(dir / "a.aliases", "entity x place\n  en: X\n");
    write_file(dir / "b.aliases", "\nentity x person\n  en: X\n");
    try {
        (void)check_tables({dir / "a.aliases", dir / "b.aliases"});
        FAIL("expected ConfigError");
    } catch (const xling::ConfigError& e) {
        CHECK(std::string(e.what()).rfind((dir / "b.aliases").string() + ":2: ", 0) == 0);
    }
}

}  // TEST_SUITE
