#include "analysis/iso_date.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <sstream>
#include <string>

#include <date/date.h>

namespace xling::analysis {
namespace {
bool digits(std::string_view s) {
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
    }
    return !s.empty();
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}
// The fields, the calendar checks and the shift to UTC are date::parse's (Howard Hinnant's date,
// the library std::chrono::parse was standardised from; Debian's libstdc++ 12 has no
// std::chrono::parse). What it does not do, and is done here, each found on a real case:
// - "Fri, 29 Nov 2024 23:30:00 EST": %Z reads the name but applies no offset (23:30 stays 23:30),
//   so RFC 822's names (GMT, UT, Z, EST..PDT) are looked up in rfc822_zone();
// - "2024-11-29T10:15:00Z": %Ez does not read ISO 8601's "Z", so it is read as "+00:00";
// - "Sat, 29 Nov 2024 ...": %a must agree with the date, and feeds get the weekday wrong more
//   often than the date, so the weekday is dropped unread;
// - "Sun, 01 Jan 67 ...": %y puts 00-68 in 2000-2068 (POSIX), RFC 2822 section 4.3 puts 50-99 in
//   the 1900s, so 2050-2068 move back a century.
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;

template <typename Duration>
std::optional<std::string> yyyymmdd(std::chrono::sys_time<Duration> t) {
    const date::year_month_day ymd{date::floor<date::days>(t)};
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    if (y < 1 || y > 9999) return std::nullopt;
    std::string out = std::to_string(y);
    out.insert(0, 4 - out.size(), '0');
    out += (m < 10 ? "0" : "") + std::to_string(m) + (d < 10 ? "0" : "") + std::to_string(d);
    return out;
}

// `text` read whole by `format` (nothing left over), as UTC: a numeric zone (%Ez: +0100, -05:00, +01) is applied
// by date::parse, a named one (%Z) is returned in `zone`.
template <typename Duration>
std::optional<std::chrono::sys_time<Duration>> parse_whole(const std::string& text, const char* format,
                                                           std::string& zone) {
    std::istringstream in(text);
    std::chrono::sys_time<Duration> t{};
    zone.clear();
    in >> date::parse(format, t, zone);
    if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
    return t;
}

// RFC 822's zone names in minutes east of UTC (numeric zones are date::parse's %Ez).
std::optional<int> rfc822_zone(std::string_view z) {
    struct Named {
        std::string_view name;
        int hours;
    };
    constexpr std::array<Named, 12> kNamed = {{{"GMT", 0}, {"UT", 0}, {"UTC", 0}, {"Z", 0}, {"EST", -5}, {"EDT", -4},
                                               {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8},
                                               {"PDT", -7}}};
    for (const auto& named : kNamed) {
        if (z == named.name) return named.hours * 60;
    }
    return std::nullopt;
}

// The UTC day of an RFC 822 time read by date::parse: a named `zone` applied, a two-digit year
// put in its RFC 2822 century.
std::optional<std::string> rfc822_utc_day(std::chrono::sys_seconds t, const std::string& zone, bool two_digit_year) {
    if (!zone.empty()) {
        const auto offset = rfc822_zone(zone);
        if (!offset) return std::nullopt;
        t -= minutes(*offset);
    }
    date::year_month_day ymd{date::floor<date::days>(t)};
    if (two_digit_year && ymd.year() >= date::year(2050)) {
        const auto time_of_day = t - date::sys_days(ymd);
        ymd -= date::years(100);
        t = date::sys_days(ymd) + time_of_day;
    } else if (!two_digit_year && ymd.year() < date::year(1000)) {
        return std::nullopt;  // "29 Nov 123": a year is two or four digits
    }
    return yyyymmdd(t);
}

// "Fri, 29 Nov 2024 10:00:00 GMT": [weekday,] day month year [hh:mm[:ss] [zone]].
std::optional<std::string> parse_rfc822_date(std::string_view text) {
    // The weekday, unread (see above).
    if (!text.empty() && std::isalpha(static_cast<unsigned char>(text.front())) != 0) {
        const auto end = text.find_first_of(", \t");
        if (end == std::string_view::npos) return std::nullopt;
        text.remove_prefix(end);
        while (!text.empty() && (text.front() == ',' || text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    }
    const std::string input(text);
    // %y before %Y: "%Y" would read "24" as the year 24, "%y" leaves "2024" half read and fails.
    // %z reads "+0100" (not "-05:00"), %Ez "-05:00" and "+01" (not "+0000").
    std::string zone;
    for (const std::string year : {"%y", "%Y"}) {
        for (const std::string time : {" %T", " %R", ""}) {
            for (const std::string zone_format : {" %z", " %Ez", " %Z", ""}) {
                if (time.empty() && !zone_format.empty()) continue;
                const std::string format = "%d %b " + year + time + zone_format;
                auto t = parse_whole<seconds>(input, format.c_str(), zone);
                if (!t) continue;
                return rfc822_utc_day(*t, zone, year == "%y");
            }
        }
    }
    return std::nullopt;
}

// "2024-11-29T23:30:00-05:00": the day in UTC when the time has a zone; nullopt otherwise (then
// the date as written is the day).
std::optional<std::string> iso_utc_day(std::string_view text) {
    std::string input(text);
    if (!input.empty() && (input.back() == 'Z' || input.back() == 'z')) input.replace(input.size() - 1, 1, "+00:00");
    constexpr std::array<const char*, 4> kFormats = {"%Y-%m-%dT%T%Ez", "%Y-%m-%dT%R%Ez", "%Y-%m-%d %T%Ez",
                                                     "%Y-%m-%d %R%Ez"};
    std::string zone;
    for (const char* format : kFormats) {
        if (const auto t = parse_whole<milliseconds>(input, format, zone)) return yyyymmdd(*t);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (auto day = parse_iso_date(text)) {
        if (auto utc = iso_utc_day(text)) return utc;
        return day;
    }
    return parse_rfc822_date(text);
}

std::optional<std::string> parse_iso_date(std::string_view text) {
    // Drop a time part: everything from 'T' or ' ' after the date.
    if (const auto t = text.find_first_of("T "); t != std::string_view::npos) {
        if (t < 4) return std::nullopt;
        text = text.substr(0, t);
    }
    std::string_view y, m = "01", d = "01";
    if (text.size() == 8 && digits(text)) {
        y = text.substr(0, 4), m = text.substr(4, 2), d = text.substr(6, 2);
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    } else if (text.size() == 7 && text[4] == '-') {
        y = text.substr(0, 4), m = text.substr(5, 2);
    } else if (text.size() == 4) {
        y = text;
    } else {
        return std::nullopt;
    }
    if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
    const int year = to_int(y), month = to_int(m), day = to_int(d);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return std::string(y) + std::string(m) + std::string(d);
}

std::optional<std::pair<std::string, std::string>> iso_period(std::string_view text) {
    const auto first = parse_iso_date(text);
    if (!first) return std::nullopt;
    const std::string_view date = text.substr(0, text.find_first_of("T "));
    const int year = to_int(std::string_view(*first).substr(0, 4));
    const int month = to_int(std::string_view(*first).substr(4, 2));
    std::string last = *first;
    if (date.size() == 4) {
        last = first->substr(0, 4) + "1231";
    } else if (date.size() == 7) {
        const int days = days_in_month(year, month);
        last = first->substr(0, 6) + (days < 10 ? "0" : "") + std::to_string(days);
    }
    return std::make_pair(*first, last);
}

}  // namespace xling::analysis
