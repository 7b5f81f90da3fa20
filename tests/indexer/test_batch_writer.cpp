// BatchWriter's commits by estimated and by measured memory (--memory-mb), and the gauge it reads.
#include <doctest/doctest.h>

#include <xapian.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "indexer/batch_writer.hpp"
#include "indexer/memory_budget.hpp"
#include "indexer/memory_gauge.hpp"
#include "support/test_support.hpp"

using xling::indexer::AnalysedDocument;
using xling::indexer::BatchWriter;

namespace {

AnalysedDocument small_document(std::size_t n, std::size_t estimated_bytes) {
    AnalysedDocument doc;
    doc.id_term = "Qd" + std::to_string(n);
    doc.document.add_boolean_term(doc.id_term);
    doc.document.add_posting("word" + std::to_string(n), 1);
    doc.estimated_bytes = estimated_bytes;
    return doc;
}

constexpr std::size_t kNoCount = 1000000;      // documents: never reached here
constexpr std::size_t kNoEstimate = 1u << 30;  // estimated bytes: never reached here

}  // namespace



TEST_CASE("the gauge sees memory the process touches") {
    const std::size_t before = xling::indexer::resident_bytes();
    CHECK(before > 0);
    constexpr std::size_t kBytes = 32u << 20;
    const auto block = std::make_unique<char[]>(kBytes);
    std::memset(block.get(), 1, kBytes);
    CHECK(xling::indexer::resident_bytes() >= before + kBytes / 2);
    CHECK(block[kBytes - 1] == 1);
}

TEST_CASE("freed memory given back leaves the resident set") {
    if constexpr (!xling::indexer::kResidentMemoryMeaningful) {
        MESSAGE("skipped: a sanitizer's allocator keeps freed blocks (quarantine), malloc_trim cannot return them");
        return;
    }
    constexpr std::size_t kBlocks = 4096;
    constexpr std::size_t kBlockBytes = 8u << 10;  // below mmap's threshold: malloc's own heap
    std::vector<std::unique_ptr<char[]>> blocks;
    for (std::size_t i = 0; i < kBlocks; ++i) {
        blocks.push_back(std::make_unique<char[]>(kBlockBytes));
        std::memset(blocks.back().get(), 1, kBlockBytes);
    }
    const std::size_t full = xling::indexer::resident_bytes();
    blocks.clear();
    xling::indexer::release_free_memory();
    CHECK(xling::indexer::resident_bytes() + kBlocks * kBlockBytes / 2 <= full);
}

TEST_CASE("a writer commits when the process's resident memory reaches its limit, whatever the estimates") {
    xling::test::TempDir dir;
    const std::string path = (dir / "index").string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    SUBCASE("a limit the process is already over: a commit once measured (every 64 documents)") {
        BatchWriter writer(db, path, kNoCount, kNoEstimate, 1);
        for (std::size_t i = 0; i < 63; ++i) (void)writer.write(small_document(i, 10));
        CHECK(writer.commits() == 0);
        for (std::size_t i = 63; i < 200; ++i) (void)writer.write(small_document(i, 10));
        CHECK(writer.commits() >= 2);
        CHECK(writer.pending_documents() < 64);
    }
    SUBCASE("no limit: the estimates and the count alone decide") {
        BatchWriter writer(db, path, kNoCount, kNoEstimate, 0);
        for (std::size_t i = 0; i < 200; ++i) (void)writer.write(small_document(i, 10));
        CHECK(writer.commits() == 0);
    }
    SUBCASE("a limit far above the process: no commit") {
        BatchWriter writer(db, path, kNoCount, kNoEstimate, std::size_t(1) << 40);
        for (std::size_t i = 0; i < 200; ++i) (void)writer.write(small_document(i, 10));
        CHECK(writer.commits() == 0);
    }
    SUBCASE("a large document is measured before it is added: the batch before it is committed first") {
        BatchWriter writer(db, path, kNoCount, kNoEstimate, 1);
        (void)writer.write(small_document(0, 10));
        (void)writer.write(small_document(1, 1u << 20));
        CHECK(writer.commits() >= 1);
        db.commit();
        CHECK(db.get_doccount() == 2);
    }
}

TEST_CASE("without a resident limit the estimates alone decide, at the same documents every run") {
    xling::test::TempDir dir;
    const std::string path = (dir / "index").string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    BatchWriter writer(db, path, kNoCount, 1000, 0);
    for (std::size_t i = 0; i < 250; ++i) (void)writer.write(small_document(i, 100));
    CHECK(writer.commits() == 25);
    CHECK(writer.pending_documents() == 0);
}

TEST_CASE("the resident trigger: none in a sanitizer build") {
    if constexpr (!xling::indexer::kResidentMemoryMeaningful) {
        CHECK(xling::indexer::resident_trigger(100u << 20) == 0);
        return;
    }
    CHECK(xling::indexer::resident_trigger(100u << 20) < (100u << 20));
    CHECK(xling::indexer::resident_trigger(100u << 20) >= (80u << 20));
    CHECK(xling::indexer::resident_trigger(0) == 0);
}


