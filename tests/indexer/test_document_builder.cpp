// DocumentBuilder: SourceDocument -> Xapian::Document laid out as xling/schema.hpp says.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "support/test_resources.hpp"
#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/stored_record.hpp"
#include "searcher/stored_fields.hpp"
#include "support/test_support.hpp"
#include "xling/schema.hpp"

using xling::SourceDocument;
using xling::indexer::DocumentBuilder;

namespace {
// Value slots of stored fields (the text blocks are counted apart).
std::size_t field_values(const Xapian::Document& doc) {
    std::size_t n = 0;
    for (auto it = doc.values_begin(); it != doc.values_end(); ++it) n += it.get_valueno() < xling::schema::kTextBlockSlot ? 1 : 0;
    return n;
}
}  // namespace
namespace schema = xling::schema;

namespace {

std::shared_ptr<const xling::analysis::AnalysisData> analysis_data() {
    static const auto data = xling::analysis::AnalysisData::load(xling::test::kDataDir);
    return data;
}

struct TermInfo {
    Xapian::termcount wdf = 0;
    std::vector<Xapian::termpos> positions;
};

std::map<std::string, TermInfo> terms_of(const Xapian::Document& doc) {
    std::map<std::string, TermInfo> terms;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        TermInfo info;
        info.wdf = it.get_wdf();
        for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) info.positions.push_back(*pos);
        terms.emplace(*it, std::move(info));
    }
    return terms;
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// 37 German words; "die" (stopword) at positions 1, 24, 27 and 34; "Hafen" at 10 and 37.
const char* const kGermanText =
    "Die Stadtverwaltung von Hamburg hat am Montag beschlossen, den Hafen zu modernisieren. "
    "Nach Angaben des Bürgermeisters sollen neue Kräne und Schienen gebaut werden. "
    "Die Gewerkschaften begrüßten die Pläne und forderten sichere Arbeitsplätze für die Beschäftigten im Hafen.";

const char* const kHungarianText =
    "A debreceni egyetem kutatói új módszert fejlesztettek ki a búza betegségeinek korai felismerésére. "
    "A kutatók szerint a műholdas felvételek és a mesterséges intelligencia segítségével a gazdák "
    "hetekkel korábban értesülhetnek a fertőzésről.";

SourceDocument german_doc() {
    SourceDocument doc;
    doc.id = "de/hafen.txt";
    doc.title = "Hamburg modernisiert den Hafen";
    doc.text = kGermanText;
    doc.url = "https://example.org/hafen";
    doc.source = "Hamburger Tageblatt";
    return doc;
}

SourceDocument hungarian_doc() {
    SourceDocument doc;
    doc.id = "hu-42";
    doc.title = "Új módszer a búza betegségei ellen";
    doc.text = kHungarianText;
    return doc;
}

}  // namespace

TEST_SUITE("document_builder") {

TEST_CASE("German document: positional word terms") {
    DocumentBuilder builder(analysis_data());
    const auto xdoc = builder.build(german_doc(), "de", std::string("20241129"));
    const auto terms = terms_of(xdoc);

    REQUIRE(terms.count("die") == 1);
    CHECK(terms.at("die").positions == std::vector<Xapian::termpos>{1, 24, 27, 34});
    CHECK(terms.at("die").wdf == 4);
    REQUIRE(terms.count("stadtverwaltung") == 1);
    CHECK(terms.at("stadtverwaltung").positions == std::vector<Xapian::termpos>{2});
    REQUIRE(terms.count("hamburg") == 1);
    CHECK(terms.at("hamburg").positions == std::vector<Xapian::termpos>{4});
    REQUIRE(terms.count("hafen") == 1);
    CHECK(terms.at("hafen").positions == std::vector<Xapian::termpos>{10, 37});
    // Words are NFKC-casefolded: "Bürgermeisters" keeps its umlaut, "begrüßten" folds ß to ss.
    CHECK(terms.count("bürgermeisters") == 1);
    CHECK(terms.count("begrüssten") == 1);
    CHECK(terms.count("Hamburg") == 0);

    // The last position equals the number of words: every word got exactly one position.
    Xapian::termpos last = 0;
    std::size_t positional = 0;
    for (const auto& [term, info] : terms) {
        if (info.positions.empty()) continue;
        CHECK_FALSE(starts_with(term, "Z"));
        positional += info.positions.size();
        last = std::max(last, info.positions.back());
    }
    CHECK(positional == last);
    CHECK(last == 37);
}

TEST_CASE("German document: stem terms only in German, none for stopwords") {
    DocumentBuilder builder(analysis_data());
    xling::analysis::Analyzer analyzer(analysis_data());
    const auto xdoc = builder.build(german_doc(), "de", std::nullopt);
    const auto terms = terms_of(xdoc);

    for (const char* word : {"stadtverwaltung", "hamburg", "bürgermeisters", "gewerkschaften", "arbeitsplätze"}) {
        CAPTURE(word);
        const std::string stem = analyzer.stem("de", word);
        REQUIRE_FALSE(stem.empty());
        const std::string term = schema::stem_term("de", stem);
        REQUIRE(terms.count(term) == 1);
        CHECK(terms.at(term).positions.empty());
    }
    // A known Snowball result, so the check above cannot pass with identity "stems".
    CHECK(terms.count("Zde:gewerkschaft") == 1);
    // wdf of a stem term counts every occurrence: "Hafen" appears twice.
    CHECK(terms.at(schema::stem_term("de", analyzer.stem("de", "hafen"))).wdf == 2);

    // Stopwords have their positional term but no stem term.
    for (const char* stopword : {"die", "und", "den", "zu", "für"}) {
        CAPTURE(stopword);
        CHECK(terms.count(stopword) == 1);
        CHECK(terms.count(schema::stem_term("de", stopword)) == 0);
        CHECK(analyzer.is_stopword("de", stopword));
    }

    // Every stem term is German.
    std::size_t stems = 0;
    for (const auto& [term, info] : terms) {
        if (!starts_with(term, schema::kStemPrefix)) continue;
        ++stems;
        CHECK(starts_with(term, "Zde:"));
    }
    CHECK(stems > 10);
}

TEST_CASE("Hungarian document: Zhu stems, Hungarian stopwords") {
    DocumentBuilder builder(analysis_data());
    xling::analysis::Analyzer analyzer(analysis_data());
    const auto xdoc = builder.build(hungarian_doc(), "hu", std::nullopt);
    const auto terms = terms_of(xdoc);

    REQUIRE(terms.count("a") == 1);
    CHECK(terms.at("a").positions.front() == 1);
    CHECK(terms.count("Zhu:a") == 0);
    CHECK(terms.count("és") == 1);
    CHECK(terms.count("Zhu:és") == 0);
    REQUIRE(terms.count("debreceni") == 1);
    CHECK(terms.at("debreceni").positions == std::vector<Xapian::termpos>{2});

    for (const char* word : {"debreceni", "egyetem", "kutatói", "betegségeinek", "fertőzésről"}) {
        CAPTURE(word);
        const std::string term = schema::stem_term("hu", analyzer.stem("hu", word));
        REQUIRE(terms.count(term) == 1);
        CHECK(terms.at(term).positions.empty());
    }
    for (const auto& [term, info] : terms) {
        if (starts_with(term, schema::kStemPrefix)) CHECK(starts_with(term, "Zhu:"));
        CHECK_FALSE(starts_with(term, "Zde:"));
    }
    CHECK(terms.count("Lhu") == 1);
    CHECK(terms.count("Lde") == 0);
}

TEST_CASE("language, id, title and source terms") {
    DocumentBuilder builder(analysis_data());
    const auto xdoc = builder.build(german_doc(), "de", std::string("20241129"));
    const auto terms = terms_of(xdoc);

    CHECK(terms.count("Lde") == 1);
    CHECK(terms.count("Qde/hafen.txt") == 1);
    // H<source>: one boolean term naming the source (compared case-insensitively: schema.hpp asks
    // for a normalized name).
    std::vector<std::string> source_terms;
    for (const auto& [term, info] : terms) {
        if (starts_with(term, schema::kSourcePrefix)) source_terms.push_back(term);
    }
    REQUIRE(source_terms.size() == 1);
    CHECK(xling::schema::ascii_lower(source_terms[0]) == "hhamburger tageblatt");
    CHECK(terms.at(source_terms[0]).positions.empty());
    for (const char* title_word : {"Shamburg", "Smodernisiert", "Sden", "Shafen"}) {
        CAPTURE(title_word);
        REQUIRE(terms.count(title_word) == 1);
        CHECK(terms.at(title_word).positions.empty());
    }
    CHECK(terms.count("SHamburg") == 0);
    // Boolean terms carry no positions and no stems.
    for (const char* boolean : {"Lde", "Qde/hafen.txt"}) {
        CAPTURE(boolean);
        CHECK(terms.at(boolean).positions.empty());
    }
    // Title-only words are not body words.
    CHECK(terms.count("modernisiert") == 0);
}

TEST_CASE("value slots 0..3") {
    DocumentBuilder builder(analysis_data());
    SUBCASE("with date and source") {
        const auto xdoc = builder.build(german_doc(), "de", std::string("20241129"));
        CHECK(xdoc.get_value(schema::kDateSlot) == "20241129");
        CHECK(xdoc.get_value(schema::kMonthSlot) == "2024-11");
        CHECK(xdoc.get_value(schema::kLanguageSlot) == "de");
        CHECK(xdoc.get_value(schema::kSourceSlot) == "Hamburger Tageblatt");
        CHECK(field_values(xdoc) == 4);
    }
    SUBCASE("without date and source") {
        const auto xdoc = builder.build(hungarian_doc(), "hu", std::nullopt);
        CHECK(xdoc.get_value(schema::kDateSlot).empty());
        CHECK(xdoc.get_value(schema::kMonthSlot).empty());
        CHECK(xdoc.get_value(schema::kLanguageSlot) == "hu");
        CHECK(xdoc.get_value(schema::kSourceSlot).empty());
        CHECK(field_values(xdoc) == 1);
        for (auto it = xdoc.termlist_begin(); it != xdoc.termlist_end(); ++it) CHECK_FALSE(starts_with(*it, "H"));
    }
}

TEST_CASE("document data is a binary record of the fields, the text in zstd blocks in value slots") {
    DocumentBuilder builder(analysis_data());
    using xling::searcher::StoredParts;
    SUBCASE("all fields") {
        const auto xdoc = builder.build(german_doc(), "de", std::string("20241129"));
        REQUIRE(xdoc.get_data().front() == '\x07');
        const auto data = xling::searcher::decode_stored(xdoc, StoredParts::FieldsAndText);
        CHECK(data.id == "de/hafen.txt");
        CHECK(data.title == "Hamburg modernisiert den Hafen");
        CHECK(data.lang == "de");
        CHECK(data.date == "2024-11-29");
        CHECK(data.url == "https://example.org/hafen");
        CHECK(data.source == "Hamburger Tageblatt");
        CHECK(data.text == kGermanText);
        CHECK(xdoc.get_data().find("Hafen modernisiert") == std::string::npos);  // no text in the record
        CHECK_FALSE(xdoc.get_value(schema::kTextBlockSlot).empty());
    }
    SUBCASE("optional fields left out") {
        const auto xdoc = builder.build(hungarian_doc(), "hu", std::nullopt);
        const auto data = xling::searcher::decode_stored(xdoc, StoredParts::FieldsAndText);
        CHECK(data.id == "hu-42");
        CHECK(data.lang == "hu");
        CHECK(data.text == kHungarianText);
        CHECK(data.title == "Új módszer a búza betegségei ellen");
        CHECK(data.date.empty());
        CHECK(data.url.empty());
        CHECK(data.source.empty());
    }
    SUBCASE("stored_data formats the date") {
        const auto record = xling::indexer::decode_stored_record(xling::indexer::stored_data(hungarian_doc(), "hu", "20250116", {}));
        REQUIRE(record);
        CHECK(record->fields.date == "2025-01-16");
    }
    SUBCASE("the record maps every kPositionSkip-th word to its byte offset") {
        SourceDocument doc = hungarian_doc();
        doc.text.clear();
        for (int i = 0; i < 100; ++i) doc.text += "szó" + std::to_string(i) + " ";
        const auto xdoc = builder.build(doc, "hu", std::nullopt);
        const auto record = xling::indexer::decode_stored_record(xdoc.get_data());
        REQUIRE(record);
        CHECK(record->text.positions == 100);
        REQUIRE(record->text.skips.size() == 4);  // positions 1, 33, 65, 97
        CHECK(doc.text.substr(record->text.skips[1], 7) == "szó32 ");
        CHECK(record->text.offset_before(40) == record->text.skips[1]);
    }
    SUBCASE("a text longer than a block is split over several slots") {
        SourceDocument doc = hungarian_doc();
        doc.text = std::string(schema::kTextBlockBytes * 2 + 10, 'a');
        const auto xdoc = builder.build(doc, "hu", std::nullopt);
        CHECK_FALSE(xdoc.get_value(schema::kTextBlockSlot + 2).empty());
        CHECK(xdoc.get_value(schema::kTextBlockSlot + 3).empty());
        CHECK(xling::searcher::decode_stored(xdoc, StoredParts::FieldsAndText).text == doc.text);
    }
}

TEST_CASE("one TextCompressor compresses text after text as fresh ones do") {
    using xling::indexer::TextCompressor;
    const std::string first(schema::kTextBlockBytes + 100, 'x');
    const std::string second = "Der Bundestag beschließt das Gesetz über die Ärzte. " + std::string(300, 'y');
    TextCompressor reused;
    const auto a = reused.compress(first);
    const auto b = reused.compress(second);
    CHECK(a == TextCompressor().compress(first));
    CHECK(b == TextCompressor().compress(second));
    REQUIRE(a.size() == 2);
    REQUIRE(b.size() == 1);
    CHECK(xling::indexer::decompress_block(a[0]) + xling::indexer::decompress_block(a[1]) == first);
    CHECK(xling::indexer::decompress_block(b[0]) == second);
    CHECK(reused.compress("").empty());
}

TEST_CASE("capitalised words are linked to their name keys for the synonym table") {
    DocumentBuilder builder(analysis_data());
    SourceDocument doc;
    doc.id = "ru-1";
    doc.text = "Сергей Шойгу прибыл.";
    (void)builder.build(doc, "ru", std::nullopt);
    const auto& links = builder.last_name_links();
    CHECK(std::find(links.begin(), links.end(), std::pair<std::string, std::string>{"Nshoygu", "шойгу"}) != links.end());
    (void)builder.build(doc, "ru", std::nullopt);
    CHECK(builder.last_name_links().empty());  // already given with the first document
}

TEST_CASE("und documents get identity stems") {
    DocumentBuilder builder(analysis_data());
    SourceDocument doc;
    doc.id = "fr-1";
    doc.text = "Le conseil municipal de Lyon a adopté un nouveau plan";
    const auto terms = terms_of(builder.build(doc, "und", std::nullopt));
    CHECK(terms.count("Lund") == 1);
    CHECK(terms.count("conseil") == 1);
    CHECK(terms.count("Zund:conseil") == 1);
    CHECK(terms.count("Zund:adopté") == 1);
    CHECK(terms.count("Zund:le") == 1);  // no stopwords for und
    for (const auto& [term, info] : terms) {
        if (starts_with(term, "Z")) CHECK(starts_with(term, "Zund:"));
    }
}

TEST_CASE("the builder can be reused: no terms leak between documents") {
    DocumentBuilder builder(analysis_data());
    (void)builder.build(german_doc(), "de", std::string("20241129"));
    const auto terms = terms_of(builder.build(hungarian_doc(), "hu", std::nullopt));
    CHECK(terms.count("hamburg") == 0);
    CHECK(terms.count("Shafen") == 0);
    CHECK(terms.count("Qde/hafen.txt") == 0);
    CHECK(terms.count("Qhu-42") == 1);
}

namespace {

// A distinct lower-case word per number: "k" and four letters (no stopword, no name, no digits).
std::string numbered_word(std::size_t i) {
    std::string word = "k";
    for (int d = 0; d < 4; ++d, i /= 26) word += static_cast<char>('a' + i % 26);
    return word;
}

std::string numbered_words(std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) text += numbered_word(i) + (i % 13 == 12 ? ".\n" : " ");
    return text;
}

}  // namespace

TEST_CASE("a text of several 64 KB pieces gets every word at its position and its byte offset") {
    // 30,000 words of 5 letters: 182 KB, cut in pieces before white space; no word is split or lost.
    constexpr std::size_t kWords = 30000;
    SourceDocument doc;
    doc.id = "long";
    doc.text = numbered_words(kWords);
    REQUIRE(doc.text.size() > 2 * (64u << 10));
    DocumentBuilder builder(analysis_data());
    const auto xdoc = builder.build(doc, "en", std::nullopt);
    CHECK(builder.last_position_count() == kWords);
    CHECK(builder.last_words_left_out() == 0);
    const auto terms = terms_of(xdoc);
    std::size_t misplaced = 0;
    for (std::size_t i = 0; i < kWords; ++i) {
        const auto found = terms.find(numbered_word(i));
        const std::vector<Xapian::termpos> expected{static_cast<Xapian::termpos>(i + 1)};
        if (found == terms.end() || found->second.positions != expected) ++misplaced;
    }
    CHECK(misplaced == 0);
    // The text map's skips point at the words of their positions, across the pieces.
    const auto record = xling::indexer::decode_stored_record(xdoc.get_data());
    REQUIRE(record);
    CHECK(record->text.positions == kWords);
    for (std::size_t k = 0; k < record->text.skips.size(); ++k) {
        const std::size_t position = 1 + k * schema::kPositionSkip;
        CAPTURE(position);
        CHECK(doc.text.compare(record->text.skips[k], 5, numbered_word(position - 1)) == 0);
    }
}

TEST_CASE("a memory limit indexes a document's first words only, counts the rest and keeps the whole text") {
    constexpr std::size_t kWords = 20000;
    SourceDocument doc;
    doc.id = "huge";
    doc.text = numbered_words(kWords);
    DocumentBuilder limited(analysis_data(), 2u << 20);  // 2 MB: a few thousand distinct words
    const auto xdoc = limited.build(doc, "en", std::nullopt);
    const std::size_t indexed = limited.last_position_count();
    CHECK(indexed > 0);
    CHECK(indexed < kWords);
    CHECK(limited.last_words_left_out() == kWords - indexed);
    const auto terms = terms_of(xdoc);
    CHECK(terms.count(numbered_word(0)) == 1);
    CHECK(terms.count(numbered_word(indexed - 1)) == 1);
    CHECK(terms.count(numbered_word(indexed)) == 0);
    CHECK(terms.count(numbered_word(kWords - 1)) == 0);
    const auto record = xling::indexer::decode_stored_record(xdoc.get_data());
    REQUIRE(record);
    CHECK(record->text.text_bytes == doc.text.size());  // stored whole
    CHECK(record->text.positions == indexed);

    // The limit is per document: the same builder indexes a small one whole afterwards, and no
    // limit indexes this one whole.
    CHECK(limited.build(german_doc(), "de", std::nullopt).termlist_count() > 0);
    CHECK(limited.last_words_left_out() == 0);
    CHECK(limited.last_position_count() == 37);
    DocumentBuilder unlimited(analysis_data());
    CHECK(unlimited.build(doc, "en", std::nullopt).termlist_count() > 0);
    CHECK(unlimited.last_position_count() == kWords);
    CHECK(unlimited.last_words_left_out() == 0);
}

}  // TEST_SUITE
