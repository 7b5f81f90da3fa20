// Translations learned from the collection end to end: xling-index indexes a small comparable
// corpus written here (English and Hungarian reports of the same events: shared names, same
// days), xling-dict learn mines it, xling-search --learned uses the file and labels its
// translations "learned".
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "cli_helpers.hpp"

using namespace xling::test;

namespace {

const std::string kDictBin = XLING_DICT_BIN;

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string record(const std::string& id, const std::string& lang, const std::string& date, const std::string& text) {
    return "{\"id\": \"" + id + "\", \"lang\": \"" + lang + "\", \"date\": \"" + date + "\", \"text\": \"" + text + "\"}\n";
}

// Eight events, each reported in English and Hungarian on its day, naming the same person and
// place (names without letters that Hungarian spells differently, so that both get one name key:
// s, z, c, y). "troops" / "katonák" are in four of them (beside different verbs each time); "report" /
// "jelentés" are in every document (a frequent word); each document has its own filler words.
std::string comparable_corpus() {
    const char* people[] = {"Dunbrekov", "Aliverta", "Morganti", "Tverdalek", "Kuintaro", "Halvorn", "Petrovane", "Dambura"};
    const char* places[] = {"Kalvaro", "Brimenau", "Ordavik", "Telmarin", "Votrana", "Ilmenbar", "Karadok", "Fenbold"};
    const char* en_verbs[] = {"crossed the river", "left the barracks", "guarded the bridge", "marched north", "camped nearby"};
    const char* hu_verbs[] = {"átkeltek a folyón", "elhagyták a laktanyát", "őrizték a hidat", "északra meneteltek",
                              "a közelben táboroztak"};
    const char* en_filler[] = {"apples orchards", "violins concerts", "glaciers melting", "bakeries bread",
                               "lighthouses coast", "tunnels mountains", "libraries books", "gardens roses"};
    const char* hu_filler[] = {"almák gyümölcsösök", "hegedűk koncertek", "gleccserek olvadása", "pékségek kenyér",
                               "világítótornyok part", "alagutak hegyek", "könyvtárak könyvek", "kertek rózsák"};
    std::string out;
    for (int i = 0; i < 8; ++i) {
        const int day = 1 + 4 * i;
        const std::string date = "2024-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        std::string en = "The report says that the envoy " + std::string(people[i]) + " arrived in " + places[i] +
                         " yesterday. It also mentions " + en_filler[i] + ".";
        std::string hu = "A jelentés szerint " + std::string(people[i]) + " követ tegnap megérkezett " + places[i] +
                         " városába. Szó esik még erről: " + hu_filler[i] + ".";
        if (i < 4) {
            en += " The troops " + std::string(en_verbs[i]) + ".";
            hu += " A katonák " + std::string(hu_verbs[i]) + ".";
        }
        out += record("en-" + std::to_string(i), "en", date, en);
        out += record("hu-" + std::to_string(i), "hu", date, hu);
    }
    // The same names forty days later, in Hungarian only: too far apart to align with event 0.
    out += record("hu-late", "hu", "2024-05-20",
                  "A jelentés szerint Dunbrekov követ ismét Kalvaro városába utazott, gyümölcsösök mellett.");
    return out;
}

}  // namespace

TEST_CASE("xling-dict learn mines a known word pair from comparable documents, xling-search uses it as learned") {
    TempDir dir;
    std::filesystem::create_directories(dir / "in");
    write_file(dir / "in" / "news.jsonl", comparable_corpus());
    const auto indexed = index_paths(dir / "db", {dir / "in"}, "-q");
    REQUIRE_MESSAGE(indexed.exit_code == 0, indexed.err);

    const auto learned = dir / "learned.txt";
    const auto r = run(kDictBin + " learn --db " + shell_quote((dir / "db").string()) + " --out " + shell_quote(learned.string()));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.out, "17 documents, 8 aligned pairs"));  // hu-late aligns with nothing
    const std::string text = read_all(learned);
    INFO(text);
    CHECK(contains(text, "en:troops -> hu: katonák @"));
    CHECK(contains(text, "hu:katonák -> en: troops @"));
    // In every document: no evidence of what it translates, so neither is learned.
    CHECK_FALSE(contains(text, "jelentés"));
    CHECK_FALSE(contains(text, "report"));
    // A document's own filler words co-occur once: below the bar.
    CHECK_FALSE(contains(text, "apples"));

    // Off unless given: without --learned, troops finds the English reports only.
    const auto plain = search_ids(dir / "db", "troops", "--lang hu");
    CHECK(plain.empty());
    const auto with = search_ids(dir / "db", "troops", "--lang hu --learned " + shell_quote(learned.string()));
    CHECK(with == std::vector<std::string>{"hu-0", "hu-1", "hu-2", "hu-3"});
    const auto explain = search_cli(dir / "db", "troops", "--explain --learned " + shell_quote(learned.string()));
    REQUIRE(explain.exit_code == 0);
    CHECK(contains(explain.out, "katonák"));
    CHECK(contains(explain.out, "(learned)"));
    CHECK(contains(explain.out, "learned entries"));
    const auto json = search_cli(dir / "db", "troops", "--json --explain --learned " + shell_quote(learned.string()));
    REQUIRE(json.exit_code == 0);
    CHECK(contains(json.out, "\"learned\""));

    SUBCASE("a missing index is a one-line error") {
        const auto bad = run(kDictBin + " learn --db " + shell_quote((dir / "nope").string()) + " --out " +
                             shell_quote((dir / "x.txt").string()));
        CHECK(bad.exit_code == 2);
        CHECK(contains(bad.err, "xling-dict: "));
        CHECK_FALSE(std::filesystem::exists(dir / "x.txt"));
    }
}
