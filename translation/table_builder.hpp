// Building the compiled translation table from FreeDict dictd databases (`xling-dict build`).
//
// 1. Every freedict-<src>-<tgt> database of two selected languages is parsed (article_parser),
//    its text repaired (encoding_repair) and normalized (phrase_normalizer). Each translation is
//    evidence for src→tgt ("direct") and, inverted, for tgt→src ("inverse"):
//        rank weight  r = 1 / sense rank × 0.9^min(position in the sense, 4)
//        direct       0.8 × r        inverse  0.5 × r
//    Evidence of one kind keeps its maximum; the two kinds combine by noisy-or,
//    w = 1 − (1 − direct)(1 − inverse), so a pair both dictionaries agree on outranks one only
//    one of them lists (Ding's deu-eng lists Zusammenarbeit → "association" before
//    "cooperation"; eng-deu's cooperation → Zusammenarbeit settles it).
// 2. Pivots: for every pair, translations through a pivot language p (English, German, and the
//    pivot-only languages French, Italian, Dutch, Finnish, Greek, Polish, Swedish, whose FreeDict
//    pairs reach Lithuanian and Russian: fra-lit, ita-rus, ...) whose two legs are direct:
//    0.5 × w(src→p) × w(p→tgt), from the best 5 of each leg. A route is a pivot path ("fr",
//    "en+it"); the paths of one route through several pivot words combine by maximum (one piece
//    of evidence), different routes and the direct evidence by noisy-or. A pivot word without
//    translations of its own borrows those of the nearest word of its stem. Where a word has
//    fewer than 3 translations into a language, two-pivot paths (hu→en→de→ru: eng-rus is tiny)
//    are added the same way. Paths never pass through their own source or target language.
//    Phrases of over 2 words translate only directly.
// 3. Agreement: a translation only pivots reach, through one route only, is weak: × 0.6
//    (measured on NTREX, docs/translation-routes.md). Each (word, target language) then keeps
//    its best `max_per_language` translations. Keys are the normalized headwords and
//    translations of the table's languages (pivot-only languages have none); single-word keys
//    are also indexed by their stem.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "translation/encoding_repair.hpp"
#include "xling/language.hpp"
#include "xling/translation_table.hpp"

namespace xling::translation {

/// How many of the language table's first rows a translation table holds by default: the news
/// domain's five (hu de lt en ru), what the table was built and evaluated for. The further
/// languages (fr ... pl) opt in through BuildOptions::languages / xling-dict --languages; the
/// format holds at most 15 (format::kMaxLanguages), fewer than the 17 supported languages.
inline constexpr std::size_t kDefaultTableLanguages = 5;

/// The default table languages' codes, in table order (xling/language.hpp).
[[nodiscard]] inline std::vector<std::string> supported_codes() {
    std::vector<std::string> codes;
    for (const LanguageInfo& lang : supported_languages().first(kDefaultTableLanguages)) codes.emplace_back(lang.code);
    return codes;
}

struct BuildOptions {
    std::filesystem::path dictd_dir = "/usr/share/dictd";
    std::vector<std::string> languages = supported_codes();            ///< table order
    /// Pivot languages, in order. Those not in `languages` (FreeDict pairs reaching Lithuanian and
    /// Russian: fra-lit, ita-rus, ...) carry pivot paths only; table and pivot languages ≤ 15.
    std::vector<std::string> pivots{"en", "de", "fr", "it", "nl", "fi", "el", "pl", "sv"};
    std::size_t max_per_language = 6;                                  ///< stored per word and target
};

/// A dictd database found for two selected languages.
struct DictionaryFile {
    std::filesystem::path index;
    std::filesystem::path dict;
    std::string source;  ///< ISO 639-1
    std::string target;
};

struct DictionaryReport {
    DictionaryFile file;
    std::string title;
    std::size_t articles = 0;      ///< articles read
    std::size_t headwords = 0;     ///< usable headwords (variants included)
    std::size_t translations = 0;  ///< usable (headword, translation) pairs
};

struct PairReport {
    std::string source;
    std::string target;
    std::size_t words = 0;         ///< source keys with at least one translation into target
    std::size_t direct_words = 0;  ///< ... of which have a direct one (this pair's dictionaries)
    std::size_t translations = 0;  ///< records written
    std::string route;             ///< "direct", "via en", "direct + via de", ...
};

struct BuildReport {
    std::vector<DictionaryReport> dictionaries;
    std::vector<PairReport> pairs;
    RepairReport repairs;
    std::size_t keys = 0;
    std::size_t translations = 0;
    std::size_t stems = 0;
    std::uint64_t bytes = 0;
    std::vector<std::string> warnings;  ///< languages without any dictionary
};

/// freedict-<xxx>-<yyy>.index files (ISO 639-3 names) in `dir` whose languages are both in
/// `languages`, sorted by file name. Throws InputError when `dir` cannot be listed.
[[nodiscard]] std::vector<DictionaryFile> find_dictionaries(const std::filesystem::path& dir,
                                                            const std::vector<std::string>& languages);

/// Builds the table into `out`. `stem` gives the stems keyed (the analysis chain's Snowball
/// stemmer). `progress` (optional) gets one line per step.
/// @throws InputError for unreadable or malformed dictionaries; ConfigError for bad options or
///         an unwritable output.
BuildReport build_table(const BuildOptions& options, const StemFunction& stem, const std::filesystem::path& out,
                        std::ostream* progress = nullptr);

/// The summary `xling-dict build` prints.
void print_report(const BuildReport& report, std::ostream& out);

}  // namespace xling::translation
