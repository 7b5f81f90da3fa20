#include "programs/common/result_json.hpp"

#include <cmath>

namespace xling::cli {
namespace {

nlohmann::ordered_json or_null(const std::string& s) { return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s); }

nlohmann::ordered_json matched_json(const Hit& h) {
    nlohmann::ordered_json matched = nlohmann::ordered_json::array();
    for (const MatchedConcept& m : h.matched) {
        nlohmann::ordered_json entity = m.entities.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(m.entities.front());
        nlohmann::ordered_json item = {{"query", m.query}, {"entity", entity}, {"forms", m.forms}};
        if (m.entities.size() > 1) item["ambiguous"] = m.entities;
        nlohmann::ordered_json translations = nlohmann::ordered_json::array();
        for (const MatchedTranslation& t : m.translations) {
            translations.push_back({{"lang", t.lang}, {"translation", t.text}, {"forms", t.forms}});
        }
        item["translations"] = std::move(translations);
        item["accent_forms"] = m.accent_forms;
        matched.push_back(std::move(item));
    }
    return matched;
}

nlohmann::ordered_json concept_json(const QueryConcept& c) {
    nlohmann::ordered_json translations = nlohmann::ordered_json::object();
    for (const auto& [lang, list] : c.translations) {
        auto& items = translations[lang] = nlohmann::ordered_json::array();
        for (const ConceptTranslation& t : list) {
            items.push_back({{"text", t.text}, {"weight", std::round(static_cast<double>(t.weight) * 1000) / 1000}, {"via", t.via}, {"from", t.from_lang},
                             {"terms", t.stems}, {"phrase", t.phrase}});
        }
    }
    return {{"query", c.query},         {"entities", c.entities},       {"types", c.entity_types},
            {"names", c.names},         {"forms", c.forms},             {"stems", c.stems},
            {"lemmas", c.lemmas},
            {"name_keys", c.name_keys}, {"name_key_languages", c.name_key_languages},
            {"tolerant_name_keys", c.tolerant_name_keys}, {"stopword_in", c.stopword_in}, {"translations", std::move(translations)},
            {"translation_note", or_null(c.translation_note)}, {"absent", c.absent}, {"notes", c.notes},
            {"accent_forms", c.accent_forms}};
}

nlohmann::ordered_json hit_json(const Hit& h) {
    return {{"rank", h.rank},     {"id", h.id},         {"lang", h.lang},
            {"title", h.title},   {"date", or_null(h.date)}, {"url", or_null(h.url)},
            {"source", or_null(h.source)}, {"author", or_null(h.author)}, {"score", h.score}, {"snippet", h.snippet},
            {"matched", matched_json(h)}};
}


}  // namespace

std::string dump_json(const nlohmann::ordered_json& j) { return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace); }

std::string to_json(const SearchResults& r, bool explain) {
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const Hit& h : r.hits) hits.push_back(hit_json(h));
    nlohmann::ordered_json out = {{"query", r.query},         {"total", r.total},
                                {"total_exact", r.total_exact}, {"total_lower", r.total_lower},
                                {"total_upper", r.total_upper}, {"ignored", r.ignored},
                                {"suggestion", or_null(r.suggestion)},
                                {"partial", r.partial}, {"partial_reason", or_null(r.partial_reason)},
                                {"hits", std::move(hits)}};
    if (!r.facets.empty()) out["facets"] = r.facets;
    if (explain) {
        out["translation"] = r.translation;
        out["query_language"] = {{"code", or_null(r.query_language.code)},
                                 {"method", or_null(r.query_language.method)},
                                 {"evidence", or_null(r.query_language.evidence)}};
        out["concepts"] = nlohmann::ordered_json::array();
        for (const auto& c : r.concepts) out["concepts"].push_back(concept_json(c));
        out["feedback"] = r.feedback;
    }
    return dump_json(out);
}

std::string to_jsonl(const SearchResults& r) {
    std::string out;
    for (const Hit& h : r.hits) {
        nlohmann::ordered_json line = {{"query", r.query}};
        const nlohmann::ordered_json hit = hit_json(h);
        for (const auto& item : hit.items()) line[item.key()] = item.value();
        out += dump_json(line) + "\n";
    }
    return out;
}

nlohmann::ordered_json document_json(const StoredDocument& d) {
    return {{"id", d.id},       {"lang", d.lang},   {"title", d.title}, {"date", or_null(d.date)},
            {"url", or_null(d.url)}, {"source", or_null(d.source)}, {"author", or_null(d.author)}, {"text", d.text}};
}

std::string to_error_json(std::string_view query, std::string_view message) {
    return dump_json(nlohmann::ordered_json{{"query", query}, {"error", message}});
}

}  // namespace xling::cli
