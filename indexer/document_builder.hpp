// SourceDocument -> Xapian::Document, following xling/schema.hpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include <unordered_map>

#include "analysis/analyzer.hpp"
#include "analysis/name_key.hpp"
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

    /// The accent synonym and spelling entries of the document last built (word_tables.hpp),
    /// moved out: the caller writes them with the document.
    [[nodiscard]] WordTableEntries take_word_tables() noexcept { return std::move(word_tables_); }

  private:
    const std::vector<std::string>& name_keys(std::string_view lang, const std::string& word);

    analysis::Analyzer analyzer_;
    analysis::NameKeyer keyer_;
    // ICU transliteration is the costliest step per capitalised word and German capitalises
    // every noun: keys are cached per (language, word), the cache cleared when it grows large.
    std::unordered_map<std::string, std::vector<std::string>> key_cache_;
    std::vector<analysis::AnalyzedToken> tokens_;
    std::size_t positions_ = 0;
    WordTableCollector tables_;
    WordTableEntries word_tables_;
};

/// The JSON stored as document data (see schema.hpp).
[[nodiscard]] std::string stored_data(const SourceDocument& doc, std::string_view lang,
                                      const std::optional<std::string>& date);

}  // namespace xling::indexer
