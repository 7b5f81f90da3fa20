// The conventions every program keeps (README "Command line"), checked on the real programs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "programs/common/cli.hpp"
#include "support/test_support.hpp"

using xling::cli::ColorChoice;
using xling::test::run;
using xling::test::shell_quote;
using xling::test::TempDir;

namespace {

const std::vector<std::string> kPrograms = {xling::test::kIndexBin, xling::test::kSearchBin, XLING_DICT_BIN,
                                            XLING_ALIASES_BIN, XLING_ANALYZE_BIN};

std::string name_of(const std::string& path) { return std::filesystem::path(path).filename().string(); }

// A small index of the sample corpus for the search checks.
const std::filesystem::path& sample_index() {
    static TempDir dir;
    static const std::filesystem::path db = [] {
        const auto r = run(xling::test::kIndexBin + " -q --db " + shell_quote((dir / "db").string()) + " " +
                           shell_quote((xling::test::kSourceDir / "examples" / "corpus").string()));
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return dir / "db";
    }();
    return db;
}

}  // namespace

TEST_SUITE("command-line conventions") {

TEST_CASE("every program: --version and --help exit 0, an unknown option exits 2 with a hint") {
    for (const auto& program : kPrograms) {
        CAPTURE(program);
        const auto version = run(program + " --version");
        CHECK(version.exit_code == 0);
        CHECK(version.out.find(name_of(program) + " 0.") == 0);
        CHECK(run(program + " --help").exit_code == 0);
        const auto unknown = run(program + " --no-such-option");
        CHECK(unknown.exit_code == 2);
        CHECK(unknown.err.find("Run with --help for more information.") != std::string::npos);
    }
}

TEST_CASE("a missing required option is a usage error: exit 2") {
    CHECK(run(xling::test::kSearchBin + " Putin").exit_code == 2);            // no --db
    CHECK(run(xling::test::kIndexBin + " stats").exit_code == 2);             // no --db
    CHECK(run(std::string(XLING_DICT_BIN) + " stats").exit_code == 2);        // no --dict
    CHECK(run(xling::test::kSearchBin + " --db x --limit many Putin").exit_code == 2);  // not a number
}

TEST_CASE("-- ends the options: a query may begin with '-'") {
    const std::string search = xling::test::kSearchBin + " --db " + shell_quote(sample_index().string()) + " --ids ";
    const auto excluded = run(search + "-- -Pyongyang Putin");
    CHECK(excluded.exit_code == 0);
    const auto plain = run(search + "-- Putin");
    CHECK(plain.exit_code == 0);
    // The exclusion was read as part of the query, not as an option.
    CHECK(excluded.out.size() < plain.out.size());
    CHECK(run(search + "-Pyongyang Putin").exit_code == 2);  // without --, an unknown option
}

TEST_CASE("colour: only on a terminal, never with NO_COLOR or TERM=dumb, unless asked for") {
    CHECK(xling::cli::use_color(ColorChoice::Auto, true, nullptr, "xterm"));
    CHECK_FALSE(xling::cli::use_color(ColorChoice::Auto, false, nullptr, "xterm"));
    CHECK_FALSE(xling::cli::use_color(ColorChoice::Auto, true, "1", "xterm"));
    CHECK(xling::cli::use_color(ColorChoice::Auto, true, "", "xterm"));  // set empty: not set
    CHECK_FALSE(xling::cli::use_color(ColorChoice::Auto, true, nullptr, "dumb"));
    CHECK(xling::cli::use_color(ColorChoice::Always, false, "1", "dumb"));
    CHECK_FALSE(xling::cli::use_color(ColorChoice::Never, true, nullptr, "xterm"));
}

TEST_CASE("colour on a real terminal (script(1) gives the program one)") {
    const std::string search = xling::test::kSearchBin + " --db " + shell_quote(sample_index().string()) + " Putin";
    const auto on_terminal = [&](const std::string& env) {
        return run("script -qec " + shell_quote("env TERM=xterm " + env + " " + search) + " /dev/null").out;
    };
    CHECK(on_terminal("").find("\033[") != std::string::npos);
    CHECK(on_terminal("NO_COLOR=1").find("\033[") == std::string::npos);
    CHECK(on_terminal("TERM=dumb").find("\033[") == std::string::npos);
    CHECK(run(search).out.find("\033[") == std::string::npos);  // a pipe
}

}  // TEST_SUITE

TEST_CASE("comma-separated option values: items in order, empty ones left out") {
    CHECK(xling::cli::split_list("hu,de") == std::vector<std::string>{"hu", "de"});
    CHECK(xling::cli::split_list(",hu,,en,") == std::vector<std::string>{"hu", "en"});
    CHECK(xling::cli::split_list("").empty());
}
