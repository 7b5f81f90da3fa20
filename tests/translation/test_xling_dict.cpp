// xling-dict end to end: build from a dictd folder, look words up (with a glossary), dump, stats,
// and its errors.
#include <doctest/doctest.h>

#include <string>

#include "support/test_support.hpp"
#include "translation_fixture.hpp"

using xling::test::run;
using xling::test::shell_quote;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

const std::string kDict = XLING_DICT_BIN;

std::string build_sample(const TempDir& dir) {
    xling::test::write_sample_dictionaries(dir / "dictd");
    const std::string table = (dir / "xling.dict").string();
    const auto r = run(kDict + " build --dictd-dir " + shell_quote((dir / "dictd").string()) + " --out " + shell_quote(table));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("en->de  freedict-eng-deu.index  \"English - German test dictionary\"") != std::string::npos);
    CHECK(r.out.find("hu->de ") != std::string::npos);
    CHECK(r.out.find("via en 100%") != std::string::npos);
    CHECK(r.out.find("encoding repairs: 1 Hungarian strings") != std::string::npos);
    CHECK(r.out.find("table: ") != std::string::npos);
    return table;
}

}  // namespace

TEST_CASE("xling-dict build, then lookup prints translations per language") {
    TempDir dir;
    const std::string table = build_sample(dir);
    const auto r = run(kDict + " lookup --dict " + shell_quote(table) + " --from hu katonai együttműködését");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("katonai  (hu key 'katonai'") != std::string::npos);
    CHECK(r.out.find("  de: militärisch ") != std::string::npos);
    CHECK(r.out.find("via en") != std::string::npos);
    CHECK(r.out.find("  en: military ") != std::string::npos);
    CHECK(r.out.find("  lt: karinis ") != std::string::npos);
    CHECK(r.out.find("from 'együttműködés'") != std::string::npos);

    write_file(dir / "glossary.txt", "hu:katonai => lt: kariškas\n");
    const auto g = run(kDict + " lookup --dict " + shell_quote(table) + " --glossary " + shell_quote((dir / "glossary.txt").string()) +
                       " --from hu --to lt -n 2 katonai");
    REQUIRE_MESSAGE(g.exit_code == 0, g.err);
    CHECK(g.out.find("  lt: kariškas 1.00 via glossary\n") != std::string::npos);
    CHECK(g.out.find("  en:") == std::string::npos);

    const auto none = run(kDict + " lookup --dict " + shell_quote(table) + " --from hu szamovár");
    CHECK(none.out.find("no translation") != std::string::npos);
}

TEST_CASE("xling-dict dump and stats") {
    TempDir dir;
    const std::string table = build_sample(dir);
    const auto dump = run(kDict + " dump --dict " + shell_quote(table) + " --from hu");
    REQUIRE(dump.exit_code == 0);
    CHECK(dump.out.find("hu\tkatonai\tde\tmilitärisch\t") != std::string::npos);
    CHECK(dump.out.find("\nen\t") == std::string::npos);
    const auto stats = run(kDict + " stats --dict " + shell_quote(table));
    REQUIRE_MESSAGE(stats.exit_code == 0, stats.err);
    CHECK(stats.out.find("load ") != std::string::npos);
    CHECK(stats.out.find("verified in") != std::string::npos);
}

TEST_CASE("xling-dict errors: bad table, bad glossary line, unknown language, no dictionaries") {
    TempDir dir;
    write_file(dir / "bad.dict", "hu:katonai military\n");
    const auto bad = run(kDict + " lookup --dict " + shell_quote((dir / "bad.dict").string()) + " --from hu katonai");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("bad.dict:1: expected") != std::string::npos);
    const auto lang = run(kDict + " build --languages hu,xx --out " + shell_quote((dir / "t").string()));
    CHECK(lang.exit_code == 2);
    CHECK(lang.err.find("unknown language 'xx'") != std::string::npos);
    const auto empty = run(kDict + " build --dictd-dir " + shell_quote(dir.path().string()) + " --out " + shell_quote((dir / "t").string()));
    CHECK(empty.exit_code == 1);
    CHECK(empty.err.find("no FreeDict dictionary") != std::string::npos);
}
