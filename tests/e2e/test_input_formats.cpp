// Input formats end to end: the real xling-index reads standard input, .json and .ndjson, and
// xling-search finds what they held.
#include <doctest/doctest.h>

#include <algorithm>

#include "cli_helpers.hpp"
#include "support/archive_writer.hpp"
#include "support/warc_writer.hpp"

using namespace xling::test;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const std::string kBridge =
    "{\"id\": \"bridge\", \"title\": \"Swing bridge\", \"text\": \"The harbour board of Bristol agreed to rebuild "
    "the old swing bridge over the river.\"}";
const std::string kChoir =
    "{\"id\": \"choir\", \"text\": \"A small choir from Cornwall won the national competition with folk songs.\"}";

CommandResult index_stdin(const std::filesystem::path& db, const std::filesystem::path& input,
                          const std::string& extra = "") {
    return run(kIndexBin + " --db " + shell_quote(db.string()) + " " + extra + " - < " + shell_quote(input.string()));
}

// Indexes dir/in with -q (expected to succeed) and returns the one hit of `query`.
nlohmann::json index_and_find_one(const TempDir& dir, const std::string& query) {
    const auto r = index_paths(dir / "db", {dir / "in"}, "-q");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    const auto s = search_cli(dir / "db", query, "--json");
    REQUIRE(s.exit_code == 0);
    const auto hits = nlohmann::json::parse(s.out)["hits"];
    REQUIRE(hits.size() == 1);
    return hits[0];
}

}  // namespace

TEST_CASE("xling-index - reads JSON lines from standard input") {
    TempDir dir;
    write_file(dir / "in.jsonl", kBridge + "\n{broken\n" + kChoir + "\n");
    const auto r = index_stdin(dir / "db", dir / "in.jsonl", "-q");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "<stdin>:2: broken JSON"));
    CHECK(search_ids(dir / "db", "bridge") == std::vector<std::string>{"bridge"});
    CHECK(search_ids(dir / "db", "choir") == std::vector<std::string>{"choir"});
    SUBCASE("--stdin-format json reads one array") {
        write_file(dir / "in.json", "[" + kBridge + ",\n" + kChoir + "]");
        const auto a = index_stdin(dir / "db2", dir / "in.json", "-q --stdin-format json");
        INFO(a.err);
        CHECK(a.exit_code == 0);
        CHECK(search_ids(dir / "db2", "competition") == std::vector<std::string>{"choir"});
    }
    SUBCASE("- twice is a usage error") {
        const auto twice = run(kIndexBin + " --db " + shell_quote((dir / "db3").string()) + " - - < /dev/null");
        CHECK(twice.exit_code == 2);
    }
}

TEST_CASE("xling-index reads .json arrays, .ndjson and upper-case extensions; a broken .json names its line") {
    TempDir dir;
    write_file(dir / "in" / "a.JSON", "[" + kBridge + "]");
    write_file(dir / "in" / "b.ndjson", kChoir + "\n");
    write_file(dir / "in" / "C.TXT", "Lighthouse keepers\n\nThe last lighthouse keepers of Wales retired this spring.");
    write_file(dir / "in" / "broken.json", "[\n" + kChoir + ",\n{\"id\": \"x\", \"text\": \"cut");
    const auto r = index_paths(dir / "db", {dir / "in"}, "-q");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "broken.json:3: truncated JSON array (no closing ']')"));
    CHECK(search_ids(dir / "db", "bridge") == std::vector<std::string>{"bridge"});
    CHECK(search_ids(dir / "db", "choir") == std::vector<std::string>{"choir"});
    CHECK(search_ids(dir / "db", "lighthouse") == std::vector<std::string>{"C.TXT"});
}

TEST_CASE("xling-index reads CSV with --field, from a file and from standard input") {
    TempDir dir;
    write_file(dir / "in" / "news.csv",
               "key,headline,story\n"
               "k-1,Bridge,\"The harbour board of Bristol agreed to rebuild the old swing bridge,\nover the river.\"\n"
               "k-2,Broken,\"a\"b\n"
               "k-3,Choir,A small choir from Cornwall won the national competition.\n");
    const auto r = index_paths(dir / "db", {dir / "in"}, "-q --field id=key,text=story");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "news.csv:4: text after a closing quote"));
    CHECK(search_ids(dir / "db", "bridge") == std::vector<std::string>{"k-1"});
    CHECK(search_ids(dir / "db", "choir") == std::vector<std::string>{"k-3"});
    SUBCASE("a malformed --field is a usage error") {
        CHECK(index_paths(dir / "db2", {dir / "in"}, "-q --field text").exit_code == 2);
    }
    SUBCASE("--stdin-format tsv") {
        write_file(dir / "in.tsv", "id\ttext\nt-1\tLighthouse keepers of Wales retired this spring.\n");
        const auto t = index_stdin(dir / "db3", dir / "in.tsv", "-q --stdin-format tsv");
        INFO(t.err);
        CHECK(t.exit_code == 0);
        CHECK(search_ids(dir / "db3", "lighthouse") == std::vector<std::string>{"t-1"});
    }
}

TEST_CASE("xling-index - reads WARC, HTML and feeds from standard input with --stdin-format") {
    TempDir dir;
    const std::string record = warc_response("https://example.org/library", "Content-Type: text/html; charset=utf-8",
                                             "<html><body><nav>Home</nav><p>The county council opened a new library in "
                                             "the old railway station.</p></body></html>");
    SUBCASE("warc, gzip members told by their magic bytes") {
        write_file(dir / "in.warc.gz", gzip_member(warc_record("warcinfo", "", "application/warc-fields", "software: t\r\n")) +
                                           gzip_member(record));
        const auto r = index_stdin(dir / "db", dir / "in.warc.gz", "-q --stdin-format warc");
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(contains(r.err, "<stdin>: 1 records not indexed (1 warcinfo)"));
        CHECK(search_ids(dir / "db", "library") == std::vector<std::string>{"https://example.org/library"});
        CHECK(search_ids(dir / "db", "home").empty());
    }
    SUBCASE("warc, uncompressed") {
        write_file(dir / "in.warc", record);
        const auto r = index_stdin(dir / "db", dir / "in.warc", "-q --stdin-format warc");
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(search_ids(dir / "db", "railway") == std::vector<std::string>{"https://example.org/library"});
    }
    SUBCASE("html: one page, id <stdin>") {
        write_file(dir / "in.html", "<html><head><title>Ferry</title></head><body><p>The night ferry to the islands "
                                    "will run twice a week from March.</p></body></html>");
        const auto r = index_stdin(dir / "db", dir / "in.html", "-q --stdin-format html");
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(search_ids(dir / "db", "ferry") == std::vector<std::string>{"<stdin>"});
    }
    SUBCASE("rss") {
        write_file(dir / "in.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><guid>f-1</guid>"
                                   "<description>A small choir from Cornwall won the competition.</description></item>"
                                   "</channel></rss>");
        const auto r = index_stdin(dir / "db", dir / "in.rss", "-q --stdin-format rss");
        INFO(r.err);
        CHECK(r.exit_code == 0);
        CHECK(search_ids(dir / "db", "choir") == std::vector<std::string>{"f-1"});
    }
    SUBCASE("an unknown format is a one-line usage error listing what stdin reads") {
        write_file(dir / "in.x", "x");
        const auto r = index_stdin(dir / "db", dir / "in.x", "-q --stdin-format zip");
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "--stdin-format"));
        for (const char* name : {"jsonl", "csv", "html", "rss", "warc"}) {
            CAPTURE(name);
            CHECK(contains(r.err, name));
        }
    }
}

TEST_CASE("xling-index: Markdown front matter fields are searchable, the block is not the title") {
    TempDir dir;
    write_file(dir / "in" / "post.md", "---\ntitle: Lighthouse keepers retire\ndate: 2024-11-29\n---\n"
                                       "The last lighthouse keepers of Wales retired this spring.\n");
    const auto hit = index_and_find_one(dir, "lighthouse");
    CHECK(hit["title"] == "Lighthouse keepers retire");
    CHECK(hit["date"] == "2024-11-29");
}

TEST_CASE("xling-index reads HTML pages: the article is found, the boilerplate is not") {
    TempDir dir;
    write_file(dir / "in" / "page.html",
               "<html lang=\"en\"><head><meta property=\"og:title\" content=\"Lighthouse keepers retire\">"
               "<meta property=\"article:published_time\" content=\"Fri, 29 Nov 2024 10:00:00 GMT\"></head><body>"
               "<nav>Subscribe newsletter</nav><article><p>The last lighthouse keepers of Wales retired this "
               "spring after forty years on the rocks.</p></article><footer>Copyright newsletter</footer></body></html>");
    const auto hit = index_and_find_one(dir, "lighthouse");
    CHECK(hit["id"] == "page.html");
    CHECK(hit["title"] == "Lighthouse keepers retire");
    CHECK(hit["date"] == "2024-11-29");
    CHECK(search_ids(dir / "db", "newsletter").empty());
}

TEST_CASE("xling-index reads RSS feeds: each item is a document found by xling-search") {
    TempDir dir;
    write_file(dir / "in" / "news.rss",
               "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Coast News</title>\n"
               "<item><guid>lh-1</guid><title>Keepers retire</title><pubDate>Fri, 29 Nov 2024 10:00:00 GMT</pubDate>"
               "<description>The last lighthouse keepers of Wales retired this spring.</description></item>\n"
               "<item><guid>ch-1</guid><description>A small choir from Cornwall won the competition.</description></item>\n"
               "<item><description>no id</description></item>\n"
               "</channel></rss>\n");
    const auto hit = index_and_find_one(dir, "lighthouse");
    CHECK(hit["id"] == "lh-1");
    CHECK(hit["date"] == "2024-11-29");
    // The item without an id is reported with its line (a second run re-reads the feed: it had a problem).
    CHECK(contains(index_paths(dir / "db", {dir / "in"}, "-q").err, "news.rss:4: item has no guid, id or link"));
    CHECK(search_ids(dir / "db", "choir") == std::vector<std::string>{"ch-1"});
}

TEST_CASE("xling-index --formats lists every format with its extensions and fields") {
    const auto r = run(kIndexBin + " --formats");
    CHECK(r.exit_code == 0);
    for (const char* ext : {".txt", ".md", ".html", ".rss", ".xml", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".warc.gz",
                            ".pdf", ".tar.zst", ".zip", "--stdin-format", "WARC-Target-URI", "og:site_name"}) {
        CAPTURE(ext);
        CHECK(contains(r.out, ext));
    }
}

TEST_CASE("xling-index reads an archive mixing formats: each member by its type, bad members named") {
    TempDir dir;
    const std::string page = "<html lang=\"en\"><head><title>Swing bridge</title></head><body><nav>Home</nav><p>The harbour "
                             "board of Bristol agreed to rebuild the old swing bridge over the river.</p></body></html>";
    const std::string feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><guid>feed-1</guid>"
                             "<title>Choir</title><description>A small choir from Cornwall won the national competition."
                             "</description></item></channel></rss>";
    const std::string warc = gzip_member(warc_response("https://example.org/library", "Content-Type: text/html",
                                                       "<html><body><p>The county council opened a new library in the old "
                                                       "railway station.</p></body></html>"));
    write_archive(dir / "in" / "news.tar.zst", ArchiveKind::TarZstd,
                  {{"news/", ""},
                   {"news/pages/bridge.html", page},
                   {"news/feeds/wire.rss", feed},
                   {"news/crawl.warc.gz", warc},
                   {"news/wire.jsonl", kChoir + "\n"},
                   {"news/notes.txt", "Ferry\n\nThe night ferry to the islands will run twice a week from March."},
                   {"news/broken.json", "[{\"id\": 1"},
                   {"news/wire2.jsonl.gz", gzip_member("{\"id\": \"gz-1\", \"text\": \"The lighthouse keepers of Wales retired.\"}\n")}});
    const auto r = index_paths(dir / "db", {dir / "in"}, "-q");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "news.tar.zst: member news/broken.json:1: "));
    CHECK(search_ids(dir / "db", "bridge") == std::vector<std::string>{"news.tar.zst/news/pages/bridge.html"});
    auto choir = search_ids(dir / "db", "choir");
    std::sort(choir.begin(), choir.end());
    CHECK(choir == std::vector<std::string>{"choir", "feed-1"});
    CHECK(search_ids(dir / "db", "library") == std::vector<std::string>{"https://example.org/library"});
    CHECK(search_ids(dir / "db", "ferry") == std::vector<std::string>{"news.tar.zst/news/notes.txt"});
    CHECK(search_ids(dir / "db", "home").empty());  // navigation is not text
    CHECK(search_ids(dir / "db", "lighthouse") == std::vector<std::string>{"gz-1"});  // a compressed member
}
