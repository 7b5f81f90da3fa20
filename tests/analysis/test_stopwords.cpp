// Stage 3: stopword lists, read from stopwords/<code>.txt (analysis/stopword_list.hpp,
// analysis/analysis_data.hpp).
#include <doctest/doctest.h>

#include <filesystem>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>

#include "analysis/analysis_data.hpp"
#include "analysis/stopword_list.hpp"
#include "helpers.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"

using xling::ConfigError;
using xling::analysis::AnalysisData;
using xling::analysis::StopwordList;
using xling::test::kSourceDir;
using xling::test::TempDir;
using xling::test::write_file;

namespace {
std::filesystem::path list_file(std::string_view code) {
    return kSourceDir / "data" / "stopwords" / (std::string(code) + ".txt");
}

/// The message of the ConfigError that loading `file` throws ("" when it does not throw).
std::string load_error(const std::filesystem::path& file) {
    try {
        (void)StopwordList::load(file);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return {};
}

void check_list(std::string_view code, std::initializer_list<std::string_view> stopwords,
                std::initializer_list<std::string_view> content_words) {
    const auto list = StopwordList::load(list_file(code));
    CHECK(list.size() > 0);
    for (std::string_view w : stopwords) {
        CAPTURE(w);
        CHECK(list.contains(w));
    }
    for (std::string_view w : content_words) {
        CAPTURE(w);
        CHECK_FALSE(list.contains(w));
    }
}
}  // namespace

TEST_SUITE("stopwords") {

TEST_CASE("hu list: function words in, content words out") {
    check_list("hu", {"a", "az", "és", "hogy", "nem"}, {"putyin", "gabona", "együttműködés", "oroszország"});
}

TEST_CASE("de list: function words in, content words out") {
    check_list("de", {"und", "die", "der", "mit", "nicht"}, {"zusammenarbeit", "russland", "putin", "getreide"});
}

TEST_CASE("lt list: function words in, content words out") {
    check_list("lt", {"ir", "kad", "su", "į", "yra"}, {"rusija", "putinas", "karinis", "grūdai"});
}

TEST_CASE("en list: function words in, content words out") {
    check_list("en", {"the", "and", "of", "is", "against"}, {"sanctions", "russia", "grain", "cooperation"});
}

TEST_CASE("ru list: function words in, content words out") {
    check_list("ru", {"и", "в", "не", "с", "что"}, {"путин", "россия", "зерно", "сотрудничество"});
}

TEST_CASE("de list: words are normalized on load (daß is stored as dass)") {
    const auto list = StopwordList::load(list_file("de"));
    CHECK(list.contains("dass"));
    CHECK_FALSE(list.contains("daß"));
}

TEST_CASE("every supported language has a list whose size matches its 'Word count' header") {
    for (const xling::LanguageInfo& lang : xling::supported_languages()) {
        CAPTURE(lang.code);
        const auto file = list_file(lang.code);
        REQUIRE(std::filesystem::exists(file));
        const auto list = StopwordList::load(file);
        CHECK(list.size() > 0);
        const std::string text = xling::test::read_file(file);
        const auto pos = text.find("# Word count: ");
        REQUIRE(pos != std::string::npos);
        CHECK(std::stoul(text.substr(pos + 14)) == list.size());
    }
}

TEST_CASE("load: comments and blank lines are skipped, words are normalized") {
    TempDir dir;
    const auto file = dir / "xx.txt";
    write_file(file, "# a comment\n\nAUCH\nStraße\n#ignored words here\nŐ\n");
    const auto list = StopwordList::load(file);
    CHECK(list.size() == 3);
    CHECK(list.contains("auch"));
    CHECK(list.contains("strasse"));
    CHECK(list.contains("ő"));
    CHECK_FALSE(list.contains("a"));
    CHECK_FALSE(list.contains("comment"));
}

TEST_CASE("load: CRLF line endings are accepted") {
    TempDir dir;
    write_file(dir / "xx.txt", "# header\r\nund\r\noder\r\n");
    const auto list = StopwordList::load(dir / "xx.txt");
    CHECK(list.size() == 2);
    CHECK(list.contains("und"));
    CHECK(list.contains("oder"));
}

TEST_CASE("load: a missing file throws ConfigError naming it") {
    TempDir dir;
    const auto missing = dir / "stopwords" / "zz.txt";
    CHECK_THROWS_AS((void)StopwordList::load(missing), ConfigError);
    CHECK(load_error(missing).find(missing.string()) != std::string::npos);
}

TEST_CASE("load: a line with two words throws ConfigError naming file:line") {
    TempDir dir;
    const auto file = dir / "de.txt";
    write_file(file, "# header\naber\nals ob\nalso\n");
    CHECK_THROWS_AS((void)StopwordList::load(file), ConfigError);
    const std::string error = load_error(file);
    CAPTURE(error);
    CHECK(error.find(file.string() + ":3:") != std::string::npos);
    CHECK(error.find("als ob") != std::string::npos);
}

TEST_CASE("load: a tab-separated pair is also two words") {
    TempDir dir;
    const auto file = dir / "en.txt";
    write_file(file, "the\tand\n");
    const std::string error = load_error(file);
    CAPTURE(error);
    CHECK(error.find(file.string() + ":1:") != std::string::npos);
}

TEST_CASE("parse: lines are read as in every text table (blanks around a word, indented comments)") {
    const auto list = StopwordList::parse("  # indented comment\n aber \r\n\tals\n", "test");
    CHECK(list.size() == 2);
    CHECK(list.contains("aber"));
    CHECK(list.contains("als"));
}

TEST_CASE("load: invalid UTF-8 throws ConfigError naming file:line") {
    TempDir dir;
    const auto file = dir / "hu.txt";
    write_file(file, "# header\n\na\naz\n\xE9s\n");  // Latin-1 "és"
    CHECK_THROWS_AS((void)StopwordList::load(file), ConfigError);
    const std::string error = load_error(file);
    CAPTURE(error);
    CHECK(error.find(file.string() + ":5:") != std::string::npos);
    CHECK(error.find("UTF-8") != std::string::npos);
}

TEST_CASE("from_words: words are taken as given (already normalized)") {
    const auto list = StopwordList::from_words({"die", "der", "das"});
    CHECK(list.size() == 3);
    CHECK(list.contains("die"));
    CHECK_FALSE(list.contains("Die"));
    CHECK_FALSE(list.contains("dies"));
    CHECK(StopwordList::from_words({}).size() == 0);
    CHECK(StopwordList().size() == 0);
    CHECK_FALSE(StopwordList().contains(""));
}

TEST_CASE("AnalysisData: a list for every supported language, none for und or unknown codes") {
    const auto data = xling::test::analysis_data();
    for (const xling::LanguageInfo& lang : xling::supported_languages()) {
        CAPTURE(lang.code);
        CHECK(data->stopwords(lang.code).size() > 0);
    }
    CHECK(data->stopwords("de").contains("und"));
    CHECK(data->stopwords(xling::kUndetermined).size() == 0);
    CHECK(data->stopwords("zz").size() == 0);
}

TEST_CASE("AnalysisData: a data folder without stopwords throws ConfigError") {
    TempDir dir;
    CHECK_THROWS_AS((void)AnalysisData::load(dir.path()), ConfigError);
}

TEST_CASE("AnalysisData::from_texts: lists and rules from memory, errors naming the text") {
    const auto data = AnalysisData::from_texts({{"de", "# a list\nund\nDaß\n"}}, {});
    CHECK(data->stopwords("de").contains("und"));
    CHECK(data->stopwords("de").contains("dass"));  // normalized like index terms
    CHECK(data->stopwords("hu").size() == 0);       // no entry: no list
    CHECK_THROWS_WITH_AS((void)AnalysisData::from_texts({{"de", "und\nzwei Wörter\n"}}, {}),
                         doctest::Contains("<stopwords:de>:2:"), ConfigError);
}

TEST_CASE("StopwordList::letters: the letters beyond ASCII as written, before case folding") {
    const StopwordList list = StopwordList::parse("daß\nüber\nund\n", "<test>");
    CHECK(list.letters() == std::set<char32_t>{U'ß', U'ü'});
}

}  // TEST_SUITE
