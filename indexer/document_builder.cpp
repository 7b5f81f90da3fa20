#include "indexer/document_builder.hpp"

#include "analysis/conflation_terms.hpp"
#include "indexer/stored_record.hpp"
#include "xling/schema.hpp"

namespace xling::indexer {

namespace {

// Peak heap per term and per position of one large document, from its analysis to its addition
// (heaptrack, 9.6 MB and 1 MB single records: docs/indexing-performance.md): a term is a
// Xapian::Document entry, Xapian's change-map entries when it is added, its word-cache entry and
// word-table entries; a position is 4 bytes in the document and in Xapian's copy, its word's
// offset (stored text map) and its slack; a byte of the record's text is held several times
// while it is read and analysed (the reader's line buffer, the JSON parser's token buffer and
// string, the document's text, the compressed blocks: 55 MB of heap for a 9.6 MB record, 26 MB
// once the reader's buffers are freed after the parse; the parse's own peak comes before the terms).
constexpr std::size_t kCostPerTerm = 700;
constexpr std::size_t kCostPerPosition = 40;
constexpr std::size_t kCostPerTextByte = 3;

[[nodiscard]] std::size_t build_cost(const Xapian::Document& xdoc, std::size_t positions, std::size_t text_bytes) {
    return xdoc.termlist_count() * kCostPerTerm + positions * kCostPerPosition + text_bytes * kCostPerTextByte;
}

// The text is split in pieces of about this many bytes, cut before ASCII white space (always a
// word boundary for ICU's rules), so that the spans of a text of megabytes (16 bytes per word)
// are never held whole.
constexpr std::size_t kPieceBytes = 64u << 10;

[[nodiscard]] std::size_t piece_end(std::string_view text, std::size_t start) {
    if (text.size() - start <= kPieceBytes) return text.size();
    const std::size_t cut = text.find_first_of(" \t\r\n", start + kPieceBytes);
    return cut == std::string_view::npos ? text.size() : cut;
}

// How often (in positions) the cost is checked against the limit: termlist_count() is cheap,
// but not free per word.
constexpr std::size_t kCheckEvery = 1024;

}  // namespace

DocumentBuilder::DocumentBuilder(std::shared_ptr<const analysis::AnalysisData> data, std::size_t memory_limit)
    : analyzer_(data), keyer_(data), memory_limit_(memory_limit), tables_(analyzer_) {}

WordTerms DocumentBuilder::terms_of(std::string_view lang, std::string_view surface) {
    WordTerms terms;
    auto token = analyzer_.analyze_word(surface, lang);
    if (!token) return terms;
    terms.indexed = true;
    // Accent synonyms once per distinct form (the collector also remembers what it wrote);
    // spelling words per document, from the cached entry.
    tables_.add_form(lang, *token);
    terms.spelling = WordTableCollector::spelling_of(*token);
    terms.lemma_terms = analysis::lemma_index_terms(*token, lang);
    terms.word = std::move(token->word);
    if (token->stopword) return terms;
    terms.stem_term.assign(schema::kStemPrefix).append(lang).push_back(':');
    terms.stem_term.append(token->stem);
    if (token->capitalized) {
        for (const std::string& key : keyer_.keys_of_form(lang, terms.word)) {
            terms.key_terms.push_back(std::string(schema::kNameKeyPrefix) + key);
            // First time this cache sees the form: its synonym link (a cache emptied when full
            // repeats a link, which add_synonym ignores). A word that is its own key needs none
            // (a fifth of them): the searcher tries the key itself as a word.
            if (key != terms.word) name_links_.emplace_back(schema::name_key_synonym(key), terms.word);
        }
    }
    return terms;
}

bool DocumentBuilder::add_words(Xapian::Document& xdoc, std::string_view text, std::size_t base,
                                std::string_view lang) {
    analyzer_.split(text, spans_);
    const auto compute = [this, lang](std::string_view surface) { return terms_of(lang, surface); };
    std::size_t next_check = positions_ + kCheckEvery;
    for (std::size_t i = 0; i < spans_.size(); ++i) {
        const auto& span = spans_[i];
        const WordTerms& terms = cache_.get(lang, text.substr(span.begin, span.end - span.begin), compute);
        if (!terms.indexed) continue;
        if (positions_ == next_check) {
            next_check += kCheckEvery;
            if (memory_limit_ != 0 && build_cost(xdoc, positions_, text_bytes_) >= memory_limit_) {
                words_left_out_ += spans_.size() - i;
                return false;
            }
        }
        xdoc.add_posting(terms.word, static_cast<Xapian::termpos>(++positions_));
        word_begins_.push_back(base + span.begin);
        if (!terms.spelling.empty()) tables_.add_spelling(terms.spelling);
        if (terms.stem_term.empty()) continue;
        xdoc.add_term(terms.stem_term);
        for (const std::string& lemma : terms.lemma_terms) xdoc.add_term(lemma);
        for (const std::string& key : terms.key_terms) xdoc.add_term(key);
    }
    return true;
}

std::string stored_data(const SourceDocument& doc, std::string_view lang, const std::optional<std::string>& date,
                        const std::vector<std::size_t>& word_begins) {
    StoredDocument fields;
    fields.id = doc.id;
    fields.lang = std::string(lang);
    fields.title = doc.title;
    if (date) fields.date = date->substr(0, 4) + "-" + date->substr(4, 2) + "-" + date->substr(6, 2);
    fields.url = doc.url;
    fields.source = doc.source;
    fields.author = doc.author;
    return encode_stored_record(fields, map_text(doc.text, word_begins));
}

Xapian::Document DocumentBuilder::build(const SourceDocument& doc, std::string_view lang,
                                        const std::optional<std::string>& date) {
    Xapian::Document xdoc;
    name_links_.clear();
    // Body: one positional unstemmed term per word; one non-positional stem per non-stopword.
    // Only the unstemmed term carries positions: positions dominate Xapian's write cost.
    // Each distinct surface form is analysed once per cache lifetime (word_cache.hpp).
    positions_ = 0;
    words_left_out_ = 0;
    word_begins_.clear();
    const std::string_view text(doc.text);
    text_bytes_ = text.size();
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = piece_end(text, start);
        if (!add_words(xdoc, text.substr(start, end - start), start, lang)) {
            for (std::size_t rest = end; rest < text.size();) {  // counted for the warning only
                const std::size_t rest_end = piece_end(text, rest);
                analyzer_.split(text.substr(rest, rest_end - rest), spans_);
                words_left_out_ += spans_.size();
                rest = rest_end;
            }
            break;
        }
        start = end;
    }
    cost_ = build_cost(xdoc, positions_, text.size());
    // A document of megabytes leaves these at megabytes of capacity for the builder's lifetime.
    if (word_begins_.capacity() > (1u << 20)) word_begins_.shrink_to_fit();
    word_tables_ = tables_.finish_document();
    xdoc.set_data(stored_data(doc, lang, date, word_begins_));
    Xapian::valueno slot = schema::kTextBlockSlot;
    for (std::string& block : compressor_.compress(doc.text)) xdoc.add_value(slot++, std::move(block));
    analyzer_.words(doc.title, tokens_);
    for (const auto& token : tokens_) xdoc.add_boolean_term(std::string(schema::kTitlePrefix) + token.word);
    analyzer_.words(doc.author, tokens_);
    for (const auto& token : tokens_) xdoc.add_boolean_term(std::string(schema::kAuthorPrefix) + token.word);

    xdoc.add_boolean_term(schema::language_term(lang));
    xdoc.add_boolean_term(schema::id_term(doc.id));
    xdoc.add_value(schema::kLanguageSlot, std::string(lang));
    if (date) {
        xdoc.add_value(schema::kDateSlot, *date);
        xdoc.add_value(schema::kMonthSlot, date->substr(0, 4) + "-" + date->substr(4, 2));
    }
    if (!doc.source.empty()) {
        if (doc.source.size() <= schema::kMaxFilterTermBytes) {
            xdoc.add_boolean_term(std::string(schema::kSourcePrefix) + schema::ascii_lower(doc.source));
        }
        xdoc.add_value(schema::kSourceSlot, doc.source);
    }
    // url:example.org must find news.example.org too: one term per parent domain.
    for (std::string host = schema::url_host(doc.url); !host.empty() && host.size() <= schema::kMaxFilterTermBytes;) {
        xdoc.add_boolean_term(std::string(schema::kHostPrefix) + host);
        const auto dot = host.find('.');
        if (dot == std::string::npos || host.find('.', dot + 1) == std::string::npos) break;
        host.erase(0, dot + 1);
    }
    return xdoc;
}

}  // namespace xling::indexer
