// xling/translation_table.hpp — keyword translation between the indexed languages.
//
// A TranslationTable answers "what is this word in the other languages?" from two sources:
//
// 1. A compiled table (`xling-dict build`, see README.md, "Translation") made from the FreeDict
//    dictionaries: every pair with a dictionary in either direction translates directly; pairs
//    without one (hu<->lt, de<->hu, lt<->ru, ...) go through English (or German) at a lower
//    weight. It is a binary file read with mmap: loading costs a few milliseconds whatever its
//    size, and processes share its pages.
// 2. User glossaries (UTF-8 text), which add or override translations for a domain without
//    rebuilding anything:
//
//      # comment
//      hu:katonai -> de: militärisch | Militär-
//      hu:együttműködés -> en: cooperation | collaboration @0.8
//      hu:szankció => en: sanctions
//      en:troops => lt:
//
//    `<src>:<word> -> <tgt>: <translation> | <translation> ...` adds translations (weight 1.0, or
//    `@w` with 0 < w <= 1) ahead of the dictionary's; `=>` replaces the dictionary's translations
//    (and those of earlier glossary lines) of that word into that language, an empty list
//    removing them all. Words and translations may be phrases. Later lines and later files extend
//    or override earlier ones.
//
// Keys are normalized as the analysis chain does it (NFKC_Casefold words joined by one space:
// AnalyzedToken::word, xling::normalize_name()). The table holds every dictionary headword and
// every translation (for the reverse direction) of up to 4 words, and an index from stems (the
// project's Snowball stems, AnalyzedToken::stem) to those words, so an inflected query word
// ("együttműködését") finds the entry of its dictionary form ("együttműködés").
//
// Weights (0, 1], first senses first; the whole scheme (README.md, "Translation", tells how they are used):
//   direct   0.8 / sense rank × 0.9^(position in the sense), raised towards 1 when the other
//            direction's dictionary confirms the pair (noisy-or with 0.5 × its own rank weight);
//   pivot    0.5 × weight(src→en) × weight(en→tgt), several paths combined by noisy-or;
//   by stem  0.9 × the weight of the word sharing the stem;
//   glossary as written (default 1.0).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xling {

namespace translation {
class Glossary;
}

/// One translation of a source word into one target language.
struct Translation {
    std::string text;   ///< as the dictionary writes it ("Zusammenarbeit", "poached egg"); several words form a phrase
    float weight = 0;   ///< in (0, 1], higher is better
    std::string via;    ///< "direct", a pivot path ("en", "de", "en+de"), "glossary" or "learned"
    std::string key;    ///< the normalized table key it was found under: the word itself, or a word sharing its stem
};

/// The translations of a word into one language, best first.
struct TargetTranslations {
    std::string lang;  ///< ISO 639-1 code
    std::vector<Translation> translations;
};

/// Limits of one lookup (the fan-out cap of query translation).
struct TranslationOptions {
    std::size_t max_per_language = 5;           ///< at most this many translations per target language
    float min_weight = 0.02F;                   ///< translations weighing less are dropped
    std::vector<std::string> target_languages;  ///< empty: every language of the table but the source
};

/// Stem of a normalized word in a language ("" for a stopword), as analysis::Analyzer::stem():
/// lets glossary words match inflected query words too.
using StemFunction = std::function<std::string(std::string_view lang, std::string_view normalized_word)>;

/// The keys besides its own form under which a normalized word of a language is looked up, best
/// first: its lemmas where an analysis provides them, then its stem (the Snowball fallback). Each
/// key is tried as a headword ("katonák" -> stem "katona", itself a headword) and as a stem of
/// headwords ("Truppen" -> "trupp" -> "Truppe"). An empty list: by form only.
using LookupKeyFunction = std::function<std::vector<std::string>(std::string_view lang, std::string_view normalized_word)>;

/// Sizes, for reports.
struct TranslationTableStats {
    std::size_t keys = 0;              ///< source words and phrases in the compiled table
    std::size_t translations = 0;      ///< translation records in the compiled table
    std::size_t stems = 0;             ///< stems indexed
    std::uint64_t table_bytes = 0;     ///< size of the compiled table file (mapped, not copied)
    std::size_t glossary_entries = 0;  ///< (source word, target language) entries from glossaries
    std::size_t learned_entries = 0;   ///< (source word, target language) entries learned from a collection
};

/// An immutable translation table. Copies share the loaded data. Thread-safe for concurrent
/// const use. A default-constructed table translates nothing.
class TranslationTable {
  public:
    TranslationTable();

    /// Loads `files` in order: a compiled table (recognized by its header; at most one) and any
    /// number of glossaries. `stem` (optional) also keys single-word glossary entries by stem.
    /// @throws ConfigError naming the file when a file cannot be read, a table is truncated, of
    ///         another format version or corrupt, or more than one table is given; "file:line:
    ///         message" for a malformed glossary line or invalid UTF-8.
    [[nodiscard]] static TranslationTable load(const std::vector<std::filesystem::path>& files,
                                               const StemFunction& stem = {});

    /// Loads one compiled table or glossary. Same errors as above.
    [[nodiscard]] static TranslationTable load(const std::filesystem::path& file);

    /// Adds glossary text (`origin` names it in errors) on top of this table's data.
    /// @throws ConfigError "origin:line: message".
    void add_glossary(std::string_view text, const std::string& origin = "<glossary>", const StemFunction& stem = {});

    /// Adds translations learned from a collection (`xling-dict learn`; glossary line format, each
    /// with its weight) as the lowest layer: they join a word's candidates labelled "learned",
    /// never replace a dictionary's or a glossary's translation of the same text, and are capped
    /// and weight-filtered with the rest. `origin` names the text in errors.
    /// @throws ConfigError "origin:line: message".
    void add_learned(std::string_view text, const std::string& origin = "<learned>", const StemFunction& stem = {});

    /// Translations of `normalized_word` (a word or phrase key, see above) from `src_lang`,
    /// one entry per target language that has any, in the table's language order.
    [[nodiscard]] std::vector<TargetTranslations> translations(std::string_view src_lang,
                                                               std::string_view normalized_word,
                                                               const TranslationOptions& options = {}) const;

    /// As translations(), falling back to the words sharing `stem` (the word's stem in
    /// `src_lang`) when the word itself is no key — the call for analyzed query words.
    [[nodiscard]] std::vector<TargetTranslations> lookup(std::string_view src_lang, std::string_view normalized_word,
                                                         std::string_view stem,
                                                         const TranslationOptions& options = {}) const;

    /// As lookup(), with the word's lookup keys (LookupKeyFunction) instead of one stem: the
    /// word's own entry first; for the target languages it has none in, the headwords equal to a
    /// key and then the headwords sharing a key as their stem, each at a lower weight (by stem).
    [[nodiscard]] std::vector<TargetTranslations> lookup(std::string_view src_lang, std::string_view normalized_word,
                                                         const std::vector<std::string>& keys,
                                                         const TranslationOptions& options = {}) const;

    /// Languages of the compiled table and glossaries, table order first.
    [[nodiscard]] std::vector<std::string> languages() const;

    /// Longest key in words (bounds the phrase lookups a query needs); at least 1.
    [[nodiscard]] std::size_t max_key_words() const noexcept;

    [[nodiscard]] bool empty() const noexcept;
    [[nodiscard]] TranslationTableStats stats() const noexcept;

    /// Every translation of the compiled table, for `xling-dict dump`: calls `visit` with
    /// (source language, key, target language, record), in key order.
    void for_each(const std::function<void(std::string_view, std::string_view, std::string_view, const Translation&)>& visit) const;

    class Impl;  ///< implementation detail

  private:
    explicit TranslationTable(std::shared_ptr<Impl> impl);
    // Parses `text` into one of Impl's glossary-format layers, copying Impl on write.
    void add_layer(std::shared_ptr<const translation::Glossary> Impl::*layer, std::string_view text, const std::string& origin,
                   const StemFunction& stem);
    std::shared_ptr<Impl> impl_;
};

}  // namespace xling
