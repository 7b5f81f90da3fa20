// CSV/TSV rows -> SourceDocument: which column holds which field, chosen from the header row.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "xling/source_document.hpp"

namespace xling::indexer {

/// The document fields a column can fill, in this order: id, text, title, date, lang, url, source.
inline constexpr std::array<const char*, 8> kCsvFields = {"id",  "text", "title",  "date",
                                                          "lang", "url",  "source", "author"};

/// The column of each field in kCsvFields order (nullopt: no such column), and the header's width.
/// A file whose first row names no known column has no header row (`headerless`): it is no
/// table of documents (the indexer reads it as one text).
struct CsvColumns {
    std::array<std::optional<std::size_t>, kCsvFields.size()> column;
    std::size_t width = 0;
    bool headerless = false;
};

/// Maps a header row to fields: a field named in `chosen` (field -> column name, as given to
/// --field) takes that column; the others take the first column with one of their common names
/// (id: id, guid, uuid, doc_id...; text: text, body, content...), compared without case. Without
/// an id column the url column is the id. When nothing is chosen and no cell is a common name of
/// any field, the row is data, not a header: the result is `headerless` (a list such as WMT's
/// `sources.tsv`, path and checksum per line, is still text to search).
/// @returns the columns, or a one-line error (an unknown field or column in `chosen`, no text
///          column, no id or url column).
[[nodiscard]] std::variant<CsvColumns, std::string> csv_columns(const std::vector<std::string>& header,
                                                                const std::map<std::string, std::string>& chosen);

/// The document of one data row, or a one-line error (wrong number of fields, empty id or text).
[[nodiscard]] std::variant<SourceDocument, std::string> csv_document(std::vector<std::string>& row,
                                                                     const CsvColumns& columns);

}  // namespace xling::indexer
