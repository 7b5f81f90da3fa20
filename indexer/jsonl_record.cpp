#include "indexer/jsonl_record.hpp"

#include <nlohmann/json.hpp>

namespace xling::indexer {
namespace {
using nlohmann::json;

// A string field, or an integer rendered as text (ids are often numeric); sets `error` otherwise.
std::string scalar(const json& record, const char* key, bool& present, std::string& error) {
    present = false;
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) return {};
    present = true;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
    error = std::string("field \"") + key + "\" must be a string";
    return {};
}
}  // namespace

std::variant<SourceDocument, std::string> parse_jsonl_record(std::string_view line) {
    json record;
    try {
        record = json::parse(line);
    } catch (const json::parse_error& e) {
        // nlohmann's messages carry their own "at line 1, column N" position.
        std::string what = e.what();
        const auto colon = what.find("parse error");
        return "broken JSON: " + (colon == std::string::npos ? what : what.substr(colon));
    }
    if (!record.is_object()) return std::string("expected a JSON object");
    SourceDocument doc;
    std::string error;
    const auto field = [&](const char* key, std::string& out, bool required) {
        bool present = false;
        out = scalar(record, key, present, error);
        if (error.empty() && required && (!present || out.empty())) {
            error = std::string("missing required field \"") + key + "\"";
        }
    };
    field("id", doc.id, true);
    if (error.empty()) field("text", doc.text, true);
    if (error.empty()) field("title", doc.title, false);
    if (error.empty()) field("lang", doc.lang, false);
    if (error.empty()) field("date", doc.date, false);
    if (error.empty()) field("url", doc.url, false);
    if (error.empty()) field("source", doc.source, false);
    if (!error.empty()) return error;
    return doc;
}

}  // namespace xling::indexer
