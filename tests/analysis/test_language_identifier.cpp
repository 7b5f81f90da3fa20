// Stage 0b: document language identification with CLD2 (analysis/language_identifier.hpp).
#include <doctest/doctest.h>

#include <cstddef>
#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "analysis/language_identifier.hpp"
#include "helpers.hpp"
#include "support/test_support.hpp"
#include "xling/language.hpp"

using xling::analysis::identify_language;
using xling::test::kSourceDir;

namespace {
// Original sentences written for these tests (a tram line opening, told in each language).
constexpr std::string_view kHungarian =
    "A városi közgyűlés szerdán bejelentette, hogy jövő tavasszal megkezdődik az új villamosvonal "
    "építése a központi pályaudvar és a keleti külvárosok között. A tisztviselők szerint a beruházás "
    "több ezer munkahelyet teremt, és jelentősen lerövidíti az ingázók utazási idejét. A szomszédos "
    "települések polgármesterei üdvözölték a döntést.";
constexpr std::string_view kGerman =
    "Der Stadtrat hat am Mittwoch angekündigt, dass im kommenden Frühjahr der Bau einer neuen "
    "Straßenbahnlinie zwischen dem Hauptbahnhof und den östlichen Vororten beginnen wird. Nach "
    "Angaben der Behörden wird das Projekt mehrere tausend Arbeitsplätze schaffen und die Fahrzeit "
    "der Pendler deutlich verkürzen. Die Bürgermeister der Nachbargemeinden begrüßten die Entscheidung.";
constexpr std::string_view kLithuanian =
    "Miesto taryba trečiadienį paskelbė, kad kitą pavasarį bus pradėta statyti nauja tramvajaus "
    "linija tarp centrinės geležinkelio stoties ir rytinių priemiesčių. Pasak pareigūnų, projektas "
    "sukurs kelis tūkstančius darbo vietų ir gerokai sutrumpins į darbą važinėjančių gyventojų "
    "kelionės laiką. Kaimyninių miestelių merai šiam sprendimui pritarė.";
constexpr std::string_view kEnglish =
    "The city council announced on Wednesday that construction of a new tram line between the "
    "central railway station and the eastern suburbs will begin next spring. According to officials, "
    "the project will create several thousand jobs and significantly shorten travel times for "
    "commuters. The mayors of the neighbouring towns welcomed the decision.";
constexpr std::string_view kRussian =
    "Городской совет в среду объявил, что следующей весной начнётся строительство новой трамвайной "
    "линии между центральным вокзалом и восточными пригородами. По словам чиновников, проект создаст "
    "несколько тысяч рабочих мест и значительно сократит время в пути для жителей пригородов. Мэры "
    "соседних городов приветствовали это решение.";
constexpr std::string_view kFrench =
    "Le conseil municipal a annoncé mercredi que la construction d'une nouvelle ligne de tramway entre "
    "la gare centrale et les banlieues de l'est commencera au printemps prochain. Selon les "
    "responsables, le projet créera plusieurs milliers d'emplois et réduira considérablement le temps "
    "de trajet des habitants. Les maires des communes voisines ont salué cette décision.";

void check_identified(std::string_view text, std::string_view code) {
    const auto result = identify_language(text);
    CHECK(result.code == code);
    CHECK(result.detected == code);
    CHECK(result.reliable);
}
}  // namespace

TEST_SUITE("language_identifier") {

TEST_CASE("hu sentences are identified as Hungarian") { check_identified(kHungarian, "hu"); }
TEST_CASE("de sentences are identified as German") { check_identified(kGerman, "de"); }
TEST_CASE("lt sentences are identified as Lithuanian") { check_identified(kLithuanian, "lt"); }
TEST_CASE("en sentences are identified as English") { check_identified(kEnglish, "en"); }
TEST_CASE("ru sentences are identified as Russian") { check_identified(kRussian, "ru"); }

TEST_CASE("French is detected and supported (a libstemmer language): code fr") {
    const auto result = identify_language(kFrench);
    CHECK(result.code == "fr");
    CHECK(result.detected == "fr");
}

TEST_CASE("a language xling does not list is detected but gets und") {
    const auto result = identify_language(
        "Serikali ya Kenya imetangaza mpango mpya wa kusaidia wakulima katika maeneo yaliyoathirika na ukame. "
        "Waziri wa kilimo alisema kwamba fedha zitatolewa kwa vikundi vya wakulima mwezi ujao.");
    CHECK(result.code == xling::kUndetermined);
    CHECK(result.detected == "sw");
}

// CLD2::DetectLanguage() answers ENGLISH for empty or indeterminate text; these guard the use of
// ExtDetectLanguageSummary, which answers UNKNOWN_LANGUAGE.
TEST_CASE("empty text is undetermined") {
    const auto result = identify_language("");
    CHECK(result.code == xling::kUndetermined);
    CHECK(result.detected == "un");
    CHECK_FALSE(result.reliable);
}

TEST_CASE("digits and punctuation only are undetermined") {
    const auto result = identify_language("12345 67890 !!! ### --- 3.14159 (42) [7] 2024-11-29");
    CHECK(result.code == xling::kUndetermined);
}

TEST_CASE("the returned code is always a known language code") {
    for (std::string_view text : {kHungarian, kGerman, kLithuanian, kEnglish, kRussian, kFrench,
                                  std::string_view(""), std::string_view("\xE2\x80\x94")}) {
        CHECK(xling::is_known_language_code(identify_language(text).code));
    }
}

TEST_CASE("a text longer than the 64 KiB sample is still identified") {
    constexpr std::size_t kSample = 64 * 1024;
    std::string text;
    while (text.size() < 100 * 1024) {
        text += kRussian;
        text += ' ';
    }
    // Make the sample boundary fall inside a two-byte Cyrillic letter, so the cut must back off.
    if ((static_cast<unsigned char>(text[kSample]) & 0xC0) != 0x80) {
        std::string padded(1, ' ');
        padded += text;
        text = std::move(padded);
    }
    REQUIRE((static_cast<unsigned char>(text[kSample]) & 0xC0) == 0x80);
    const auto result = identify_language(text);
    CHECK(result.code == "ru");
    CHECK(result.reliable);
}

TEST_CASE("every corpus article file is identified with its table language") {
    struct Case {
        const char* path;
        const char* code;
        const char* detected;
    };
    const Case cases[] = {
        {"hu/01-putyin-csve-szonhui.md", "hu", "hu"},
        {"hu/02-sojgu-gabona.txt", "hu", "hu"},
        {"de/01-belousow-pjoengjang.txt", "de", "de"},
        {"de/02-putin-choe-moskau.txt", "de", "de"},
        {"lt/01-belousovas-pchenjane.txt", "lt", "lt"},
        {"lt/02-soigu-grudai.md", "lt", "lt"},
        {"en/01-putin-choe-moscow.txt", "en", "en"},
        {"en/02-eu-farm-subsidies.txt", "en", "en"},
        {"ru/01-putin-tsoi-son-hi.txt", "ru", "ru"},
        {"ru/02-shoigu-zerno.txt", "ru", "ru"},
        {"other/01-fr-belooussov-pyongyang.txt", "fr", "fr"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.path);
        const auto file = kSourceDir / "examples" / "corpus" / c.path;
        REQUIRE(std::filesystem::exists(file));
        const auto result = identify_language(xling::test::read_file(file));
        CHECK(result.code == c.code);
        CHECK(result.detected == c.detected);
    }
}

TEST_CASE("every record of the wire.jsonl feed is identified with its table language") {
    struct Case {
        const char* id;
        const char* code;
    };
    const Case cases[] = {
        {"wire-hu-001", "hu"}, {"wire-de-001", "de"}, {"wire-lt-001", "lt"},
        {"wire-en-001", "en"}, {"wire-ru-001", "ru"},
    };
    std::istringstream feed(xling::test::read_file(kSourceDir / "examples" / "corpus" / "feeds" / "wire.jsonl"));
    std::size_t records = 0;
    for (std::string line; std::getline(feed, line);) {
        if (line.empty()) continue;
        const auto record = nlohmann::json::parse(line);
        const auto id = record.at("id").get<std::string>();
        CAPTURE(id);
        ++records;
        const Case* expected = nullptr;
        for (const Case& c : cases) {
            if (id == c.id) expected = &c;
        }
        REQUIRE(expected != nullptr);
        CHECK(identify_language(record.at("text").get<std::string>()).code == expected->code);
    }
    CHECK(records == 5);
}

}  // TEST_SUITE

TEST_CASE("identify_language never hands CLD2 ill-formed UTF-8 (it read past the buffer: found by fuzzing)") {
    // The fuzzed query that crashed CLD2's script scanner, and sequences cut short.
    const std::string crash("\xf5ltnarP\xf5ltnarotioaP\xff?tti\0\0\xf5" "daeEna", 33);
    CHECK(xling::analysis::identify_language(crash).code == "und");
    CHECK(xling::analysis::identify_language("Lietuvos \xc4").code == "und");
    CHECK(xling::analysis::identify_language(std::string(100, '\xf2')).code == "und");
}
