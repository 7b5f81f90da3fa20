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
    /// `memory_limit`: bytes one document's terms may cost (its Xapian::Document, Xapian's copy
    /// when it is added, the word tables and caches; memory_budget.hpp's document_limit()); the
    /// words past it are stored but not indexed (last_words_left_out()). 0: no limit.
    explicit DocumentBuilder(std::shared_ptr<const analysis::AnalysisData> data, std::size_t memory_limit = 0);

    /// Builds the document of `doc` analysed as language `lang`; `date` is "YYYYMMDD" when known.
    /// Not thread-safe.
    [[nodiscard]] Xapian::Document build(const SourceDocument& doc, std::string_view lang,
                                         const std::optional<std::string>& date);

    /// Positions (words) of the document last built: part of its memory cost until committed.
    [[nodiscard]] std::size_t last_position_count() const noexcept { return positions_; }
    /// Words of the document last built that were not indexed because its terms reached the
    /// memory limit (0 when every word is indexed).
    [[nodiscard]] std::size_t last_words_left_out() const noexcept { return words_left_out_; }
    /// What the document last built costs by the builder's measured model (bytes, see
    /// build_cost()), the bound the memory limit is checked against.
    [[nodiscard]] std::size_t last_cost() const noexcept { return cost_; }

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
    // Adds the words of `text` (offsets from `base` in the whole text) to `xdoc` from position
    // positions_ + 1 on; false when the memory limit stopped it (words_left_out_ counts the rest).
    bool add_words(Xapian::Document& xdoc, std::string_view text, std::size_t base, std::string_view lang);

    analysis::Analyzer analyzer_;
    analysis::NameKeyer keyer_;
    WordCache cache_;
    std::vector<analysis::WordSpan> spans_;
    std::vector<std::size_t> word_begins_;  // byte offset of each position's word (the stored text map)
    std::vector<analysis::AnalyzedToken> tokens_;
    std::vector<std::pair<std::string, std::string>> name_links_;
    std::size_t positions_ = 0;
    std::size_t memory_limit_;
    std::size_t words_left_out_ = 0;
    std::size_t cost_ = 0;
    std::size_t text_bytes_ = 0;  // of the document being built
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
