#include "indexer/document_builder.hpp"

#include "analysis/conflation_terms.hpp"
#include "indexer/stored_record.hpp"
#include "xling/schema.hpp"

namespace xling::indexer {

DocumentBuilder::DocumentBuilder(std::shared_ptr<const analysis::AnalysisData> data)
    : analyzer_(data), keyer_(data), tables_(analyzer_) {}

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
    analyzer_.split(doc.text, spans_);
    word_begins_.clear();
    Xapian::termpos pos = 0;
    const auto compute = [this, lang](std::string_view surface) { return terms_of(lang, surface); };
    for (const auto& span : spans_) {
        const std::string_view surface = std::string_view(doc.text).substr(span.begin, span.end - span.begin);
        const WordTerms& terms = cache_.get(lang, surface, compute);
        if (!terms.indexed) continue;
        xdoc.add_posting(terms.word, ++pos);
        word_begins_.push_back(span.begin);
        if (!terms.spelling.empty()) tables_.add_spelling(terms.spelling);
        if (terms.stem_term.empty()) continue;
        xdoc.add_term(terms.stem_term);
        for (const std::string& lemma : terms.lemma_terms) xdoc.add_term(lemma);
        for (const std::string& key : terms.key_terms) xdoc.add_term(key);
    }
    positions_ = pos;
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
