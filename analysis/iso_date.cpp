#include "analysis/iso_date.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <vector>

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
// std::chrono's calendar does the UTC arithmetic (month and year ends, leap days); the fields are
// read by hand because std::chrono::parse is not in Debian's libstdc++ 12 and the zone names
// feeds use (GMT, EST) are not what date::parse's %Z applies.
using std::chrono::days;
using std::chrono::minutes;
using std::chrono::sys_days;

std::string yyyymmdd(std::chrono::sys_time<minutes> t) {
    const std::chrono::year_month_day ymd{std::chrono::floor<days>(t)};
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
    if (y < 1 || y > 9999) return {};
    std::string out = std::to_string(y);
    out.insert(0, 4 - out.size(), '0');
    out += (m < 10 ? "0" : "") + std::to_string(m) + (d < 10 ? "0" : "") + std::to_string(d);
    return out;
}

// A valid calendar day at hh:mm, shifted by -offset to UTC.
std::optional<std::string> utc_day(int year, int month, int day, int hour, int minute, int offset_minutes) {
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
    if (hour > 23 || minute > 59) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                          std::chrono::day(static_cast<unsigned>(day))};
    const auto t = sys_days(ymd) + minutes(hour * 60 + minute - offset_minutes);
    std::string out = yyyymmdd(t);
    if (out.empty()) return std::nullopt;
    return out;
}

// "+0100", "-05:00", "+01" -> minutes east of UTC.
std::optional<int> numeric_offset(std::string_view z) {
    if (z.size() < 3 || (z[0] != '+' && z[0] != '-')) return std::nullopt;
    const int sign = z[0] == '-' ? -1 : 1;
    z.remove_prefix(1);
    std::string hhmm;
    for (char c : z) {
        if (c != ':') hhmm.push_back(c);
    }
    if ((hhmm.size() != 2 && hhmm.size() != 4) || !digits(hhmm)) return std::nullopt;
    const int h = to_int(std::string_view(hhmm).substr(0, 2));
    const int m = hhmm.size() == 4 ? to_int(std::string_view(hhmm).substr(2, 2)) : 0;
    if (h > 23 || m > 59) return std::nullopt;
    return sign * (h * 60 + m);
}

// The RFC 822 zone (named or numeric) in minutes east of UTC.
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
    return numeric_offset(z);
}

int month_of(std::string_view name) {
    constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    if (name.size() < 3) return 0;
    std::string lower;
    for (char c : name.substr(0, 3)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    for (std::size_t i = 0; i < kMonths.size(); ++i) {
        if (lower == kMonths[i]) return static_cast<int>(i) + 1;
    }
    return 0;
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != ',') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

// "Fri, 29 Nov 2024 10:00:00 GMT": [weekday,] day month year hh:mm[:ss] [zone]. The weekday is
// not checked (feeds get it wrong more often than the date).
std::optional<std::string> parse_rfc822_date(std::string_view text) {
    auto w = words(text);
    if (!w.empty() && !digits(w[0])) w.erase(w.begin());  // the weekday
    if (w.size() < 3 || !digits(w[0]) || w[0].size() > 2 || !digits(w[2])) return std::nullopt;
    const int month = month_of(w[1]);
    if (month == 0 || w[1].size() > 9) return std::nullopt;
    int year = to_int(w[2]);
    if (w[2].size() == 2) year += year < 50 ? 2000 : 1900;  // RFC 2822 section 4.3
    else if (w[2].size() != 4) return std::nullopt;
    int hour = 0, minute = 0, offset = 0;
    if (w.size() >= 4) {
        const std::string_view t = w[3];
        if (t.size() < 5 || t[2] != ':' || !digits(t.substr(0, 2)) || !digits(t.substr(3, 2))) return std::nullopt;
        hour = to_int(t.substr(0, 2));
        minute = to_int(t.substr(3, 2));
        if (w.size() >= 5) {
            const auto zone = rfc822_zone(w[4]);
            if (!zone) return std::nullopt;
            offset = *zone;
        }
    }
    return utc_day(year, month, to_int(w[0]), hour, minute, offset);
}

// "2024-11-29T23:30:00-05:00": the day in UTC when the time has a zone; nullopt otherwise (then
// the date as written is the day).
std::optional<std::string> iso_utc_day(std::string_view text, const std::string& day) {
    const auto t = text.find_first_of("T ");
    if (t == std::string_view::npos) return std::nullopt;
    std::string_view time = text.substr(t + 1);
    if (time.size() < 5 || time[2] != ':' || !digits(time.substr(0, 2)) || !digits(time.substr(3, 2))) {
        return std::nullopt;
    }
    const int hour = to_int(time.substr(0, 2)), minute = to_int(time.substr(3, 2));
    const auto zone_at = time.find_first_of("Z+-", 5);
    if (zone_at == std::string_view::npos) return std::nullopt;
    const std::string_view zone = time.substr(zone_at);
    const auto offset = zone == "Z" ? std::optional<int>(0) : numeric_offset(zone);
    if (!offset) return std::nullopt;
    const std::string_view d = day;
    return utc_day(to_int(d.substr(0, 4)), to_int(d.substr(4, 2)), to_int(d.substr(6, 2)), hour, minute, *offset);
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (auto day = parse_iso_date(text)) {
        if (auto utc = iso_utc_day(text, *day)) return utc;
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
