// importer/csv.hpp — a minimal RFC 4180 reader: comma- (or tab-) separated fields, optionally in
// double quotes, where a quoted field may hold the delimiter, a doubled quote ("") for a quote, and
// line breaks. Enough for the EveryPolitician exports; no dialect detection.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace xling::importer {

/// The fields of one record, or why it could not be split.
struct CsvFields {
    std::vector<std::string> fields;
    std::string error;  ///< empty when the record is well-formed
    [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};

/// The reason split_csv_record() gives for a quoted field that is still open at the end of the
/// record; CsvReader uses it to decide to join the next line (a line break inside quotes).
inline constexpr std::string_view kUnterminatedQuote = "unterminated quoted field";

/// Splits one record (without its line terminator). A quote inside an unquoted field is kept as
/// an ordinary character (lenient, as most writers never produce it); text between a closing quote
/// and the next delimiter is an error.
[[nodiscard]] CsvFields split_csv_record(std::string_view record, char delimiter = ',');

/// Splits a line of tab-separated values (IANA text/tab-separated-values: no quoting, so a quote
/// is an ordinary character). Never fails.
[[nodiscard]] CsvFields split_tsv_line(std::string_view line);

/// One record read by CsvReader.
struct CsvRecord {
    std::size_t line = 0;  ///< 1-based line number where the record starts
    CsvFields fields;
};

/// Reads records from a stream, joining physical lines while a quoted field is open. Strips a
/// UTF-8 byte order mark at the start and a CR before each LF.
class CsvReader {
  public:
    explicit CsvReader(std::istream& in, char delimiter = ',') : in_(in), delimiter_(delimiter) {}

    /// The next record, false at end of input. A malformed record is returned (with its error),
    /// not skipped, so the caller can report where it was.
    bool next(CsvRecord& out);

  private:
    bool read_line(std::string& line);

    std::istream& in_;
    const char delimiter_;
    std::size_t line_number_ = 0;
};

}  // namespace xling::importer
