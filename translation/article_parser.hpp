// Parsing FreeDict articles as dictfmt renders their TEI in dictd databases. One article is:
//
//   headword /pronunciation/ /variant/ <part, of, speech>
//   1. translation, translation (usage note); translation     <- a numbered sense
//   2. translation [domain] <gender>
//      "example sentence"  - its translation                    <- examples: skipped
//      Note: ... / Synonyms: {...} / see: {...} / See also:     <- cross references: skipped
//
// Unnumbered articles hold one sense. The dictionaries differ: Ding-derived ones (deu-eng,
// eng-deu) give one sense per article, with many articles per headword; WikDict-derived ones
// (deu-rus) follow each sense's translation line with a definition in the source language, and
// may end a translation line with the next sense's number ("санкция 2."). The rule that covers
// them all: the first content line of a sense holds its translations, later ones are glosses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xling::translation {

/// Longest phrase, in words, kept as a headword or translation: longer ones are definitions or
/// sentences, which no query matches as a phrase.
inline constexpr std::size_t kMaxPhraseWords = 4;

struct DictTranslation {
    std::string text;       ///< cleaned (see clean_phrase)
    bool uncommon = false;  ///< labelled obsolete, rare, regional, slang... ("[veraltet]", "[Schw.]", "[obs.]")
    bool operator==(const DictTranslation&) const = default;
};

struct DictSense {
    std::vector<DictTranslation> translations;  ///< in dictionary order
};

struct DictArticle {
    std::string headword;                      ///< as written, without pronunciation and part of speech
    std::vector<std::string> parts_of_speech;  ///< the headword line's <...> ("n", "fem"), in order
    std::vector<DictSense> senses;             ///< in dictionary order; senses without translations dropped
    std::vector<std::pair<std::string, std::string>> examples;  ///< (source, target) sentences, as written
};

/// Parses one article whose translations are in `target_lang` (ISO 639-1; selects the cleanup
/// of clean_phrase). Never throws: an unusable article has no senses.
[[nodiscard]] DictArticle parse_article(std::string_view text, std::string_view target_lang);

/// The headword of an article (its first line without pronunciation and part of speech).
[[nodiscard]] std::string article_headword(std::string_view text);

/// Splits a translation line at ',' and ';' outside brackets and cleans each part; a part may
/// yield several translations ("person/man" -> person, man), or none. A part is uncommon when one
/// of its bracketed labels says so, or one of the labels opening the line (they apply to all).
[[nodiscard]] std::vector<DictTranslation> split_translations(std::string_view line, std::string_view lang);

/// True for usage labels of words a news text rarely uses: obsolete, rare, poetic, slang,
/// regional ("veraltet", "selten", "obs.", "archaic", "Schw.", "Ös.", "Sc.", ...).
[[nodiscard]] bool is_uncommon_label(std::string_view label);

/// Cleans one headword or translation in `lang`: removes (...) [...] {...} <...> (usage notes,
/// domains, grammar, optional prefixes as in Lithuanian "(pa)žeminti"), placeholders ("sb.",
/// "sth.", "jdn.", "etw."), English "to " before verbs, quotes; expands slash alternatives. Empty
/// when nothing usable is left: affixes ("-mellű", "Abbau…"), elided phrases ("as ... as"),
/// questions, phrases over kMaxPhraseWords words, text in the wrong script for `lang`.
[[nodiscard]] std::vector<std::string> clean_phrase(std::string_view text, std::string_view lang);

/// `text` without bracketed groups: (..), [..], {..}, <..>, nested; an unclosed group runs to the end.
[[nodiscard]] std::string remove_brackets(std::string_view text);

}  // namespace xling::translation
