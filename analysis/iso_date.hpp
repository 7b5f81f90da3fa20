// ISO 8601 dates as the index stores them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace xling::analysis {

/// "YYYYMMDD" for an ISO 8601 date or date-time ("2024-11-29", "2024-11-29T10:15:00Z",
/// "2024-11-29 10:15", "20241129"), or nullopt when it is not a valid calendar date.
/// A month ("2024-11") or year ("2024") alone maps to its first day.
[[nodiscard]] std::optional<std::string> parse_iso_date(std::string_view text);

/// First and last day ("YYYYMMDD") of the period an ISO date names: a day, a month ("2024-06" ->
/// 20240601..20240630) or a year. nullopt when not a valid date.
[[nodiscard]] std::optional<std::pair<std::string, std::string>> iso_period(std::string_view text);

}  // namespace xling::analysis
