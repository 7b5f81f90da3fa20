// ISO 8601 dates as the index stores them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xling::indexer {

/// "YYYYMMDD" for an ISO 8601 date or date-time ("2024-11-29", "2024-11-29T10:15:00Z",
/// "2024-11-29 10:15", "20241129"), or nullopt when it is not a valid calendar date.
/// A month ("2024-11") or year ("2024") alone maps to its first day.
[[nodiscard]] std::optional<std::string> parse_iso_date(std::string_view text);

}  // namespace xling::indexer
