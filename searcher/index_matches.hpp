// Where a hit matched, read from the index instead of re-analysing its text: for each query
// concept (MatchGroup) the unstemmed words of the document that stand for it and their positions.
// The candidate words of a concept come from the vocabulary once per query and language: its
// words and name forms, the index words with its stems (Snowball in the document's language),
// its word* expansions, and the words linked to its name keys by the synonym table (schema.hpp).
// Per hit only the candidates' positionlists in that document are read.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "searcher/match_terms.hpp"

namespace xling::searcher {

/// One word of a document that matched a query concept.
struct MatchedWord {
    std::string word;                  ///< normalized form (the index term)
    std::string stem;                  ///< its stem in the document's language ("" for a stopword)
    std::vector<std::size_t> groups;   ///< the MatchTerms groups it matched
    /// Per group: true when it matched only by name key, which counts for capitalised forms only.
    std::vector<bool> needs_capital;
    std::uint64_t first_position = 0;  ///< its first position in the document
};

/// A document's matches: its matched words by first position, and their positions.
struct DocumentMatches {
    std::vector<MatchedWord> words;
    /// (position, index into words), by position; at most kMaxPositionsPerWord per word.
    std::vector<std::pair<std::uint64_t, std::size_t>> positions;
};

class IndexMatches {
  public:
    /// Positions read per word: enough to choose where a snippet goes (the first ones).
    static constexpr std::size_t kMaxPositionsPerWord = 1000;
    /// Index terms read for one stem or word* prefix.
    static constexpr std::size_t kMaxExpansion = 20000;

    /// `db` and `terms` must outlive this object. Not thread-safe (caches per language).
    IndexMatches(const Xapian::Database& db, const MatchTerms& terms, analysis::Analyzer& analyzer);

    /// The matches of document `did` (of language `lang`). Throws Xapian::Error.
    [[nodiscard]] DocumentMatches find(Xapian::docid did, std::string_view lang);

  private:
    struct Candidate {
        std::string stem;
        std::vector<std::size_t> groups;
        std::vector<bool> needs_capital;
    };
    using Candidates = std::map<std::string, Candidate, std::less<>>;
    const Candidates& candidates(std::string_view lang);
    std::set<std::string> stem_prefixes(const MatchGroup& group, std::string_view lang, const std::string& stem);
    std::vector<std::string> source_words(const MatchGroup& group, std::string_view lang, const std::string& stem);
    void add(Candidates& out, std::string_view lang, const std::string& word, std::size_t group, bool needs_capital);

    const Xapian::Database& db_;
    const MatchTerms& terms_;
    analysis::Analyzer& analyzer_;
    std::map<std::string, Candidates, std::less<>> by_lang_;
};

}  // namespace xling::searcher
