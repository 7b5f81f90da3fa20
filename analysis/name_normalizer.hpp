// The lookup key of a name: its words (ICU word segmentation, NFKC_Casefold) joined by single
// spaces ("Kim Jong-un" -> "kim jong un"). A class because creating an ICU BreakIterator costs far
// more than using one: alias tables and importers normalize hundreds of thousands of names with
// one instance. xling::normalize_name() is the one-off form.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/normalizer.hpp"
#include "analysis/word_tokenizer.hpp"

namespace xling::analysis {

class NameNormalizer {
  public:
    /// Lowercase NFKC-casefolded words joined by one space; empty when `name` has no words.
    /// `name` must be valid UTF-8. Not thread-safe.
    [[nodiscard]] std::string operator()(std::string_view name);

  private:
    WordTokenizer tokenizer_;
    const Normalizer normalizer_;
    std::vector<WordSpan> spans_;
};

}  // namespace xling::analysis
