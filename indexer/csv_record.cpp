#include "indexer/csv_record.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>

namespace xling::indexer {
namespace {

constexpr std::size_t kId = 0, kText = 1, kUrl = 5;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // A header written by a spreadsheet may start with a UTF-8 byte order mark.
    if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
    return s;
}

// The common names of each field's column in news data sets (kCsvFields order).
const std::array<std::initializer_list<const char*>, kCsvFields.size()> kCommonNames = {{
    {"id", "guid", "uuid", "doc_id", "docid", "article_id", "identifier"},
    {"text", "body", "content", "article", "full_text", "maintext", "description", "summary"},
    {"title", "headline", "name", "subject"},
    {"date", "published", "pubdate", "published_at", "publish_date", "date_publish", "datetime", "timestamp",
     "created_at"},
    {"lang", "language", "locale"},
    {"url", "link", "uri", "source_url"},
    {"source", "site", "publisher", "domain", "outlet", "feed"},
    {"author", "authors", "byline", "creator", "writer"},
}};

std::optional<std::size_t> find_column(const std::vector<std::string>& header, const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), lower(name));
    if (it == header.end()) return std::nullopt;
    return static_cast<std::size_t>(it - header.begin());
}

std::optional<std::size_t> field_index(const std::string& name) {
    for (std::size_t i = 0; i < kCsvFields.size(); ++i) {
        if (name == kCsvFields[i]) return i;
    }
    return std::nullopt;
}

}  // namespace

std::variant<CsvColumns, std::string> csv_columns(const std::vector<std::string>& header_row,
                                                  const std::map<std::string, std::string>& chosen) {
    std::vector<std::string> header;
    for (const auto& name : header_row) header.push_back(lower(name));
    CsvColumns columns;
    columns.width = header.size();
    for (const auto& [field, name] : chosen) {
        const auto index = field_index(field);
        if (!index) return "unknown field \"" + field + "\" (fields: id, text, title, date, lang, url, source, author)";
        columns.column[*index] = find_column(header, name);
        if (!columns.column[*index]) return "no column \"" + name + "\" for field " + field + " in the header row";
    }
    bool named = !chosen.empty();
    for (std::size_t i = 0; i < kCsvFields.size(); ++i) {
        if (chosen.count(kCsvFields[i]) != 0) continue;
        for (const char* name : kCommonNames[i]) {
            columns.column[i] = find_column(header, name);
            if (columns.column[i]) break;
        }
        named = named || columns.column[i].has_value();
    }
    if (!named) {
        columns.headerless = true;
        return columns;
    }
    if (!columns.column[kText]) return std::string("no text column in the header row (name one with --field text=COLUMN)");
    if (!columns.column[kId]) columns.column[kId] = columns.column[kUrl];
    if (!columns.column[kId]) return std::string("no id or url column in the header row (name one with --field id=COLUMN)");
    return columns;
}

std::variant<SourceDocument, std::string> csv_document(std::vector<std::string>& row, const CsvColumns& columns) {
    if (row.size() != columns.width) {
        return std::to_string(row.size()) + " fields where the header row has " + std::to_string(columns.width);
    }
    SourceDocument doc;
    std::array<std::string*, kCsvFields.size()> out = {&doc.id,   &doc.text, &doc.title, &doc.date,
                                                       &doc.lang, &doc.url,  &doc.source, &doc.author};
    for (std::size_t i = 0; i < kCsvFields.size(); ++i) {
        if (columns.column[i]) *out[i] = row[*columns.column[i]];
    }
    if (doc.id.empty()) return std::string("empty id");
    if (doc.text.empty()) return std::string("empty text");
    return doc;
}

}  // namespace xling::indexer
