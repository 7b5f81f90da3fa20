// Keyword translation end to end: xling-dict builds a table from small dictd files written here,
// xling-search uses it on the sample corpus. One case uses the real FreeDict dictionaries and is
// skipped when they are not installed.
#include <doctest/doctest.h>

#include <cstdlib>

#include "cli_helpers.hpp"
#include "translation/translation_fixture.hpp"

using namespace xling::test;
using Ids = std::vector<std::string>;

namespace {

const std::string kDictBin = XLING_DICT_BIN;

// The sample table, built once with the real command.
const std::filesystem::path& cli_table() {
    static TempDir dir;
    static const std::filesystem::path table = [] {
        write_sample_dictionaries(dir / "dictd");
        const auto out = dir / "sample.table";
        const auto r = run(kDictBin + " build --dictd-dir " + shell_quote((dir / "dictd").string()) + " --out " +
                           shell_quote(out.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return out;
    }();
    return table;
}

std::string with_dict() { return "--dict " + shell_quote(cli_table().string()); }

const Ids kMilitaryCooperation{"de/01-belousow-pjoengjang.txt", "en/01-putin-choe-moscow.txt",
                               "lt/01-belousovas-pchenjane.txt", "wire-hu-001", "wire-ru-001"};

}  // namespace

TEST_CASE("a Hungarian keyword query finds the German, Lithuanian, English and Russian reports") {
    CHECK(search_ids(corpus_db(), "katonai együttműködés", with_dict()) == kMilitaryCooperation);
    CHECK(search_ids(corpus_db(), "katonai együttműködés", with_dict() + " --no-translate") == Ids{"wire-hu-001"});
    // No table given and XLING_DICT set empty by the suite: no translation, no error.
    CHECK(search_ids(corpus_db(), "katonai együttműködés") == Ids{"wire-hu-001"});
    // The table through the environment.
    const auto r = run("XLING_DICT=" + shell_quote(cli_table().string()) + " " + kSearchBin + " --db " +
                       shell_quote(corpus_db().string()) + " --ids -n 100 -- 'katonai együttműködés'");
    CHECK(r.exit_code == 0);
    CHECK(count_lines_with(r.out, "\n") == kMilitaryCooperation.size());
}

TEST_CASE("a quoted phrase is translated too") {
    CHECK(search_ids(corpus_db(), "\"katonai együttműködés\"", with_dict()) == kMilitaryCooperation);
    CHECK(search_ids(corpus_db(), "\"military cooperation\"", with_dict()) ==
          Ids{"de/01-belousow-pjoengjang.txt", "en/01-putin-choe-moscow.txt", "lt/01-belousovas-pchenjane.txt",
              "wire-hu-001", "wire-ru-001"});
}

TEST_CASE("the table is found at <data dir>/translation/xling.table") {
    TempDir data;
    for (const char* sub : {"stopwords", "namerules", "aliases"}) {
        std::filesystem::create_directory_symlink(kSourceDir / "data" / sub, data / sub);
    }
    std::filesystem::create_directories(data / "translation");
    std::filesystem::copy_file(cli_table(), data / "translation" / "xling.table");
    const auto r = run("env -u XLING_DICT " + kSearchBin + " --data-dir " + shell_quote(data.path().string()) +
                       " --db " + shell_quote(corpus_db().string()) + " --ids -n 100 -- 'katonai együttműködés'");
    CHECK(r.exit_code == 0);
    CHECK(count_lines_with(r.out, "\n") == kMilitaryCooperation.size());
}

TEST_CASE("--explain shows translations per language and what matched in each hit") {
    const auto r = search_cli(corpus_db(), "katonai együttműködés", with_dict() + " --explain -n 20");
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("translation: table ") != std::string::npos);
    CHECK(r.out.find("query language: hu (detected)") != std::string::npos);
    CHECK(r.out.find("translated de: militärisch ") != std::string::npos);
    CHECK(r.out.find("(via en)") != std::string::npos);
    CHECK(r.out.find("translated en: military ") != std::string::npos);
    CHECK(r.out.find("[translation de \"militärisch\": militärische, militärischen]") != std::string::npos);
    CHECK(r.out.find("[translation lt \"bendradarbiavimas\": bendradarbiavimo") != std::string::npos);
    // Snippets highlight the translated forms.
    CHECK(r.out.find("[militärische Zusammenarbeit]") != std::string::npos);
    CHECK(r.out.find("[karinio bendradarbiavimo]") != std::string::npos);

    const auto off = search_cli(corpus_db(), "katonai együttműködés", with_dict() + " --explain --no-translate");
    CHECK(off.out.find("translation: off (--no-translate)") != std::string::npos);
    const auto none = search_cli(corpus_db(), "katonai együttműködés", "--explain");
    CHECK(none.out.find("translation: off (no translation table requested)") != std::string::npos);
}

TEST_CASE("JSON lists the translated forms in each hit's matched concepts") {
    const auto r = search_cli(corpus_db(), "katonai együttműködés", with_dict() + " --json --explain -n 20");
    REQUIRE(r.exit_code == 0);
    const auto json = nlohmann::json::parse(r.out);
    CHECK(json["query_language"]["code"] == "hu");
    CHECK(json["concepts"][0]["translations"]["de"][0]["text"] == "militärisch");
    CHECK(json["concepts"][0]["translations"]["de"][0]["via"] == "en");
    bool found = false;
    for (const auto& hit : json["hits"]) {
        if (hit["id"] != "de/01-belousow-pjoengjang.txt") continue;
        found = true;
        const auto& t = hit["matched"][0]["translations"][0];
        CHECK(t["lang"] == "de");
        CHECK(t["translation"] == "militärisch");
        CHECK(t["forms"] == nlohmann::json::array({"militärische", "militärischen"}));
    }
    CHECK(found);
    // Without --explain the format keeps its fields; matched items carry "translations" always.
    const auto plain = nlohmann::json::parse(search_cli(corpus_db(), "katonai együttműködés", with_dict() + " --json").out);
    CHECK(plain.contains("translation") == false);
    CHECK(plain["hits"][0]["matched"][0].contains("translations"));
}

TEST_CASE("--query-lang overrides detection; a bad one is an error") {
    CHECK(search_ids(corpus_db(), "katonai együttműködés", with_dict() + " --query-lang en") == Ids{"wire-hu-001"});
    const auto r = search_cli(corpus_db(), "katonai", with_dict() + " --query-lang xx");
    CHECK(r.exit_code == 2);
    CHECK(r.err == "xling-search: --query-lang 'xx': unknown language (hu, de, lt, en, ru, fr, es, it, pt, nl, sv, da, no, fi, tr, uk, pl)\n");
}

TEST_CASE("--glossary adds and overrides translations without rebuilding") {
    TempDir dir;
    write_file(dir / "domain.glossary", "# katonai means Wehr- here\nhu:katonai => de: Wehr\n");
    const std::string glossary = " --glossary " + shell_quote((dir / "domain.glossary").string());
    const Ids ids = search_ids(corpus_db(), "katonai együttműködés", with_dict() + glossary);
    CHECK(std::find(ids.begin(), ids.end(), "de/01-belousow-pjoengjang.txt") == ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "lt/01-belousovas-pchenjane.txt") != ids.end());
    // A glossary without any table.
    write_file(dir / "domain.glossary", "hu:katonai -> de: militärisch\nhu:együttműködés -> de: Zusammenarbeit\n");
    CHECK(search_ids(corpus_db(), "katonai együttműködés", glossary) ==
          Ids{"de/01-belousow-pjoengjang.txt", "wire-hu-001"});
    write_file(dir / "domain.glossary", "hu:katonai militärisch\n");
    const auto bad = search_cli(corpus_db(), "katonai", glossary);
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("domain.glossary:1:") != std::string::npos);
}

TEST_CASE("a missing or corrupt table given with --dict is a one-line error, exit 2") {
    TempDir dir;
    const auto missing = search_cli(corpus_db(), "katonai", "--dict " + shell_quote((dir / "none.table").string()));
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("none.table: no such translation table") != std::string::npos);
    CHECK(count_lines_with(missing.err, "\n") == 1);
    std::ifstream in(cli_table(), std::ios::binary);
    std::string head(200, '\0');
    in.read(head.data(), 200);
    write_file(dir / "cut.table", head);
    const auto cut = search_cli(corpus_db(), "katonai", "--dict " + shell_quote((dir / "cut.table").string()));
    CHECK(cut.exit_code == 2);
    CHECK(cut.err.find("cut.table: ") != std::string::npos);
    CHECK(count_lines_with(cut.err, "\n") == 1);
}

TEST_CASE("with the real FreeDict dictionaries the Hungarian query finds the English report") {
    const std::filesystem::path dictd = "/usr/share/dictd";
    if (!std::filesystem::exists(dictd / "freedict-hun-eng.index") || !std::filesystem::exists(dictd / "freedict-eng-hun.index")) {
        MESSAGE("FreeDict hun-eng/eng-hun not installed: skipped");
        return;
    }
    TempDir dir;
    // Hungarian and English only: a few seconds instead of the full table's ~25.
    const auto built = run(kDictBin + " build --languages hu,en --pivots en --out " + shell_quote((dir / "hu-en.table").string()));
    REQUIRE_MESSAGE(built.exit_code == 0, built.err);
    const std::string dict = "--dict " + shell_quote((dir / "hu-en.table").string());
    const Ids ids = search_ids(corpus_db(), "katonai együttműködés", dict);
    CHECK(std::find(ids.begin(), ids.end(), "en/01-putin-choe-moscow.txt") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "wire-hu-001") != ids.end());
    CHECK(search_ids(corpus_db(), "katonai együttműködés", dict + " --no-translate") == Ids{"wire-hu-001"});
}
