// HTML pages: main text without boilerplate, the page's own metadata, character sets, and .html
// files indexed.
#include <doctest/doctest.h>

#include "stored_json.hpp"
#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "indexer/html_reader.hpp"
#include "support/test_resources.hpp"
#include "support/test_support.hpp"
#include "xling/indexer.hpp"
#include "xling/schema.hpp"

using xling::indexer::HtmlPage;
using xling::indexer::read_html;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

const std::string kArticle =
    "The harbour board of Bristol agreed on Thursday to rebuild the old swing bridge over the river, "
    "which has been closed to traffic since a storm damaged its machinery two winters ago.";

// A news page as sites write them: navigation, a header, an aside, a footer, scripts and styles
// around one article.
const std::string kPage = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Bridge to be rebuilt | Bristol Post</title>
<meta property="og:title" content="Swing bridge to be rebuilt">
<meta property="og:site_name" content="Bristol Post">
<meta name="author" content="Jo Smith">
<meta property="article:published_time" content="2024-11-29T10:00:00Z">
<link rel="canonical" href="https://example.org/news/bridge">
<style>body { color: red }</style>
<script>var tracking = "SCRIPTTEXT";</script>
</head><body>
<header><a href="/">Home</a> HEADERTEXT</header>
<nav><ul><li>World</li><li>NAVTEXT</li></ul></nav>
<article><h1>Swing bridge</h1><p>)" + kArticle + R"(</p><p>Work starts <b>next</b> spring.</p>
<aside>ASIDETEXT related stories</aside></article>
<div role="navigation">ROLENAV</div>
<footer>FOOTERTEXT &copy; 2024</footer>
<noscript>NOSCRIPTTEXT</noscript>
</body></html>)";

HtmlPage page_of(const std::string& html) {
    auto result = read_html(html);
    if (auto* error = std::get_if<std::string>(&result)) FAIL("read_html: " << *error);
    return std::get<HtmlPage>(result);
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("indexer") {

TEST_CASE("read_html: the article's text, without navigation, header, footer, aside, script or style") {
    const HtmlPage page = page_of(kPage);
    CHECK(contains(page.text, kArticle));
    CHECK(contains(page.text, "Work starts next spring."));
    CHECK(contains(page.text, "Swing bridge\n"));  // blocks become lines
    for (const char* boilerplate : {"SCRIPTTEXT", "HEADERTEXT", "NAVTEXT", "ASIDETEXT", "ROLENAV", "FOOTERTEXT",
                                    "NOSCRIPTTEXT", "color: red", "Home"}) {
        CAPTURE(boilerplate);
        CHECK_FALSE(contains(page.text, boilerplate));
    }
    CHECK(page.title == "Swing bridge to be rebuilt");
    CHECK(page.lang == "en");
    CHECK(page.date == "2024-11-29T10:00:00Z");
    CHECK(page.url == "https://example.org/news/bridge");
    CHECK(page.source == "Bristol Post");
    CHECK(page.author == "Jo Smith");
}

TEST_CASE("read_html: fallbacks for title, date, language and text") {
    SUBCASE("<title>, <time datetime>, content-language, <body> without <article>") {
        const HtmlPage page = page_of(
            "<html><head><title> Plain  title </title><meta http-equiv=\"Content-Language\" content=\"de-AT\"></head>"
            "<body><p>Erster Absatz.</p><p>Am <time datetime=\"2024-11-28\">Donnerstag</time> geschrieben.</p></body></html>");
        CHECK(page.title == "Plain title");
        CHECK(page.date == "2024-11-28");
        CHECK(page.lang == "de");
        CHECK(page.text == "Erster Absatz.\nAm Donnerstag geschrieben.");
    }
    SUBCASE("<h1> and JSON-LD datePublished (in a @graph)") {
        const HtmlPage page = page_of(
            "<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},"
            "{\"@type\":\"NewsArticle\",\"datePublished\":\"Fri, 29 Nov 2024 10:00:00 GMT\"}]}</script>"
            "<script type=\"application/ld+json\">{broken</script></head>"
            "<body><main><h1>Heading</h1><p>Text.</p></main></body></html>");
        CHECK(page.title == "Heading");
        CHECK(page.date == "Fri, 29 Nov 2024 10:00:00 GMT");
        CHECK(page.url.empty());
        CHECK(page.lang.empty());
        CHECK(page.author.empty());
    }
    SUBCASE("JSON-LD author: a Person, several, a plain name; <meta name=author> first") {
        const auto author_of = [](const std::string& json_ld, const std::string& meta = "") {
            return page_of("<html><head>" + meta + "<script type=\"application/ld+json\">" + json_ld +
                           "</script></head><body><p>Text.</p></body></html>")
                .author;
        };
        CHECK(author_of(R"({"@type":"NewsArticle","author":{"@type":"Person","name":" Anna Kovács "}})") == "Anna Kovács");
        CHECK(author_of(R"({"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","author":[{"name":"A. Berg"},"B. Lind",{"url":"x"}]}]})") ==
              "A. Berg, B. Lind");
        CHECK(author_of(R"([{"@type":"Organization"},{"author":"Desk"}])") == "Desk");
        CHECK(author_of(R"({"author":[[["deep"]]]})").empty());  // names are one level deep
        CHECK(author_of(R"({"author":{"name":"Ld Name"}})", "<meta name=\"Author\" content=\"Meta Name\">") == "Meta Name");
    }
}

TEST_CASE("read_html: a declared character set other than UTF-8 is converted") {
    const HtmlPage latin1 = page_of("<html><head><meta charset=\"iso-8859-1\"><title>Gr\xFC\xDF" "e</title></head>"
                                    "<body><p>M\xFCnchen und K\xF6ln</p></body></html>");
    CHECK(latin1.title == "Grüße");
    CHECK(latin1.text == "München und Köln");
    const HtmlPage cp1251 = page_of("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
                                    "</head><body><p>\xCC\xEE\xF1\xEA\xE2\xE0</p></body></html>");
    CHECK(cp1251.text == "Москва");
}

TEST_CASE("read_html: pages without text are a reason, hostile input never a crash") {
    CHECK(std::get<std::string>(read_html("<html><head><title>Only a title</title></head></html>")) == "no text in the page");
    CHECK(std::get<std::string>(read_html("<html><body><nav>menu</nav><script>x()</script></body></html>")) ==
          "no text in the page");
    CHECK(std::holds_alternative<std::string>(read_html("")));
    // Unclosed and misnested tags, a NUL byte, a deep nesting: parsed as browsers would, or refused.
    CHECK(page_of("<p>open <b>bold <i>both</b> after").text == "open bold both after");
    (void)read_html(std::string("<p>a\0b</p>", 10));
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<div>";
    deep += "deep text";
    (void)read_html(deep);
}

TEST_CASE(".html files are indexed with the page's fields; a page without text is skipped") {
    TempDir dir;
    write_file(dir / "in" / "bridge.html", kPage);
    // A template's lang="en" on a German page: CLD2's reliable answer wins.
    write_file(dir / "in" / "de.html", "<html lang=\"en\"><body><p>Die Stadtverwaltung von Hamburg hat am Montag "
                                       "beschlossen, den Hafen zu modernisieren. Nach Angaben des Bürgermeisters "
                                       "sollen mehrere hundert Millionen Euro in neue Kräne investiert werden.</p></body></html>");
    write_file(dir / "in" / "EMPTY.HTM", "<html><head><title>x</title></head><body></body></html>");
    xling::IndexOptions options;
    options.database = dir / "index";
    options.resources = xling::test::plain_resources();
    xling::Indexer indexer(options);
    indexer.add_path(dir / "in");
    const auto summary = indexer.finish();
    CHECK(summary.documents == 2);
    REQUIRE(summary.notices.size() == 1);
    CHECK(summary.notices[0].where == (dir / "in" / "EMPTY.HTM").string());
    CHECK(summary.notices[0].message == "no text in the page");
    Xapian::Database db((dir / "index").string());
    const auto data =
        xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term("bridge.html"))));
    CHECK(data["title"] == "Swing bridge to be rebuilt");
    CHECK(data["lang"] == "en");
    CHECK(data["date"] == "2024-11-29");
    CHECK(data["url"] == "https://example.org/news/bridge");
    CHECK(data["source"] == "Bristol Post");
    CHECK(data["author"] == "Jo Smith");
    CHECK_FALSE(contains(data["text"].get<std::string>(), "FOOTERTEXT"));
    const auto de = xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term("de.html"))));
    CHECK(de["lang"] == "de");
    // No <title>, og:title or <h1>: the first line of the text, as for a .txt file.
    CHECK(de["title"].get<std::string>().rfind("Die Stadtverwaltung von Hamburg", 0) == 0);
}

}  // TEST_SUITE
