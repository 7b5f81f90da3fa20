#include "searcher/stored_fields.hpp"

#include <nlohmann/json.hpp>

#include "searcher/stored_text.hpp"

namespace xling::searcher {
namespace {
std::string field(const nlohmann::json& data, const char* key) {
    const auto it = data.find(key);
    return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}
}  // namespace

StoredDocument decode_json_record(const std::string& data, StoredParts parts) {
    const auto json = nlohmann::json::parse(data, nullptr, false);
    StoredDocument doc;
    if (!json.is_object()) return doc;
    doc.id = field(json, "id");
    doc.lang = field(json, "lang");
    doc.title = field(json, "title");
    doc.date = field(json, "date");
    doc.url = field(json, "url");
    doc.source = field(json, "source");
    doc.author = field(json, "author");  // version 4 had none: empty
    if (parts == StoredParts::FieldsAndText) doc.text = field(json, "text");
    return doc;
}

StoredDocument decode_stored(const Xapian::Document& doc, StoredParts parts) {
    const std::string data = doc.get_data();
    std::optional<indexer::StoredRecord> record = indexer::decode_stored_record(data);
    if (!record) return decode_json_record(data, parts);
    if (parts == StoredParts::FieldsAndText) record->fields.text = StoredText(doc, record->text).all();
    return std::move(record->fields);
}

}  // namespace xling::searcher
