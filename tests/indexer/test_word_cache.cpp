// WordCache: a bounded per-language memo of the terms of a surface form.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "indexer/word_cache.hpp"

using xling::indexer::WordCache;
using xling::indexer::WordTerms;

namespace {
struct Counting {
    int calls = 0;
    WordTerms operator()(std::string_view surface) {
        ++calls;
        WordTerms t;
        t.indexed = true;
        t.word = std::string(surface) + "#" + std::to_string(calls);
        return t;
    }
};
}  // namespace

TEST_CASE("a form is computed once per language while it stays cached") {
    WordCache cache(100);
    Counting compute;
    const std::string first = cache.get("de", "Haus", compute).word;
    CHECK(cache.get("de", "Haus", compute).word == first);
    CHECK(compute.calls == 1);
    // Another language is another entry: its stem and stopwords differ.
    CHECK(cache.get("en", "Haus", compute).word != first);
    CHECK(compute.calls == 2);
    CHECK(cache.get("de", "Haus", compute).word == first);
    CHECK(cache.size() == 2);
}

TEST_CASE("the cache never holds more than its size: full, it starts again") {
    WordCache cache(3);
    Counting compute;
    for (const char* w : {"a", "b", "c"}) (void)cache.get("de", w, compute);
    CHECK(cache.size() == 3);
    (void)cache.get("en", "d", compute);  // the 4th form empties it first
    CHECK(cache.size() == 1);
    CHECK(compute.calls == 4);
    (void)cache.get("de", "a", compute);  // computed again
    CHECK(compute.calls == 5);
    (void)cache.get("en", "d", compute);
    CHECK(compute.calls == 5);
}
