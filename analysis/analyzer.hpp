// The analysis chain shared by indexer and searcher, like a Lucene Analyzer:
//   WordTokenizer (ICU word breaks) -> Normalizer (NFKC_Casefold) -> stopword marking -> Stemmer
//   -> Lemmatizer (Hunspell lemmas and compound parts, languages with a dictionary)
// Index and query text go through exactly this code, so a query word meets its indexed forms.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analysis_data.hpp"
#include "analysis/lemmatizer.hpp"
#include "analysis/normalizer.hpp"
#include "analysis/stemmer.hpp"
#include "analysis/text.hpp"
#include "analysis/word_tokenizer.hpp"
#include "xling/translation_table.hpp"

namespace xling::analysis {

/// Words longer than this (bytes, normalized) are skipped, as Xapian's TermGenerator does: they
/// are base64, hashes or URLs rather than words, and Xapian terms are limited to 245 bytes.
inline constexpr std::size_t kMaxWordBytes = 64;

struct AnalyzedToken {
    std::size_t begin = 0;   ///< byte offset of the word in the original text
    std::size_t end = 0;     ///< one past its last byte
    std::string word;        ///< normalized form (index term without prefix)
    std::string stem;        ///< stem in the analysis language; empty for a stopword
    bool stopword = false;
    bool capitalized = false;  ///< first letter upper- or titlecase in the original (name candidate)
    /// Dictionary lemmas (normalized, distinct) of a non-stopword in a language whose lemma mode
    /// uses them (LanguageInfo::lemmas); empty when the dictionary lacks the word.
    std::vector<std::string> lemmas;
    /// Lemmas of a compound's parts (German Sicherheitsrat: sicherheit, rat), else empty.
    std::vector<std::string> parts;
};

/// The tokens' normalized words separated by single spaces: the form in which alias and
/// translation tables key names and phrases.
[[nodiscard]] inline std::string join_words(const std::vector<AnalyzedToken>& tokens) {
    return join(tokens, " ", &AnalyzedToken::word);
}

class Analyzer {
  public:
    /// Throws ConfigError when ICU data or a stemmer is unavailable.
    explicit Analyzer(std::shared_ptr<const AnalysisData> data);

    /// Analyzes `text` (valid UTF-8) as language `lang` (a supported code or "und", whose stem is
    /// the word itself). Replaces `out`. Not thread-safe: one Analyzer per thread.
    void analyze(std::string_view text, std::string_view lang, std::vector<AnalyzedToken>& out);

    /// Normalized words of `text` with their spans, no stemming (query parsing).
    void words(std::string_view text, std::vector<AnalyzedToken>& out);

    /// The word spans of `text` (valid UTF-8), before normalization: with analyze_word(), the two
    /// halves of analyze(), for callers that cache per distinct surface form (the indexer).
    void split(std::string_view text, std::vector<WordSpan>& out) { tokenizer_.split(text, out); }

    /// One surface form (a span of split()) analysed as analyze() analyses it, offsets 0; nullopt
    /// when analyze() leaves it out (empty after normalization, or longer than kMaxWordBytes).
    [[nodiscard]] std::optional<AnalyzedToken> analyze_word(std::string_view surface, std::string_view lang);

    /// One surface form (a span of split()) as words() gives it, offsets 0: its normalized word
    /// and capitalisation, no stem; nullopt when words() leaves it out. Thread-safe (const).
    [[nodiscard]] std::optional<AnalyzedToken> word(std::string_view surface) const { return word_of(surface); }
    /// Stem of a normalized word in `lang`, or "" when it is a stopword of `lang`.
    [[nodiscard]] std::string stem(std::string_view lang, std::string_view word);

    /// stem() as the StemFunction translation tables take (glossary words, table building).
    /// The function refers to this Analyzer: it must not outlive it.
    [[nodiscard]] StemFunction stem_function() {
        return [this](std::string_view lang, std::string_view word) { return stem(lang, word); };
    }

    /// Sets `token.lemmas` and `token.parts` to the lemmas of `token.word` in `lang` (a query word
    /// analysed in each document language); clears them where `lang` gets no lemmas.
    void add_lemmas(std::string_view lang, AnalyzedToken& token);

    /// Lemmas also for languages whose lemma mode is Snowball (inspection and evaluation: the
    /// indexer and searcher leave them off there, since they would not be used).
    void set_lemmas_in_every_mode(bool on) noexcept { lemmas_in_every_mode_ = on; }

    /// True when `word` (normalized) is a stopword of `lang`.
    [[nodiscard]] bool is_stopword(std::string_view lang, std::string_view word) const;

  private:
    Stemmer* stemmer_for(std::string_view lang);
    // The normalized word of `surface` with its capitalization, or nullopt (see analyze_word).
    std::optional<AnalyzedToken> word_of(std::string_view surface) const;
    void mark_and_stem(AnalyzedToken& token, const StopwordList& stopwords, Stemmer* stemmer);
    // The lemmatizer `lang`'s tokens get, or nullptr (no dictionary, or mode Snowball).
    const Lemmatizer* lemmatizer_for(std::string_view lang) const;
    void lemmatize(AnalyzedToken& token, const Lemmatizer& lemmatizer);

    std::shared_ptr<const AnalysisData> data_;
    WordTokenizer tokenizer_;
    Normalizer normalizer_;
    std::map<std::string, Stemmer, std::less<>> stemmers_;
    // Stems already computed, keyed "lang\0word": the searcher stems each query word in every
    // searched language from several stages (its stems, accent stems, the stem guard, lemma
    // keys). 4,000 excluded words stemmed 3 times in 6 languages cost 112 M of 732 M
    // instructions, about 1,550 per libstemmer call. Cleared when it reaches kStemMemoSize
    // entries, so a table build or a long batch keeps it bounded.
    static constexpr std::size_t kStemMemoSize = 1U << 16;
    std::unordered_map<std::string, std::string> stem_memo_;
    std::string memo_key_;
    std::vector<WordSpan> spans_;
    bool lemmas_in_every_mode_ = false;
};

}  // namespace xling::analysis
