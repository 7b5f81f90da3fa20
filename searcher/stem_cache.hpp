// Stems of index words, remembered across the queries of one Searcher. Finding a query stem's
// words in the index (IndexForms::stem_forms, IndexMatches) stems every vocabulary term under a
// prefix, and the same prefixes are scanned by the query builder and then by the snippets, and
// again by later queries: a Snowball stem costs about 3,000 instructions, a lookup here a tenth.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "analysis/analyzer.hpp"

namespace xling::searcher {

class StemCache {
  public:
    /// Cached stems at most this many; then the cache starts again (a few MB at most).
    static constexpr std::size_t kMaxEntries = 200000;

    explicit StemCache(analysis::Analyzer& analyzer) : analyzer_(analyzer) {}

    /// analyzer.stem(lang, word): the stem of the normalized `word` in `lang`, "" for a
    /// stopword. The reference is valid until the next call. Not thread-safe.
    [[nodiscard]] const std::string& stem(std::string_view lang, std::string_view word);

    /// The analyzer the stems come from.
    [[nodiscard]] analysis::Analyzer& analyzer() const noexcept { return analyzer_; }

  private:
    analysis::Analyzer& analyzer_;
    std::unordered_map<std::string, std::string> stems_;  // lang '\0' word -> stem
    std::string key_;
};

}  // namespace xling::searcher
