// The xling-aliases program: exit codes, one-line errors, output to stdout or -o.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

#include "support/test_support.hpp"

using xling::test::run;
using xling::test::shell_quote;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

const std::string kAliasesBin = XLING_ALIASES_BIN;

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("import writes the table to stdout and the summary to stderr; check reads it back") {
    TempDir dir;
    write_file(dir / "lt.json", R"({"locale": "lt", "countries": {"LT": "Lietuva"}})");
    write_file(dir / "en.json", R"({"locale": "en", "countries": {"LT": "Lithuania"}})");
    const auto r = run(kAliasesBin + " import countries " + shell_quote(dir.path().string()));
    CHECK(r.exit_code == 0);
    CHECK(r.out == "entity country.lt place\n  note: ISO 3166-1 LT\n  en: Lithuania\n  lt: Lietuva\n\n");
    CHECK(r.err.find("entities: 1") != std::string::npos);
    CHECK(r.err.find("names: 2 (en 1, lt 1)") != std::string::npos);

    const auto table = dir / "out" / "countries.aliases";
    std::filesystem::create_directories(table.parent_path());
    const auto w = run(kAliasesBin + " import countries -o " + shell_quote(table.string()) + " " + shell_quote((dir / "lt.json").string()));
    CHECK(w.exit_code == 0);
    CHECK(w.out.empty());
    CHECK(read(table).find("lt: Lietuva") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(table.string() + ".tmp"));

    const auto c = run(kAliasesBin + " check " + shell_quote(table.string()));
    CHECK(c.exit_code == 0);
    CHECK(c.out == "entities: 1 (place 1)\nnames: 1 (lt 1)\nambiguous names: 0\n");
}

TEST_CASE("a missing input is one line and exit 2") {
    TempDir dir;
    const std::string missing = (dir / "missing.tsv").string();
    for (const char* command : {" import everypolitician ", " import geonames ", " import countries ", " check "}) {
        const auto r = run(kAliasesBin + command + shell_quote(missing));
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind("xling-aliases: " + missing + ": no such file", 0) == 0);
        CHECK(r.err.find('\n') == r.err.size() - 1);
        CHECK(r.out.empty());
    }
}

TEST_CASE("a malformed table fails check with file:line, exit 2") {
    TempDir dir;
    const auto file = dir / "bad.aliases";
    write_file(file, "entity x spaceship\n  en: X\n");
    const auto r = run(kAliasesBin + " check " + shell_quote(file.string()));
    CHECK(r.exit_code == 2);
    CHECK(r.err == "xling-aliases: " + file.string() + ":1: unknown entity type 'spaceship' (person, place, organisation, other)\n");
}

TEST_CASE("usage errors exit 2; an import of nothing exits 1") {
    CHECK(run(kAliasesBin).exit_code == 2);
    CHECK(run(kAliasesBin + " import").exit_code == 2);
    CHECK(run(kAliasesBin + " --help").exit_code == 0);
    TempDir dir;
    write_file(dir / "a.tsv", "wikidata_qid\tsource_legislature\tlang\tname\nQ1\tX\tfr\tUn\n");
    const auto bad = run(kAliasesBin + " import everypolitician --languages hu,EN " + shell_quote((dir / "a.tsv").string()));
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--languages: 'EN' is not a language code") != std::string::npos);
    const auto none = run(kAliasesBin + " import everypolitician " + shell_quote((dir / "a.tsv").string()));
    CHECK(none.exit_code == 1);
    CHECK(none.out.empty());
    CHECK(none.err.find("entities: 0") != std::string::npos);
}

TEST_CASE("the geonames help states the language limitation") {
    const auto r = run(kAliasesBin + " import geonames --help");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("LIMITATION") != std::string::npos);
    CHECK(r.out.find("Latin or Cyrillic") != std::string::npos);
}

}  // TEST_SUITE
