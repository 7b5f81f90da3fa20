// xling/stored_document.hpp — a document as the index stores it: its fields and original text.
#pragma once

#include <string>

namespace xling {

/// The stored fields and text of one indexed document (Searcher::document).
struct StoredDocument {
    std::string id;
    std::string lang;    ///< ISO code, or "und"
    std::string title;
    std::string date;    ///< "YYYY-MM-DD" or empty
    std::string url;     ///< empty when none was given
    std::string source;  ///< empty when none was given
    std::string author;  ///< empty when none was given (and in indexes before schema version 7)
    std::string text;    ///< the original text, as it was indexed
};

}  // namespace xling
