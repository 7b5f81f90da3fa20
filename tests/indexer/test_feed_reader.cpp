// RSS 2.0 and Atom feeds: one document per item, fields mapped, broken feeds reported by line.
#include <doctest/doctest.h>

#include "stored_json.hpp"
#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "indexer/feed_reader.hpp"
#include "support/test_resources.hpp"
#include "support/test_support.hpp"
#include "xling/indexer.hpp"
#include "xling/schema.hpp"

using xling::indexer::Feed;
using xling::indexer::read_feed;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

const std::string kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Bristol Post</title><language>en-gb</language>
<item>
  <title>Swing bridge to be rebuilt</title>
  <link>https://example.org/bridge</link>
  <guid isPermaLink="false">post-1</guid>
  <pubDate>Fri, 29 Nov 2024 23:30:00 EST</pubDate>
  <dc:creator>A. Reporter</dc:creator>
  <description>&lt;p&gt;The harbour board of Bristol agreed to rebuild the old &lt;b&gt;swing bridge&lt;/b&gt;.&lt;/p&gt;</description>
</item>
<item>
  <title>Choir wins</title>
  <link>https://example.org/choir</link>
  <description>short</description>
  <content:encoded><![CDATA[<p>A small choir from Cornwall won the national competition.</p>]]></content:encoded>
</item>
<item><title>No id, no link</title><description>lost</description></item>
</channel></rss>
)";

const std::string kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
<title>Hamburger Blatt</title>
<entry>
  <id>tag:example.org,2024:hafen</id>
  <title type="text">Hafen wird modernisiert</title>
  <link rel="self" href="https://example.org/self"/>
  <link rel="alternate" href="https://example.org/hafen"/>
  <updated>2024-11-30T08:00:00Z</updated>
  <published>2024-11-29T23:30:00-05:00</published>
  <author><name>B. Schreiber</name></author>
  <content type="html">&lt;p&gt;Die Stadtverwaltung von Hamburg hat beschlossen, den Hafen zu modernisieren.&lt;/p&gt;</content>
</entry>
<entry xml:lang="en"><id>e-2</id><title>Summary only</title><summary>Plain summary text.</summary></entry>
</feed>
)";

Feed feed_of(const std::string& xml) {
    auto result = read_feed(xml);
    if (auto* error = std::get_if<std::string>(&result)) FAIL("read_feed: " << *error);
    return std::get<Feed>(result);
}

}  // namespace

TEST_SUITE("indexer") {

TEST_CASE("read_feed: RSS 2.0 items") {
    const Feed feed = feed_of(kRss);
    CHECK(feed.broken.empty());
    REQUIRE(feed.items.size() == 3);
    const auto& a = feed.items[0];
    CHECK(a.error.empty());
    CHECK(a.line == 5);
    CHECK(a.doc.id == "post-1");
    CHECK(a.doc.title == "Swing bridge to be rebuilt");
    CHECK(a.doc.url == "https://example.org/bridge");
    CHECK(a.doc.date == "Fri, 29 Nov 2024 23:30:00 EST");
    CHECK(a.doc.text == "The harbour board of Bristol agreed to rebuild the old swing bridge.");
    CHECK(a.doc.source == "Bristol Post");
    CHECK(a.doc.lang == "en");
    // Without a guid the link is the id; content:encoded wins over description.
    CHECK(feed.items[1].doc.id == "https://example.org/choir");
    CHECK(feed.items[1].doc.text == "A small choir from Cornwall won the national competition.");
    CHECK(feed.items[2].error == "item has no guid, id or link");
}

TEST_CASE("read_feed: Atom entries") {
    const Feed feed = feed_of(kAtom);
    REQUIRE(feed.items.size() == 2);
    const auto& a = feed.items[0].doc;
    CHECK(a.id == "tag:example.org,2024:hafen");
    CHECK(a.url == "https://example.org/hafen");
    CHECK(a.date == "2024-11-29T23:30:00-05:00");  // published before updated
    CHECK(a.text == "Die Stadtverwaltung von Hamburg hat beschlossen, den Hafen zu modernisieren.");
    CHECK(a.source == "Hamburger Blatt");
    CHECK(a.lang == "de");
    CHECK(feed.items[1].doc.text == "Plain summary text.");
    CHECK(feed.items[1].doc.lang == "en");
}

TEST_CASE("read_feed: broken and hostile feeds are reasons or a broken line, never a crash") {
    CHECK(std::get<std::string>(read_feed("<html><body>x</body></html>")) == "not an RSS or Atom feed (root element <html>)");
    CHECK(std::holds_alternative<std::string>(read_feed("")));
    CHECK(std::holds_alternative<std::string>(read_feed("not xml at all")));
    CHECK(std::get<std::string>(read_feed("<rss version=\"2.0\"></rss>")) == "RSS without a <channel>");
    // Truncated: the complete items before the break are kept, the break is reported with its line.
    const std::string cut = kRss.substr(0, kRss.find("<item>\n  <title>Choir"));
    const Feed feed = feed_of(cut + "<item><title>cut");
    CHECK(feed.items.size() >= 1);
    CHECK(feed.items[0].doc.id == "post-1");
    CHECK(feed.broken.rfind("broken XML: ", 0) == 0);
    CHECK(feed.broken_line > 10);
    // An external entity is not fetched or expanded.
    const Feed xxe = feed_of("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                             "<rss><channel><item><guid>g</guid><description>a &x; b</description></item></channel></rss>");
    REQUIRE(xxe.items.size() == 1);
    CHECK(xxe.items[0].doc.text.find("root:") == std::string::npos);
}

TEST_CASE("feeds are indexed one document per item, with per-item hashes and --prune") {
    TempDir dir;
    write_file(dir / "in" / "post.rss", kRss);
    write_file(dir / "in" / "blatt.atom", kAtom);
    write_file(dir / "in" / "other.xml", "<config><a>1</a></config>");
    xling::IndexOptions options;
    options.database = dir / "index";
    options.resources = xling::test::plain_resources();
    auto index = [&](bool prune) {
        auto o = options;
        o.prune = prune;
        xling::Indexer indexer(o);
        indexer.add_path(dir / "in");
        return indexer.finish();
    };
    const auto summary = index(false);
    CHECK(summary.documents == 4);
    CHECK(summary.skipped == 2);  // the item without an id, other.xml
    bool named_item = false;
    for (const auto& n : summary.notices) named_item |= n.where == (dir / "in" / "post.rss").string() + ":19";
    CHECK(named_item);
    Xapian::Database db((dir / "index").string());
    const auto data = xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term("post-1"))));
    CHECK(data["date"] == "2024-11-30");  // 23:30 EST is the next day in UTC
    CHECK(data["url"] == "https://example.org/bridge");
    CHECK(data["source"] == "Bristol Post");
    CHECK(data["author"] == "A. Reporter");
    const auto hafen =
        xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term("tag:example.org,2024:hafen"))));
    CHECK(hafen["author"] == "B. Schreiber");
    CHECK(db.get_termfreq(std::string(xling::schema::kAuthorPrefix) + "schreiber") == 1);  // author: finds it
    SUBCASE("an edited feed: unchanged items kept, a gone one pruned") {
        std::string edited = kAtom;
        edited.erase(edited.find("<entry xml:lang=\"en\">"), edited.find("</feed>") - edited.find("<entry xml:lang=\"en\">"));
        write_file(dir / "in" / "blatt.atom", edited);
        const auto again = index(true);
        CHECK(again.documents == 0);
        CHECK(again.deleted == 1);
        Xapian::Database after((dir / "index").string());
        CHECK(after.get_termfreq(xling::schema::id_term("e-2")) == 0);
        CHECK(after.get_termfreq(xling::schema::id_term("tag:example.org,2024:hafen")) == 1);
    }
}

}  // TEST_SUITE

TEST_CASE("read_feed: item authors from RSS <author>/<dc:creator> and Atom <author><name>") {
    const Feed rss = feed_of(R"(<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Wire</title>
<item><guid>a</guid><author>jo@example.org (Jo Smith)</author><description>One</description></item>
<item><guid>b</guid><dc:creator>Anna Kovács</dc:creator><description>Two</description></item>
<item><guid>c</guid><author>desk@example.org</author><description>Three</description></item>
<item><guid>d</guid><description>Four</description></item>
<item><guid>e</guid><dc:creator>Anna Kovács</dc:creator><dc:creator> Jonas Petraitis </dc:creator><description>Five</description></item>
</channel></rss>)");
    REQUIRE(rss.items.size() == 5);
    CHECK(rss.items[0].doc.author == "Jo Smith");
    CHECK(rss.items[1].doc.author == "Anna Kovács");
    CHECK(rss.items[2].doc.author == "desk@example.org");
    CHECK(rss.items[3].doc.author.empty());
    CHECK(rss.items[4].doc.author == "Anna Kovács, Jonas Petraitis");  // several creators, trimmed
    CHECK(rss.items[1].doc.source == "Wire");  // the feed's title stays the source
    const Feed atom = feed_of(R"(<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<author><name>Feed Desk</name></author>
<entry><id>e1</id><author><name>Jonas Petraitis</name></author><summary>One</summary></entry>
<entry><id>e2</id><summary>Two</summary></entry>
<entry><id>e3</id><author><name>A. Berg</name></author><author><email>x@example.org</email></author><author><name>B. Lind</name></author><summary>Three</summary></entry>
</feed>)");
    REQUIRE(atom.items.size() == 3);
    CHECK(atom.items[0].doc.author == "Jonas Petraitis");
    CHECK(atom.items[1].doc.author == "Feed Desk");  // the feed's author where the entry names none
    CHECK(atom.items[2].doc.author == "A. Berg, B. Lind");  // an <author> without <name> adds nothing
    // The author is its own field: a feed without a title has no source.
    CHECK(atom.items[0].doc.source.empty());
}
