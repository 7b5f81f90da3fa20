// The shared string helpers (analysis/text.hpp): trimming and joining.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/text.hpp"

using xling::analysis::join;
using xling::analysis::trim;
using xling::analysis::trim_line;

TEST_CASE("trim removes what std::isspace accepts by default") {
    CHECK(trim("  a b \t\r\n\v\f") == "a b");
    CHECK(trim("\n\nword") == "word");
    CHECK(trim("") == "");
    CHECK(trim(" \t\r\n ") == "");
    CHECK(trim("a") == "a");
}

TEST_CASE("trim with chosen characters removes only those") {
    CHECK(trim(" de \t", " \t") == "de");
    CHECK(trim("de\n", " \t") == "de\n");
    CHECK(trim(" Putin ", " ") == "Putin");
    CHECK(trim("\tPutin", " ") == "\tPutin");
    CHECK(trim("; sanctions, .", " \t\r,;:.") == "sanctions");
    CHECK(trim(",,,", ",") == "");
}

TEST_CASE("trim_line removes the blanks of a line but not a line end") {
    CHECK(trim_line("  key: value \r") == "key: value");
    CHECK(trim_line("\tx\n") == "x\n");
    CHECK(trim_line(" \t\r") == "");
}

TEST_CASE("trim keeps UTF-8 intact") {
    CHECK(trim(" \xC3\xA9t\xC3\xA9 ") == "\xC3\xA9t\xC3\xA9");
    CHECK(trim_line("\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD\t") == "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD");
}

TEST_CASE("join puts the separator between items") {
    CHECK(join(std::vector<std::string>{"a", "b", "c"}) == "a b c");
    CHECK(join(std::vector<std::string>{"de", "fr"}, ",") == "de,fr");
    CHECK(join(std::vector<std::string_view>{"x"}, "+") == "x");
    CHECK(join(std::vector<std::string>{}) == "");
}

TEST_CASE("join leaves no separator after leading empty items, as the loops it replaced") {
    CHECK(join(std::vector<std::string>{"", "a", "b"}) == "a b");
    CHECK(join(std::vector<std::string>{"a", "", "b"}) == "a  b");
}

TEST_CASE("split keeps the non-empty pieces between separators") {
    using xling::analysis::split;
    CHECK(split("de,fr", ',') == std::vector<std::string>{"de", "fr"});
    CHECK(split(",de,,fr,", ',') == std::vector<std::string>{"de", "fr"});
    CHECK(split("", ',').empty());
    CHECK(split(",,", ',').empty());
    CHECK(split("hu", ',') == std::vector<std::string>{"hu"});
    CHECK(split(" de , fr", ',') == std::vector<std::string>{" de ", " fr"});
}

TEST_CASE("join_words joins the normalized words of tokens") {
    std::vector<xling::analysis::AnalyzedToken> tokens(3);
    tokens[0].word = "kim";
    tokens[1].word = "jong";
    tokens[2].word = "un";
    CHECK(xling::analysis::join_words(tokens) == "kim jong un");
    CHECK(xling::analysis::join_words({}) == "");
}
