// xling as a user installs it: staged with `meson install --destdir`, moved to another folder (so
// nothing can lean on the build or source tree), then used through its programs, its pkg-config
// file and as a meson subproject.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/test_support.hpp"
#include "translation/dictd_fixture.hpp"

namespace fs = std::filesystem;
using xling::test::CommandResult;
using xling::test::run;
using xling::test::shell_quote;
using xling::test::TempDir;

namespace {

// The programs must not see the suite's XLING_DATA_DIR / XLING_DICT: they find their data alone.
const std::string kClean = "env -u XLING_DATA_DIR -u XLING_DICT ";

fs::path relative_to_prefix(const std::string& dir) {
    return fs::path(dir).is_absolute() ? fs::path(dir).relative_path() : fs::path(dir);
}

// The installed tree, staged and moved: <root>/moved/{bin,lib...,share/xling,include/xling}.
class Installed {
  public:
    Installed() {
        const fs::path stage = root_ / "stage";
        const CommandResult r = run("meson install -C " + shell_quote(XLING_BUILD_ROOT) +
                                    " --no-rebuild --quiet --destdir " + shell_quote(stage.string()));
        REQUIRE_MESSAGE(r.exit_code == 0, std::string(r.out + r.err));
        fs::rename(stage / relative_to_prefix(XLING_PREFIX), prefix_);
        // Translation included: a table built by the installed xling-dict from small dictionaries,
        // where the installed programs look for it.
        xling::test::write_sample_dictionaries(root_ / "dictd");
        fs::create_directories(data() / "translation");
        const CommandResult dict = run(kClean + shell_quote(bin("xling-dict")) + " build --dictd-dir " +
                                       shell_quote((root_ / "dictd").string()) + " --out " +
                                       shell_quote((data() / "translation" / "xling.table").string()));
        REQUIRE_MESSAGE(dict.exit_code == 0, dict.err);
    }
    [[nodiscard]] std::string bin(const std::string& program) const {
        return (prefix_ / relative_to_prefix(XLING_BINDIR) / program).string();
    }
    [[nodiscard]] fs::path lib() const { return prefix_ / relative_to_prefix(XLING_LIBDIR); }
    [[nodiscard]] fs::path data() const { return prefix_ / relative_to_prefix(XLING_DATADIR) / "xling"; }
    [[nodiscard]] const fs::path& prefix() const { return prefix_; }
    [[nodiscard]] fs::path work(const std::string& name) const { return root_ / name; }

  private:
    TempDir root_;
    fs::path prefix_ = root_ / "moved";
};

const Installed& installed() {
    static const Installed tree;
    return tree;
}

const fs::path& corpus_index() {
    static const fs::path db = [] {
        const fs::path out = installed().work("index");
        const CommandResult r = run(kClean + shell_quote(installed().bin("xling-index")) + " -q --db " +
                                    shell_quote(out.string()) + " " +
                                    shell_quote((xling::test::kSourceDir / "examples" / "corpus").string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return out;
    }();
    return db;
}

// The sample corpus' answer to the Hungarian "military cooperation": every language, through the
// installed translation table.
const std::string kMilitaryCooperation =
    "de/01-belousow-pjoengjang.txt\nen/01-putin-choe-moscow.txt\nlt/01-belousovas-pchenjane.txt\nwire-hu-001\nwire-ru-001\n";

std::string sorted_lines(const std::string& text) {
    return run("printf '%s' " + shell_quote(text) + " | LC_ALL=C sort").out;
}

// Builds and runs the example program against the installed tree.
void check_example(const std::string& binary) {
    const CommandResult r = run(kClean + shell_quote(binary) + " " + shell_quote(installed().data().string()) + " " +
                                shell_quote(corpus_index().string()) + " " + shell_quote("Shoigu OR Putin"));
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("xling 0.") == 0);
    CHECK(r.out.find("2025-01-16 de wire-de-001:") != std::string::npos);
    CHECK(r.out.find(" Schoigu") != std::string::npos);
}

}  // namespace

TEST_SUITE("install") {

TEST_CASE("the installed tree has the library, its headers, xling.pc, the programs, the data and the man pages") {
    const Installed& tree = installed();
    CHECK(fs::exists(tree.lib() / "libxling.so"));
    CHECK(fs::exists(tree.lib() / "libxling.a"));
    CHECK(fs::exists(tree.lib() / "pkgconfig" / "xling.pc"));
    for (const char* header : {"xling.hpp", "version.hpp", "resources.hpp", "searcher.hpp", "indexer.hpp"}) {
        CHECK_MESSAGE(fs::exists(tree.prefix() / "include" / "xling" / header), header);
    }
    CHECK_FALSE(fs::exists(tree.prefix() / "include" / "xling" / "analysis"));  // internals stay private
    for (const char* program : {"xling-index", "xling-search", "xling-dict", "xling-aliases", "xling-analyze"}) {
        CHECK_MESSAGE(fs::exists(tree.bin(program)), program);
    }
    CHECK(fs::exists(tree.data() / "stopwords" / "hu.txt"));
    CHECK(fs::exists(tree.data() / "namerules" / "common.txt"));
    CHECK(fs::exists(tree.data() / "aliases" / "default.aliases"));
    for (const char* page : {"xling-index.1", "xling-search.1", "xling-dict.1", "xling-aliases.1", "xling-analyze.1"}) {
        CHECK_MESSAGE(fs::exists(tree.prefix() / "share" / "man" / "man1" / page), page);
    }
}

TEST_CASE("installed programs find the installed data of the moved prefix, not the build tree") {
    const CommandResult r = run(kClean + shell_quote(installed().bin("xling-search")) + " --version");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("data: " + installed().data().string()) != std::string::npos);
}

TEST_CASE("installed xling-serve serves the installed page") {
    if (!fs::exists(installed().bin("xling-serve"))) {
        MESSAGE("skipped: xling-serve not built (no cpp-httplib)");
        return;
    }
    CHECK(fs::exists(installed().data() / "web" / "index.html"));
    CHECK(fs::exists(installed().data() / "web" / "app.js"));
    const CommandResult r = run(kClean + shell_quote(installed().bin("xling-serve")) + " --version");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("page: " + (installed().data() / "web").string()) != std::string::npos);
}

TEST_CASE("installed programs index the sample corpus and search it across languages, translation included") {
    const std::string search = kClean + shell_quote(installed().bin("xling-search")) + " --db " +
                               shell_quote(corpus_index().string()) + " --ids -n 50 -- ";
    const CommandResult translated = run(search + shell_quote("katonai együttműködés"));
    CHECK_MESSAGE(translated.exit_code == 0, translated.err);
    CHECK(sorted_lines(translated.out) == kMilitaryCooperation);
    // The installed alias table: a Cyrillic name finds its Latin spellings.
    const CommandResult names = run(search + shell_quote("Белоусов"));
    CHECK(names.exit_code == 0);
    CHECK(names.out.find("de/01-belousow-pjoengjang.txt") != std::string::npos);
    CHECK(names.out.find("lt/01-belousovas-pchenjane.txt") != std::string::npos);
}

TEST_CASE("the example program builds outside the tree with pkg-config and runs against the installed tree") {
    const fs::path source = installed().work("embed_search.cpp");
    fs::copy_file(xling::test::kSourceDir / "examples" / "embed_search.cpp", source);
    const fs::path binary = installed().work("embed_search");
    // The prefix was moved after installing: xling.pc is pointed at its new place, as a packager
    // relocating a tree would (pkg-config's --define-prefix guesses wrong under multiarch libdirs).
    const fs::path pc_dir = installed().work("pkgconfig");
    fs::create_directories(pc_dir);
    const CommandResult pc = run("sed 's#^prefix=.*#prefix=" + installed().prefix().string() + "#' " +
                                 shell_quote((installed().lib() / "pkgconfig" / "xling.pc").string()) + " > " +
                                 shell_quote((pc_dir / "xling.pc").string()));
    REQUIRE(pc.exit_code == 0);
    const std::string flags = "$(PKG_CONFIG_PATH=" + shell_quote(pc_dir.string()) + " pkg-config --cflags --libs xling)";
    const CommandResult build = run("c++ -std=c++20 " XLING_EXAMPLE_FLAGS " " + shell_quote(source.string()) + " -o " +
                                    shell_quote(binary.string()) + " " + flags + " -Wl,-rpath," +
                                    shell_quote(installed().lib().string()));
    REQUIRE_MESSAGE(build.exit_code == 0, build.err);
    check_example(binary.string());
}

TEST_CASE("a meson project uses xling as a subproject through dependency('xling')" *
          doctest::skip(XLING_SUBPROJECT_CHECK == 0)) {
    const fs::path project = installed().work("consumer");
    fs::create_directories(project / "subprojects");
    fs::copy_file(xling::test::kSourceDir / "tests" / "install" / "consumer" / "meson.build", project / "meson.build");
    fs::copy_file(xling::test::kSourceDir / "examples" / "embed_search.cpp", project / "embed_search.cpp");
    fs::create_directory_symlink(xling::test::kSourceDir, project / "subprojects" / "xling");
    const fs::path build = project / "build";
    const CommandResult setup = run("meson setup --wrap-mode=nodownload " + shell_quote(build.string()) + " " +
                                    shell_quote(project.string()));
    REQUIRE_MESSAGE(setup.exit_code == 0, std::string(setup.out + setup.err));
    // Only what the example needs: libxling, not the subproject's programs.
    const CommandResult compile = run("ninja -C " + shell_quote(build.string()) + " embed_search");
    REQUIRE_MESSAGE(compile.exit_code == 0, std::string(compile.out + compile.err));
    check_example((build / "embed_search").string());
}

}  // TEST_SUITE
