// The compiled table format (writer <-> reader), load errors, and user glossaries: adding,
// replacing, later files overriding earlier ones, errors with file:line.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "support/test_support.hpp"
#include "translation/compiled_table.hpp"
#include "translation/table_format.hpp"
#include "translation_fixture.hpp"
#include "xling/error.hpp"
#include "xling/translation_table.hpp"

using namespace xling;
using namespace xling::translation;
using xling::test::find_translation;
using xling::test::TempDir;
using xling::test::texts_for;
using xling::test::write_file;

namespace {

using Strings = std::vector<std::string>;

// hu, de, en: two keys, a stem, a direct and a pivot record.
std::string small_table_bytes() {
    format::TableWriter writer({"hu", "de", "en"});
    const format::RecordInput katonai[] = {{"militärisch", 1, format::via_byte(std::vector<std::uint8_t>{2}), 0.4F},
                                           {"military", 2, 0, 0.9F},
                                           {"armed", 2, 0, 0.3F}};
    const auto k1 = writer.add_key(0, "katonai", katonai);
    const format::RecordInput sereg[] = {{"Armee", 1, 0x32, 0.2F}};  // via de(1)+en(2): hu->?->?
    const auto k2 = writer.add_key(0, "sereg", sereg);
    const std::uint32_t refs[] = {*k1};
    writer.add_stem(0, "katona", refs);
    (void)k2;
    return writer.bytes();
}

std::filesystem::path write_small_table(const TempDir& dir) {
    write_file(dir / "small.xdict", small_table_bytes());
    return dir / "small.xdict";
}

}  // namespace

TEST_CASE("a written table reads back: keys, records in order, via paths, stems") {
    TempDir dir;
    const auto path = write_small_table(dir);
    CompiledTable table(path);
    CHECK(table.languages() == Strings{"hu", "de", "en"});
    CHECK(table.key_count() == 2);
    CHECK(table.record_count() == 4);
    CHECK_NOTHROW(table.verify());
    const auto key = table.find_key(0, "katonai");
    REQUIRE(key.has_value());
    CHECK(table.key_text(*key) == "katonai");
    const auto records = table.records(*key);
    REQUIRE(records.size() == 3);
    CHECK(records[0].text == "militärisch");
    CHECK(format::via_pivots(records[0].via) == std::vector<std::uint8_t>{2});
    CHECK(records[1].weight == doctest::Approx(0.9).epsilon(0.01));
    CHECK_FALSE(table.find_key(1, "katonai").has_value());  // another language
    CHECK_FALSE(table.find_key(0, "katona").has_value());
    CHECK(table.keys_of_stem(0, "katona") == std::vector<std::uint32_t>{*key});

    const auto t = TranslationTable::load(path);
    const auto result = t.translations("hu", "katonai");
    REQUIRE(result.size() == 2);
    CHECK(result[0].lang == "de");
    CHECK(result[0].translations[0].via == "en");
    CHECK(result[1].lang == "en");
    CHECK(texts_for(result, "en") == Strings{"military", "armed"});  // best first
    CHECK(find_translation(t.translations("hu", "sereg"), "de", "Armee")->via == "de+en");
    // By stem, when the word is no key.
    CHECK(find_translation(t.lookup("hu", "katonaiak", "katona"), "en", "military")->key == "katonai");
    CHECK(t.translations("xx", "katonai").empty());  // unknown language
    TranslationOptions strict;
    strict.min_weight = 0.5F;
    CHECK(texts_for(t.translations("hu", "katonai", strict), "en") == Strings{"military"});
    CHECK(t.stats().keys == 2);
    CHECK(t.stats().translations == 4);
    CHECK(t.stats().table_bytes == small_table_bytes().size());
}

TEST_CASE("weights and via paths are encoded compactly") {
    CHECK(format::weight_byte(1.0F) == 255);
    CHECK(format::weight_byte(0.0001F) == 1);  // never 0: a stored translation counts
    CHECK(format::via_byte({}) == 0);
    const std::vector<std::uint8_t> path{3, 1};
    CHECK(format::via_pivots(format::via_byte(path)) == path);
}

TEST_CASE("a table that is not one, truncated, of another version or corrupt is a ConfigError naming the file") {
    TempDir dir;
    const std::string good = small_table_bytes();
    // Wrong magic: read as a glossary, whose first line is no glossary line.
    write_file(dir / "text.xdict", "not a table\n");
    CHECK_THROWS_WITH_AS((void)TranslationTable::load(dir / "text.xdict"), doctest::Contains("text.xdict:1: expected"), ConfigError);
    CHECK_THROWS_WITH_AS((void)CompiledTable(dir / "text.xdict"), doctest::Contains("not an xling translation table"), ConfigError);
    write_file(dir / "short.xdict", good.substr(0, 20));
    CHECK_THROWS_WITH_AS((void)TranslationTable::load(dir / "short.xdict"), doctest::Contains("short.xdict: truncated"), ConfigError);
    write_file(dir / "cut.xdict", good.substr(0, good.size() - 3));
    CHECK_THROWS_WITH_AS((void)TranslationTable::load(dir / "cut.xdict"), doctest::Contains("cut.xdict: truncated or corrupt"), ConfigError);
    std::string other_version = good;
    other_version[8] = 9;
    write_file(dir / "v9.xdict", other_version);
    CHECK_THROWS_WITH_AS((void)TranslationTable::load(dir / "v9.xdict"), doctest::Contains("format version 9"), ConfigError);
    CHECK_THROWS_WITH_AS((void)TranslationTable::load(dir / "missing.xdict"), doctest::Contains("missing.xdict"), ConfigError);
    write_file(dir / "a.xdict", good);
    write_file(dir / "b.xdict", good);
    CHECK_THROWS_WITH_AS((void)TranslationTable::load(std::vector<std::filesystem::path>{dir / "a.xdict", dir / "b.xdict"}),
                         doctest::Contains("b.xdict: a second compiled translation table"), ConfigError);
    // A key whose text lies outside the string pool: caught by the full check and at lookup.
    std::string corrupt = good;
    const std::size_t first_key = format::kHeaderSize + 3 * format::kLanguageSize;
    corrupt[first_key + 3] = '\x7f';
    write_file(dir / "corrupt.xdict", corrupt);
    CHECK_THROWS_WITH_AS(CompiledTable(dir / "corrupt.xdict").verify(), doctest::Contains("corrupt translation table (key 0"), ConfigError);
    const auto table = TranslationTable::load(dir / "corrupt.xdict");
    CHECK_THROWS_AS((void)table.translations("hu", "katonai"), ConfigError);
}

TEST_CASE("glossary lines add translations ahead of the table's, or replace them") {
    TempDir dir;
    const auto table_path = write_small_table(dir);
    write_file(dir / "domain.txt",
               "# defence glossary\n"
               "hu:katonai -> en: martial | military @0.5\n"
               "hu:katonai => de: Militär-\n"
               "\n"
               "hu:katonai együttműködés -> lt: karinis bendradarbiavimas\n"
               "hu:sereg => de:\n");
    const auto t = TranslationTable::load({table_path, dir / "domain.txt"});
    const auto katonai = t.translations("hu", "katonai");
    // 'military' restated by the glossary takes its weight, without a duplicate.
    CHECK(texts_for(katonai, "en") == Strings{"martial", "military", "armed"});
    CHECK(find_translation(katonai, "en", "martial")->via == "glossary");
    CHECK(find_translation(katonai, "en", "martial")->weight == doctest::Approx(1.0));
    CHECK(find_translation(katonai, "en", "military")->via == "glossary");
    CHECK(texts_for(katonai, "de") == Strings{"Militär-"});  // replaced
    CHECK(texts_for(t.translations("hu", "katonai együttműködés"), "lt") == Strings{"karinis bendradarbiavimas"});
    CHECK(t.translations("hu", "sereg").empty());  // '=>' with nothing removes
    CHECK(t.max_key_words() >= 2);
    CHECK(t.stats().glossary_entries == 4);
    CHECK(t.languages() == Strings{"hu", "de", "en", "lt"});
}

TEST_CASE("later glossaries extend and override earlier ones") {
    TempDir dir;
    write_file(dir / "first.txt", "en:troops -> de: Truppen | Soldaten\nen:troops -> lt: kariai\n");
    write_file(dir / "second.txt", "en:troops => de: Streitkräfte\nen:troops -> lt: kariuomenė @0.9\nen:Troops -> hu: csapatok\n");
    const auto t = TranslationTable::load({dir / "first.txt", dir / "second.txt"});
    const auto troops = t.translations("en", "troops");
    CHECK(texts_for(troops, "de") == Strings{"Streitkräfte"});
    CHECK(texts_for(troops, "lt") == Strings{"kariai", "kariuomenė"});
    CHECK(texts_for(troops, "hu") == Strings{"csapatok"});  // the word is normalized
    // A glossary alone makes a table; a copy is not changed by the original's additions.
    TranslationTable copy = t;
    copy.add_glossary("en:troops -> ru: войска\n", "inline");
    CHECK(texts_for(copy.translations("en", "troops"), "ru") == Strings{"войска"});
    CHECK(texts_for(t.translations("en", "troops"), "ru").empty());
}

TEST_CASE("glossary words match inflected query words through a stem function") {
    test::SampleStemmer stemmer;
    TranslationTable t;
    t.add_glossary("hu:együttműködés -> de: Zusammenarbeit\n", "g", stemmer.function());
    const auto result = t.lookup("hu", "együttműködését", stemmer.stem("hu", "együttműködését"));
    const auto z = find_translation(result, "de", "Zusammenarbeit");
    REQUIRE(z.has_value());
    CHECK(z->via == "glossary");
    CHECK(z->key == "együttműködés");
    CHECK(z->weight == doctest::Approx(0.9));
    CHECK(t.translations("hu", "együttműködését").empty());
}

TEST_CASE("glossary errors name file and line") {
    TranslationTable t;
    const auto error_of = [&](const std::string& text) {
        try {
            t.add_glossary(text, "g.txt");
        } catch (const ConfigError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error_of("# ok\nhu:katonai military\n").find("g.txt:2: expected '<lang>:<word> -> <lang>:") == 0);
    CHECK(error_of("hu:katonai -> military\n").find("g.txt:1: expected '<lang>:' before 'military'") == 0);
    CHECK(error_of("hungarian:katonai -> en: military\n").find("g.txt:1: 'hungarian' is not a language code") == 0);
    CHECK(error_of("hu: -> en: military\n").find("g.txt:1: empty source word") == 0);
    CHECK(error_of("hu:katonai -> en: military | \n").find("g.txt:1: empty translation") == 0);
    CHECK(error_of("hu:katonai -> en: military @2\n").find("g.txt:1: weight '2' is not a number in (0, 1]") == 0);
    CHECK(error_of("hu:katonai -> en: military @x\n").find("g.txt:1: weight 'x'") == 0);
    CHECK(error_of("hu:katonai -> en:\n").find("g.txt:1: '->' needs at least one translation") == 0);
    CHECK(error_of("hu:katonai -> hu: katona\n").find("g.txt:1: source and target language are both 'hu'") == 0);
    CHECK(error_of("hu:!!! -> en: x\n").find("g.txt:1: '!!!' has no words") == 0);
    CHECK(error_of("hu:katonai -> en: \xff\n").find("g.txt:1: invalid UTF-8 at byte") == 0);
    CHECK(t.empty());  // a failed glossary adds nothing
}

TEST_CASE("learned translations add what the table and glossaries lack, labelled learned, never replacing") {
    TempDir dir;
    const auto table_path = write_small_table(dir);
    write_file(dir / "domain.txt", "hu:katonai -> en: martial\n");
    auto t = TranslationTable::load({table_path, dir / "domain.txt"});
    const auto before = texts_for(t.translations("hu", "katonai"), "en");
    t.add_learned("hu:katonai -> en: soldierly @0.4 | military @0.3 | martial @0.2\nhu:katona -> lt: karys @0.45\n", "learned.txt");
    const auto katonai = t.translations("hu", "katonai");
    const auto soldierly = find_translation(katonai, "en", "soldierly");
    REQUIRE(soldierly.has_value());
    CHECK(soldierly->via == "learned");
    CHECK(soldierly->weight == doctest::Approx(0.4));
    // The dictionary's and the glossary's own translations of the same texts keep weight and label.
    CHECK(find_translation(katonai, "en", "military")->via == "direct");
    CHECK(find_translation(katonai, "en", "martial")->via == "glossary");
    for (const auto& text : before) CHECK(find_translation(katonai, "en", text).has_value());
    CHECK(texts_for(t.translations("hu", "katona"), "lt") == Strings{"karys"});
    CHECK(t.stats().learned_entries == 2);
    CHECK_THROWS_WITH_AS(t.add_learned("hu:katona lt: karys\n", "learned.txt"), doctest::Contains("learned.txt:1"), xling::ConfigError);
}
