// SourceDocument -> Xapian::Document, following xling/schema.hpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "analysis/name_key.hpp"
#include "indexer/stored_record.hpp"
#include "indexer/word_cache.hpp"
#include "indexer/word_tables.hpp"
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

    /// Synonym-table links ("N<key>", word) first met in the document last built: the indexer
    /// adds them (Xapian::WritableDatabase::add_synonym) with the document (see schema.hpp).
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& last_name_links() const noexcept {
        return name_links_;
    }
    /// The accent synonym and spelling entries of the document last built (word_tables.hpp),
    /// moved out: the caller writes them with the document.
    [[nodiscard]] WordTableEntries take_word_tables() noexcept { return std::move(word_tables_); }

  private:
    // The terms one surface form gives in `lang`: what the cache remembers.
    WordTerms terms_of(std::string_view lang, std::string_view surface);

    analysis::Analyzer analyzer_;
    analysis::NameKeyer keyer_;
    WordCache cache_;
    std::vector<analysis::WordSpan> spans_;
    std::vector<std::size_t> word_begins_;  // byte offset of each position's word (the stored text map)
    std::vector<analysis::AnalyzedToken> tokens_;
    std::vector<std::pair<std::string, std::string>> name_links_;
    std::size_t positions_ = 0;
    WordTableCollector tables_;
    WordTableEntries word_tables_;
    TextCompressor compressor_;
};

/// The record stored as document data (see schema.hpp) of `doc` whose indexed words (positions
/// 1, 2, ...) start at the byte offsets `word_begins` of its text.
[[nodiscard]] std::string stored_data(const SourceDocument& doc, std::string_view lang,
                                      const std::optional<std::string>& date,
                                      const std::vector<std::size_t>& word_begins);

}  // namespace xling::indexer
