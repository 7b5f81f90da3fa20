// parse_iso_date: ISO 8601 dates and date-times -> "YYYYMMDD" (index value slot 0).
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "analysis/iso_date.hpp"
#include "support/test_support.hpp"

using xling::analysis::parse_iso_date;

TEST_SUITE("iso_date") {

TEST_CASE("a calendar date maps to YYYYMMDD") {
    CHECK(parse_iso_date("2024-11-29") == std::optional<std::string>("20241129"));
    CHECK(parse_iso_date("1999-01-01") == std::optional<std::string>("19990101"));
    CHECK(parse_iso_date("2025-12-31") == std::optional<std::string>("20251231"));
}

TEST_CASE("a date-time keeps only its date") {
    const std::optional<std::string> expected = "20241129";
    CHECK(parse_iso_date("2024-11-29T10:15:00Z") == expected);
    CHECK(parse_iso_date("2024-11-29T10:15:00") == expected);
    CHECK(parse_iso_date("2024-11-29T10:15:00+01:00") == expected);
    CHECK(parse_iso_date("2024-11-29T23:59:59.123-05:00") == expected);
    CHECK(parse_iso_date("2024-11-29 10:15") == expected);
    CHECK(parse_iso_date("2024-11-29 10:15:00Z") == expected);
    CHECK(parse_iso_date("20241129T101500Z") == expected);
}

TEST_CASE("the basic format without separators is accepted") {
    CHECK(parse_iso_date("20241129") == std::optional<std::string>("20241129"));
    CHECK(parse_iso_date("20240229") == std::optional<std::string>("20240229"));
    CHECK_FALSE(parse_iso_date("20240230").has_value());
}

TEST_CASE("a month or a year alone maps to its first day") {
    CHECK(parse_iso_date("2024-11") == std::optional<std::string>("20241101"));
    CHECK(parse_iso_date("2024-01") == std::optional<std::string>("20240101"));
    CHECK(parse_iso_date("2024") == std::optional<std::string>("20240101"));
    CHECK_FALSE(parse_iso_date("2024-13").has_value());
    CHECK_FALSE(parse_iso_date("2024-00").has_value());
}

TEST_CASE("days past the end of the month are rejected") {
    CHECK_FALSE(parse_iso_date("2024-02-30").has_value());
    CHECK_FALSE(parse_iso_date("2024-04-31").has_value());
    CHECK_FALSE(parse_iso_date("2024-11-31").has_value());
    CHECK_FALSE(parse_iso_date("2024-11-00").has_value());
    CHECK_FALSE(parse_iso_date("2024-01-32").has_value());
    CHECK(parse_iso_date("2024-01-31") == std::optional<std::string>("20240131"));
    CHECK(parse_iso_date("2024-04-30") == std::optional<std::string>("20240430"));
}

TEST_CASE("February 29 exists only in leap years") {
    CHECK(parse_iso_date("2024-02-29") == std::optional<std::string>("20240229"));
    CHECK_FALSE(parse_iso_date("2023-02-29").has_value());
    CHECK(parse_iso_date("2023-02-28") == std::optional<std::string>("20230228"));
    // Century rule: 1900 is not a leap year, 2000 is.
    CHECK_FALSE(parse_iso_date("1900-02-29").has_value());
    CHECK(parse_iso_date("2000-02-29") == std::optional<std::string>("20000229"));
}

TEST_CASE("invalid months are rejected") {
    CHECK_FALSE(parse_iso_date("2024-13-01").has_value());
    CHECK_FALSE(parse_iso_date("2024-00-10").has_value());
    CHECK_FALSE(parse_iso_date("20241301").has_value());
}

TEST_CASE("text that is not an ISO 8601 date is rejected") {
    CHECK_FALSE(parse_iso_date("29.11.2024").has_value());
    CHECK_FALSE(parse_iso_date("11/29/2024").has_value());
    CHECK_FALSE(parse_iso_date("").has_value());
    CHECK_FALSE(parse_iso_date("abcd-ef-gh").has_value());
    CHECK_FALSE(parse_iso_date("abcd").has_value());
    CHECK_FALSE(parse_iso_date("2024-1-29").has_value());
    CHECK_FALSE(parse_iso_date("2024/11/29").has_value());
    CHECK_FALSE(parse_iso_date("24-11-29").has_value());
    CHECK_FALSE(parse_iso_date("November 29, 2024").has_value());
    CHECK_FALSE(parse_iso_date("Today").has_value());
    CHECK_FALSE(parse_iso_date("T10:15:00").has_value());
    CHECK_FALSE(parse_iso_date("2024-11-2x").has_value());
    CHECK_FALSE(parse_iso_date("202411290").has_value());
}

}  // TEST_SUITE

TEST_SUITE("iso_date") {

using xling::analysis::parse_date;

TEST_CASE("parse_date: RFC 822/1123 dates as feeds write them, stored as the UTC day") {
    const std::optional<std::string> nov29 = "20241129";
    CHECK(parse_date("Fri, 29 Nov 2024 10:00:00 GMT") == nov29);
    CHECK(parse_date("29 Nov 2024 10:00 +0100") == nov29);
    CHECK(parse_date("Fri, 29 Nov 24 10:00:00 UT") == nov29);
    CHECK(parse_date("  Fri, 29 November 2024 10:00:00 Z ") == nov29);
    CHECK(parse_date("Fri, 29 Nov 2024") == nov29);
    // Zones move the day: 23:30 in New York is the next day in UTC, 00:30 in Berlin the day before.
    CHECK(parse_date("Fri, 29 Nov 2024 23:30:00 EST") == std::optional<std::string>("20241130"));
    CHECK(parse_date("Sat, 30 Nov 2024 00:30:00 +0100") == nov29);
    CHECK(parse_date("Tue, 31 Dec 2024 22:00:00 -0300") == std::optional<std::string>("20250101"));
    CHECK(parse_date("Thu, 29 Feb 2024 12:00:00 GMT") == std::optional<std::string>("20240229"));
}

TEST_CASE("parse_date: ISO 8601 date-times with a zone are moved to UTC; others keep their date") {
    CHECK(parse_date("2024-11-29") == std::optional<std::string>("20241129"));
    CHECK(parse_date("2024-11-29T10:15:00") == std::optional<std::string>("20241129"));
    CHECK(parse_date("2024-11-29T23:30:00-05:00") == std::optional<std::string>("20241130"));
    CHECK(parse_date("2024-11-29T23:59:59.123-05:00") == std::optional<std::string>("20241130"));
    CHECK(parse_date("2024-11-30T00:30:00+01:00") == std::optional<std::string>("20241129"));
    CHECK(parse_date("2024-11-29T10:15:00Z") == std::optional<std::string>("20241129"));
}

TEST_CASE("parse_date: what is not a date is nullopt, never a crash") {
    for (const char* bad : {"", "yesterday", "Fri, 30 Feb 2024 10:00:00 GMT", "Fri, 29 Foo 2024 10:00:00 GMT",
                            "Fri, 29 Nov 2024 25:00:00 GMT", "Fri, 29 Nov 2024 10:00:00 XYZ", "29 Nov 123 10:00",
                            "Fri, 129 Nov 2024", "Fri,", ",,,", "Nov 2024 10:00"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_date(bad).has_value());
    }
}

}  // TEST_SUITE
