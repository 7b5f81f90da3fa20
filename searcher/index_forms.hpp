// Inflected forms of name words, looked up in the index's own vocabulary: the candidates for a
// name word are the unstemmed index terms that start with its shortest stem, kept when the
// language's name rules accept them (analysis/name_rules.hpp). Reading the vocabulary at query
// time means an edited alias table works at the next query, with no re-indexing.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"

namespace xling::searcher {

class IndexForms {
  public:
    IndexForms(const Xapian::Database& db, std::shared_ptr<const analysis::AnalysisData> data,
               analysis::Analyzer& analyzer);

    /// Index terms that are `name_word` or its inflected forms in `lang` (sorted). A word of one
    /// character (an initial) or a language without rules gives only the word itself.
    /// Results are cached for the life of this object. Not thread-safe.
    [[nodiscard]] const std::vector<std::string>& forms(std::string_view lang, std::string_view name_word);

    /// Index terms with the same stem in `lang` as `word` (for phrases and NEAR across
    /// inflection: positions are kept on unstemmed terms only). A stopword of `lang`, or a stem
    /// under 3 characters, gives only the word itself when it is indexed. Cached; not thread-safe.
    [[nodiscard]] const std::vector<std::string>& stem_forms(std::string_view lang, std::string_view word);

    /// False when `query` can match no document of this index because the terms it needs are
    /// all absent (a term leaf not indexed; an OR whose children all cannot match; an AND or
    /// phrase with a child that cannot). True for anything it cannot judge (value ranges,
    /// wildcards, match-all). Walks the query once: its depth is bounded by the parser's.
    [[nodiscard]] bool can_match(const Xapian::Query& query) const;

    /// Whether the index holds `term`. Answers are remembered for the life of this object (one
    /// query): a query asks for the same term once per searched language (a word's unstemmed
    /// form in each language's FILTER, the language terms), and each Xapian lookup walks the
    /// term table's B-tree. Not thread-safe.
    [[nodiscard]] bool has_term(const std::string& term) const;

    /// The index these forms come from (for term statistics).
    [[nodiscard]] const Xapian::Database& database() const noexcept { return db_; }

    /// Number of index terms that start with `prefix`, counting no further than `limit + 1`
    /// (enough to tell whether a wildcard expanded to at most `limit` terms was cut).
    [[nodiscard]] std::size_t count_terms(std::string_view prefix, std::size_t limit) const;

    /// Documents of the index holding `term` (0 when none).
    [[nodiscard]] Xapian::doccount term_frequency(const std::string& term) const { return db_.get_termfreq(term); }

  private:
    const Xapian::Database& db_;
    analysis::Analyzer& analyzer_;
    std::unordered_map<std::string, std::vector<std::string>> stem_cache_;
    std::shared_ptr<const analysis::AnalysisData> data_;
    std::unordered_map<std::string, std::vector<std::string>> cache_;
    mutable std::unordered_map<std::string, bool> exists_;
};

}  // namespace xling::searcher
