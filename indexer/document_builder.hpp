// SourceDocument -> Xapian::Document, following xling/schema.hpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "xling/source_document.hpp"

namespace xling::indexer {

class DocumentBuilder {
  public:
    explicit DocumentBuilder(std::shared_ptr<const analysis::AnalysisData> data);

    /// Builds the document of `doc` analysed as language `lang`; `date` is "YYYYMMDD" when known.
    /// Not thread-safe.
    [[nodiscard]] Xapian::Document build(const SourceDocument& doc, std::string_view lang,
                                         const std::optional<std::string>& date);

  private:
    analysis::Analyzer analyzer_;
    std::vector<analysis::AnalyzedToken> tokens_;
};

/// The JSON stored as document data (see schema.hpp).
[[nodiscard]] std::string stored_data(const SourceDocument& doc, std::string_view lang,
                                      const std::optional<std::string>& date);

}  // namespace xling::indexer
