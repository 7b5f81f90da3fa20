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
#include <map>
#include <set>
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

    /// Memory they cost Xapian until committed (rough, as DocumentAnalysis estimates documents).
    [[nodiscard]] std::size_t estimated_bytes() const noexcept;
};

/// The word-table entries of the documents written since the last commit, merged, so that each
/// distinct key and word costs Xapian one call per batch. Why not one call per document: glass's
/// synonym table reads and rewrites a key's B-tree entry whenever add_synonym() names another key
/// than the call before (documents interleave their keys), and its spelling table looks every
/// add_spelling() word up (xapian-core 1.4 backends/glass/glass_synonym.cc, glass_spelling.cc;
/// measured in docs/indexing-performance.md). Not thread-safe: one per writer.
class WordTableBatch {
  public:
    /// Adds one document's entries (its spelling words count 1 each).
    void add(const WordTableEntries& entries);
    /// Adds one synonym entry (key -> word).
    void add_synonym(const std::string& key, const std::string& word) { synonyms_[key].insert(word); }
    /// Writes everything added into `db`, keys and words in sorted order (the same input gives
    /// the same calls), and empties the batch. @throws Xapian::Error; the batch is then emptied too.
    void write_to(Xapian::WritableDatabase& db);
    [[nodiscard]] bool empty() const noexcept { return synonyms_.empty() && spellings_.empty(); }

  private:
    std::map<std::string, std::set<std::string>> synonyms_;
    std::map<std::string, Xapian::termcount> spellings_;  ///< word -> documents that have it
};

/// Collects the entries of the documents one builder analyses. Not thread-safe: one per builder.
class WordTableCollector {
  public:
    /// `analyzer` stems folded words; it must outlive the collector.
    explicit WordTableCollector(analysis::Analyzer& analyzer) : analyzer_(analyzer) {}

    /// Notes the accent synonyms of one analysed form of `lang`. Called once per distinct form
    /// by the builder's word cache; a repeat (after the cache was emptied) is merged by the
    /// WordTableBatch and by Xapian (a synonym entry is a set).
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
    std::unordered_set<std::string> document_spellings_;
    WordTableEntries pending_;
};

}  // namespace xling::indexer
