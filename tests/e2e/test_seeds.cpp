// The real news seeds in ../shared/seeds (hu, de, lt, de, en), when present.
#include <doctest/doctest.h>

#include <xapian.h>

#include "cli_helpers.hpp"

using namespace xling::test;
using Ids = std::vector<std::string>;

namespace {
const std::filesystem::path kSeeds = kSharedDir / "seeds";
bool seeds_absent() { return !std::filesystem::exists(kSeeds / "000_20a7af124863caa4.txt"); }

const std::filesystem::path& seeds_db() {
    static TempDir dir;
    static const bool built = index_paths(dir / "db", {kSeeds}, "-q").exit_code == 0;
    REQUIRE(built);
    static const std::filesystem::path db = dir / "db";
    return db;
}
const std::string kHu = "000_20a7af124863caa4.txt", kDe1 = "001_cfd07cbed6409cdc.txt",
                  kLt = "002_2539d4bab154727d.txt", kDe2 = "003_b98160e03d45a137.txt",
                  kEn = "004_f06f8dee37f25182.txt";
}  // namespace

TEST_SUITE("seeds" * doctest::skip(seeds_absent())) {
    TEST_CASE("languages are detected as hu, de, lt, de, en") {
        Xapian::Database db(seeds_db().string());
        const auto lang_of = [&](const std::string& id) {
            Xapian::PostingIterator p = db.postlist_begin("Q" + id);
            REQUIRE(p != db.postlist_end("Q" + id));
            return db.get_document(*p).get_value(2);
        };
        CHECK(lang_of(kHu) == "hu");
        CHECK(lang_of(kDe1) == "de");
        CHECK(lang_of(kLt) == "lt");
        CHECK(lang_of(kDe2) == "de");
        CHECK(lang_of(kEn) == "en");
    }

    TEST_CASE("Putin finds the German, Lithuanian and English articles") {
        const Ids ids = search_ids(seeds_db(), "Putin");
        for (const auto& id : {kDe1, kLt, kEn}) CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    }

    TEST_CASE("Zusammenarbeit finds both German articles") {
        CHECK(search_ids(seeds_db(), "Zusammenarbeit") == Ids{kDe1, kDe2});
    }

    TEST_CASE("Rusija finds the Lithuanian article") { CHECK(search_ids(seeds_db(), "Rusija") == Ids{kLt}); }

    TEST_CASE("együttműködés finds the Hungarian article") {
        CHECK(search_ids(seeds_db(), "együttműködés") == Ids{kHu});
    }
}
