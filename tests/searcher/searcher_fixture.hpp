// A small multilingual index built with the real Indexer, for searcher tests.
#pragma once

#include "support/test_resources.hpp"
#include "support/test_support.hpp"
#include "xling/indexer.hpp"
#include "xling/searcher.hpp"

namespace xling::test {

inline SourceDocument doc(std::string id, std::string lang, std::string text, std::string date = "") {
    SourceDocument d;
    d.id = std::move(id);
    d.lang = std::move(lang);
    d.text = std::move(text);
    d.title = d.id;
    d.date = std::move(date);
    return d;
}

/// Writes `docs` into a new index at `db`.
inline void index_documents(const std::filesystem::path& db, const std::vector<SourceDocument>& docs) {
    IndexOptions options;
    options.database = db;
    options.resources = plain_resources();
    Indexer indexer(options);
    for (const auto& d : docs) indexer.add_document(d);
    (void)indexer.finish();
}

/// hu/de/lt/en/ru documents about one event, plus controls.
class SearchFixture {
  public:
    SearchFixture() {
        IndexOptions options;
        options.database = dir_ / "db";
        options.resources = plain_resources();
        Indexer indexer(options);
        indexer.add_document(doc("de1", "de", "Die militärische Zusammenarbeit zwischen Russland und Nordkorea wächst. Die Häuser in Pjöngjang.", "2024-11-29"));
        SourceDocument de2 = doc("de2", "de", "Putins Besuch: Zusammenarbeiten wollen beide Länder auch beim Getreide.", "2024-12-12");
        de2.author = "Jo Müller";
        indexer.add_document(de2);
        indexer.add_document(doc("hu1", "hu", "Az orosz védelmi miniszter Phenjanba utazott. A katonai együttműködés bővül. haus", "2024-11-30"));
        indexer.add_document(doc("lt1", "lt", "Rusijos gynybos ministras lankėsi Pchenjane. Rusija ir Šiaurės Korėja plečia karinį bendradarbiavimą.", "2024-11-29"));
        SourceDocument en1 = doc("en1", "en", "Russia's defence minister Andrei Belousov's visit to Pyongyang: military cooperation with Kim Jong-un.", "2024-11-29");
        en1.title = "Belousov in Pyongyang";
        en1.source = "Example Wire";
        en1.url = "https://news.example.org/2024/belousov";
        en1.author = "Jo Smith, A. Reporter";
        indexer.add_document(en1);
        indexer.add_document(doc("en2", "en", "The European Commission proposed new farm subsidies for grain producers.", "2025-01-10"));
        indexer.add_document(doc("ru1", "ru", "Министр обороны Андрей Белоусов прибыл в Пхеньян. Военное сотрудничество России и КНДР растёт.", "2024-11-29"));
        (void)indexer.finish();
    }
    /// These tests are about analysis and the query language: no alias table unless asked for
    /// (the default table would expand "Rusija" to the Russia entity in every language).
    [[nodiscard]] Searcher searcher(bool default_aliases = false) const {
        return Searcher({dir_ / "db"}, default_aliases ? default_resources() : plain_resources());
    }

    static std::vector<std::string> ids(const SearchResults& r) {
        std::vector<std::string> out;
        for (const auto& h : r.hits) out.push_back(h.id);
        std::sort(out.begin(), out.end());
        return out;
    }
    [[nodiscard]] std::vector<std::string> ids_for(const std::string& query, std::vector<std::string> langs = {}) const {
        Searcher s = searcher();
        SearchRequest request;
        request.query = query;
        request.languages = std::move(langs);
        request.limit = 100;
        return ids(s.search(request));
    }

    /// The index folder.
    [[nodiscard]] std::filesystem::path db() const { return dir_ / "db"; }

  private:
    TempDir dir_;
};

}  // namespace xling::test
