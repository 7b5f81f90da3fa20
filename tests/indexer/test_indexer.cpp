// Indexer end to end: files and folders in a TempDir -> a Xapian database inspected directly.
#include <doctest/doctest.h>

#include "stored_json.hpp"
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>
#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_resources.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"
#include "xling/indexer.hpp"
#include "searcher/stored_fields.hpp"
#include "xling/schema.hpp"

namespace fs = std::filesystem;
namespace schema = xling::schema;
using xling::IndexOptions;
using xling::Indexer;
using xling::IndexSummary;
using xling::Notice;
using xling::SourceDocument;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

// --- Test texts: original sentences, long enough for CLD2 -------------------------------------

const std::string kGerman =
    "Die Stadtverwaltung von Hamburg hat am Montag beschlossen, den Hafen zu modernisieren. "
    "Nach Angaben des Bürgermeisters sollen in den nächsten Jahren mehrere hundert Millionen Euro "
    "in neue Kräne, Schienen und Lagerhallen investiert werden. Die Gewerkschaften begrüßten die "
    "Pläne, forderten aber zugleich sichere Arbeitsplätze für alle Beschäftigten.";

const std::string kGerman2 =
    "Im Schwarzwald hat ein kleiner Verein eine alte Mühle wieder aufgebaut. Die Mitglieder "
    "arbeiteten drei Jahre lang an jedem Wochenende, sammelten Spenden bei den Nachbarn und "
    "fanden sogar die ursprünglichen Pläne im Archiv der Gemeinde. Jetzt mahlt die Mühle wieder Korn.";

const std::string kHungarian =
    "A debreceni egyetem kutatói új módszert fejlesztettek ki a búza betegségeinek korai "
    "felismerésére. A csapat szerint a műholdas felvételek és a mesterséges intelligencia "
    "segítségével a gazdák hetekkel korábban értesülhetnek a fertőzésről, így kevesebb "
    "növényvédő szert kell használniuk a földeken.";

const std::string kEnglish =
    "The city council of Leeds approved a new plan on Tuesday to expand the bus network across "
    "the northern suburbs. Officials said that the project would cost about forty million pounds "
    "and that the first new routes should open next spring, after a public consultation with residents.";

const std::string kLithuanian =
    "Vilniaus savivaldybė pirmadienį pristatė naują viešojo transporto planą. Pasak mero, per "
    "artimiausius trejus metus mieste bus nupirkta šimtas naujų elektrinių autobusų, o senosios "
    "troleibusų linijos bus atnaujintos. Gyventojai galės pateikti savo pastabas iki kito mėnesio pabaigos.";

const std::string kRussian =
    "Городские власти Новосибирска объявили в понедельник о строительстве нового моста через "
    "реку Обь. По словам мэра, работы начнутся весной следующего года и продлятся около четырёх "
    "лет. Жители города надеются, что новый мост поможет сократить пробки в центре.";

const std::string kFrench =
    "Le conseil municipal de Lyon a adopté mardi un nouveau plan pour développer le réseau de "
    "tramway dans les quartiers du nord. Selon les responsables, le projet coûtera environ "
    "quarante millions d'euros et les premières lignes devraient ouvrir au printemps prochain.";
// Czech: a language xling does not support (French is supported since the libstemmer languages).
const std::string kCzech =
    "Městská rada v Brně schválila v úterý nový plán na rozšíření tramvajové sítě v severních "
    "čtvrtích. Podle odpovědných úředníků bude projekt stát přibližně čtyřicet milionů eur a první "
    "linky by se měly otevřít příští jaro, pokud vláda poskytne slíbené peníze.";

// --- Helpers ------------------------------------------------------------------------------------

std::string json_line(const nlohmann::json& record) { return record.dump() + "\n"; }

void write_gzip(const fs::path& path, std::string_view content) {
    fs::create_directories(path.parent_path());
    gzFile f = gzopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())) == static_cast<int>(content.size()));
    REQUIRE(gzclose(f) == Z_OK);
}

void write_zstd(const fs::path& path, std::string_view content) {
    std::string out(ZSTD_compressBound(content.size()), '\0');
    const std::size_t n = ZSTD_compress(out.data(), out.size(), content.data(), content.size(), 3);
    REQUIRE(ZSTD_isError(n) == 0U);
    out.resize(n);
    write_file(path, out);
}

IndexOptions options_for(const TempDir& dir) {
    IndexOptions options;
    options.database = dir / "index";
    options.resources = xling::test::plain_resources();
    return options;
}

IndexSummary index_path(const IndexOptions& options, const fs::path& path) {
    Indexer indexer(options);
    indexer.add_path(path);
    return indexer.finish();
}

IndexSummary index_documents(const IndexOptions& options, const std::vector<SourceDocument>& docs) {
    Indexer indexer(options);
    for (const auto& doc : docs) indexer.add_document(doc);
    return indexer.finish();
}

// The stored document with unique id `id`, or nullopt.
std::optional<Xapian::Document> find_doc(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::id_term(id);
    auto it = db.postlist_begin(term);
    if (it == db.postlist_end(term)) return std::nullopt;
    return db.get_document(*it);
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
    return terms;
}

bool has_term(const Xapian::Document& doc, const std::string& term) { return terms_of(doc).count(term) == 1; }

// The stored record as the JSON object version 4 stored (optional fields only when set).
nlohmann::json data_of(const Xapian::Document& doc) { return xling::test::stored_json(doc); }

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

std::string describe(const std::vector<Notice>& notices) {
    std::string out;
    for (const auto& n : notices) {
        out += (n.kind == Notice::Kind::Skipped ? "skipped " : "warning ") + n.where + ": " + n.message + "\n";
    }
    return out;
}

// The first notice whose `where` contains `where_part`.
const Notice* notice_about(const IndexSummary& summary, std::string_view where_part) {
    for (const auto& n : summary.notices) {
        if (contains(n.where, where_part)) return &n;
    }
    return nullptr;
}

std::size_t count_with_prefix(const Xapian::Document& doc, std::string_view prefix) {
    std::size_t n = 0;
    for (const auto& t : terms_of(doc)) n += t.rfind(prefix, 0) == 0 ? 1 : 0;
    return n;
}

// A folder with every supported format: 7 documents, 2 de, 1 hu, 1 en, 1 lt, 1 ru, 1 und (fr).
void write_mixed_corpus(const fs::path& root) {
    write_file(root / "de" / "hafen.txt", "Hamburg modernisiert den Hafen\n\n" + kGerman + "\n");
    write_file(root / "hu" / "buza.md", "# A búza betegségei\n\n" + kHungarian + "\n");
    write_file(root / "feeds" / "a.jsonl",
               json_line({{"id", "en-1"}, {"title", "Leeds buses"}, {"text", kEnglish},
                          {"date", "2024-11-29"}, {"url", "https://example.org/en-1"}, {"source", "Example Wire"}}) +
                   json_line({{"id", "lt-1"}, {"text", kLithuanian}}));
    write_gzip(root / "feeds" / "b.jsonl.gz", json_line({{"id", "ru-1"}, {"text", kRussian}}));
    write_zstd(root / "feeds" / "c.jsonl.zst",
               json_line({{"id", "de-2"}, {"title", "Die Mühle"}, {"text", kGerman2}}) +
                   json_line({{"id", "fr-1"}, {"text", kFrench}}));
}

}  // namespace

TEST_SUITE("indexer") {

TEST_CASE("a folder of .txt, .md, .jsonl, .jsonl.gz and .jsonl.zst is indexed") {
    TempDir dir;
    write_mixed_corpus(dir / "corpus");
    const auto summary = index_path(options_for(dir), dir / "corpus");
    INFO(describe(summary.notices));

    CHECK(summary.documents == 7);
    CHECK(summary.skipped == 0);
    CHECK(summary.per_language == std::map<std::string, std::size_t>{
                                      {"de", 2}, {"hu", 1}, {"en", 1}, {"lt", 1}, {"ru", 1}, {"fr", 1}});
    // Every language here is supported (French too): nothing warns.
    CHECK(summary.warnings == 0);
    CHECK_FALSE(summary.interrupted);
    CHECK(summary.commits >= 1);
    CHECK(summary.bytes > 0);

    Xapian::Database db((dir / "index").string());
    CHECK(db.get_doccount() == 7);
    CHECK(db.get_metadata(std::string(schema::kSchemaVersionKey)) == schema::kSchemaVersion);

    // Ids: paths relative to the folder for files, the "id" field for JSONL records.
    const std::map<std::string, std::string> expected_lang = {
        {"de/hafen.txt", "de"}, {"hu/buza.md", "hu"}, {"en-1", "en"}, {"lt-1", "lt"},
        {"ru-1", "ru"},         {"de-2", "de"},       {"fr-1", "fr"}};
    for (const auto& [id, lang] : expected_lang) {
        CAPTURE(id);
        const auto doc = find_doc(db, id);
        REQUIRE(doc.has_value());
        CHECK(has_term(*doc, schema::language_term(lang)));
        CHECK(doc->get_value(schema::kLanguageSlot) == lang);
        CHECK(data_of(*doc).at("id") == id);
        CHECK(data_of(*doc).at("lang") == lang);
        // Stem terms only in the document's own language.
        const std::string own = "Z" + lang + ":";
        CHECK(count_with_prefix(*doc, own) > 5);
        CHECK(count_with_prefix(*doc, "Z") == count_with_prefix(*doc, own));
    }

    // .txt title: first line; .md title: heading marks removed.
    const auto hafen = find_doc(db, "de/hafen.txt");
    REQUIRE(hafen.has_value());
    CHECK(data_of(*hafen).at("title") == "Hamburg modernisiert den Hafen");
    CHECK(has_term(*hafen, "Smodernisiert"));
    CHECK(has_term(*hafen, "stadtverwaltung"));
    const auto buza = find_doc(db, "hu/buza.md");
    REQUIRE(buza.has_value());
    CHECK(data_of(*buza).at("title") == "A búza betegségei");
    CHECK(has_term(*buza, "Sbúza"));
    CHECK_FALSE(has_term(*buza, "S#"));

    // JSONL fields end up in values and data.
    const auto en = find_doc(db, "en-1");
    REQUIRE(en.has_value());
    CHECK(en->get_value(schema::kDateSlot) == "20241129");
    CHECK(en->get_value(schema::kMonthSlot) == "2024-11");
    CHECK(en->get_value(schema::kSourceSlot) == "Example Wire");
    CHECK(data_of(*en).at("url") == "https://example.org/en-1");
    CHECK(data_of(*en).at("text") == kEnglish);
    CHECK(has_term(*en, "Sleeds"));

    // Compressed inputs are indexed like plain ones.
    const auto ru = find_doc(db, "ru-1");
    REQUIRE(ru.has_value());
    CHECK(has_term(*ru, "новосибирска"));
    const auto de2 = find_doc(db, "de-2");
    REQUIRE(de2.has_value());
    CHECK(has_term(*de2, "schwarzwald"));
}

TEST_CASE("a single file's id is the path as given") {
    TempDir dir;
    write_file(dir / "docs" / "hafen.txt", "Hafen\n\n" + kGerman);
    const auto file = dir / "docs" / "hafen.txt";
    const auto summary = index_path(options_for(dir), file);
    CHECK(summary.documents == 1);
    Xapian::Database db((dir / "index").string());
    CHECK(find_doc(db, file.lexically_normal().generic_string()).has_value());
}

TEST_CASE("hidden files and folders are not read") {
    TempDir dir;
    write_file(dir / "corpus" / "visible.txt", kEnglish);
    write_file(dir / "corpus" / ".hidden.txt", kGerman);
    write_file(dir / "corpus" / ".git" / "inside.txt", kHungarian);
    const auto summary = index_path(options_for(dir), dir / "corpus");
    CHECK(summary.documents == 1);
    CHECK(summary.notices.empty());
}

TEST_CASE("re-indexing the same id replaces the document") {
    TempDir dir;
    const auto options = options_for(dir);
    SUBCASE("by re-reading a changed file") {
        write_file(dir / "corpus" / "hafen.txt", "Hafen\n\n" + kGerman);
        write_file(dir / "corpus" / "other.txt", kEnglish);
        CHECK(index_path(options, dir / "corpus").documents == 2);
        write_file(dir / "corpus" / "hafen.txt", "Mühle\n\n" + kGerman2);
        const auto again = index_path(options, dir / "corpus");
        CHECK(again.documents == 1);  // other.txt is unchanged
        CHECK(again.unchanged == 1);

        Xapian::Database db((dir / "index").string());
        CHECK(db.get_doccount() == 2);
        const auto doc = find_doc(db, "hafen.txt");
        REQUIRE(doc.has_value());
        CHECK(has_term(*doc, "schwarzwald"));
        CHECK_FALSE(has_term(*doc, "stadtverwaltung"));
        CHECK(data_of(*doc).at("title") == "Mühle");
        CHECK(db.get_termfreq("stadtverwaltung") == 0);
        CHECK(db.get_termfreq(schema::id_term("hafen.txt")) == 1);
    }
    SUBCASE("within one run, also across languages") {
        SourceDocument first{"same", kGerman, "", "", "", "", "", ""};
        SourceDocument second{"same", kHungarian, "", "", "", "", "", ""};
        const auto summary = index_documents(options, {first, second});
        // Counted as what the index holds: one document, the second record replacing the first.
        CHECK(summary.documents == 1);
        CHECK(summary.repeated == 1);
        Xapian::Database db((dir / "index").string());
        CHECK(db.get_doccount() == 1);
        const auto doc = find_doc(db, "same");
        REQUIRE(doc.has_value());
        CHECK(has_term(*doc, "Lhu"));
        CHECK_FALSE(has_term(*doc, "Lde"));
        CHECK(count_with_prefix(*doc, "Zde:") == 0);
        CHECK(db.get_termfreq("Lde") == 0);
    }
}

TEST_CASE("invalid UTF-8") {
    TempDir dir;
    auto options = options_for(dir);
    const std::string text = kGerman + " \xFF\xFE kaputt";
    const std::size_t bad_offset = kGerman.size() + 1;
    write_file(dir / "corpus" / "bad.txt", text);
    write_file(dir / "corpus" / "good.txt", kEnglish);

    SUBCASE("Skip leaves the document out and names file and byte offset") {
        options.invalid_utf8 = xling::InvalidUtf8Policy::Skip;
        const auto summary = index_path(options, dir / "corpus");
        INFO(describe(summary.notices));
        CHECK(summary.documents == 1);
        CHECK(summary.skipped == 1);
        const Notice* notice = notice_about(summary, "bad.txt");
        REQUIRE(notice != nullptr);
        CHECK(notice->kind == Notice::Kind::Skipped);
        CHECK(contains(notice->where + " " + notice->message, "byte " + std::to_string(bad_offset)));
        CHECK(contains(notice->message, "UTF-8"));
        Xapian::Database db((dir / "index").string());
        CHECK_FALSE(find_doc(db, "bad.txt").has_value());
        CHECK(find_doc(db, "good.txt").has_value());
    }
    SUBCASE("Replace indexes it with U+FFFD and warns") {
        options.invalid_utf8 = xling::InvalidUtf8Policy::Replace;
        const auto summary = index_path(options, dir / "corpus");
        INFO(describe(summary.notices));
        CHECK(summary.documents == 2);
        CHECK(summary.skipped == 0);
        const Notice* notice = notice_about(summary, "bad.txt");
        REQUIRE(notice != nullptr);
        CHECK(notice->kind == Notice::Kind::Warning);
        CHECK(contains(notice->where + " " + notice->message, "byte " + std::to_string(bad_offset)));
        Xapian::Database db((dir / "index").string());
        const auto doc = find_doc(db, "bad.txt");
        REQUIRE(doc.has_value());
        const std::string stored = data_of(*doc).at("text");
        CHECK(contains(stored, "\xEF\xBF\xBD"));
        CHECK_FALSE(contains(stored, "\xFF"));
        CHECK(has_term(*doc, "kaputt"));
        CHECK(has_term(*doc, "Lde"));
    }
    SUBCASE("in a JSONL line: where is file:line") {
        options.invalid_utf8 = xling::InvalidUtf8Policy::Skip;
        write_file(dir / "feed.jsonl", json_line({{"id", "ok"}, {"text", kEnglish}}) +
                                           "{\"id\": \"bad\", \"text\": \"caf\xE9 au lait\"}\n" +
                                           json_line({{"id", "ok2"}, {"text", kGerman}}));
        const auto summary = index_path(options, dir / "feed.jsonl");
        INFO(describe(summary.notices));
        CHECK(summary.documents == 2);
        REQUIRE(summary.notices.size() == 1);
        CHECK(contains(summary.notices[0].where, "feed.jsonl:2"));
        CHECK(contains(summary.notices[0].message, "byte 26"));
    }
}

TEST_CASE("binary, empty and blank files are skipped") {
    TempDir dir;
    write_file(dir / "corpus" / "binary.txt", std::string("Hafen\0\x01\x02 data", 14));
    write_file(dir / "corpus" / "empty.txt", "");
    write_file(dir / "corpus" / "blank.md", "  \n\n\t\n");
    write_file(dir / "corpus" / "empty.jsonl", "");
    write_file(dir / "corpus" / "good.txt", kEnglish);
    const auto summary = index_path(options_for(dir), dir / "corpus");
    INFO(describe(summary.notices));
    CHECK(summary.documents == 1);
    CHECK(summary.skipped == 3);

    const Notice* binary = notice_about(summary, "binary.txt");
    REQUIRE(binary != nullptr);
    CHECK(binary->kind == Notice::Kind::Skipped);
    CHECK(contains(binary->message, "binary"));
    const Notice* empty = notice_about(summary, "empty.txt");
    REQUIRE(empty != nullptr);
    CHECK(empty->kind == Notice::Kind::Skipped);
    CHECK(contains(empty->message, "empty"));
    const Notice* blank = notice_about(summary, "blank.md");
    REQUIRE(blank != nullptr);
    CHECK(blank->kind == Notice::Kind::Skipped);
    CHECK(contains(blank->message, "empty"));

    Xapian::Database db((dir / "index").string());
    CHECK(db.get_doccount() == 1);
    CHECK_FALSE(find_doc(db, "binary.txt").has_value());
}

TEST_CASE("a broken JSON line is skipped with file:line, the other lines are indexed") {
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    write_file(feed, json_line({{"id", "l1"}, {"text", kEnglish}}) + "{\"id\": \"l2\", \"text\": }\n" +
                         "\n" +  // blank lines are not records
                         json_line({{"id", "l4"}, {"text", kGerman}}));
    const auto summary = index_path(options_for(dir), feed);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 2);
    CHECK(summary.skipped == 1);
    REQUIRE(summary.notices.size() == 1);
    CHECK(summary.notices[0].kind == Notice::Kind::Skipped);
    CHECK(summary.notices[0].where == feed.string() + ":2");
    CHECK(contains(summary.notices[0].message, "parse error"));
    Xapian::Database db((dir / "index").string());
    CHECK(find_doc(db, "l1").has_value());
    CHECK(find_doc(db, "l4").has_value());
    CHECK(db.get_doccount() == 2);
}

TEST_CASE("a JSONL record without text is skipped, naming the field") {
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    write_file(feed, json_line({{"id", "no-text"}, {"title", "Nothing here"}}) +
                         json_line({{"id", "with-text"}, {"text", kEnglish}}));
    const auto summary = index_path(options_for(dir), feed);
    CHECK(summary.documents == 1);
    REQUIRE(summary.notices.size() == 1);
    CHECK(summary.notices[0].kind == Notice::Kind::Skipped);
    CHECK(summary.notices[0].where == feed.string() + ":1");
    CHECK(contains(summary.notices[0].message, "\"text\""));
}

TEST_CASE("languages") {
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    SUBCASE("an unsupported explicit lang is indexed as und with a warning") {
        write_file(feed, json_line({{"id", "cs"}, {"lang", "cs"}, {"text", kCzech}}));
        const auto summary = index_path(options_for(dir), feed);
        CHECK(summary.documents == 1);
        CHECK(summary.per_language == std::map<std::string, std::size_t>{{"und", 1}});
        REQUIRE(summary.notices.size() == 1);
        CHECK(summary.notices[0].kind == Notice::Kind::Warning);
        CHECK(contains(summary.notices[0].message, "cs"));
        Xapian::Database db((dir / "index").string());
        const auto doc = find_doc(db, "cs");
        REQUIRE(doc.has_value());
        CHECK(has_term(*doc, "Lund"));
        CHECK(has_term(*doc, "Zund:projekt"));
        CHECK(doc->get_value(schema::kLanguageSlot) == "und");
    }
    SUBCASE("undetected text (Czech, no lang) is und with a warning") {
        write_file(feed, json_line({{"id", "cs"}, {"text", kCzech}}));
        const auto summary = index_path(options_for(dir), feed);
        CHECK(summary.per_language == std::map<std::string, std::size_t>{{"und", 1}});
        CHECK(summary.warnings == 1);
    }
    SUBCASE("an explicit lang overrides detection") {
        write_file(feed, json_line({{"id", "de-as-hu"}, {"lang", "hu"}, {"text", kGerman}}) +
                             json_line({{"id", "upper"}, {"lang", "DE"}, {"text", kGerman2}}));
        const auto summary = index_path(options_for(dir), feed);
        INFO(describe(summary.notices));
        CHECK(summary.notices.empty());
        CHECK(summary.per_language == std::map<std::string, std::size_t>{{"hu", 1}, {"de", 1}});
        Xapian::Database db((dir / "index").string());
        const auto doc = find_doc(db, "de-as-hu");
        REQUIRE(doc.has_value());
        CHECK(has_term(*doc, "Lhu"));
        CHECK_FALSE(has_term(*doc, "Lde"));
        CHECK(count_with_prefix(*doc, "Zhu:") > 5);
        CHECK(count_with_prefix(*doc, "Zde:") == 0);
        const auto upper = find_doc(db, "upper");
        REQUIRE(upper.has_value());
        CHECK(has_term(*upper, "Lde"));
    }
    SUBCASE("detection uses the text") {
        write_file(feed, json_line({{"id", "lt"}, {"text", kLithuanian}}) +
                             json_line({{"id", "ru"}, {"text", kRussian}}) +
                             json_line({{"id", "hu"}, {"text", kHungarian}}));
        const auto summary = index_path(options_for(dir), feed);
        CHECK(summary.per_language == std::map<std::string, std::size_t>{{"lt", 1}, {"ru", 1}, {"hu", 1}});
        CHECK(summary.notices.empty());
    }
}

TEST_CASE("dates") {
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    write_file(feed, json_line({{"id", "good"}, {"date", "2025-01-16T08:30:00Z"}, {"text", kEnglish}}) +
                         json_line({{"id", "bad"}, {"date", "16.01.2025"}, {"text", kGerman}}) +
                         json_line({{"id", "none"}, {"text", kHungarian}}));
    const auto summary = index_path(options_for(dir), feed);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 3);
    REQUIRE(summary.notices.size() == 1);
    CHECK(summary.notices[0].kind == Notice::Kind::Warning);
    CHECK(summary.notices[0].where == feed.string() + ":2");
    CHECK(contains(summary.notices[0].message, "16.01.2025"));

    Xapian::Database db((dir / "index").string());
    const auto good = find_doc(db, "good");
    REQUIRE(good.has_value());
    CHECK(good->get_value(schema::kDateSlot) == "20250116");
    CHECK(good->get_value(schema::kMonthSlot) == "2025-01");
    CHECK(data_of(*good).at("date") == "2025-01-16");
    const auto bad = find_doc(db, "bad");
    REQUIRE(bad.has_value());
    CHECK(bad->get_value(schema::kDateSlot).empty());
    CHECK(bad->get_value(schema::kMonthSlot).empty());
    CHECK_FALSE(data_of(*bad).contains("date"));
    const auto none = find_doc(db, "none");
    REQUIRE(none.has_value());
    CHECK(none->get_value(schema::kDateSlot).empty());
}

TEST_CASE("a second writer on an open index gets IndexLockedError") {
    TempDir dir;
    const auto options = options_for(dir);
    {
        Indexer first(options);
        CHECK_THROWS_AS(Indexer{options}, xling::IndexLockedError);
        try {
            Indexer second(options);
        } catch (const xling::IndexLockedError& e) {
            CHECK(contains(e.what(), (dir / "index").string()));
        }
        (void)first.finish();
    }
    // Once the first writer is gone, the lock is free again.
    CHECK_NOTHROW(Indexer{options});
}

TEST_CASE("stop_requested") {
    TempDir dir;
    auto options = options_for(dir);
    std::atomic<bool> stop{false};
    options.stop_requested = &stop;
    write_file(dir / "corpus" / "a.txt", kEnglish);
    write_file(dir / "corpus" / "b.unsupported", "x");
    write_file(dir / "corpus" / "c.txt", kGerman);

    SUBCASE("set before add_path: nothing is indexed") {
        stop = true;
        Indexer indexer(options);
        indexer.add_path(dir / "corpus");
        indexer.add_path(dir / "corpus" / "a.txt");
        CHECK_FALSE(indexer.add_document(SourceDocument{"x", kEnglish, "", "", "", "", "", ""}));
        const auto summary = indexer.finish();
        CHECK(summary.interrupted);
        CHECK(summary.documents == 0);
        Xapian::Database db((dir / "index").string());
        CHECK(db.get_doccount() == 0);
    }
    SUBCASE("set during a run: what was indexed is committed, the rest is left out") {
        Indexer indexer(options);
        indexer.on_notice([&](const Notice&) { stop = true; });  // the notice about b.unsupported
        indexer.add_path(dir / "corpus");
        const auto summary = indexer.finish();
        CHECK(summary.interrupted);
        CHECK(summary.documents == 1);
        Xapian::Database db((dir / "index").string());
        CHECK(db.get_doccount() == 1);
        CHECK(find_doc(db, "a.txt").has_value());
        CHECK_FALSE(find_doc(db, "c.txt").has_value());
    }
}

TEST_CASE("batches are committed and visible to a reader while the indexer is open") {
    TempDir dir;
    auto options = options_for(dir);
    options.batch_documents = 2;
    std::string lines;
    for (int i = 1; i <= 5; ++i) lines += json_line({{"id", "doc-" + std::to_string(i)}, {"text", kEnglish}});
    write_file(dir / "feed.jsonl", lines);

    Indexer indexer(options);
    indexer.add_path(dir / "feed.jsonl");
    Xapian::Database reader((dir / "index").string());
    CHECK(reader.get_doccount() == 4);  // two batches of 2 committed, the 5th pending
    CHECK(find_doc(reader, "doc-4").has_value());
    CHECK_FALSE(find_doc(reader, "doc-5").has_value());

    const auto summary = indexer.finish();
    CHECK(summary.documents == 5);
    CHECK(summary.commits >= 3);
    reader.reopen();
    CHECK(reader.get_doccount() == 5);
}

TEST_CASE("memory_bytes commits on estimated memory") {
    TempDir dir;
    auto options = options_for(dir);
    options.memory_bytes = 1;  // every document fills the memory budget
    const auto summary = index_documents(options, {{"a", kEnglish, "", "", "", "", "", ""},
                                                   {"b", kGerman, "", "", "", "", "", ""},
                                                   {"c", kHungarian, "", "", "", "", "", ""}});
    CHECK(summary.documents == 3);
    CHECK(summary.commits == 3);
}

TEST_CASE("add_document") {
    TempDir dir;
    Indexer indexer(options_for(dir));
    std::vector<Notice> seen;
    indexer.on_notice([&](const Notice& n) { seen.push_back(n); });

    SourceDocument doc;
    doc.id = "direct";
    doc.text = kLithuanian;
    doc.title = "Vilniaus autobusai";
    doc.source = "Example Wire";
    CHECK(indexer.add_document(doc));

    CHECK_FALSE(indexer.add_document(SourceDocument{"", kEnglish, "", "", "", "", "", "origin-a"}));
    CHECK_FALSE(indexer.add_document(SourceDocument{std::string(300, 'x'), kEnglish, "", "", "", "", "", ""}));
    CHECK_FALSE(indexer.add_document(SourceDocument{"blank", " \n\t ", "", "", "", "", "", ""}));
    CHECK_FALSE(indexer.add_document(SourceDocument{"bad-title", kEnglish, "ti\xC3tle", "", "", "", "", ""}));

    const auto summary = indexer.finish();
    CHECK(summary.documents == 1);
    CHECK(summary.skipped == 4);
    CHECK(summary.per_language == std::map<std::string, std::size_t>{{"lt", 1}});
    REQUIRE(seen.size() == summary.notices.size());
    REQUIRE(seen.size() == 4);
    CHECK(seen[0].where == "origin-a");
    CHECK(contains(seen[0].message, "id"));
    CHECK(contains(seen[1].message, "240"));
    CHECK(seen[2].where == "blank");
    CHECK(contains(seen[3].message, "UTF-8"));

    Xapian::Database db((dir / "index").string());
    const auto stored = find_doc(db, "direct");
    REQUIRE(stored.has_value());
    CHECK(count_with_prefix(*stored, schema::kSourcePrefix) == 1);
    CHECK(stored->get_value(schema::kSourceSlot) == "Example Wire");
    CHECK(has_term(*stored, "Svilniaus"));
}

// A parallel run writes shards that are merged with the live index: a stored document written
// again must go at the merge however the run met its id, or the index holds two with one id.
TEST_CASE("with several threads a stored document written again is replaced, never duplicated") {
    TempDir dir;
    IndexOptions options = options_for(dir);
    const auto count_of = [&](const std::string& id) {
        const Xapian::Database db((dir / "index").string());
        return db.get_termfreq(schema::id_term(id));
    };

    SUBCASE("add_document of an id the index holds") {
        (void)index_documents(options, {SourceDocument{"api", kGerman, "", "", "", "", "", ""}});
        options.threads = 2;
        const auto summary = index_documents(options, {SourceDocument{"api", kHungarian, "", "", "", "", "", ""}});
        CHECK(summary.switched);
        CHECK(count_of("api") == 1);
        const Xapian::Database db((dir / "index").string());
        CHECK(db.get_doccount() == 1);
        CHECK(data_of(*find_doc(db, "api"))["lang"] == "hu");
    }

    SUBCASE("a file given twice after its mtime changed: judged unchanged, then read again") {
        const fs::path feed = dir / "feed.jsonl";
        write_file(feed, json_line({{"id", "a"}, {"text", kGerman}}) + json_line({{"id", "b"}, {"text", kEnglish}}));
        (void)index_path(options, feed);
        fs::last_write_time(feed, fs::last_write_time(feed) + std::chrono::seconds(5));
        options.threads = 2;
        Indexer indexer(options);
        indexer.add_path(feed);
        indexer.add_path(feed);
        (void)indexer.finish();
        CHECK(count_of("a") == 1);
        CHECK(count_of("b") == 1);
        CHECK(Xapian::Database((dir / "index").string()).get_doccount() == 2);
    }

    SUBCASE("add_document, then a file with the same id read again: the file's version, as with one thread") {
        const fs::path file = dir / "same.txt";
        write_file(file, kEnglish);
        (void)index_path(options, file);
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(5));
        options.threads = 2;
        Indexer indexer(options);
        CHECK(indexer.add_document(SourceDocument{file.string(), kHungarian, "", "", "", "", "", ""}));
        indexer.add_path(file);
        const auto summary = indexer.finish();
        CHECK(summary.documents == 1);
        CHECK(summary.repeated == 1);
        CHECK(count_of(file.string()) == 1);
        const Xapian::Database db((dir / "index").string());
        CHECK(db.get_doccount() == 1);
        CHECK(data_of(*find_doc(db, file.string()))["lang"] == "en");
    }
}

TEST_CASE("progress is reported") {
    TempDir dir;
    write_mixed_corpus(dir / "corpus");
    Indexer indexer(options_for(dir));
    std::vector<xling::IndexProgress> reports;
    indexer.on_progress([&](const xling::IndexProgress& p) { reports.push_back(p); });
    indexer.add_path(dir / "corpus");
    const auto summary = indexer.finish();
    REQUIRE_FALSE(reports.empty());
    CHECK(reports.back().documents == summary.documents);
    CHECK(reports.back().bytes == summary.bytes);
    CHECK(summary.elapsed_seconds >= 0);
}

TEST_CASE("a missing path throws InputError") {
    TempDir dir;
    Indexer indexer(options_for(dir));
    CHECK_THROWS_AS(indexer.add_path(dir / "does-not-exist"), xling::InputError);
    CHECK_THROWS_AS(indexer.add_path(dir / "nope.jsonl"), xling::InputError);
    CHECK(indexer.finish().documents == 0);
}

TEST_CASE("unsupported files become Skipped notices") {
    TempDir dir;
    write_file(dir / "corpus" / "notes.pdf", "%PDF-1.4");
    write_file(dir / "corpus" / "data.gz", "not really");
    write_file(dir / "corpus" / "README", kEnglish);
    write_file(dir / "corpus" / "ok.txt", kEnglish);
    const auto summary = index_path(options_for(dir), dir / "corpus");
    INFO(describe(summary.notices));
    CHECK(summary.documents == 1);
    CHECK(summary.skipped == 3);
    for (const char* name : {"notes.pdf", "data.gz", "README"}) {
        CAPTURE(name);
        const Notice* notice = notice_about(summary, name);
        REQUIRE(notice != nullptr);
        CHECK(notice->kind == Notice::Kind::Skipped);
    }
    SUBCASE("also when given directly") {
        Indexer indexer(options_for(dir));
        indexer.add_path(dir / "corpus" / "notes.pdf");
        const auto direct = indexer.finish();
        CHECK(direct.skipped == 1);
        CHECK(direct.documents == 0);
    }
}

TEST_CASE("a corrupt compressed file is skipped, the rest of the folder is indexed") {
    TempDir dir;
    write_file(dir / "corpus" / "a.jsonl.zst", "definitely not zstd");
    write_file(dir / "corpus" / "b.txt", kEnglish);
    const auto summary = index_path(options_for(dir), dir / "corpus");
    INFO(describe(summary.notices));
    CHECK(summary.documents == 1);
    CHECK(summary.skipped == 1);
    const Notice* notice = notice_about(summary, "a.jsonl.zst");
    REQUIRE(notice != nullptr);
    CHECK(notice->kind == Notice::Kind::Skipped);
    CHECK(contains(notice->message, "zstd"));
}

TEST_CASE("an index of another schema version is refused") {
    TempDir dir;
    {
        Xapian::WritableDatabase db((dir / "index").string(), Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(std::string(schema::kSchemaVersionKey), "999");
        db.commit();
    }
    try {
        Indexer indexer(options_for(dir));
        FAIL("expected IndexError");
    } catch (const xling::IndexLockedError&) {
        FAIL("expected a plain IndexError, not IndexLockedError");
    } catch (const xling::IndexError& e) {
        CHECK(contains(e.what(), "999"));
    }
    Xapian::Database db((dir / "index").string());
    CHECK(db.get_metadata(std::string(schema::kSchemaVersionKey)) == "999");
}

TEST_CASE("an existing index of this schema is reopened and extended") {
    TempDir dir;
    CHECK(index_documents(options_for(dir), {{"one", kEnglish, "", "", "", "", "", ""}}).documents == 1);
    CHECK(index_documents(options_for(dir), {{"two", kGerman, "", "", "", "", "", ""}}).documents == 1);
    Xapian::Database db((dir / "index").string());
    CHECK(db.get_doccount() == 2);
}

TEST_CASE("a database path that cannot be created is an IndexError") {
    TempDir dir;
    write_file(dir / "file", "a regular file");
    IndexOptions options = options_for(dir);
    options.database = dir / "file" / "index";
    CHECK_THROWS_AS(Indexer{options}, xling::IndexError);
}

TEST_CASE("missing stopword data is a ConfigError, and an indexer without resources creates no index") {
    TempDir dir;
    fs::create_directories(dir / "no-data");
    CHECK_THROWS_AS((void)xling::Resources::load(dir / "no-data"), xling::ConfigError);
    auto options = options_for(dir);
    options.resources = nullptr;
    CHECK_THROWS_AS(Indexer{options}, xling::ConfigError);
    CHECK_FALSE(fs::exists(dir / "index"));
}

TEST_CASE("a first line longer than the title limit is not cut inside a UTF-8 character") {
    // The title is the first line cut to 300 bytes; here byte 300 falls inside "ü".
    TempDir dir;
    std::string first_line(299, 'a');
    first_line += "ü und noch mehr Worte in der ersten Zeile";
    write_file(dir / "long.txt", first_line + "\n\n" + kGerman);
    const auto summary = index_path(options_for(dir), dir / "long.txt");
    INFO(describe(summary.notices));
    CHECK(summary.documents == 1);
    CHECK(summary.notices.empty());
}

TEST_CASE("a long source name is a notice, not a failure of the whole run") {
    // H<source> is a boolean term; Xapian refuses terms over 245 bytes.
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    write_file(feed, json_line({{"id", "long-source"}, {"source", std::string(300, 's')}, {"text", kEnglish}}) +
                         json_line({{"id", "after"}, {"text", kGerman}}));
    IndexSummary summary;
    Indexer indexer(options_for(dir));
    CHECK_NOTHROW(indexer.add_path(feed));
    summary = indexer.finish();
    CHECK(summary.documents >= 1);
    Xapian::Database db((dir / "index").string());
    CHECK(find_doc(db, "after").has_value());
}

TEST_CASE("a JSONL number no double can hold skips its line only") {
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    write_file(feed, json_line({{"id", "l1"}, {"text", kEnglish}}) + R"({"id": "l2", "text": "b", "x": 1e400})" +
                         "\n" + json_line({{"id", "l3"}, {"text", kGerman}}));
    const auto summary = index_path(options_for(dir), feed);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 2);
    REQUIRE(summary.notices.size() == 1);
    CHECK(summary.notices[0].where == feed.string() + ":2");
    CHECK(contains(summary.notices[0].message, "number overflow parsing '1e400'"));
}

TEST_CASE("max_record_bytes: a longer JSONL line or text file is skipped, the rest is indexed") {
    TempDir dir;
    write_file(dir / "in" / "feed.jsonl", json_line({{"id", "before"}, {"text", kEnglish}}) +
                                              json_line({{"id", "huge"}, {"text", std::string(5000, 'x')}}) +
                                              json_line({{"id", "after"}, {"text", kGerman}}));
    write_file(dir / "in" / "big.txt", std::string(5000, 'y'));
    write_file(dir / "in" / "small.txt", kRussian);
    auto options = options_for(dir);
    options.max_record_bytes = 2000;
    const auto summary = index_path(options, dir / "in");
    INFO(describe(summary.notices));
    CHECK(summary.documents == 3);
    REQUIRE(summary.notices.size() == 2);
    CHECK(summary.notices[0].where == (dir / "in" / "big.txt").string());
    CHECK(summary.notices[0].message == "file larger than 2000 bytes");
    CHECK(summary.notices[1].where == (dir / "in" / "feed.jsonl").string() + ":2");
    CHECK(summary.notices[1].message == "record larger than 2000 bytes");
}

TEST_CASE("symlinks inside a folder are skipped unless follow_symlinks, and never followed in a loop") {
    TempDir dir;
    const auto in = dir / "in";
    write_file(in / "a.txt", kEnglish);
    write_file(dir / "outside" / "secret.txt", kGerman);
    fs::create_symlink(dir / "outside" / "secret.txt", in / "out.txt");
    fs::create_symlink("lb.txt", in / "la.txt");  // a loop of two file links
    fs::create_symlink("la.txt", in / "lb.txt");
    fs::create_symlink("missing.txt", in / "broken.txt");
    fs::create_directories(in / "sub");
    write_file(in / "sub" / "b.txt", kFrench);
    fs::create_directory_symlink("..", in / "sub" / "up");  // a folder loop
    fs::create_directory_symlink(dir / "outside", in / "ext");

    SUBCASE("not followed by default: each link is a skipped notice") {
        const auto summary = index_path(options_for(dir), in);
        INFO(describe(summary.notices));
        CHECK(summary.documents == 2);  // a.txt, sub/b.txt
        for (const char* link : {"out.txt", "la.txt", "lb.txt", "broken.txt", "up", "ext"}) {
            CAPTURE(link);
            const Notice* n = notice_about(summary, std::string("/") + link);
            REQUIRE(n != nullptr);
            CHECK(n->kind == Notice::Kind::Skipped);
            CHECK(contains(n->message, "symbolic link, not followed"));
        }
        Xapian::Database db((dir / "index").string());
        CHECK_FALSE(find_doc(db, "out.txt").has_value());
    }
    SUBCASE("followed with follow_symlinks; loops and broken links are notices") {
        auto options = options_for(dir);
        options.follow_symlinks = true;
        const auto summary = index_path(options, in);
        INFO(describe(summary.notices));
        Xapian::Database db((dir / "index").string());
        for (const char* id : {"a.txt", "out.txt", "sub/b.txt", "ext/secret.txt"}) {
            CAPTURE(id);
            CHECK(find_doc(db, id).has_value());
        }
        CHECK(summary.documents == 4);
        CHECK(contains(notice_about(summary, "/la.txt")->message, "broken symbolic link"));
        CHECK(contains(notice_about(summary, "/broken.txt")->message, "broken symbolic link"));
        CHECK(contains(notice_about(summary, "/up")->message, "already read"));
    }
    SUBCASE("a symlink given as the path itself is followed") {
        fs::create_directory_symlink(in, dir / "link-to-in");
        const auto summary = index_path(options_for(dir), dir / "link-to-in");
        CHECK(summary.documents == 2);
        const auto file = index_path(options_for(dir), in / "out.txt");
        CHECK(file.documents == 1);
    }
}

TEST_CASE("a FIFO in a folder is skipped with a notice; one given as the path is refused") {
    TempDir dir;
    write_file(dir / "in" / "a.txt", kEnglish);
    REQUIRE(::mkfifo((dir / "in" / "pipe.jsonl").c_str(), 0600) == 0);
    const auto summary = index_path(options_for(dir), dir / "in");
    INFO(describe(summary.notices));
    CHECK(summary.documents == 1);
    const Notice* n = notice_about(summary, "pipe.jsonl");
    REQUIRE(n != nullptr);
    CHECK(n->message == "not a regular file (FIFO)");
    Indexer indexer(options_for(dir));
    CHECK_THROWS_AS(indexer.add_path(dir / "in" / "pipe.jsonl"), xling::InputError);
}

TEST_CASE("an unreadable sub-folder is listed as skipped, with the reason") {
    if (::geteuid() == 0) {
        MESSAGE("running as root, which reads any folder: see the e2e test, which runs as nobody");
        return;
    }
    TempDir dir;
    write_file(dir / "in" / "a.txt", kEnglish);
    write_file(dir / "in" / "closed" / "b.txt", kGerman);
    fs::permissions(dir / "in" / "closed", fs::perms::none);
    const auto summary = index_path(options_for(dir), dir / "in");
    fs::permissions(dir / "in" / "closed", fs::perms::owner_all);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 1);
    const Notice* n = notice_about(summary, "closed");
    REQUIRE(n != nullptr);
    CHECK(n->kind == Notice::Kind::Skipped);
    CHECK(n->message == "cannot read folder: Permission denied");
}

}  // TEST_SUITE

TEST_CASE("a record repeating an id of the same run replaces it and is counted once") {
    for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
        for (const bool rebuild : {false, true}) {
            CAPTURE(threads);
            CAPTURE(rebuild);
            TempDir dir;
            const auto feed = dir / "feed.jsonl";
            write_file(feed, json_line({{"id", "a"}, {"lang", "en"}, {"text", kEnglish}}) +
                                 json_line({{"id", "b"}, {"lang", "de"}, {"text", kGerman}}) +
                                 json_line({{"id", "a"}, {"lang", "de"}, {"text", kGerman2}}) +
                                 json_line({{"id", "c"}, {"lang", "hu"}, {"text", kHungarian}}) +
                                 json_line({{"id", "a"}, {"lang", "de"}, {"text", kGerman2}}));
            auto options = options_for(dir);
            options.threads = threads;
            options.rebuild = rebuild;
            const IndexSummary summary = index_path(options, feed);
            INFO(describe(summary.notices));
            const Xapian::Database db((dir / "index").string());
            CHECK(db.get_doccount() == 3);
            CHECK(summary.documents == 3);
            CHECK(summary.repeated == 2);
            CHECK(summary.unchanged == 0);
            const Notice* third = notice_about(summary, "feed.jsonl:3");
            REQUIRE(third != nullptr);
            CHECK(third->kind == Notice::Kind::Warning);
            CHECK(contains(third->message, "'a' repeats an earlier record"));
            // The last version is the one kept.
            const auto a = find_doc(db, "a");
            REQUIRE(a.has_value());
            CHECK(has_term(*a, "mühle"));
            CHECK_FALSE(has_term(*a, "leeds"));
        }
    }
}

TEST_CASE("a repeated id in a re-read file is not mistaken for an unchanged record") {
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    write_file(feed, json_line({{"id", "a"}, {"text", kEnglish}}) + json_line({{"id", "b"}, {"text", kGerman}}));
    (void)index_path(options_for(dir), feed);
    // The same first record again, then a second "a": the run ends with the second version.
    write_file(feed, json_line({{"id", "a"}, {"text", kEnglish}}) + json_line({{"id", "b"}, {"text", kGerman}}) +
                         json_line({{"id", "a"}, {"text", kGerman2}}));
    const IndexSummary summary = index_path(options_for(dir), feed);
    INFO(describe(summary.notices));
    const Xapian::Database db((dir / "index").string());
    CHECK(db.get_doccount() == 2);
    CHECK(summary.unchanged == 2);
    CHECK(summary.repeated == 1);
    CHECK(summary.documents == 0);  // its one write replaced a document counted unchanged
    CHECK(summary.documents + summary.unchanged == db.get_doccount());
    const auto a = find_doc(db, "a");
    REQUIRE(a.has_value());
    CHECK(has_term(*a, "mühle"));
}

namespace {
// Three documents (en, de, hu) as JSONL: a build of them with --batch-size 1 commits 3 batches.
std::string three_languages_feed() {
    return json_line({{"id", "a"}, {"lang", "en"}, {"text", kEnglish}}) +
           json_line({{"id", "b"}, {"lang", "de"}, {"text", kGerman}}) +
           json_line({{"id", "c"}, {"lang", "hu"}, {"text", kHungarian}});
}
}  // namespace

TEST_CASE("a one-thread rebuild committed in several batches is compacted before the switch") {
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    write_file(feed, three_languages_feed());
    auto options = options_for(dir);
    options.rebuild = true;
    options.batch_documents = 1;
    const IndexSummary summary = index_path(options, feed);
    INFO(describe(summary.notices));
    CHECK(summary.commits >= 3);
    CHECK(summary.switched);
    {
        const Xapian::Database db((dir / "index").string());
        CHECK(db.get_doccount() == 3);
        CHECK(db.get_termfreq("leeds") == 1);
        CHECK(find_doc(db, "c").has_value());
    }
    // The compacted generation is an ordinary writable index: the next run extends it.
    write_file(dir / "more.txt", kLithuanian);
    options.rebuild = false;
    CHECK(index_path(options, dir / "more.txt").documents == 1);
    CHECK(Xapian::Database((dir / "index").string()).get_doccount() == 4);
}

// Xapian's commits leave B-tree blocks half full even once (docs/indexing-performance.md): a
// rebuild of a single batch is compacted too. The compactor writes its output as revision 1;
// the generation as committed is at revision 2 or more (the schema version, then the batch).
TEST_CASE("a one-thread rebuild of a single batch is compacted before the switch") {
    TempDir dir;
    const auto feed = dir / "feed.jsonl";
    write_file(feed, three_languages_feed());
    auto options = options_for(dir);
    options.rebuild = true;
    const IndexSummary summary = index_path(options, feed);
    CHECK(summary.commits == 1);
    CHECK(summary.switched);
    const Xapian::Database db((dir / "index").string());
    CHECK(db.get_revision() == 1);
    CHECK(db.get_doccount() == 3);
    CHECK(db.get_termfreq("leeds") == 1);
}
