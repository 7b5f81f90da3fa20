// The analysis half of indexing: a validated SourceDocument -> a ready Xapian::Document.
// Everything costly per document happens here (language identification, segmentation,
// stemming, name keys), so that it can run on several threads, one DocumentAnalysis each.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "indexer/document_builder.hpp"
#include "xling/indexer.hpp"
#include "xling/source_document.hpp"

namespace xling::indexer {

/// One document on its way into the index.
struct Job {
    std::size_t seq = 0;     ///< position in the input, orders notices from several threads
    SourceDocument doc;      ///< validated: id present and short enough, UTF-8 valid, not blank
    std::string hash;        ///< content hash for schema::kContentHashSlot ("" for API documents)
    std::string source_key;  ///< input file's source key ("" for API documents)
};

/// A notice with the input position it belongs to.
struct SequencedNotice {
    std::size_t seq = 0;
    Notice notice;
};

struct AnalysedDocument {
    Xapian::Document document;
    std::string id_term;                   ///< Q<id>, the replace_document() key
    std::string lang;
    std::size_t estimated_bytes = 0;       ///< memory the document costs Xapian until committed
    /// Synonym-table links ("N<key>", word) to add with the document (schema.hpp).
    std::vector<std::pair<std::string, std::string>> name_links;
    WordTableEntries word_tables;          ///< its accent synonym and spelling entries
    std::vector<SequencedNotice> notices;  ///< warnings (language, date)
};

/// Not thread-safe: one per thread. The AnalysisData it shares is immutable.
class DocumentAnalysis {
  public:
    /// `document_limit`: bytes one document may cost (DocumentBuilder's memory limit; 0: none).
    explicit DocumentAnalysis(std::shared_ptr<const analysis::AnalysisData> data, std::size_t document_limit = 0);
    [[nodiscard]] AnalysedDocument analyse(const Job& job);

  private:
    std::string choose_language(const Job& job, std::vector<SequencedNotice>& notices);
    DocumentBuilder builder_;
    std::size_t document_limit_;
};

/// Where notices about `doc` point: its origin ("file:line") or, for API documents, its id.
[[nodiscard]] std::string where_of(const SourceDocument& doc);

}  // namespace xling::indexer
