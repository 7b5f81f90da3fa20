// Word-table entries merged per batch (indexer/word_tables.hpp WordTableBatch, written by
// indexer/batch_writer.hpp): the tables hold the same whatever the batch size.
#include <doctest/doctest.h>

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "indexer/batch_writer.hpp"
#include "indexer/word_tables.hpp"
#include "support/test_support.hpp"

using xling::indexer::AnalysedDocument;
using xling::indexer::BatchWriter;
using xling::indexer::WordTableBatch;
using xling::indexer::WordTableEntries;

namespace {

AnalysedDocument document(const std::string& id, std::vector<std::string> spellings,
                          std::vector<std::pair<std::string, std::string>> synonyms) {
    AnalysedDocument doc;
    doc.id_term = "Q" + id;
    doc.document.add_boolean_term(doc.id_term);
    doc.word_tables.spellings = std::move(spellings);
    doc.word_tables.synonyms = std::move(synonyms);
    return doc;
}

std::vector<AnalysedDocument> three_documents() {
    std::vector<AnalysedDocument> docs;
    docs.push_back(document("a", {"budapest", "vilnius"}, {{"Ahu:kozos", "közös"}, {"Alt:siauliai", "šiauliai"}}));
    docs.push_back(document("b", {"budapest"}, {{"Ahu:kozos", "közös"}, {"Ahu:kozos", "közös"}}));
    docs.push_back(document("c", {"budapest", "kaunas"}, {{"Ahu:kozos", "kőzős"}}));
    docs.back().name_links.emplace_back("Nbudapest", "Budapest");
    return docs;
}

// A word's frequency in the spelling table (Xapian 1.4 has no direct accessor).
Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word) {
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        if (*it == word) return it.get_termfreq();
    }
    return 0;
}

std::set<std::string> synonyms_of(const Xapian::Database& db, const std::string& key) {
    return {db.synonyms_begin(key), db.synonyms_end(key)};
}

// Builds an index of three_documents() committed every `batch` documents.
void build(const std::string& path, std::size_t batch) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    BatchWriter writer(db, path, batch, std::size_t(1) << 30);
    for (const auto& doc : three_documents()) (void)writer.write(doc);
    writer.commit();
}

}  // namespace

TEST_CASE("spelling frequencies count documents and synonyms are sets, whatever the batch size") {
    xling::test::TempDir dir;
    for (const std::size_t batch : {std::size_t(1), std::size_t(2), std::size_t(100)}) {
        CAPTURE(batch);
        const std::string path = (dir / ("batch-" + std::to_string(batch))).string();
        build(path, batch);
        const Xapian::Database db(path);
        CHECK(spelling_frequency(db, "budapest") == 3);
        CHECK(spelling_frequency(db, "vilnius") == 1);
        CHECK(spelling_frequency(db, "kaunas") == 1);
        CHECK(synonyms_of(db, "Ahu:kozos") == std::set<std::string>{"kőzős", "közös"});
        CHECK(synonyms_of(db, "Alt:siauliai") == std::set<std::string>{"šiauliai"});
        CHECK(synonyms_of(db, "Nbudapest") == std::set<std::string>{"Budapest"});
        CHECK(db.get_doccount() == 3);
    }
}

TEST_CASE("a batch's entries are written with its commit, not before") {
    xling::test::TempDir dir;
    const std::string path = (dir / "index").string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    BatchWriter writer(db, path, 100, std::size_t(1) << 30);
    (void)writer.write(three_documents().front());
    CHECK(spelling_frequency(db, "vilnius") == 0);
    writer.commit();
    CHECK(spelling_frequency(db, "vilnius") == 1);
    CHECK(spelling_frequency(Xapian::Database(path), "vilnius") == 1);
}

TEST_CASE("a writer destroyed before its commit hands its entries to the database with its documents") {
    xling::test::TempDir dir;
    const std::string path = (dir / "index").string();
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
        BatchWriter writer(db, path, 100, std::size_t(1) << 30);
        (void)writer.write(three_documents().front());
    }  // the writer goes first, then the database, whose destructor commits
    const Xapian::Database db(path);
    CHECK(db.get_doccount() == 1);
    CHECK(spelling_frequency(db, "budapest") == 1);
    CHECK(synonyms_of(db, "Alt:siauliai") == std::set<std::string>{"šiauliai"});
}

TEST_CASE("an emptied batch writes nothing more") {
    xling::test::TempDir dir;
    Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    WordTableBatch batch;
    CHECK(batch.empty());
    WordTableEntries entries;
    entries.spellings = {"budapest"};
    batch.add(entries);
    batch.add(entries);
    CHECK_FALSE(batch.empty());
    batch.write_to(db);
    CHECK(batch.empty());
    batch.write_to(db);
    db.commit();
    CHECK(spelling_frequency(db, "budapest") == 2);
}
