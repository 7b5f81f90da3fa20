// The words of snippet passages, with each distinct surface form normalized once per Searcher.
// ICU's NFKC_Casefold of a non-ASCII word (most words of Russian, Lithuanian, Hungarian and
// German text) costs about a thousand instructions; the passages of a query's hits repeat their
// forms ("и", "Путина", "törvény") within and across queries, and a lookup here is a fraction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.hpp"

namespace xling::searcher {

class TextWords {
  public:
    /// Cached surface forms at most this many; then the cache starts again (a few MB at most).
    static constexpr std::size_t kMaxEntries = 100000;

    /// `analyzer` must outlive this object.
    explicit TextWords(analysis::Analyzer& analyzer) : analyzer_(analyzer) {}

    /// Exactly analyzer.words(text, out): the normalized words of `text` with their spans.
    /// Replaces `out`. Not thread-safe.
    void words(std::string_view text, std::vector<analysis::AnalyzedToken>& out);

  private:
    analysis::Analyzer& analyzer_;
    std::vector<analysis::WordSpan> spans_;
    std::unordered_map<std::string, std::optional<analysis::AnalyzedToken>> forms_;  // surface -> word
    std::string key_;
};

}  // namespace xling::searcher
