// Reading CSV/TSV (RFC 4180) records from a byte stream, one record at a time.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "indexer/byte_cursor.hpp"

namespace xling::indexer {

/// Splits RFC 4180 text into records: fields separated by `delimiter` (',' or '\t'), records by
/// LF or CRLF, a field in double quotes may hold delimiters, newlines and "" (one quote).
///
/// Memory stays bounded by `max_record_bytes` plus one read chunk: a longer record is read to its
/// end but not kept (next() returns it with no fields and too_long() true). A malformed record
/// (a quote inside an unquoted field, text after a closing quote, an unterminated quoted field)
/// is returned with error() saying what; reading goes on after it.
class CsvReader {
  public:
    CsvReader(ByteSource& source, char delimiter, std::size_t max_record_bytes = static_cast<std::size_t>(-1))
        : bytes_(source), delimiter_(delimiter), max_bytes_(max_record_bytes) {}
    /// The next record's fields; false at the end of input. A blank line is a record of one empty field.
    bool next(std::vector<std::string>& fields);
    /// The 1-based line on which the record next() returned last starts.
    [[nodiscard]] std::size_t line() const noexcept { return record_line_; }
    /// Whether that record was over the limit (its fields are not returned).
    [[nodiscard]] bool too_long() const noexcept { return too_long_; }
    /// What was wrong with that record ("" when nothing).
    [[nodiscard]] const std::string& error() const noexcept { return error_; }

  private:
    bool read_record(std::vector<std::string>& fields);
    // Keeps `c` in the current field unless the record is over the limit.
    void keep(std::vector<std::string>& fields, char c);
    // Skips the rest of a malformed record, to its end of line.
    void skip_to_line_end();

    ByteCursor bytes_;
    char delimiter_;
    std::size_t max_bytes_;
    std::size_t record_line_ = 0;
    std::size_t record_bytes_ = 0;
    std::size_t field_bytes_ = 0;  // bytes of the current field, kept or not
    bool too_long_ = false;
    std::string error_;
};

}  // namespace xling::indexer
