// xling-index stats: IndexStats as text for people and as JSON for programs.
#pragma once

#include <string>

#include "xling/index_stats.hpp"

namespace xling::cli {

/// Several "name: value" lines, each ending in '\n'.
[[nodiscard]] std::string stats_text(const std::string& path, const IndexStats& stats);

/// One JSON object (stable key names and order), ending in '\n'.
[[nodiscard]] std::string stats_json(const std::string& path, const IndexStats& stats);

}  // namespace xling::cli
