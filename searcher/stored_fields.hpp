// Reading a document's stored fields and text back from its Xapian document data (the writer is
// indexer/document_builder.cpp; the layout is in include/xling/schema.hpp).
#pragma once

#include <string>

#include "xling/stored_document.hpp"

namespace xling::searcher {

/// Which parts of the stored record to decode: the text is most of its bytes.
enum class StoredParts { Fields, FieldsAndText };

/// Decodes document data written by the indexer. Data that is not a record (another program's
/// document in a shared database) gives empty fields rather than an error.
[[nodiscard]] StoredDocument decode_stored(const std::string& data, StoredParts parts);

}  // namespace xling::searcher
