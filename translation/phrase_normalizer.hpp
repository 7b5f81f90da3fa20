// The lookup form of a word or phrase: its words (ICU word segmentation) normalized with
// NFKC_Casefold and joined by single spaces, exactly as xling::normalize_name() and the analysis
// chain produce them, so a query word's AnalyzedToken::word is a table key as it is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/normalizer.hpp"
#include "analysis/word_tokenizer.hpp"

namespace xling::translation {

class PhraseNormalizer {
  public:
    /// "Co-operation" -> "co operation", "Zusammenarbeit" -> "zusammenarbeit"; "" when no words.
    /// Not thread-safe (one ICU break iterator): one normalizer per thread.
    [[nodiscard]] std::string operator()(std::string_view phrase);

  private:
    analysis::WordTokenizer tokenizer_;
    const analysis::Normalizer normalizer_;
    std::vector<analysis::WordSpan> spans_;
};

}  // namespace xling::translation
