// PDF files -> the text of their pages and their metadata, through poppler's C++ interface.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace xling::indexer {

struct PdfText {
    std::string title;  ///< the document information's Title, or ""
    std::string date;   ///< its CreationDate (else ModDate) in UTC, "2024-11-29T10:00:00Z", or ""
    std::string author; ///< the document information's Author, or ""
    std::string text;   ///< the pages' text in page order, UTF-8, pages separated by a blank line
};

/// Reads a PDF from memory. Poppler's own messages about damaged files are silenced (they would
/// interleave with the indexer's progress line); what matters comes back as the reason.
/// Thread-safe (poppler documents are independent).
/// @returns the text, or a one-line reason ("not a PDF or damaged beyond repair",
///          "encrypted PDF (a password is needed)", "no text in the PDF (scanned pages?)").
[[nodiscard]] std::variant<PdfText, std::string> read_pdf(std::string_view bytes);

}  // namespace xling::indexer
