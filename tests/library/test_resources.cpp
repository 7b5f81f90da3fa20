// Resources: loaded from the data folder or built from memory, then shared by any number of
// Indexers and Searchers on any number of threads.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "searcher/searcher_fixture.hpp"
#include "support/test_resources.hpp"
#include "xling/error.hpp"
#include "xling/indexer.hpp"
#include "xling/resources.hpp"
#include "xling/searcher.hpp"

using xling::test::TempDir;

namespace {

// A small bundle from memory: German and English stopwords, an entity with a Russian name,
// and one glossary translation.
xling::ResourceTexts small_texts() {
    xling::ResourceTexts texts;
    texts.stopwords = {{"de", "die\nund\n"}, {"en", "the\nand\n"}, {"ru", "и\n"}};
    texts.alias_tables = {"entity belousov person\n  en: Andrei Belousov | Belousov\n  ru: Андрей Белоусов | Белоусов\n"};
    texts.glossaries = {"de:Getreide -> en: grain\n"};
    return texts;
}

std::vector<std::string> ids(const xling::SearchResults& results) {
    std::vector<std::string> out;
    for (const auto& hit : results.hits) out.push_back(hit.id);
    std::sort(out.begin(), out.end());
    return out;
}

void index_into(const std::filesystem::path& db, const std::shared_ptr<const xling::Resources>& resources) {
    using xling::test::doc;
    xling::IndexOptions options;
    options.database = db;
    options.resources = resources;
    xling::Indexer indexer(options);
    indexer.add_document(doc("en", "en", "Andrei Belousov visited the grain port and the harbour."));
    indexer.add_document(doc("ru", "ru", "Андрей Белоусов прибыл в Пхеньян."));
    indexer.add_document(doc("de", "de", "Die Getreide-Ausfuhr und der Hafen."));
    (void)indexer.finish();
}

}  // namespace

TEST_SUITE("Resources") {

TEST_CASE("from memory: stopwords, alias tables and glossaries serve an indexer and a searcher") {
    const auto resources = xling::Resources::from_memory(small_texts());
    CHECK(resources->data_dir().empty());
    CHECK(resources->aliases().entities().size() == 1);
    CHECK_FALSE(resources->translations().empty());
    CHECK(resources->translation_path().empty());

    TempDir dir;
    index_into(dir / "db", resources);
    xling::Searcher searcher({dir / "db"}, resources);
    xling::SearchRequest request;
    request.query = "Белоусов";  // the alias table expands it to the English name
    CHECK(ids(searcher.search(request)) == std::vector<std::string>{"en", "ru"});
    request.query = "Getreide";  // the glossary translates it into English
    request.translation.query_language = "de";
    CHECK(ids(searcher.search(request)) == std::vector<std::string>{"de", "en"});
}

TEST_CASE("from memory: a malformed text is a ConfigError naming it and the line") {
    xling::ResourceTexts texts = small_texts();
    texts.alias_tables.push_back("entity x person\n  en Belousov\n");
    CHECK_THROWS_WITH_AS((void)xling::Resources::from_memory(texts), doctest::Contains("<aliases:2>:2"),
                         xling::ConfigError);
    texts = small_texts();
    texts.stopwords["de"] = "zwei Wörter\n";
    CHECK_THROWS_WITH_AS((void)xling::Resources::from_memory(texts), doctest::Contains("<stopwords:de>:1"),
                         xling::ConfigError);
}

TEST_CASE("from the data folder: every language's lists, the default alias table, no table unless present") {
    const auto resources = xling::test::default_resources();
    CHECK(resources->data_dir() == xling::test::kDataDir);
    CHECK(resources->aliases().entities().size() > 100);
    CHECK(resources->translations().empty());
    CHECK(resources->translation_note().find("no translation table") == 0);

    xling::ResourceOptions no_aliases;
    no_aliases.default_aliases = false;
    CHECK(xling::test::resources_with(no_aliases)->aliases().entities().empty());
    xling::ResourceOptions no_dict;
    no_dict.default_dict = false;
    CHECK(xling::test::resources_with(no_dict)->translation_note() == "no translation table requested");
}

TEST_CASE("a data folder without stopword lists, or a missing alias table, is a ConfigError naming the file") {
    TempDir dir;
    CHECK_THROWS_WITH_AS((void)xling::Resources::load(dir.path()), doctest::Contains("stopwords"), xling::ConfigError);
    xling::ResourceOptions options;
    options.alias_files = {dir / "missing.aliases"};
    CHECK_THROWS_WITH_AS((void)xling::test::resources_with(options), doctest::Contains("missing.aliases"),
                         xling::ConfigError);
}

TEST_CASE("no resources is a ConfigError for a Searcher and for an Indexer") {
    TempDir dir;
    index_into(dir / "db", xling::test::plain_resources());
    CHECK_THROWS_AS(xling::Searcher({dir / "db"}, nullptr), xling::ConfigError);
    xling::IndexOptions options;
    options.database = dir / "other";
    CHECK_THROWS_AS(xling::Indexer{options}, xling::ConfigError);
}

TEST_CASE("one Resources shared by several Searchers on several threads gives each the same answers") {
    const auto resources = xling::test::default_resources();
    TempDir dir;
    index_into(dir / "db", resources);
    const std::vector<std::string> queries = {"Belousov", "Белоусов", "grain", "Hafen", "Pyongyang OR Пхеньян"};
    std::vector<std::vector<std::string>> expected;
    {
        xling::Searcher searcher({dir / "db"}, resources);
        for (const auto& q : queries) {
            xling::SearchRequest request;
            request.query = q;
            expected.push_back(ids(searcher.search(request)));
        }
    }
    constexpr int kThreads = 4;
    std::vector<int> mismatches(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            xling::Searcher searcher({dir / "db"}, resources);  // one per thread, the data shared
            for (int round = 0; round < 20; ++round) {
                for (std::size_t i = 0; i < queries.size(); ++i) {
                    xling::SearchRequest request;
                    request.query = queries[i];
                    if (ids(searcher.search(request)) != expected[i]) ++mismatches[t];
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(mismatches == std::vector<int>(kThreads, 0));
    CHECK(expected[0] == std::vector<std::string>{"en", "ru"});
}

}  // TEST_SUITE
