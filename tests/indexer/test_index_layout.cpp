// The index folder layout: what the indexer may delete, and stub files checked before Xapian.
#include <doctest/doctest.h>
#include <xapian.h>

#include <filesystem>
#include <string>

#include "indexer/index_layout.hpp"
#include "support/test_resources.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"
#include "xling/index_stats.hpp"
#include "xling/indexer.hpp"

namespace fs = std::filesystem;
using xling::test::TempDir;
using xling::test::write_file;
using namespace xling::indexer;

namespace {

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

// The message of the IndexError check_stub_chain(path) throws ("" when none).
std::string stub_error(const fs::path& path) {
    try {
        check_stub_chain(path);
    } catch (const xling::IndexError& e) {
        return e.what();
    }
    return {};
}

// The user's files whose names look like generation folders but are not xling's.
void write_lookalikes(const fs::path& dir) {
    write_file(dir / "gen-1.txt", "my notes");
    write_file(dir / "gen-42.backup", "my backup");
    write_file(dir / "gen-7" / "inside.txt", "my folder");
    write_file(dir / "gen-000009" / "inside.txt", "six digits, but no database and no marker");
    write_file(dir / "gen-000003.parts" / "mine.txt", "not a shard folder");
}

void check_lookalikes_kept(const fs::path& dir) {
    for (const char* name : {"gen-1.txt", "gen-42.backup", "gen-7/inside.txt", "gen-000009/inside.txt",
                             "gen-000003.parts/mine.txt"}) {
        CAPTURE(name);
        CHECK(fs::exists(dir / name));
    }
}

}  // namespace

TEST_SUITE("index_layout") {

TEST_CASE("stale generations: only folders xling made are removed") {
    TempDir dir;
    write_lookalikes(dir.path());
    create_generation_folder(dir / "gen-000002");                // a crashed rebuild's, with the marker
    fs::create_directories(dir / "gen-000004.parts" / "shard-0");  // a crashed parallel build's
    { Xapian::WritableDatabase old((dir / "gen-000005").string(), Xapian::DB_CREATE); }  // before the marker
    remove_stale_generations(dir.path(), "gen-000001");
    check_lookalikes_kept(dir.path());
    CHECK_FALSE(fs::exists(dir / "gen-000002"));
    CHECK_FALSE(fs::exists(dir / "gen-000004.parts"));
    CHECK_FALSE(fs::exists(dir / "gen-000005"));
}

TEST_CASE("an existing folder that is not an xling index is refused, never written into") {
    TempDir dir;
    write_lookalikes(dir / "db");
    xling::IndexOptions options;
    options.resources = xling::test::plain_resources();
    options.database = dir / "db";
    try {
        xling::Indexer indexer(options);
        FAIL("no error");
    } catch (const xling::IndexError& e) {
        CHECK(contains(e.what(), "is not empty and is not an xling index"));
    }
    check_lookalikes_kept(dir / "db");
    CHECK_FALSE(fs::exists(dir / "db" / "XAPIANDB"));
    CHECK_FALSE(fs::exists(dir / "db" / "gen-000001"));

    SUBCASE("an empty folder becomes an index") {
        fs::create_directories(dir / "empty");
        options.database = dir / "empty";
        xling::Indexer indexer(options);
        (void)indexer.finish();
        CHECK(fs::exists(dir / "empty" / "XAPIANDB"));
        CHECK(fs::exists(dir / "empty" / "gen-000001" / "xling-generation"));
    }
}

TEST_CASE("look-alike files inside an xling index survive ordinary runs and rebuilds") {
    TempDir dir;
    xling::IndexOptions options;
    options.resources = xling::test::plain_resources();
    options.database = dir / "db";
    { xling::Indexer(options).finish(); }
    write_lookalikes(dir / "db");
    { xling::Indexer(options).finish(); }
    options.rebuild = true;
    { xling::Indexer(options).finish(); }
    check_lookalikes_kept(dir / "db");
    CHECK(inspect_layout(dir / "db").generation == 2);
}

TEST_CASE("a next generation folder that is not xling's stops a rebuild instead of being used") {
    TempDir dir;
    xling::IndexOptions options;
    options.resources = xling::test::plain_resources();
    options.database = dir / "db";
    { xling::Indexer(options).finish(); }
    write_file(dir / "db" / "gen-000002" / "mine.txt", "the user's");
    options.rebuild = true;
    CHECK_THROWS_AS(xling::Indexer{options}, xling::IndexError);
    CHECK(fs::exists(dir / "db" / "gen-000002" / "mine.txt"));
}

TEST_CASE("a plain Xapian index of an earlier version keeps working") {
    TempDir dir;
    { Xapian::WritableDatabase plain((dir / "db").string(), Xapian::DB_CREATE); }
    write_file(dir / "db" / "gen-1.txt", "the user's");
    xling::IndexOptions options;
    options.resources = xling::test::plain_resources();
    options.database = dir / "db";
    { xling::Indexer(options).finish(); }
    CHECK(inspect_layout(dir / "db").kind == LayoutKind::Plain);
    options.rebuild = true;  // converts it to the generation layout
    { xling::Indexer(options).finish(); }
    CHECK(inspect_layout(dir / "db").kind == LayoutKind::Generations);
    CHECK(fs::exists(dir / "db" / "gen-1.txt"));
}

TEST_CASE("stub files that name themselves are refused before Xapian follows them") {
    TempDir dir;
    SUBCASE("a stub file naming itself") {
        write_file(dir / "self.stub", "auto self.stub\n");
        const auto error = stub_error(dir / "self.stub");
        CHECK(contains(error, "stub file refers to itself"));
        CHECK(error.rfind((dir / "self.stub").string() + ": ", 0) == 0);
        CHECK_THROWS_AS((void)disk_usage(dir / "self.stub"), xling::IndexError);
    }
    SUBCASE("two stub files naming each other") {
        write_file(dir / "a.stub", "# comment\nauto b.stub\n");
        write_file(dir / "b.stub", "auto " + (dir / "a.stub").string() + "\n");
        CHECK(contains(stub_error(dir / "a.stub"), "refers to itself"));
        CHECK(contains(stub_error(dir / "a.stub"), "a.stub -> "));
    }
    SUBCASE("an index folder whose XAPIANDB names the folder") {
        write_file(dir / "db" / "XAPIANDB", "auto .\n");
        CHECK(contains(stub_error(dir / "db"), "refers to itself"));
    }
    SUBCASE("a chain deeper than the limit") {
        for (int i = 0; i < 20; ++i) {
            write_file(dir / ("s" + std::to_string(i)), "auto s" + std::to_string(i + 1) + "\n");
        }
        fs::create_directories(dir / "s20");
        CHECK(contains(stub_error(dir / "s0"), "nested deeper than 16"));
    }
    SUBCASE("targets are read as Xapian reads them: the rest of the line after one space") {
        fs::create_directories(dir / "elsewhere");
        write_file(dir / " loop", "auto  loop\n");  // Xapian opens " loop" (leading space): itself
        CHECK(contains(stub_error(dir / " loop"), "refers to itself"));
        write_file(dir / "bad-then-loop", "no-such-kind x\nauto bad-then-loop\n");  // Xapian stops at line 1
        CHECK(stub_error(dir / "bad-then-loop").empty());
    }
    SUBCASE("a stub file larger than 1 MiB is refused") {
        write_file(dir / "huge.stub", std::string((1u << 20) + 1, '#'));
        CHECK(contains(stub_error(dir / "huge.stub"), "stub file larger than 1 MiB"));
    }
    SUBCASE("ordinary stubs pass: xling's own layout, shards, remote lines, paths with spaces") {
        xling::IndexOptions options;
        options.resources = xling::test::plain_resources();
        options.database = dir / "my index";
        { xling::Indexer(options).finish(); }
        write_file(dir / "all.stub", "auto my index\nauto " + (dir / "my index").string() + "\nremote host:1234\n");
        CHECK(stub_error(dir / "my index").empty());
        CHECK(stub_error(dir / "all.stub").empty());
        std::uint64_t remotes = 0;
        CHECK(disk_usage(dir / "all.stub", &remotes) > 0);
        CHECK(remotes == 1);
    }
}

TEST_CASE("the indexer and stats refuse a self-naming stub with an IndexError") {
    TempDir dir;
    write_file(dir / "db" / "XAPIANDB", "auto ../db\n");
    xling::IndexOptions options;
    options.resources = xling::test::plain_resources();
    options.database = dir / "db";
    CHECK_THROWS_AS(xling::Indexer{options}, xling::IndexError);
    CHECK_THROWS_AS((void)xling::index_stats(dir / "db"), xling::IndexError);
    CHECK_THROWS_AS((void)xling::index_stats(dir / "db" / "XAPIANDB"), xling::IndexError);
}

}  // TEST_SUITE
