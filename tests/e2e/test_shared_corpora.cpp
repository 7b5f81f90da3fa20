// The shared corpora folder (../shared/corpora, see shared/README.md) indexes with no skipped
// input. The whole folder is 116 MB of zstd (about 10 minutes of CPU to index), too slow for the
// suite; so each kind of file found there is sampled into a small copy of the same kind: the
// first lines of every .jsonl.zst and .txt.zst (compressed again), the first members of every
// .tar.zst (each member's first lines), and every other file as it is (the sources.tsv lists).
// Skipped when the shared folder is absent.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "cli_helpers.hpp"

using namespace xling::test;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpora = kSharedDir / "corpora";

bool corpora_absent() { return !fs::is_directory(kCorpora); }

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Runs `command` and fails the test when it fails.
void sh(const std::string& command) {
    const auto r = run(command);
    INFO(command << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
}

// The first `lines` lines of the zstd file `from`, as the zstd file `to`.
void sample_lines(const fs::path& from, const fs::path& to, int lines) {
    sh("zstd -dcq " + shell_quote(from.string()) + " | head -n " + std::to_string(lines) + " | zstd -q -o " +
       shell_quote(to.string()));
}

// The first `members` members of the .tar.zst `from` (each cut to its first 300 lines, whole
// lines so that UTF-8 stays valid), as the .tar.zst `to`.
void sample_tar(const fs::path& from, const fs::path& to, int members, const fs::path& work) {
    const fs::path unpacked = work / (to.filename().string() + ".d");
    fs::create_directories(unpacked);
    sh("cd " + shell_quote(unpacked.string()) + " && tar --zstd -xf " + shell_quote(from.string()) +
       " $(tar --zstd -tf " + shell_quote(from.string()) + " | grep -v '/$' | head -n " + std::to_string(members) +
       ") && find . -type f -exec sh -c 'head -n 300 \"$1\" > \"$1.cut\" && mv \"$1.cut\" \"$1\"' _ {} \\; && "
       "tar --zstd -cf " + shell_quote(to.string()) + " .");
}

}  // namespace

TEST_SUITE("shared-corpora" * doctest::skip(corpora_absent())) {

TEST_CASE("a sample of every kind of file in shared/corpora indexes with no skipped input") {
    TempDir dir;
    const fs::path sample = dir / "corpora";
    std::size_t kinds = 0;
    for (const auto& entry : fs::recursive_directory_iterator(kCorpora)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        const fs::path to = sample / entry.path().lexically_relative(kCorpora);
        fs::create_directories(to.parent_path());
        if (ends_with(name, ".tar.zst")) {
            sample_tar(entry.path(), to, 2, dir.path());
        } else if (ends_with(name, ".zst")) {
            sample_lines(entry.path(), to, 20);
        } else {
            fs::copy_file(entry.path(), to);
        }
        ++kinds;
    }
    REQUIRE(kinds > 0);
    const auto r = index_paths(dir / "db", {sample}, "-q --strict");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("0 inputs skipped") != std::string::npos);
    CHECK(r.err.find("skipped ") == std::string::npos);
    // Each file contributed: the JSONL samples their lines, the novels their members.
    const auto s = run(kIndexBin + " stats --db " + shell_quote((dir / "db").string()));
    INFO(s.out);
    CHECK(s.exit_code == 0);
    CHECK(s.out.find("sources: " + std::to_string(kinds) + " input files recorded") != std::string::npos);
}

}  // TEST_SUITE
