// xling/language.hpp — the languages xling analyses.
//
// The table is data: adding a language means adding its stopword list
// (data/stopwords/<code>.txt; name rules data/namerules/<code>.txt are optional) and one entry to
// the table in analysis/language_table.cpp (Snowball algorithm, Hunspell dictionary, lemma mode). Lists of languages (messages, defaults) come from this table; the
// only code naming particular languages repairs known faults of FreeDict dictionaries.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace xling {

/// The language code given to documents whose language is not supported or not detectable.
inline constexpr std::string_view kUndetermined = "und";

/// Which terms make two forms of a word match (chosen per language by eval/'s UD lemma task).
enum class LemmaMode {
    snowball,  ///< the Snowball stem only (Z terms)
    lemma,     ///< dictionary lemmas (M terms); a word the dictionary lacks matches as itself
    both,      ///< the stem and the lemmas: forms sharing either match
    fallback,  ///< the lemmas of a word the dictionary knows, else its stem
};

/// One supported language.
struct LanguageInfo {
    std::string_view code;          ///< ISO 639-1 code as used in the index and on the command line ("hu").
    std::string_view snowball;      ///< libstemmer algorithm name ("hungarian"); "" when libstemmer has none.
    std::string_view english_name;  ///< Human-readable name for reports ("Hungarian").
    std::string_view hunspell = {};            ///< Hunspell dictionary name ("hu_HU"), "" for none.
    LemmaMode lemmas = LemmaMode::snowball;   ///< which terms conflate forms (needs `hunspell`)
    bool compounds = false;                    ///< compounds also get their parts' lemmas, in any mode (opt-in: German measured +65% indexing CPU)
    unsigned max_lemmas = 0;                   ///< keep the dictionary's first N lemmas of a word; 0: all
    /// The mode eval/ measured best on UD lemmas where that differs from `lemmas` (hu, ru:
    /// fallback), kept off by default because Hunspell costs indexing CPU (eval/README.md,
    /// "Lemma modes"). Opting in: set `lemmas` to this value in analysis/language_table.cpp
    /// (index and searcher must be built with the same table).
    LemmaMode measured_lemmas = LemmaMode::snowball;
};

/// All supported languages, in a stable order. Thread-safe (immutable data).
[[nodiscard]] std::span<const LanguageInfo> supported_languages() noexcept;

/// The entry for `code` (case-sensitive ISO code), or nullptr when the language is not supported.
[[nodiscard]] const LanguageInfo* find_language(std::string_view code) noexcept;

/// The supported codes joined by `separator` ("hu, de, lt, en, ru"), with kUndetermined last when
/// `with_undetermined`: for messages and defaults.
[[nodiscard]] std::string language_list(std::string_view separator = ", ", bool with_undetermined = false);

/// True when `code` is a supported language or kUndetermined.
[[nodiscard]] bool is_known_language_code(std::string_view code) noexcept;

}  // namespace xling
