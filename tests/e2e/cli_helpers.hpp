// Running xling-index / xling-search as a user would, and reading their JSON.
#pragma once

#include <algorithm>
#include <map>
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

/// An index of `source` built once per test binary (with `xling-index -q`), kept for its run.
inline std::filesystem::path shared_index(const std::filesystem::path& source) {
    static TempDir dir;
    static std::map<std::string, std::filesystem::path> built;
    const auto it = built.find(source.string());
    if (it != built.end()) return it->second;
    const auto db = dir / ("db" + std::to_string(built.size()));
    REQUIRE(index_paths(db, {source}, "-q").exit_code == 0);
    return built.emplace(source.string(), db).first->second;
}

/// The bundled sample corpus (examples/corpus), indexed.
inline std::filesystem::path corpus_db() { return shared_index(kSourceDir / "examples" / "corpus"); }

/// The real news seeds in ../shared/seeds (000 hu, 001 de, 002 lt, 003 de, 004 en).
inline const std::filesystem::path kSeeds = kSharedDir / "seeds";
inline const std::string kSeedHu = "000_20a7af124863caa4.txt", kSeedDe1 = "001_cfd07cbed6409cdc.txt",
                         kSeedLt = "002_2539d4bab154727d.txt", kSeedDe2 = "003_b98160e03d45a137.txt",
                         kSeedEn = "004_f06f8dee37f25182.txt";
inline bool seeds_absent() { return !std::filesystem::exists(kSeeds / kSeedHu); }
inline std::filesystem::path seeds_db() { return shared_index(kSeeds); }

/// Occurrences of `needle` in `text`.
inline std::size_t count_lines_with(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = 0; (p = text.find(needle, p)) != std::string::npos; p += needle.size()) ++n;
    return n;
}

}  // namespace xling::test
