// SourceDocument -> Xapian::Document, following xling/schema.hpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "analysis/name_key.hpp"
#include "indexer/word_cache.hpp"
#include "xling/source_document.hpp"

namespace xling::indexer {

class DocumentBuilder {
  public:
    explicit DocumentBuilder(std::shared_ptr<const analysis::AnalysisData> data);

    /// Builds the document of `doc` analysed as language `lang`; `date` is "YYYYMMDD" when known.
    /// Not thread-safe.
    [[nodiscard]] Xapian::Document build(const SourceDocument& doc, std::string_view lang,
                                         const std::optional<std::string>& date);

    /// Positions (words) of the document last built: part of its memory cost until committed.
    [[nodiscard]] std::size_t last_position_count() const noexcept { return positions_; }

  private:
    // The terms one surface form gives in `lang`: what the cache remembers.
    WordTerms terms_of(std::string_view lang, std::string_view surface);

    analysis::Analyzer analyzer_;
    analysis::NameKeyer keyer_;
    WordCache cache_;
    std::vector<analysis::WordSpan> spans_;
    std::vector<analysis::AnalyzedToken> tokens_;
    std::size_t positions_ = 0;
};

/// The JSON stored as document data (see schema.hpp).
[[nodiscard]] std::string stored_data(const SourceDocument& doc, std::string_view lang,
                                      const std::optional<std::string>& date);

}  // namespace xling::indexer
