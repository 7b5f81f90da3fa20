// Snippets of version-5 documents, made from the index (positions, text map, text blocks).
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analysis/analyzer.hpp"
#include "indexer/stored_record.hpp"
#include "searcher/index_matches.hpp"
#include "searcher/index_snippet.hpp"
#include "searcher/stored_text.hpp"
#include "searcher_fixture.hpp"
#include "xling/error.hpp"
#include "xling/schema.hpp"

using xling::test::doc;
using xling::test::index_documents;
using xling::test::TempDir;

namespace {

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// About 5 MB of filler words with "Zebulon" near the start, in the middle and at the end.
std::string long_text() {
    std::string text = "Zebulon opened the session. ";
    const std::string filler = "The committee reviewed paragraph seven of the annex and noted its amendments. ";
    while (text.size() < 2'500'000) text += filler;
    text += "Here Zebulon objected. ";
    while (text.size() < 5'000'000) text += filler;
    text += "Finally Zebulon closed the session.";
    return text;
}

void put_varint(std::string& out, std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    out.push_back(static_cast<char>(v));
}

// The document data schema versions 5 and 6 wrote (include/xling/schema.hpp): byte 0x05, six
// fields without their count (no author), then the text map.
std::string version6_record(const xling::indexer::StoredRecord& r) {
    std::string out(1, '\x05');
    for (const std::string* s : {&r.fields.id, &r.fields.lang, &r.fields.title, &r.fields.date, &r.fields.url, &r.fields.source}) {
        put_varint(out, s->size());
        out += *s;
    }
    put_varint(out, r.text.text_bytes);
    put_varint(out, r.text.positions);
    put_varint(out, r.text.skips.size());
    std::uint64_t previous = 0;
    for (const std::uint64_t offset : r.text.skips) {
        put_varint(out, offset - previous);
        previous = offset;
    }
    return out;
}

// Adding a document to the older index at `db` is refused with `message` and the way out.
void check_refused(const std::filesystem::path& db, const std::string& message) {
    xling::IndexOptions options;
    options.database = db;
    options.resources = xling::test::plain_resources();
    try {
        xling::Indexer indexer(options);
        indexer.add_document(doc("more", "en", "text"));
        (void)indexer.finish();
        FAIL("the indexer wrote to an older index: " << db);
    } catch (const xling::IndexError& e) {
        CHECK(std::string(e.what()).find(message) != std::string::npos);
        CHECK(std::string(e.what()).find("--rebuild") != std::string::npos);
    }
}

xling::SearchResults search(const std::filesystem::path& db, const std::string& query, xling::SnippetOptions snippet = {},
                            bool aliases = false) {
    xling::Searcher s({db}, aliases ? xling::test::default_resources() : xling::test::plain_resources());
    xling::SearchRequest request;
    request.query = query;
    request.snippet = std::move(snippet);
    return s.search(request);
}

}  // namespace

TEST_SUITE("searcher") {

TEST_CASE("a 5 MB text shows its matches at the start, middle and end, reading only the blocks near them") {
    TempDir dir;
    const std::string text = long_text();
    index_documents(dir / "db", {doc("law", "en", text)});

    const auto results = search(dir / "db", "Zebulon");
    REQUIRE(results.hits.size() == 1);
    const std::string& snippet = results.hits[0].snippet;
    CAPTURE(snippet);
    CHECK(count(snippet, "[Zebulon]") == 3);
    CHECK(snippet.rfind("[Zebulon] opened", 0) == 0);           // opens the text: no ellipsis
    CHECK(snippet.find("Here [Zebulon] objected.") != std::string::npos);
    CHECK(snippet.size() >= 19);
    CHECK(snippet.substr(snippet.size() - 19) == "closed the session.");  // closes it: no ellipsis
    CHECK(results.hits[0].matched_forms == std::vector<std::string>{"Zebulon"});

    // The same through the parts, counting the text blocks decompressed.
    Xapian::Database db((dir / "db").string());
    const Xapian::docid did = *db.postlist_begin("Qlaw");
    const Xapian::Document xdoc = db.get_document(did);
    const auto record = xling::indexer::decode_stored_record(xdoc.get_data());
    REQUIRE(record);
    CHECK(record->text.block_count() > 300);
    xling::searcher::MatchTerms terms;
    terms.groups.emplace_back();
    terms.groups.back().words.insert("zebulon");
    xling::analysis::Analyzer analyzer(xling::analysis::AnalysisData::load(xling::test::kDataDir));
    xling::searcher::IndexMatches matches(db, terms, analyzer);
    const auto found = matches.find(did, "en");
    REQUIRE(found.positions.size() == 3);
    xling::searcher::StoredText stored(xdoc, record->text);
    const auto s = xling::searcher::make_index_snippet(found, stored, record->text, "en", terms, {}, analyzer);
    CHECK(s.text == snippet);
    CHECK(stored.blocks_decoded() <= 4);  // a block per passage, one more where a passage crosses a boundary

    // The whole text is still there for Searcher::document.
    xling::Searcher searcher({dir / "db"}, xling::test::plain_resources());
    const auto whole = searcher.document("law");
    REQUIRE(whole);
    CHECK(whole->text == text);
}

TEST_CASE("snippets from the index highlight every kind of match") {
    TempDir dir;
    index_documents(dir / "db",
                    {doc("lt", "lt", "Rusijos gynybos ministras lankėsi. Rusija ir Korėja."),
                     doc("ru", "ru", "Сергей Шойгу прибыл в Пхеньян."),
                     doc("en", "en", "Military cooperation with Kim Jong-un grows; militarily, cooperations too."),
                     doc("de", "de", "Wladimir Putin traf Olaf Scholz.")});
    SUBCASE("inflected forms through the document language's stem") {
        const auto r = search(dir / "db", "Rusija");
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].snippet.find("[Rusijos]") != std::string::npos);
        CHECK(r.hits[0].snippet.find("[Rusija]") != std::string::npos);
        CHECK(r.hits[0].matched_forms == std::vector<std::string>{"Rusijos", "Rusija"});
    }
    SUBCASE("a name in another script through its name key (synonym table)") {
        const auto r = search(dir / "db", "Shoigu");
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].snippet.find("[Шойгу]") != std::string::npos);
        REQUIRE(r.hits[0].matched.size() == 1);
        CHECK(r.hits[0].matched[0].forms == std::vector<std::string>{"Шойгу"});
    }
    SUBCASE("alias names") {
        const auto r = search(dir / "db", "Путин", {}, true);
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].snippet.find("[Putin]") != std::string::npos);
    }
    SUBCASE("phrases, with neighbouring matches under one marker") {
        const auto r = search(dir / "db", "\"Kim Jong-un\"");
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].snippet.find("[Kim Jong-un]") != std::string::npos);
    }
    SUBCASE("word* prefixes") {
        const auto r = search(dir / "db", "milit*");
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].snippet.find("[Military]") != std::string::npos);
        CHECK(r.hits[0].snippet.find("[militarily]") != std::string::npos);
    }
}

TEST_CASE("a matched word outside the shown passages keeps the case the text writes it in") {
    // Three far-apart words and one fragment: two candidate passages, so "Charlie" is not shown;
    // its block is decompressed for the others, so `matched` lists it as written, not "charlie".
    TempDir dir;
    const std::string filler = "The committee reviewed paragraph seven of the annex and noted its amendments. ";
    std::string text = "Alpha opened the session. ";
    while (text.size() < 2000) text += filler;
    text += "Then Bravo spoke. ";
    while (text.size() < 4000) text += filler;
    text += "Finally Charlie closed it. ";
    while (text.size() < 6000) text += filler;
    index_documents(dir / "db", {doc("minutes", "en", text)});
    xling::SnippetOptions one;
    one.max_fragments = 1;
    const auto r = search(dir / "db", "alpha OR bravo OR charlie", one);
    REQUIRE(r.hits.size() == 1);
    CAPTURE(r.hits[0].snippet);
    CHECK(r.hits[0].snippet.find("Charlie") == std::string::npos);
    CHECK(r.hits[0].matched_forms == std::vector<std::string>{"Alpha", "Bravo", "Charlie"});
}

TEST_CASE("HTML highlighting escapes the document's text and keeps only the markers as markup") {
    TempDir dir;
    index_documents(dir / "db", {doc("x", "en", "Putin said <script>alert('x')</script> & left \"now\".")});
    xling::SnippetOptions options;
    options.highlight_open = "<mark>";
    options.highlight_close = "</mark>";
    options.escape_html = true;
    const auto r = search(dir / "db", "Putin", options);
    REQUIRE(r.hits.size() == 1);
    const std::string& s = r.hits[0].snippet;
    CAPTURE(s);
    CHECK(s.find("<mark>Putin</mark>") != std::string::npos);
    CHECK(s.find("<script>") == std::string::npos);
    CHECK(s.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; left &quot;now") != std::string::npos);
}

TEST_CASE("control characters of a document become escapes in a snippet from the index") {
    TempDir dir;
    index_documents(dir / "db", {doc("x", "en", "Putin \x1b[2Jcleared the screen.")});
    xling::SnippetOptions options;
    options.escape_controls = true;
    const auto r = search(dir / "db", "Putin", options);
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].snippet.find('\x1b') == std::string::npos);
    CHECK(r.hits[0].snippet.find("\\x1b[2Jcleared") != std::string::npos);
}

TEST_CASE("a version-4 index (JSON records) stays searchable, and the indexer refuses to extend it") {
    TempDir dir;
    {
        // What version 4 wrote: the text in a JSON object as document data, no text blocks.
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
        Xapian::Document d;
        xling::analysis::Analyzer analyzer(xling::analysis::AnalysisData::load(xling::test::kDataDir));
        const std::string text = "Rusijos gynybos ministras. Rusija ir Korėja.";
        std::vector<xling::analysis::AnalyzedToken> tokens;
        analyzer.analyze(text, "lt", tokens);
        Xapian::termpos pos = 0;
        for (const auto& t : tokens) {
            d.add_posting(t.word, ++pos);
            if (!t.stopword) d.add_term(xling::schema::stem_term("lt", t.stem));
        }
        d.add_boolean_term("Llt");
        d.add_boolean_term("Qold");
        d.add_value(xling::schema::kLanguageSlot, "lt");
        d.set_data(nlohmann::json{{"id", "old"}, {"title", "Senas"}, {"lang", "lt"}, {"text", text}}.dump());
        db.replace_document("Qold", d);
        db.set_metadata("xling.schema", "4");
        db.commit();
    }
    const auto r = search(dir / "db", "Rusija");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].title == "Senas");
    CHECK(r.hits[0].snippet.find("[Rusijos]") != std::string::npos);
    CHECK(r.hits[0].matched_forms == std::vector<std::string>{"Rusijos", "Rusija"});
    xling::Searcher searcher({dir / "db"}, xling::test::plain_resources());
    REQUIRE(searcher.document("old"));
    CHECK(searcher.document("old")->text == "Rusijos gynybos ministras. Rusija ir Korėja.");

    // A search over a version-4 and a version-5 index together reads each record its own way.
    index_documents(dir / "v5", {doc("new", "lt", "Rusija ir Korėja. Rusijos ministras.")});
    xling::Searcher both({dir / "db", dir / "v5"}, xling::test::plain_resources());
    xling::SearchRequest request;
    request.query = "Rusija";
    const auto mixed = both.search(request);
    REQUIRE(mixed.hits.size() == 2);
    for (const auto& hit : mixed.hits) {
        CAPTURE(hit.id);
        CHECK(hit.snippet.find("[Rusijos]") != std::string::npos);
        CHECK(hit.snippet.find("[Rusija]") != std::string::npos);
    }

    check_refused(dir / "db", "schema version 4");
}

TEST_CASE("a version-6 index (records without author) stays searchable beside a version-7 one; the indexer refuses to extend it") {
    TempDir dir;
    xling::SourceDocument old = doc("old", "lt", "Rusijos gynybos ministras. Rusija ir Korėja.");
    old.source = "Senas leidinys";
    old.url = "https://example.lt/senas";
    index_documents(dir / "v6", {old});
    {
        // Rewrite what this version wrote as version 6 wrote it: the terms and text blocks are
        // the same (an author-less document has no XA terms), the record has the older layout.
        Xapian::WritableDatabase db((dir / "v6").string(), Xapian::DB_OPEN);
        const Xapian::docid id = *db.postlist_begin(xling::schema::id_term("old"));
        Xapian::Document d = db.get_document(id);
        const auto record = xling::indexer::decode_stored_record(d.get_data());
        REQUIRE(record);
        d.set_data(version6_record(*record));
        db.replace_document(id, d);
        db.set_metadata(std::string(xling::schema::kSchemaVersionKey), "6");
        db.commit();
        REQUIRE(db.get_document(id).get_data().front() == '\x05');
    }
    xling::SourceDocument current = doc("new", "lt", "Rusija ir Korėja. Rusijos ministras.");
    current.author = "Jonas Petraitis";
    index_documents(dir / "v7", {current});

    xling::Searcher both({dir / "v6", dir / "v7"}, xling::test::plain_resources());
    xling::SearchRequest request;
    request.query = "Rusija";
    const auto mixed = both.search(request);
    REQUIRE(mixed.hits.size() == 2);
    for (const auto& hit : mixed.hits) {
        CAPTURE(hit.id);
        CHECK(hit.snippet.find("[Rusijos]") != std::string::npos);  // the text map of either layout
        CHECK(hit.author == (hit.id == "new" ? "Jonas Petraitis" : ""));
        if (hit.id == "old") {
            CHECK(hit.source == "Senas leidinys");
            CHECK(hit.url == "https://example.lt/senas");
        }
    }
    REQUIRE(both.document("old"));
    CHECK(both.document("old")->text == old.text);
    request.query = "author:Petraitis";
    const auto by_author = both.search(request);
    REQUIRE(by_author.hits.size() == 1);
    CHECK(by_author.hits[0].id == "new");

    check_refused(dir / "v6", "schema version 6, this xling writes 7");
}

TEST_CASE("a record with fields after author (a later version's) gives the fields it knows") {
    xling::StoredDocument fields;
    fields.id = "a";
    fields.author = "Jo";
    std::string data = xling::indexer::encode_stored_record(fields, {});
    REQUIRE(data.substr(0, 2) == std::string("\x07\x07"));
    // One more field ("later") after author: count 8.
    const std::size_t after_author = 2 + 2 + 1 + 1 + 1 + 1 + 1 + 3;  // id "a", four empty, "Jo"
    std::string later = data;
    later[1] = '\x08';
    later.insert(after_author, std::string("\x05later"));
    const auto record = xling::indexer::decode_stored_record(later);
    REQUIRE(record);
    CHECK(record->fields.id == "a");
    CHECK(record->fields.author == "Jo");
    // Truncated or with too few fields: not a record.
    CHECK_FALSE(xling::indexer::decode_stored_record(data.substr(0, data.size() - 1)));
    std::string five = data;
    five[1] = '\x05';
    CHECK_FALSE(xling::indexer::decode_stored_record(five));
}

}  // TEST_SUITE
