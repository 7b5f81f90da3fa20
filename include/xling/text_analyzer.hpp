// xling/text_analyzer.hpp — xling's analysis of a text, word by word, as indexer and searcher see it.
//
// The same chain that indexes documents and analyses queries (README, "How text is analysed"):
// ICU word segmentation, NFKC_Casefold, stopword marking and Snowball stemming in one language,
// and the name keys a capitalised word is matched by across scripts. For checking the analysis
// by hand (xling-analyze), evaluations and the Python module's xling.analyze().
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "xling/resources.hpp"

namespace xling {

/// One word of an analysed text.
struct AnalyzedWord {
    std::size_t begin = 0;    ///< byte offset of the word in the text
    std::size_t end = 0;      ///< one past its last byte
    std::string word;         ///< normalized form (NFKC_Casefold): the index term
    std::string stem;         ///< Snowball stem in the analysis language; empty for a stopword
    bool stopword = false;    ///< a stopword of the analysis language
    bool capitalized = false; ///< first letter upper- or titlecase in the text (a name candidate)
    /// Name keys of a capitalised word that is not a stopword (how `Шойгу` meets `Sojgu`); empty
    /// for other words.
    std::vector<std::string> name_keys;
    /// Dictionary lemmas (Hunspell, normalized) of a non-stopword, in any lemma mode; empty when
    /// the language has no dictionary or the dictionary lacks the word.
    std::vector<std::string> lemmas;
    /// Lemmas of a compound's parts (German), else empty.
    std::vector<std::string> compound_parts;
    /// The index terms through which the word meets its other forms in its language's lemma mode
    /// (xling/schema.hpp: Z stem, M lemmas or the word itself); empty for a stopword.
    std::vector<std::string> conflation_terms;
};

/// Analyses texts with the stopwords and name rules of a Resources bundle.
///
/// Thread safety: not thread-safe (it owns ICU break iterators and stemmers); use one per
/// thread, all sharing one Resources.
class TextAnalyzer {
  public:
    /// @throws ConfigError when `resources` is null or ICU data or a stemmer is unavailable.
    explicit TextAnalyzer(std::shared_ptr<const Resources> resources);
    ~TextAnalyzer();
    TextAnalyzer(TextAnalyzer&&) noexcept;
    TextAnalyzer& operator=(TextAnalyzer&&) noexcept;

    /// The words of `text` in text order, analysed as language `lang`.
    /// @param text UTF-8
    /// @param lang a supported ISO code (language.hpp) or "und" (no stopwords, the stem is the word)
    /// @throws RequestError when `lang` is not a known language code;
    ///         InputError "invalid UTF-8 at byte N" when `text` is not valid UTF-8.
    [[nodiscard]] std::vector<AnalyzedWord> analyze(std::string_view text, std::string_view lang);

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace xling
