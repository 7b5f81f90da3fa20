// Dates as the index stores them ("YYYYMMDD", UTC), from ISO 8601 and from the RFC 822/1123
// dates of feeds and mail headers.
//
// Parsed here rather than by Debian's libhowardhinnant-date-dev (3.0.1), which was tried (commit
// e5809fc) and reverted (5318e3b): its date::from_stream rounds the seconds it read into a
// `long double` before checking that the read succeeded (date.h lines 7250 and 7286), so an input
// whose %S or %T fails (a feed's "Fri, 29 Nov 2024 10:00 GMT", a fuzzer's bytes) converts an
// uninitialised value: UBSan reported "-nan is outside the range of long" on three fuzz
// regressions and valgrind uninitialised reads. Guarding it would mean checking each format's
// shape before the call, i.e. this parser again; the calendar arithmetic (days of month, leap
// years, zone offsets across midnight and month ends) is what tests/indexer/test_iso_date.cpp checks.
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

/// "YYYYMMDD" (UTC) of a document's date: ISO 8601 as parse_iso_date, where a date-time with a
/// zone offset ("2024-11-29T23:30:00-05:00") is moved to UTC (20241130), or RFC 822/1123/2822 as
/// feeds write it ("Fri, 29 Nov 2024 10:00:00 GMT", "29 Nov 24 10:00 +0100", zones GMT/UT/UTC/Z,
/// the US zones EST..PDT, +HHMM). nullopt when it is neither or not a valid calendar date.
[[nodiscard]] std::optional<std::string> parse_date(std::string_view text);

/// First and last day ("YYYYMMDD") of the period an ISO date names: a day, a month ("2024-06" ->
/// 20240601..20240630) or a year. nullopt when not a valid date.
[[nodiscard]] std::optional<std::pair<std::string, std::string>> iso_period(std::string_view text);

}  // namespace xling::analysis
