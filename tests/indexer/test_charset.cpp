// Character sets of pages and feeds: declared (HTTP, <meta>, XML declaration), detected by ICU
// where undeclared, converted to UTF-8 by ICU; tested with windows-1251 and ISO-8859-2 text.
#include <doctest/doctest.h>

#include <string>
#include <variant>

#include "indexer/charset.hpp"
#include "indexer/feed_reader.hpp"
#include "indexer/html_reader.hpp"

using xling::indexer::declared_html_charset;
using xling::indexer::declared_xml_charset;
using xling::indexer::Feed;
using xling::indexer::HtmlPage;
using xling::indexer::read_feed;
using xling::indexer::read_html;
using xling::indexer::to_utf8;

namespace {

// "Москва и Петербург — города России, в которых живёт много людей." in windows-1251: long
// enough for ICU's detector, which works on letter statistics.
const std::string kRussian1251 =
    "\xCC\xEE\xF1\xEA\xE2\xE0 \xE8 \xCF\xE5\xF2\xE5\xF0\xE1\xF3\xF0\xE3 \x97 \xE3\xEE\xF0\xEE\xE4\xE0 "
    "\xD0\xEE\xF1\xF1\xE8\xE8, \xE2 \xEA\xEE\xF2\xEE\xF0\xFB\xF5 \xE6\xE8\xE2\xB8\xF2 \xEC\xED\xEE\xE3\xEE "
    "\xEB\xFE\xE4\xE5\xE9.";
const std::string kRussianUtf8 = "Москва и Петербург — города России, в которых живёт много людей.";

// "Győr és Pécs között ünnepélyesen megnyitották az új hidat." in ISO-8859-2 (ő = F5, ű = FB).
const std::string kHungarian88592 =
    "Gy\xF5r \xE9s P\xE9\x63s k\xF6z\xF6tt \xFCnnep\xE9lyesen megnyitott\xE1k az \xFAj hidat.";
const std::string kHungarianUtf8 = "Győr és Pécs között ünnepélyesen megnyitották az új hidat.";

HtmlPage page_of(const std::string& html, const std::string& charset = {}) {
    auto result = read_html(html, charset);
    if (auto* error = std::get_if<std::string>(&result)) FAIL("read_html: " << *error);
    return std::get<HtmlPage>(result);
}

Feed feed_of(const std::string& xml) {
    auto result = read_feed(xml);
    if (auto* error = std::get_if<std::string>(&result)) FAIL("read_feed: " << *error);
    return std::get<Feed>(result);
}

}  // namespace

TEST_CASE("declared charsets are found in <meta> and XML declarations") {
    CHECK(declared_html_charset("<html><head><META CharSet='Windows-1251'>") == "windows-1251");
    CHECK(declared_html_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">") ==
          "iso-8859-2");
    CHECK(declared_html_charset("<html><body>charset=koi8-r in the text</body>").empty());
    CHECK(declared_html_charset(std::string(2000, ' ') + "<meta charset=\"koi8-r\">").empty());  // past 1024 bytes
    CHECK(declared_xml_charset("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><rss/>") == "iso-8859-2");
    CHECK(declared_xml_charset("<?xml version='1.0'?><rss/>").empty());
    CHECK(declared_xml_charset("<rss/>").empty());
}

TEST_CASE("to_utf8: a hint ICU knows, else UTF-8 as it is, else ICU's detection") {
    CHECK(to_utf8(kRussian1251, "windows-1251").text == kRussianUtf8);
    CHECK(to_utf8(kHungarian88592, "ISO-8859-2").text == kHungarianUtf8);
    const auto utf8 = to_utf8(kRussianUtf8, "");
    CHECK(utf8.text == kRussianUtf8);
    CHECK(utf8.charset == "UTF-8");
    // A UTF-8 hint on bytes that are not UTF-8 is not believed.
    const auto detected = to_utf8(kRussian1251 + " " + kRussian1251, "utf-8");
    CHECK(detected.charset == "windows-1251");
    CHECK(detected.text == kRussianUtf8 + " " + kRussianUtf8);
    // An unknown name falls back to detection, never an error.
    CHECK(to_utf8(kRussian1251 + " " + kRussian1251, "x-no-such-charset").charset == "windows-1251");
    CHECK(to_utf8("\xEF\xBB\xBFok", "").text == "ok");
    CHECK(to_utf8(std::string("\xFF\xFEo\0k\0", 6), "").text == "ok");
}

TEST_CASE("read_html: windows-1251 and ISO-8859-2 pages, declared in <meta>, in HTTP, or undeclared") {
    CHECK(page_of("<html><head><meta charset=\"windows-1251\"></head><body><p>" + kRussian1251 + "</p></body></html>").text ==
          kRussianUtf8);
    CHECK(page_of("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"></head>"
                  "<body><p>" + kHungarian88592 + "</p></body></html>")
              .text == kHungarianUtf8);
    // The HTTP header's charset wins over a wrong declaration in the page (as browsers do).
    CHECK(page_of("<html><head><meta charset=\"utf-8\"></head><body><p>" + kHungarian88592 + "</p></body></html>",
                  "ISO-8859-2")
              .text == kHungarianUtf8);
    // Undeclared: ICU's detector.
    CHECK(page_of("<html><body><p>" + kRussian1251 + "</p><p>" + kRussian1251 + "</p></body></html>").text ==
          kRussianUtf8 + "\n" + kRussianUtf8);
}

TEST_CASE("read_feed: windows-1251 and ISO-8859-2 feeds declared in the XML declaration") {
    const Feed ru = feed_of("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>"
                            "\xCD\xEE\xE2\xEE\xF1\xF2\xE8</title><item><guid>r1</guid><title>\xCC\xEE\xF1\xEA\xE2\xE0"
                            "</title><description>" + kRussian1251 + "</description></item></channel></rss>");
    REQUIRE(ru.items.size() == 1);
    CHECK(ru.items[0].doc.title == "Москва");
    CHECK(ru.items[0].doc.text == kRussianUtf8);
    CHECK(ru.items[0].doc.source == "Новости");
    const Feed hu = feed_of("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                            "<title>H\xEDrek</title>\n<entry><id>h1</id><title>Gy\xF5r</title><summary>" + kHungarian88592 +
                            "</summary></entry></feed>");
    REQUIRE(hu.items.size() == 1);
    CHECK(hu.items[0].doc.title == "Győr");
    CHECK(hu.items[0].doc.text == kHungarianUtf8);
    CHECK(hu.items[0].line == 3);  // lines are those of the file
}
