// Accent-insensitive matching and "did you mean" with the real programs on the sample corpus
// (examples/corpus): xling-index, then xling-search in human and --json output, on an index
// built by one writer and on one built from shards (--threads 2, merged by Xapian's compactor).
#include <doctest/doctest.h>

#include "cli_helpers.hpp"

using namespace xling::test;
using Ids = std::vector<std::string>;

namespace {

// The sample corpus indexed with --threads 2: each shard has its own synonym and spelling
// tables until the compactor merges them.
std::filesystem::path sharded_corpus_db() {
    static TempDir dir;
    static const bool built = [&] {
        REQUIRE(index_paths(dir / "db", {kSourceDir / "examples" / "corpus"}, "-q --threads 2").exit_code == 0);
        return true;
    }();
    (void)built;
    return dir / "db";
}

void check_accents(const std::filesystem::path& db) {
    const Ids accented = search_ids(db, "Šiaurės Korėjos");
    REQUIRE_FALSE(accented.empty());
    CHECK(search_ids(db, "Siaures Korejos") == accented);
    // Without name keys: their Hungarian reading of "Siaures" (s = sh) and tolerant keys meet
    // Šiaurės Korėjos by transcription, which is not accent folding.
    CHECK(search_ids(db, "Siaures Korejos", "--accents strict --no-name-keys").empty());
    CHECK_FALSE(search_ids(db, "katonai egyuttmukodes").empty());
    CHECK(search_ids(db, "katonai egyuttmukodes") == search_ids(db, "katonai együttműködés"));
}

void check_spelling(const std::filesystem::path& db) {
    // Without name keys: tolerant keys find "Belousof" (one edit from belusov), so no suggestion.
    const CommandResult human = search_cli(db, "Belousof", "--color never --no-name-keys");
    CHECK(human.exit_code == 1);  // nothing found
    CHECK(human.out.find("did you mean Belousov?") != std::string::npos);
    const CommandResult json = search_cli(db, "Belousof", "--json --no-name-keys");
    const auto parsed = nlohmann::json::parse(json.out);
    CHECK(parsed["suggestion"] == "Belousov");
    CHECK(parsed["hits"].empty());
    // A query that finds enough has no suggestion.
    CHECK(nlohmann::json::parse(search_cli(db, "Belousov", "--json").out)["suggestion"].is_null());
}

}  // namespace

TEST_CASE("a query typed without diacritics finds what the accented one finds; --accents strict does not") {
    check_accents(corpus_db());
}

TEST_CASE("--explain and --json say which words matched through accent folding") {
    // Capitalised, the words are read as the name Šiaurės Korėja (the entity, every language);
    // typed in lower case they are words, completed through accent folding.
    const auto entity = nlohmann::json::parse(search_cli(corpus_db(), "Siaures Korejos", "--json --explain").out);
    REQUIRE_FALSE(entity["concepts"].empty());
    CHECK(entity["concepts"][0]["entities"][0] == "north_korea");
    const CommandResult human = search_cli(corpus_db(), "siaures korejos", "--explain --color never");
    CHECK(human.out.find("accents lt: šiaurės") != std::string::npos);
    CHECK(human.out.find("[accents: Šiaurės]") != std::string::npos);
    const auto json = nlohmann::json::parse(search_cli(corpus_db(), "siaures korejos", "--json --explain").out);
    REQUIRE_FALSE(json["hits"].empty());
    const auto& matched = json["hits"][0]["matched"];
    REQUIRE_FALSE(matched.empty());
    CHECK(matched[0]["accent_forms"][0] == "Šiaurės");
    CHECK(json["concepts"][0]["accent_forms"]["lt"][0] == "šiaurės");
}

TEST_CASE("a misspelled name gets \"did you mean\" in human and JSON output") {
    check_spelling(corpus_db());
}

TEST_CASE("accent folding and spelling suggestions survive the merge of shards") {
    check_accents(sharded_corpus_db());
    check_spelling(sharded_corpus_db());
}
