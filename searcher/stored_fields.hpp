// Reading a document's stored fields and text back from the index (the writer is
// indexer/document_builder.cpp; the layout is in include/xling/schema.hpp): the version-5 binary
// record, or the JSON object of version 4 and earlier.
#pragma once

#include <optional>
#include <string>
#include <xapian.h>

#include "indexer/stored_record.hpp"
#include "xling/stored_document.hpp"

namespace xling::searcher {

/// Which parts of the stored record to decode: the text is most of its bytes.
enum class StoredParts { Fields, FieldsAndText };

/// Decodes the stored fields (and the text when asked) of `doc`. Data that is not a record
/// (another program's document in a shared database) gives empty fields rather than an error.
/// Throws xling::IndexError when a version-5 text block is missing or corrupt.
[[nodiscard]] StoredDocument decode_stored(const Xapian::Document& doc, StoredParts parts);

/// Decodes version-4 document data (a JSON object).
[[nodiscard]] StoredDocument decode_json_record(const std::string& data, StoredParts parts);

}  // namespace xling::searcher
