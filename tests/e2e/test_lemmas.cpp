// Dictionary lemmas, compound parts and the languages beyond the first five, end to end through
// the real xling-index and xling-search (issue 19). Cases needing a Hunspell dictionary skip
// when it is absent.
#include <doctest/doctest.h>

#include "cli_helpers.hpp"

using namespace xling::test;
using Ids = std::vector<std::string>;

namespace {

bool have(const std::string& dict) {
    if (std::filesystem::exists("/usr/share/hunspell/" + dict + ".dic")) return true;
    MESSAGE("skipped: no Hunspell dictionary " << dict);
    return false;
}

const std::string kDocs =
    R"({"id": "fr", "text": "Le gouvernement français a annoncé mardi une nouvelle réforme des retraites. Les syndicats ont appelé à une grève nationale la semaine prochaine, et les députés débattront du texte à l'Assemblée."})" "\n"
    R"({"id": "uk", "text": "Уряд України повідомив у вівторок про нові заходи підтримки. Міністр говорив про відновлення енергетичної системи після атак і про допомогу громадам на сході країни."})" "\n"
    R"({"id": "hu", "text": "A kormány kedden bejelentette az új intézkedéseket. Ahogy a grafikonon láthatjuk, az infláció csökken, és a szakértők szerint a következő hónapokban is mérséklődik."})" "\n"
    R"({"id": "de", "text": "Der Sicherheitsrat der Vereinten Nationen hat am Dienstag über die Lage beraten. Die Mitglieder forderten eine sofortige Waffenruhe und humanitäre Hilfe für die Bevölkerung."})" "\n"
    R"({"id": "ru", "text": "Министр иностранных дел работал во вторник о переговорах с соседними странами. По его словам, стороны договорились продолжить консультации в следующем месяце."})" "\n";

std::filesystem::path lemma_db(const TempDir& dir, const std::string& env = "") {
    write_file(dir / "in.jsonl", kDocs);
    const auto r = run(env + kIndexBin + " --db " + shell_quote((dir / "db").string()) + " -q " +
                       shell_quote((dir / "in.jsonl").string()));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return dir / "db";
}

}  // namespace

TEST_CASE("a French and a Ukrainian document get lang:fr and lang:uk, not und") {
    TempDir dir;
    const auto db = lemma_db(dir);
    CHECK(search_ids(db, "lang:fr") == Ids{"fr"});
    CHECK(search_ids(db, "lang:uk") == Ids{"uk"});
    CHECK(search_ids(db, "lang:und").empty());
    // French gets its Snowball stemmer and stop list: `réformes` meets `réforme`, `des` is ignored.
    CHECK(search_ids(db, "réformes", "--lang fr") == Ids{"fr"});
    const auto explain = search_cli(db, "des syndicats", "--explain --lang fr");
    CHECK(explain.out.find("(ignored stopwords: des)") != std::string::npos);
}

TEST_CASE("lemmas: a query word meets its other inflections through the dictionary") {
    TempDir dir;
    const auto db = lemma_db(dir);
    if (have("uk_UA")) CHECK(search_ids(db, "говорити", "--lang uk") == Ids{"uk"});  // `говорив`
    // Russian is Snowball by default (its lemma mode is opt-in): работать and работал share a stem.
    CHECK(search_ids(db, "работать", "--lang ru") == Ids{"ru"});
}

TEST_CASE("Hungarian is Snowball by default: its lemma mode costs 7.5x indexing CPU and is opt-in") {
    TempDir dir;
    const auto db = lemma_db(dir);
    // No dictionary lemmas in the query (LanguageInfo::measured_lemmas holds the opt-in mode).
    CHECK(search_ids(db, "láthatjuk", "--lang hu") == Ids{"hu"});
    const auto explain = search_cli(db, "láthatjuk", "--explain --lang hu");
    CHECK(explain.out.find("lemmas hu:") == std::string::npos);
}

TEST_CASE("compounds are opt-in: by default Rat does not find the Sicherheitsrat") {
    TempDir dir;
    write_file(dir / "more.jsonl",
               R"({"id": "de-rat", "lang": "de", "text": "Der Rat der Stadt hat am Dienstag den Haushalt beschlossen, nach langer Beratung im Rathaus."})" "\n");
    const auto db = lemma_db(dir);
    REQUIRE(index_paths(db, {dir / "more.jsonl"}, "-q").exit_code == 0);
    // Compound parts (C terms) cost 65% more indexing CPU: LanguageInfo::compounds is off for German.
    const auto r = search_cli(db, "Rat", "--ids --lang de");
    CHECK(r.out == "de-rat\n");
    const auto explain = search_cli(db, "Rat", "--explain --lang de");
    CHECK(explain.out.find("lemmas de:") == std::string::npos);
}

TEST_CASE("a missing dictionary: one notice, Snowball alone, the index still builds") {
    TempDir dir;
    std::filesystem::create_directories(dir / "nodicts");
    const std::string env = "XLING_HUNSPELL_DIR=" + shell_quote((dir / "nodicts").string()) + " ";
    write_file(dir / "in.jsonl", kDocs);
    const auto r = run(env + kIndexBin + " --db " + shell_quote((dir / "db").string()) + " -q " +
                       shell_quote((dir / "in.jsonl").string()));
    REQUIRE(r.exit_code == 0);
    CHECK(count_lines_with(r.err, "no Hunspell dictionary file") >= 1);
    CHECK(count_lines_with(r.err, "uk_UA") == 1);  // once, not per document or thread
    CHECK(r.err.find("Ukrainian is analysed without dictionary lemmas (Snowball alone)") != std::string::npos);
    // Without lemmas (Ukrainian has no Snowball stemmer: the word itself), `говорити` misses
    // `говорив`; the exact word still finds the document.
    const auto infinitive = run(env + kSearchBin + " --db " + shell_quote((dir / "db").string()) + " --ids --lang uk -- говорити");
    CHECK(infinitive.out.empty());
    const auto exact = run(env + kSearchBin + " --db " + shell_quote((dir / "db").string()) + " --ids --lang uk -- говорив");
    CHECK(exact.out == "uk\n");
}
