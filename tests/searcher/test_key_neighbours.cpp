// Tolerant name-key matching: the index's keys a few edits from a query key
// (searcher/key_neighbours.hpp).
#include <doctest/doctest.h>

#include <string>
#include <vector>
#include <xapian.h>

#include "searcher/key_neighbours.hpp"

using xling::searcher::bounded_edit_distance;
using xling::searcher::key_neighbours;
using xling::searcher::tolerated_edits;

namespace {

Xapian::WritableDatabase keys_db(const std::vector<std::string>& keys) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const std::string& key : keys) {
        Xapian::Document doc;
        doc.add_term("N" + key);
        doc.add_term(key);  // an unprefixed word that looks like a key is not one
        db.add_document(doc);
    }
    return db;
}

}  // namespace

TEST_SUITE("key_neighbours") {

TEST_CASE("tolerated edits grow with the key: none under 7 letters, 1 under 10, 2 from 10") {
    CHECK(tolerated_edits(3) == 0);
    CHECK(tolerated_edits(6) == 0);
    CHECK(tolerated_edits(7) == 1);
    CHECK(tolerated_edits(9) == 1);
    CHECK(tolerated_edits(10) == 2);
}

TEST_CASE("bounded edit distance: exact below the limit, limit + 1 beyond it") {
    CHECK(bounded_edit_distance("hamond", "hemond", 1) == 1);
    CHECK(bounded_edit_distance("kirilenko", "kirienko", 2) == 1);
    CHECK(bounded_edit_distance("abc", "abc", 0) == 0);
    CHECK(bounded_edit_distance("abcdef", "abcxyz", 1) == 2);
    CHECK(bounded_edit_distance("abc", "abcdef", 1) == 2);
    CHECK(bounded_edit_distance("", "ab", 2) == 2);
}

TEST_CASE("a long key finds the index keys within its edits, nearest first, itself left out") {
    const auto db = keys_db({"hamonds", "hemonds", "hamondsa", "hamburg", "hamonds", "kirilenko", "kirienko", "kirilenkovs"});
    CHECK(key_neighbours(db, "hamonds") == std::vector<std::string>{"hamondsa", "hemonds"});
    CHECK(key_neighbours(db, "kirilenko") == std::vector<std::string>{"kirienko"});
    // 11 letters: 2 edits.
    CHECK(key_neighbours(db, "kirilenkovs") == std::vector<std::string>{"kirilenko"});
}

TEST_CASE("short keys are never widened: Putin does not reach Patin") {
    const auto db = keys_db({"putin", "patin", "putn", "kim", "kin", "rusija", "rusia"});
    CHECK(key_neighbours(db, "putin").empty());
    CHECK(key_neighbours(db, "rusija").empty());
    CHECK(key_neighbours(db, "kim").empty());
}

TEST_CASE("an edit in the first letters is not searched (the walk reads one key prefix)") {
    const auto db = keys_db({"herashchenko", "gerashchenko"});
    CHECK(key_neighbours(db, "gerashchenko").empty());
}

TEST_CASE("at most max_keys neighbours") {
    const auto db = keys_db({"abcdefa", "abcdefb", "abcdefc", "abcdefd"});
    CHECK(key_neighbours(db, "abcdefg", 2) == std::vector<std::string>{"abcdefa", "abcdefb"});
}

}  // TEST_SUITE
