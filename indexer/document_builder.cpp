#include "indexer/document_builder.hpp"

#include <nlohmann/json.hpp>

#include "xling/schema.hpp"

namespace xling::indexer {

DocumentBuilder::DocumentBuilder(std::shared_ptr<const analysis::AnalysisData> data)
    : analyzer_(data), keyer_(data), tables_(analyzer_) {}

const std::vector<std::string>& DocumentBuilder::name_keys(std::string_view lang, const std::string& word) {
    constexpr std::size_t kMaxCached = 200000;
    std::string cache_key(lang);
    cache_key.push_back('\0');
    cache_key += word;
    auto it = key_cache_.find(cache_key);
    if (it != key_cache_.end()) return it->second;
    if (key_cache_.size() >= kMaxCached) key_cache_.clear();
    return key_cache_.emplace(std::move(cache_key), keyer_.keys_of_form(lang, word)).first->second;
}

std::string stored_data(const SourceDocument& doc, std::string_view lang, const std::optional<std::string>& date) {
    nlohmann::json data = {{"id", doc.id}, {"title", doc.title}, {"lang", lang}, {"text", doc.text}};
    if (date) data["date"] = date->substr(0, 4) + "-" + date->substr(4, 2) + "-" + date->substr(6, 2);
    if (!doc.url.empty()) data["url"] = doc.url;
    if (!doc.source.empty()) data["source"] = doc.source;
    return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Xapian::Document DocumentBuilder::build(const SourceDocument& doc, std::string_view lang,
                                        const std::optional<std::string>& date) {
    Xapian::Document xdoc;
    // Body: one positional unstemmed term per word; one non-positional stem per non-stopword.
    // Only the unstemmed term carries positions: positions dominate Xapian's write cost.
    analyzer_.analyze(doc.text, lang, tokens_);
    Xapian::termpos pos = 0;
    std::string stem_term;
    for (const auto& token : tokens_) {
        xdoc.add_posting(token.word, ++pos);
        tables_.add(lang, token);
        if (!token.stopword) {
            stem_term.assign(schema::kStemPrefix).append(lang).push_back(':');
            stem_term.append(token.stem);
            xdoc.add_term(stem_term);
            if (token.capitalized) {
                for (const std::string& key : name_keys(lang, token.word)) {
                    xdoc.add_term(std::string(schema::kNameKeyPrefix) + key);
                }
            }
        }
    }
    positions_ = pos;
    word_tables_ = tables_.finish_document();
    analyzer_.words(doc.title, tokens_);
    for (const auto& token : tokens_) xdoc.add_boolean_term(std::string(schema::kTitlePrefix) + token.word);

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
    xdoc.set_data(stored_data(doc, lang, date));
    return xdoc;
}

}  // namespace xling::indexer
