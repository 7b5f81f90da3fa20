// split_csv_record / split_tsv_line / CsvReader: RFC 4180 quoting, the cases real exports contain.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "programs/xling-aliases/csv.hpp"
#include "support/test_support.hpp"

using xling::importer::CsvReader;
using xling::importer::CsvRecord;
using xling::importer::split_csv_record;
using xling::importer::split_tsv_line;
using Fields = std::vector<std::string>;

TEST_SUITE("csv") {

TEST_CASE("plain fields split at commas, empty fields kept") {
    CHECK(split_csv_record("a,b,c").fields == Fields{"a", "b", "c"});
    CHECK(split_csv_record("a,,c").fields == Fields{"a", "", "c"});
    CHECK(split_csv_record("a,b,").fields == Fields{"a", "b", ""});
    CHECK(split_csv_record(",").fields == Fields{"", ""});
    CHECK(split_csv_record("").fields == Fields{""});
    CHECK(split_csv_record("a,b").ok());
}

TEST_CASE("a quoted field may hold the delimiter") {
    const auto r = split_csv_record("\"Ander, Balázs\",8aaca8e9-ceb2");
    CHECK(r.ok());
    CHECK(r.fields == Fields{"Ander, Balázs", "8aaca8e9-ceb2"});
    CHECK(split_csv_record("x,\"a,b,c\",y").fields == Fields{"x", "a,b,c", "y"});
    CHECK(split_csv_record("\"\",x").fields == Fields{"", "x"});
}

TEST_CASE("a doubled quote inside quotes is one quote") {
    const auto r = split_csv_record("\"Jan \"\"Johnny\"\" Nowak\",1");
    CHECK(r.ok());
    CHECK(r.fields == Fields{"Jan \"Johnny\" Nowak", "1"});
    CHECK(split_csv_record("\"\"\"\"").fields == Fields{"\""});
}

TEST_CASE("a quote inside an unquoted field is an ordinary character") {
    CHECK(split_csv_record("O\"Brien,x").fields == Fields{"O\"Brien", "x"});
}

TEST_CASE("malformed quoting is reported, not guessed") {
    CHECK(split_csv_record("\"open,x").error == xling::importer::kUnterminatedQuote);
    const auto r = split_csv_record("\"closed\"junk,x");
    CHECK_FALSE(r.ok());
    CHECK(r.error.find("after a closing quote") != std::string::npos);
}

TEST_CASE("another delimiter") {
    CHECK(split_csv_record("a\t\"b\tc\"\td", '\t').fields == Fields{"a", "b\tc", "d"});
}

TEST_CASE("TSV lines have no quoting") {
    CHECK(split_tsv_line("Q1\tX\ten\t\"Bob\"").fields == Fields{"Q1", "X", "en", "\"Bob\""});
    CHECK(split_tsv_line("a\t\tb\t").fields == Fields{"a", "", "b", ""});
}

TEST_CASE("the reader joins lines inside quotes, strips BOM and CR, counts lines") {
    std::istringstream in("\xEF\xBB\xBFname,id\r\n\"two\nlines\",1\r\nplain,2\n\"never closed,3\n");
    CsvReader reader(in);
    CsvRecord r;
    REQUIRE(reader.next(r));
    CHECK(r.line == 1);
    CHECK(r.fields.fields == Fields{"name", "id"});
    REQUIRE(reader.next(r));
    CHECK(r.line == 2);
    CHECK(r.fields.fields == Fields{"two\nlines", "1"});
    REQUIRE(reader.next(r));
    CHECK(r.line == 4);
    CHECK(r.fields.fields == Fields{"plain", "2"});
    REQUIRE(reader.next(r));
    CHECK(r.line == 5);
    CHECK_FALSE(r.fields.ok());
    CHECK_FALSE(reader.next(r));
}

}  // TEST_SUITE
