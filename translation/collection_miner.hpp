// Translations learned from an index (issue 20, "translations learned from the collection").
//
// A news collection is a comparable corpus: the same events on the same days in several
// languages, anchored by the same names. Two documents of different languages that share rare
// name keys (N terms, include/xling/schema.hpp) and were published within a few days of each
// other are an aligned pair; words (by Snowball stem) that keep occurring in both sides of the
// aligned pairs are translation candidates, scored by Dice over the aligned pairs:
//   dice(a, b) = 2 · pairs(a and b) / (pairs(a) + pairs(b)),
// where pairs(x) counts the aligned pairs (of that language pair) whose document in x's language
// holds x. Words in more than `max_document_share` of their language's documents are left out:
// they co-occur with everything (a frequent pair cannot be told from chance), and stopwords (no
// stem) never count.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "xling/translation_table.hpp"

namespace xling::translation {

struct LearnOptions {
    std::size_t min_shared_names = 2;   ///< rare name keys two documents must share to be aligned
    int max_days_apart = 3;             ///< publication dates at most this far apart (undated: any)
    std::size_t max_name_documents = 50;  ///< a name key in more documents aligns nothing ("EU", "Trump")
    double max_document_share = 0.5;    ///< words in more of their language's documents are left out
    std::size_t min_pairs = 3;          ///< aligned pairs a word pair must co-occur in
    double min_dice = 0.5;              ///< the confidence bar
    std::size_t max_per_word = 2;       ///< translations kept per word and target language
    float weight_scale = 0.5F;          ///< written weight = weight_scale × dice (dictionaries' direct: 0.8)
};

/// One learned translation (both directions are listed separately).
struct LearnedPair {
    std::string src_lang;
    std::string src_word;  ///< the stem's most frequent indexed form
    std::string tgt_lang;
    std::string tgt_word;
    std::size_t pairs = 0;  ///< aligned document pairs holding both
    double dice = 0;
};

struct LearnReport {
    std::size_t documents = 0;
    std::size_t aligned_pairs = 0;
    std::vector<LearnedPair> translations;  ///< by source language, word, then best first
};

/// Mines the documents of the xling indexes `dbs` (read together). `stem` is the analysis
/// chain's (analysis::Analyzer::stem_function()): indexed words are grouped by their stem.
/// @throws Xapian::Error when an index cannot be read.
[[nodiscard]] LearnReport learn_translations(const std::vector<std::filesystem::path>& dbs, const StemFunction& stem,
                                             const LearnOptions& options = {});

/// Writes `report`'s translations in the glossary line format that TranslationTable::add_learned
/// reads ("hu:katona -> en: soldier @0.40"), with a comment header naming what was mined.
void write_learned(const LearnReport& report, const LearnOptions& options, std::ostream& out);

}  // namespace xling::translation
