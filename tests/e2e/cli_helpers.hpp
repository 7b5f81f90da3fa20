// Running xling-index / xling-search as a user would, and reading their JSON.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace xling::test {

inline CommandResult index_paths(const std::filesystem::path& db, const std::vector<std::filesystem::path>& paths,
                                 const std::string& extra = "") {
    std::string cmd = kIndexBin + " --db " + shell_quote(db.string()) + " " + extra;
    for (const auto& p : paths) cmd += " " + shell_quote(p.string());
    return run(cmd);
}

inline CommandResult search_cli(const std::filesystem::path& db, const std::string& query, const std::string& extra = "") {
    return run(kSearchBin + " --db " + shell_quote(db.string()) + " " + extra + " -- " + shell_quote(query));
}

/// Sorted hit ids of a --json search (limit 100).
inline std::vector<std::string> search_ids(const std::filesystem::path& db, const std::string& query,
                                           const std::string& extra = "") {
    const CommandResult r = search_cli(db, query, "--json --limit 100 " + extra);
    std::vector<std::string> ids;
    if (r.exit_code > 1) return {"<exit " + std::to_string(r.exit_code) + ": " + r.err + ">"};
    const auto json = nlohmann::json::parse(r.out);
    for (const auto& hit : json["hits"]) ids.push_back(hit["id"].get<std::string>());
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// Occurrences of `needle` in `text`.
inline std::size_t count_lines_with(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = 0; (p = text.find(needle, p)) != std::string::npos; p += needle.size()) ++n;
    return n;
}

}  // namespace xling::test
