// Which stems of a query word are worth searching (issue 15).
//
// Every query word is stemmed with every document language's Snowball stemmer, and a stemmer
// applied to a word of another language strips whatever looks like its suffixes: Hungarian turns
// `Kim` into `ki` ("who") and `Seoul` into `se`, Lithuanian the translation `parama` into `par`
// (which `paros`, `parą`, `pardavus` share), Russian `рой` into `ро`. Such a stem matches many
// unrelated words of that language. A stem is kept when it is a plausible form of the word:
//   - it keeps at least kMinStemLetters letters (or is the word itself: `EU`, `ir`);
//   - it is not a stopword of its language (or the word itself, which then is one);
//   - in Lithuanian and Russian, a stem of at most kMinStemLetters letters keeps more than half
//     of the word.
// Measured on the UD treebanks of ../shared/eval/ud (distinct non-stopword forms, plain Snowball;
// precision = the pairs of forms sharing a stem that share the gold lemma):
//   stem under 3 letters: ru 0.58, hu 0.62 (stems kept: ru 0.75, hu 0.83);
//   stem a stopword: hu 0.40, ru 0.63 (kept: hu 0.83, ru 0.75);
//   stem of 3 letters from a word of 6 or more: lt 0.48, ru 0.48 (kept: lt 0.71, ru 0.75), but
//   hu 0.83, de 0.65, en 0.77, no worse than their kept stems: there the rule would only lose
//   matches (the NTREX smoke run lost up to 0.08 MRR into Hungarian with it).
// In a large index the short stems also have far larger groups than in a treebank, which is what
// the issue measured (351 law texts for `Kim`). A word whose stem is rejected in a language is
// searched there as written and, when capitalised, as a name (its inflected forms by the
// language's name rules).
#pragma once

#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "searcher/index_forms.hpp"

namespace xling::searcher {

/// Fewest letters (code points) a stem that differs from its word must keep.
inline constexpr std::size_t kMinStemLetters = 3;

/// True when `stem`, the Snowball stem of the normalized `word` in `lang` (non-empty: the word is
/// no stopword there), is worth searching for the word (see above). Not thread-safe through
/// `analyzer` (its stopword lists are read only, but the Analyzer is one per thread).
[[nodiscard]] bool plausible_stem(const analysis::Analyzer& analyzer, std::string_view lang, std::string_view word,
                                  std::string_view stem);

/// Fewest documents of a language before a term's share of them says anything.
inline constexpr Xapian::doccount kMinDocumentsForShare = 20;

/// True when the stem term `Z<lang>:<stem>` is in more than half of the documents of `lang`
/// (counted when the index has at least kMinDocumentsForShare of them): as a translation it
/// would match most of the language and carry almost no weight, only noise (a word such as
/// "said" or "year" in news).
[[nodiscard]] bool too_frequent(const Xapian::Database& db, std::string_view lang, std::string_view stem);

/// How many times more documents a short stem may have than its word before it is taken to stand
/// mostly for other words.
inline constexpr Xapian::doccount kShortStemDominance = 10;

/// True when `stem`, the stem of a translation `word` in `lang`, has at most 4 letters, differs
/// from the word and is in more than kShortStemDominance times as many documents as the word
/// itself: Lithuanian `minia` ("crowd", for `troops`) stems to `min`, which in law texts is
/// almost only `minėtų` ("mentioned"). Such a translation is searched as written.
[[nodiscard]] bool stem_mostly_other_words(const Xapian::Database& db, std::string_view lang, const std::string& word,
                                           std::string_view stem);

/// The first two rules only (length, stopword): whether the translation table may find `word`
/// by `stem` in `lang` (its siblings sharing the stem). The third kept Lithuanian and Russian
/// query words from their dictionary entries (NTREX smoke run: hu->de keywords_common MRR
/// 0.88 -> 0.82) while the table's own keys keep those lookups precise.
[[nodiscard]] bool stem_keeps_a_word(const analysis::Analyzer& analyzer, std::string_view lang, std::string_view word,
                                     std::string_view stem);

/// The index terms that stand for `word` in `lang` where its stem is not plausible: when
/// `capitalized`, its inflected forms as a name (IndexForms::forms), else the word itself when
/// the index has it. Empty when the index has none.
[[nodiscard]] std::vector<std::string> unstemmed_forms(IndexForms& forms, std::string_view lang, const std::string& word,
                                                       bool capitalized);

}  // namespace xling::searcher
