// Word segmentation with ICU's BreakIterator (UAX #29 word boundaries): Cyrillic, Latin with
// diacritics, numbers ("3.5", "2025"), inner apostrophes ("Belousov's") stay one word; hyphens
// separate words ("Kim Jong-un" -> kim, jong, un), so hyphenated and spaced spellings meet in
// phrase queries.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace xling::analysis {

/// A word's byte range in the original UTF-8 text.
struct WordSpan {
    std::size_t begin;
    std::size_t end;
    bool operator==(const WordSpan&) const = default;
};

class WordTokenizer {
  public:
    /// Throws ConfigError when ICU's break rules cannot be loaded.
    WordTokenizer();
    ~WordTokenizer();
    WordTokenizer(WordTokenizer&&) noexcept;
    WordTokenizer& operator=(WordTokenizer&&) noexcept;

    /// Replaces `out` with the words of `text` (valid UTF-8), in order. Punctuation, spaces and
    /// symbols are not words. Not thread-safe: use one tokenizer per thread.
    void split(std::string_view text, std::vector<WordSpan>& out);

  private:
    std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace xling::analysis
