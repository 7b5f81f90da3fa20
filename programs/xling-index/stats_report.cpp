#include "programs/xling-index/stats_report.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace xling::cli {
namespace {

std::string human_bytes(std::uint64_t bytes) {
    const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1000.0 && unit + 1 < std::size(units)) {
        value /= 1000.0;
        ++unit;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    return buffer;
}

std::string fixed(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

}  // namespace

std::string stats_text(const std::string& path, const IndexStats& s) {
    std::string out = "index: " + path + " (" + s.layout;
    if (!s.generation.empty()) out += ", " + s.generation;
    out += ", schema " + (s.schema_version.empty() ? std::string("unknown") : s.schema_version) + ")\n";
    out += "documents: " + std::to_string(s.documents) + " (last document id " + std::to_string(s.last_docid) + ")\n";
    out += "languages:";
    const char* sep = " ";
    for (const auto& [lang, count] : s.per_language) {
        out += sep + lang + " " + std::to_string(count);
        sep = ", ";
    }
    out += s.per_language.empty() ? " none\n" : "\n";
    out += "dates: " + (s.dated_documents == 0 ? std::string("none")
                                                : s.first_date + " .. " + s.last_date + " (" +
                                                      std::to_string(s.dated_documents) + " documents dated)") + "\n";
    out += "words: " + std::to_string(s.total_length) + " (" + fixed(s.average_length) + " per document)\n";
    out += "terms: " + std::to_string(s.distinct_terms) + " distinct (" + std::to_string(s.distinct_words) +
           " words, " + std::to_string(s.distinct_stems) + " stems, " + std::to_string(s.distinct_name_keys) +
           " name keys)\n";
    out += "sources: " + std::to_string(s.sources) + " input files recorded\n";
    out += "entity mentions: " + (s.entity_mentions ? std::to_string(*s.entity_mentions)
                                                    : std::string("not indexed (aliases are expanded when searching)")) +
           "\n";
    out += "size on disk: " + human_bytes(s.disk_bytes) + " (" + std::to_string(s.disk_bytes) + " bytes" +
           (s.remote_shards > 0 ? ", local shards only; " + std::to_string(s.remote_shards) + " remote not counted" : "") +
           ")\n";
    return out;
}

std::string stats_json(const std::string& path, const IndexStats& s) {
    nlohmann::ordered_json j;
    j["path"] = path;
    j["layout"] = s.layout;
    j["generation"] = s.generation.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.generation);
    j["schema"] = s.schema_version;
    j["documents"] = s.documents;
    j["last_docid"] = s.last_docid;
    j["languages"] = nlohmann::ordered_json::object();
    for (const auto& [lang, count] : s.per_language) j["languages"][lang] = count;
    j["dates"] = {{"documents", s.dated_documents},
                  {"first", s.first_date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.first_date)},
                  {"last", s.last_date.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.last_date)}};
    j["total_length"] = s.total_length;
    j["average_length"] = s.average_length;
    j["terms"] = {{"distinct", s.distinct_terms},
                  {"words", s.distinct_words},
                  {"stems", s.distinct_stems},
                  {"name_keys", s.distinct_name_keys}};
    j["sources"] = s.sources;
    j["entity_mentions"] = s.entity_mentions ? nlohmann::ordered_json(*s.entity_mentions) : nlohmann::ordered_json();
    j["disk_bytes"] = s.disk_bytes;
    j["remote_shards"] = s.remote_shards;
    return j.dump() + "\n";
}

}  // namespace xling::cli
