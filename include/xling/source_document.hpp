// xling/source_document.hpp — one input document, as read from a file or JSON Lines record.
#pragma once

#include <string>

namespace xling {

/// A document before analysis. Only `id` and `text` are required.
struct SourceDocument {
    std::string id;      ///< unique id; indexing the same id again replaces the document
    std::string text;    ///< body text, UTF-8
    std::string title;   ///< optional title
    std::string lang;    ///< optional ISO 639-1 code; empty = detect with CLD2
    std::string date;    ///< optional ISO 8601 date ("2024-11-29", "2024-11-29T10:00:00Z")
    std::string url;     ///< optional
    std::string source;  ///< optional publisher / feed name
    std::string origin;  ///< where it came from ("feeds/wire.jsonl:12"), used in messages
    /// Optional author(s) as written (several: ", "-separated). Last, and with a default member
    /// initialiser, so that positional initialisers of the eight fields before it keep their
    /// meaning and compile without -Wmissing-field-initializers warnings (schema version 7).
    std::string author{};
};

}  // namespace xling
