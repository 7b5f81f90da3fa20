// Reading dictd databases: base64 offsets, plain and dictzip'd .dict, one article per offset,
// metadata articles kept apart, errors naming file:line.
#include <doctest/doctest.h>

#include <string>

#include "dictd_fixture.hpp"
#include "translation/dictd_reader.hpp"
#include "xling/error.hpp"

using namespace xling::translation;
using xling::test::TempDir;
using xling::test::write_dictd;
using xling::test::write_file;

TEST_CASE("dictd base64 numbers decode as dictd writes them") {
    CHECK(decode_dictd_number("A") == 0U);
    CHECK(decode_dictd_number("B") == 1U);
    CHECK(decode_dictd_number("/") == 63U);
    CHECK(decode_dictd_number("BA") == 64U);
    // Offset and length of "Zusammenarbeit" in freedict-deu-eng.index.
    CHECK(decode_dictd_number("C+Jke") == 49846558U);
    CHECK(decode_dictd_number("Cu") == 174U);
    CHECK_FALSE(decode_dictd_number("").has_value());
    CHECK_FALSE(decode_dictd_number("A-B").has_value());
    CHECK_FALSE(decode_dictd_number("//////////////").has_value());  // over 64 bits
    for (std::uint64_t v : {0ULL, 1ULL, 63ULL, 64ULL, 4095ULL, 4096ULL, 123456789ULL}) {
        CHECK(decode_dictd_number(encode_dictd_number(v)) == v);
        CHECK(encode_dictd_number(v) == xling::test::dictd_base64(v));
    }
}

TEST_CASE("articles of plain and dictzip'd databases come back in file order") {
    TempDir dir;
    const std::vector<std::string> articles{"zoo /zuː/\nÁllatkert\n", "army /ˈɑːmi/\n1. hadsereg\n2. sereg\n",
                                            "military /ˈmɪlɪtəri/\nkatonai\n"};
    for (const bool compressed : {false, true}) {
        CAPTURE(compressed);
        write_dictd(dir.path(), compressed ? "gz" : "plain", articles, compressed, "English-Hungarian test");
        const auto index = dir / (compressed ? "gz.index" : "plain.index");
        const auto dict = DictdDatabase::dict_for_index(index);
        REQUIRE(dict.has_value());
        CHECK(dict->string().ends_with(compressed ? ".dict.dz" : ".dict"));
        const auto db = DictdDatabase::load(index, *dict);
        REQUIRE(db.articles().size() == 3);
        for (std::size_t i = 0; i < articles.size(); ++i) CHECK(db.articles()[i].text == articles[i]);
        CHECK(db.title() == "English-Hungarian test");
        // The index lists the articles in reverse order: "zoo" is its third line.
        CHECK(db.articles()[0].index_line == 3);
    }
}

TEST_CASE("several headwords of one article give one article") {
    TempDir dir;
    const std::string dict = "co-operation /x/\nZusammenarbeit\n";
    write_file(dir / "d.dict", dict);
    const std::string len = xling::test::dictd_base64(dict.size());
    write_file(dir / "d.index", "cooperation\tA\t" + len + "\nco-operation\tA\t" + len + "\n");
    const auto db = DictdDatabase::load(dir / "d.index", dir / "d.dict");
    CHECK(db.articles().size() == 1);
}

TEST_CASE("a malformed index names file and line") {
    TempDir dir;
    write_file(dir / "d.dict", "word\ntranslation\n");
    write_file(dir / "d.index", "word\tA\tR\nbroken line without tabs\n");
    CHECK_THROWS_WITH_AS((void)DictdDatabase::load(dir / "d.index", dir / "d.dict"),
                         doctest::Contains("d.index:2: expected 'headword<TAB>offset<TAB>length'"), xling::InputError);
    write_file(dir / "d.index", "word\tA\tR\nother\tA\t#\n");
    CHECK_THROWS_WITH_AS((void)DictdDatabase::load(dir / "d.index", dir / "d.dict"),
                         doctest::Contains("d.index:2: offset or length is not a dictd base64 number"), xling::InputError);
}

TEST_CASE("an article beyond the end of the .dict is reported with its index line") {
    TempDir dir;
    write_file(dir / "d.dict", "word\ntranslation\n");
    write_file(dir / "d.index", "word\tA\tR\nlost\tBA\tB\n");
    CHECK_THROWS_WITH_AS((void)DictdDatabase::load(dir / "d.index", dir / "d.dict"),
                         doctest::Contains("d.index:2: article at offset 64 (+1) lies beyond the end"), xling::InputError);
}

TEST_CASE("missing files are input errors naming them") {
    TempDir dir;
    write_file(dir / "d.index", "word\tA\tB\n");
    CHECK_THROWS_WITH_AS((void)DictdDatabase::load(dir / "d.index", dir / "missing.dict"), doctest::Contains("missing.dict"),
                         xling::InputError);
    CHECK_FALSE(DictdDatabase::dict_for_index(dir / "d.index").has_value());
}

// Hardening (issue 11): a FIFO would block the open, a device would be read without end.
#include <sys/stat.h>

#include "translation/compiled_table.hpp"
#include "xling/translation_table.hpp"

TEST_CASE("dictd files, tables and glossaries that are not regular files are refused in one line") {
    TempDir dir;
    write_dictd(dir.path(), "plain", {"army\nhadsereg\n"}, false);
    REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
    CHECK_THROWS_WITH_AS((void)DictdDatabase::load(dir / "fifo", dir / "plain.dict"),
                         ((dir / "fifo").string() + ": not a regular file").c_str(), xling::InputError);
    CHECK_THROWS_WITH_AS((void)DictdDatabase::load(dir / "plain.index", "/dev/zero"), "/dev/zero: not a regular file",
                         xling::InputError);
    CHECK_THROWS_WITH_AS((void)DictdDatabase::load(dir / "plain.index", dir.path()),
                         (dir.path().string() + ": not a regular file").c_str(), xling::InputError);
    CHECK_THROWS_WITH_AS((void)xling::TranslationTable::load(dir / "fifo"),
                         ((dir / "fifo").string() + ": not a regular file (a translation table or glossary)").c_str(),
                         xling::ConfigError);
    CHECK_THROWS_AS((void)xling::TranslationTable::load(std::filesystem::path("/dev/zero")), xling::ConfigError);
    CHECK_THROWS_AS((void)xling::translation::MappedFile(dir / "fifo"), xling::ConfigError);
}
