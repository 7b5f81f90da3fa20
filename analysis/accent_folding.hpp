// Accent folding: the spellings a word takes when it is typed without (some of) its diacritics,
// for accent-insensitive search (schema.hpp, "version 5": the index keeps a way from each folded
// spelling to the real words; the searcher goes that way for a query word typed without them).
//
// What folds, decided per script and language (tests/analysis/test_accent_folding.cpp):
//   - Latin letters lose every combining mark after ICU NFD: Hungarian á é í ó ö ő ú ü ű,
//     Lithuanian ą č ę ė į š ų ū ž, German ä ö ü, French/English é è ê ç ï. Letters that do not
//     decompose and that keyboards without them write otherwise are mapped too: ø -> o, ł -> l,
//     đ -> d, ı -> i. German ß is "ss" already (NFKC_Casefold in the normalizer).
//   - German also has the spelling of a keyboard without umlauts, ä -> ae, ö -> oe, ü -> ue
//     ("Mueller" for Müller), a second key beside "muller".
//   - Cyrillic: only ё -> е (Russian print mostly omits the dots). й stays й: it is a letter of
//     its own (NFD would make it и + breve, and "мой"/"мои" are different words), and every
//     Russian keyboard has it.
// The rule is by script, so it is the same in every language's documents but for German's
// second key; "und" documents fold like any other.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace xling::analysis {

class AccentFolder {
  public:
    /// A folder whose ICU transliterators are compiled at their first use (once per folder:
    /// about a millisecond each, and the first fills ICU's registry): ASCII words never need them.
    /// The methods below throw ConfigError when ICU cannot build them.
    AccentFolder();
    ~AccentFolder();
    AccentFolder(AccentFolder&&) noexcept;
    AccentFolder& operator=(AccentFolder&&) noexcept;

    /// The accent-free spellings of `word` (normalized, as indexed) in documents of `lang`, other
    /// than the word itself: none for a word without diacritics (ASCII words take a fast path),
    /// one in most languages, up to two in German ("müller" -> "muller", "mueller").
    /// Not thread-safe (ICU transliterators keep state): one folder per thread.
    [[nodiscard]] std::vector<std::string> folded_forms(std::string_view lang, std::string_view word);

    /// The fully folded spelling of `word` (the first of folded_forms, or the word itself):
    /// what a query word is looked up by. Not thread-safe.
    [[nodiscard]] std::string fold(std::string_view word);

    /// True when `typed` is `real` with some or all of its diacritics left out, letter by letter,
    /// by the rules of `lang` (German: also ä as "ae"...): "siaures" and "šiaures" complete to
    /// "šiaurės", "kor" does not complete to "kör"'s sibling "kór" when typed as "kör". A letter
    /// the user did type with its accent must stay that letter. Not thread-safe.
    [[nodiscard]] bool completes(std::string_view lang, std::string_view typed, std::string_view real);

  private:
    std::string apply(icu::Transliterator& t, std::string_view word) const;
    icu::Transliterator& folding();  // compiled at the first call
    icu::Transliterator& german();

    std::unique_ptr<icu::Transliterator> fold_;
    std::unique_ptr<icu::Transliterator> german_;
};

}  // namespace xling::analysis
