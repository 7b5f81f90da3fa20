// The per-word tables an index keeps beside its documents (schema.hpp, "version 5"): accent
// synonyms (a folded spelling -> the indexed words it stands for) and spelling words (for "did
// you mean"). Collected per document while it is analysed, written with it by the BatchWriter.
//
// Why Xapian's synonym and spelling tables rather than extra terms: both hold one entry per
// distinct word (not per document), Database::synonyms_begin() and get_spelling_suggestion()
// merge every database of a stub or a --db list (OrTermList; spelling frequencies summed), and
// the compactor that merges the shards of a parallel run unions synonym entries and sums
// spelling frequencies (xapian-core 1.4 api/omdatabase.cc, backends/glass/glass_compact.cc).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>
#include <xapian.h>

#include "analysis/accent_folding.hpp"
#include "analysis/analyzer.hpp"

namespace xling::indexer {

/// What one document adds to the word tables.
struct WordTableEntries {
    std::vector<std::pair<std::string, std::string>> synonyms;  ///< (key, word): schema::accent_key -> word
    std::vector<std::string> spellings;                          ///< words, each once per document

    /// Writes them into `db` (add_synonym, add_spelling with frequency 1 per document).
    void write_to(Xapian::WritableDatabase& db) const;
    /// Memory they cost Xapian until committed (rough, as DocumentAnalysis estimates documents).
    [[nodiscard]] std::size_t estimated_bytes() const noexcept;
};

/// Collects the entries of the documents one builder analyses. Not thread-safe: one per builder.
class WordTableCollector {
  public:
    /// `analyzer` stems folded words; it must outlive the collector.
    explicit WordTableCollector(analysis::Analyzer& analyzer) : analyzer_(analyzer) {}

    /// Notes the accent synonyms of one analysed form of `lang` (once per distinct form is
    /// enough: forms already noted are skipped).
    void add_form(std::string_view lang, const analysis::AnalyzedToken& token);
    /// Notes a spelling word (spelling_of()) of the current document.
    void add_spelling(const std::string& word) { document_spellings_.insert(word); }
    /// The entries of the document whose tokens were added since the last call.
    [[nodiscard]] WordTableEntries finish_document();

    /// Whether a token becomes a spelling word: a capitalised word (a name candidate) that is
    /// not a stopword, of 4 letters or more, without digits; an English possessive "'s" is left
    /// off ("Belousov's" -> "belousov"). Names are what users misspell and
    /// cannot look up elsewhere; every word would make the table several times larger (measured,
    /// docs/index-lifecycle.md "Word tables").
    [[nodiscard]] static bool spelling_word(const analysis::AnalyzedToken& token);
    /// The spelling word of `token` (see spelling_word()), or "" when it is none.
    [[nodiscard]] static std::string spelling_of(const analysis::AnalyzedToken& token);

  private:
    analysis::Analyzer& analyzer_;
    analysis::AccentFolder folder_;
    // Words whose accent entries were emitted already: a synonym entry is written once per
    // builder, not once per occurrence (Xapian would merge duplicates, but not for free).
    std::unordered_set<std::string> folded_seen_;
    std::unordered_set<std::string> document_spellings_;
    WordTableEntries pending_;
};

}  // namespace xling::indexer
