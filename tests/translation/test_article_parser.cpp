// Parsing FreeDict articles in the layouts the Debian packages use (samples copied from them):
// headword line, numbered senses, Ding's one-sense articles with examples and cross references,
// WikDict's gloss lines, and the cleanup of each translation.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/test_support.hpp"
#include "translation/article_parser.hpp"

using namespace xling::translation;

namespace {

std::vector<std::string> texts(const DictSense& sense) {
    std::vector<std::string> out;
    for (const auto& t : sense.translations) out.push_back(t.text);
    return out;
}

std::vector<std::string> texts(const std::vector<DictTranslation>& list) {
    std::vector<std::string> out;
    for (const auto& t : list) out.push_back(t.text);
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("numbered senses in order, pronunciation and part of speech off the headword (eng-lit)") {
    const auto a = parse_article(
        "abate /ə'beıt/ <v>\n"
        "1. (su)mažėti, (su)silpnėti, (nu)rimti (apie vandenį)\n"
        "2. (su)mažinti, (pa)lengvinti\n"
        "3. nuleisti (kainą)\n"
        "5. (teis.) (pa)naikinti, anuliuoti\n",
        "lt");
    CHECK(a.headword == "abate");
    CHECK(a.parts_of_speech == Strings{"v"});
    REQUIRE(a.senses.size() == 4);
    CHECK(texts(a.senses[0]) == Strings{"mažėti", "silpnėti", "rimti"});
    CHECK(texts(a.senses[1]) == Strings{"mažinti", "lengvinti"});
    CHECK(texts(a.senses[2]) == Strings{"nuleisti"});
    CHECK(texts(a.senses[3]) == Strings{"naikinti", "anuliuoti"});
}

TEST_CASE("an unnumbered article is one sense (eng-hun, hun-eng)") {
    const auto a = parse_article("cooperation /kəʊˈɒpəɹˈeɪʃən/\negyüttmûködés\n", "hu");
    CHECK(a.headword == "cooperation");
    CHECK(a.parts_of_speech.empty());
    REQUIRE(a.senses.size() == 1);
    CHECK(texts(a.senses[0]) == Strings{"együttmûködés"});  // repair is the builder's job
    const auto b = parse_article("bugyborékol /bˈuɟboreːkol/\n1. to effervesce\n2. to bubble\n", "en");
    REQUIRE(b.senses.size() == 2);
    CHECK(texts(b.senses[0]) == Strings{"effervesce"});  // English "to " before a verb goes
}

TEST_CASE("Ding articles: labels, grammar and notes go, examples are kept apart, cross references skipped") {
    const auto a = parse_article(
        "Zusammenarbeit /tsuːzˈamənˌaɾbaɪt/ <fem, n, sg>\n"
        "co-operation <n>, cooperation <n>\n"
        "         Note: with sb. / in/on sth.\n"
        "      \"Zusammenarbeit von Bibliotheken\"  - co-operation of libraries, interlibrary co-operation\n"
        "   Synonym: {Kooperation}\n"
        "\n"
        " see: {internationale Kooperation}, {politische Zusammenarbeit}\n",
        "en");
    CHECK(a.headword == "Zusammenarbeit");
    CHECK(a.parts_of_speech == Strings{"fem", "n", "sg"});
    REQUIRE(a.senses.size() == 1);
    CHECK(texts(a.senses[0]) == Strings{"co-operation", "cooperation"});
    REQUIRE(a.examples.size() == 1);
    CHECK(a.examples[0].first == "Zusammenarbeit von Bibliotheken");
    CHECK(a.examples[0].second == "co-operation of libraries, interlibrary co-operation");

    // A domain label may open the translation line; it is indented like a note but is content.
    const auto b = parse_article("Fettlöser /fˈɛtløːzɜ/ <masc, n, sg>\n [chem.] fat solvent <n>, grease solvent <n>\n see: {Fettlöser}\n", "en");
    REQUIRE(b.senses.size() == 1);
    CHECK(texts(b.senses[0]) == Strings{"fat solvent", "grease solvent"});
}

TEST_CASE("usage labels mark uncommon translations, line-opening labels all of them") {
    const auto a = split_translations("Zusammenarbeit <fem>, Kooperation <fem> [veraltet], Mitwirkung [geh.]", "de");
    REQUIRE(a.size() == 3);
    CHECK_FALSE(a[0].uncommon);
    CHECK(a[1].uncommon);
    CHECK_FALSE(a[2].uncommon);
    const auto b = split_translations(" [Süddt.]  [Ös.]  [Schw.] pork caul fat <n>, pork caul <n>", "en");
    REQUIRE(b.size() == 2);
    CHECK(b[0].uncommon);
    CHECK(b[1].uncommon);
    CHECK(is_uncommon_label("obs."));
    CHECK(is_uncommon_label("Ös."));
    CHECK_FALSE(is_uncommon_label("mil."));
}

TEST_CASE("WikDict articles: the gloss after a translation line is not a translation (deu-rus)") {
    const auto a = parse_article(
        "Antenne /anˈtɛnə/ <n, fem>\n"
        "1. антенна, анте́нна\n"
        "Technik: Geräteteil zum Empfangen oder Senden von elektromagnetischen Wellen\n"
        "2. антенна\n"
        "Zoologie: Sinnesorgan einiger Gliederfüßer\n",
        "ru");
    REQUIRE(a.senses.size() == 2);
    CHECK(texts(a.senses[0]) == Strings{"антенна", "анте́нна"});  // stress marks: the builder's repair
    CHECK(texts(a.senses[1]) == Strings{"антенна"});

    // The next sense's number may end a translation line; senses may have a gloss only.
    const auto b = parse_article(
        "Sanktion /zaŋkˈt͡si̯oːn/ <n, fem>\n"
        "санкция 2.\n"
        "Bestätigung, Rechtfertigung\n"
        " 3.\n"
        "missbilligende Reaktion auf nicht geduldetes Verhalten\n",
        "ru");
    REQUIRE(b.senses.size() == 1);
    CHECK(texts(b.senses[0]) == Strings{"санкция"});
}

TEST_CASE("a number ending a line is a date when the next line is that sense (eng-hun)") {
    const auto a = parse_article("may 3rd /x/\n1. május 3.\n2. május harmadika\n", "hu");
    REQUIRE(a.senses.size() == 2);
    CHECK(texts(a.senses[0]) == Strings{"május 3"});
    const auto b = parse_article("june 14th /x/\njúnius 14.\n", "hu");
    REQUIRE(b.senses.size() == 1);
    CHECK(texts(b.senses[0]) == Strings{"június 14"});
}

TEST_CASE("cleaning phrases") {
    // Brackets of every kind, placeholders, slashes.
    CHECK(clean_phrase("(pa)žeminti", "lt") == Strings{"žeminti"});
    CHECK(clean_phrase("impose sanctions on sb.", "en") == Strings{"impose sanctions on"});
    CHECK(clean_phrase("jdm. Sanktionen auferlegen", "de") == Strings{"Sanktionen auferlegen"});
    CHECK(clean_phrase("vkinek segít", "hu") == Strings{"segít"});
    CHECK(clean_phrase("кого-л. поддерживать", "ru") == Strings{"поддерживать"});
    CHECK(clean_phrase("gaffe-prone person/man/guy <n>", "en") ==
          Strings{"gaffe-prone person", "gaffe-prone man", "gaffe-prone guy"});
    CHECK(clean_phrase("kaip/kiek", "lt") == Strings{"kaip", "kiek"});
    CHECK(clean_phrase("„Frieden“", "de") == Strings{"Frieden"});
    CHECK(clean_phrase("to abolish", "en") == Strings{"abolish"});
    CHECK(clean_phrase("to", "en") == Strings{"to"});
    // Nothing usable: affixes, elisions, questions, sentences, wrong script, empty.
    CHECK(clean_phrase("-mellû", "hu").empty());
    CHECK(clean_phrase("Abbau…", "de").empty());
    CHECK(clean_phrase("as ... as", "en").empty());
    CHECK(clean_phrase("am i to understand that?", "en").empty());
    CHECK(clean_phrase("this shall be without prejudice to", "en").empty());
    CHECK(clean_phrase("Bestätigung", "ru").empty());
    CHECK(clean_phrase("санкция", "de").empty());
    CHECK(clean_phrase("(teis.)", "lt").empty());
    CHECK(clean_phrase("  ", "en").empty());
}

TEST_CASE("splitting respects brackets and drops duplicates within a sense") {
    CHECK(texts(split_translations("(gram., fiz.) particle, element; corpuscle", "en")) == Strings{"particle", "element", "corpuscle"});
    CHECK(texts(split_translations("Coupé (Sportlimousine; geschlossener zweitüriger PKW) auto", "de")) == Strings{"Coupé auto"});
    const auto a = parse_article("x /x/\nкооперация, кооперация, сотрудничество\n", "ru");
    REQUIRE(a.senses.size() == 1);
    CHECK(texts(a.senses[0]) == Strings{"кооперация", "сотрудничество"});
}

TEST_CASE("brackets: nested, stray closers, unclosed groups") {
    CHECK(remove_brackets("a (b [c] d) e") == "a   e");
    CHECK(remove_brackets("paslaptį) let out") == "paslaptį  let out");
    CHECK(remove_brackets("Pilz (ungiftig") == "Pilz ");
}

TEST_CASE("an empty or headword-only article has no senses") {
    CHECK(parse_article("", "en").senses.empty());
    CHECK(parse_article("\n\nword /w/\n", "en").headword == "word");
    CHECK(parse_article("word /w/\n", "en").senses.empty());
    CHECK(article_headword("\nZusammenarbeit /t/ <fem>\nx\n") == "Zusammenarbeit");
}

TEST_CASE("a line of blanks inside an article is skipped (fuzz: tests/fuzz/regressions/dictd/blank-line-in-article)") {
    // front() of the empty trimmed line dereferenced a null pointer.
    const DictArticle article = parse_article("word /w/\n   \n\t\nSzó <n>\n \n", "hu");
    CHECK(article.headword == "word");
    REQUIRE(article.senses.size() == 1);
    CHECK(texts(article.senses[0]) == Strings{"Szó"});
}
