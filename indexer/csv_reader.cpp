#include "indexer/csv_reader.hpp"

namespace xling::indexer {

void CsvReader::keep(std::vector<std::string>& fields, char c) {
    ++field_bytes_;
    if (too_long_) return;
    if (++record_bytes_ > max_bytes_) {
        too_long_ = true;  // `fields` keep what they have until the record's end, then are cleared
        return;
    }
    fields.back().push_back(c);
}

void CsvReader::skip_to_line_end() {
    for (int c = bytes_.get(); c != -1 && c != '\n'; c = bytes_.get()) {
    }
}

bool CsvReader::next(std::vector<std::string>& fields) {
    const bool more = read_record(fields);
    if (too_long_) fields.clear();
    return more;
}

bool CsvReader::read_record(std::vector<std::string>& fields) {
    fields.assign(1, std::string());
    field_bytes_ = 0;
    too_long_ = false;
    error_.clear();
    record_bytes_ = 0;
    record_line_ = bytes_.line();
    if (bytes_.peek() == -1) return false;
    bool quoted = false;     // inside a quoted field
    bool was_quoted = false; // the current field was quoted and its quote closed
    for (;;) {
        const int c = bytes_.get();
        if (quoted) {
            if (c == -1) {
                error_ = "unterminated quoted field";
                return true;
            }
            if (c == '"') {
                if (bytes_.peek() == '"') {
                    bytes_.get();
                    keep(fields, '"');
                } else {
                    quoted = false;
                    was_quoted = true;
                }
            } else {
                keep(fields, static_cast<char>(c));
            }
            continue;
        }
        if (c == -1 || c == '\n') {
            if (!fields.back().empty() && fields.back().back() == '\r' && !was_quoted) {
                fields.back().pop_back();
            }
            return true;
        }
        if (c == '\r' && was_quoted && (bytes_.peek() == '\n' || bytes_.peek() == -1)) continue;
        if (c == delimiter_) {
            if (++record_bytes_ > max_bytes_) too_long_ = true;
            if (!too_long_) fields.emplace_back();
            field_bytes_ = 0;
            was_quoted = false;
            continue;
        }
        if (was_quoted) {
            error_ = "text after a closing quote (a quote inside a field is written \"\")";
            skip_to_line_end();
            return true;
        }
        if (c == '"') {
            if (field_bytes_ == 0) {
                quoted = true;
                continue;
            }
            error_ = "quote inside an unquoted field (quote the whole field)";
            skip_to_line_end();
            return true;
        }
        keep(fields, static_cast<char>(c));
    }
}

}  // namespace xling::indexer
