#include "analysis/iso_date.hpp"

#include <cctype>

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
}  // namespace

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
