// file_title: the title of a .txt/.md file, from its first line.
#include <doctest/doctest.h>

#include <string>

#include "indexer/text_title.hpp"

using xling::indexer::file_title;
using xling::indexer::kMaxTitleBytes;
using xling::indexer::TitleStyle;

TEST_CASE("a .txt title is the first non-empty line up to its first sentence end") {
    CHECK(file_title("\n  \nHamburg modernisiert den Hafen\n\nDer Senat ...", TitleStyle::Text) ==
          "Hamburg modernisiert den Hafen");
    CHECK(file_title("The ship sank near Leeds. All crew were saved. More later\nbody", TitleStyle::Text) ==
          "The ship sank near Leeds.");
    CHECK(file_title("Где мои очки? Никто не знает.\n", TitleStyle::Text) == "Где мои очки?");
    CHECK(file_title("Ends at the line\r\nNext line. Second.", TitleStyle::Text) == "Ends at the line");
    CHECK(file_title(" \n\t\n", TitleStyle::Text).empty());
}

TEST_CASE("a .md title is the heading line without its marks, sentences and all") {
    CHECK(file_title("\n## A búza betegségei. Második rész\n\nszöveg", TitleStyle::Markdown) ==
          "A búza betegségei. Második rész");
    CHECK(file_title("###\n# Title\n", TitleStyle::Markdown) == "Title");
}

TEST_CASE("a long first line is cut between words, never inside one") {
    std::string line;
    while (line.size() < 2 * kMaxTitleBytes) line += "Straßenbahnverkehrsgesellschaft und ";
    const std::string title = file_title(line + "\nbody", TitleStyle::Text);
    REQUIRE(title.size() <= kMaxTitleBytes);
    CHECK(title.size() > kMaxTitleBytes / 2);
    // It ends with a whole word: what follows it in the line is a space.
    CHECK(line.compare(0, title.size(), title) == 0);
    CHECK(line[title.size()] == ' ');
    CHECK(title.back() != ' ');
    const bool whole_word = title.ends_with("und") || title.ends_with("Straßenbahnverkehrsgesellschaft");
    CHECK(whole_word);
}

TEST_CASE("a single word longer than the limit is cut at a character boundary") {
    // Byte kMaxTitleBytes falls inside "ü" (2 bytes): the cut goes before it.
    std::string word(kMaxTitleBytes - 1, 'a');
    word += "ü";
    word += std::string(50, 'b');
    const std::string title = file_title(word, TitleStyle::Text);
    CHECK(title == std::string(kMaxTitleBytes - 1, 'a'));
}
