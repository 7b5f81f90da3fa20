#include "programs/xling-aliases/csv.hpp"

namespace xling::importer {
namespace {

// A stray quote would otherwise make the reader swallow the rest of the file as one field.
constexpr std::size_t kMaxLinesPerRecord = 100;

}  // namespace

CsvFields split_csv_record(std::string_view record, char delimiter) {
    CsvFields out;
    std::string field;
    std::size_t i = 0;
    while (true) {
        field.clear();
        if (i < record.size() && record[i] == '"') {
            ++i;
            bool closed = false;
            while (i < record.size()) {
                const char c = record[i++];
                if (c != '"') {
                    field += c;
                } else if (i < record.size() && record[i] == '"') {
                    field += '"';
                    ++i;
                } else {
                    closed = true;
                    break;
                }
            }
            if (!closed) {
                out.error = std::string(kUnterminatedQuote);
                return out;
            }
            if (i < record.size() && record[i] != delimiter) {
                out.error = "text after a closing quote in field " + std::to_string(out.fields.size() + 1);
                return out;
            }
        } else {
            const std::size_t end = record.find(delimiter, i);
            field.assign(record.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
            i = end == std::string_view::npos ? record.size() : end;
        }
        out.fields.push_back(field);
        if (i >= record.size()) return out;
        ++i;  // the delimiter; a record ending in one has an empty last field
        if (i == record.size()) {
            out.fields.emplace_back();
            return out;
        }
    }
}

CsvFields split_tsv_line(std::string_view line) {
    CsvFields out;
    while (true) {
        const auto tab = line.find('\t');
        out.fields.emplace_back(line.substr(0, tab));
        if (tab == std::string_view::npos) return out;
        line.remove_prefix(tab + 1);
    }
}

bool CsvReader::read_line(std::string& line) {
    if (!std::getline(in_, line)) return false;
    ++line_number_;
    if (line_number_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

bool CsvReader::next(CsvRecord& out) {
    std::string record;
    if (!read_line(record)) return false;
    out.line = line_number_;
    out.fields = split_csv_record(record, delimiter_);
    std::string more;
    for (std::size_t lines = 1; !out.fields.ok() && out.fields.error == kUnterminatedQuote && lines < kMaxLinesPerRecord;
         ++lines) {
        if (!read_line(more)) break;
        record += '\n';
        record += more;
        out.fields = split_csv_record(record, delimiter_);
    }
    return true;
}

}  // namespace xling::importer
