#include "programs/xling-aliases/import_result.hpp"

#include <utility>

namespace xling::importer {

void ImportReport::skip_row(const std::string& where, const std::string& reason) {
    ++rows_skipped_;
    if (problems_.size() < kMaxProblems) problems_.push_back(where + ": " + reason);
}

void ImportReport::drop_name(const std::string& reason) {
    ++names_dropped_;
    if (drop_reasons_.size() < kMaxProblems) drop_reasons_.push_back(reason);
}

std::size_t count_names(const AliasTable& table) {
    std::size_t total = 0;
    for (const Entity& e : table.entities()) total += e.names.size();
    return total;
}

std::string names_per_language(const AliasTable& table) {
    std::vector<std::pair<std::string, std::size_t>> counts;  // first-appearance order reads naturally
    for (const Entity& e : table.entities()) {
        for (const EntityName& n : e.names) {
            auto it = counts.begin();
            while (it != counts.end() && it->first != n.lang) ++it;
            if (it == counts.end()) counts.emplace_back(n.lang, 1);
            else ++it->second;
        }
    }
    std::string out;
    for (const auto& [lang, count] : counts) {
        if (!out.empty()) out += ", ";
        out += lang + " " + std::to_string(count);
    }
    return out;
}

std::string format_summary(const ImportResult& result) {
    const AliasTable& table = result.table;
    const ImportReport& report = result.report;
    std::string out = "entities: " + std::to_string(table.entities().size()) + " (from " +
                      std::to_string(report.rows_read) + " input rows)\n";
    out += "names: " + std::to_string(count_names(table));
    if (!table.entities().empty()) out += " (" + names_per_language(table) + ")";
    out += "\nambiguous names: " + std::to_string(table.ambiguous_names().size()) +
           " (list them with `xling-aliases check`)";
    for (const std::string& line : report.notes()) out += "\n" + line;
    if (report.names_dropped() > 0) {
        out += "\nnames dropped: " + std::to_string(report.names_dropped());
        for (const std::string& reason : report.drop_reasons()) out += "\n  " + reason;
    }
    if (report.rows_skipped() > 0) {
        out += "\nmalformed rows skipped: " + std::to_string(report.rows_skipped());
        for (const std::string& problem : report.problems()) out += "\n  " + problem;
        if (report.rows_skipped() > report.problems().size()) out += "\n  ...";
    }
    return out;
}

}  // namespace xling::importer
