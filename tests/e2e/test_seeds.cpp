// The real news seeds in ../shared/seeds (hu, de, lt, de, en), when present.
#include <doctest/doctest.h>

#include <xapian.h>

#include "cli_helpers.hpp"

using namespace xling::test;
using Ids = std::vector<std::string>;

namespace {
const std::string kHu = kSeedHu, kDe1 = kSeedDe1, kLt = kSeedLt, kDe2 = kSeedDe2, kEn = kSeedEn;
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

    TEST_CASE("Rusija finds the Lithuanian article") {
        CHECK(search_ids(seeds_db(), "Rusija", "--no-aliases") == Ids{kLt});
        const Ids expanded = search_ids(seeds_db(), "Rusija");  // the Russia entity: every article
        CHECK(std::find(expanded.begin(), expanded.end(), kLt) != expanded.end());
    }

    TEST_CASE("együttműködés finds the Hungarian article") {
        CHECK(search_ids(seeds_db(), "együttműködés") == Ids{kHu});
    }
}
