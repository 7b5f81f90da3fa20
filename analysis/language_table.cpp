// The supported-language table. Adding a language: one row here plus data/stopwords/<code>.txt
// (and, for name inflections, data/namerules/<code>.txt).
// Codes must be those CLD2's LanguageCode() returns, so detection needs no extra mapping.
#include <algorithm>
#include <array>

#include "xling/language.hpp"

namespace xling {
namespace {
using enum LemmaMode;
// Every default is Snowball: issue 19 bounds indexing CPU at 15% over Snowball alone, and the
// dictionary costs more (hu fallback 7.5x; German compound parts +65%, one thread, 5 MB bench
// sample). The measured modes stay as data: `measured_lemmas` (opt in by copying it to `lemmas`)
// and `compounds` (opt in: true). Lemma modes as eval/ measured them (eval/README.md, "Lemma
// modes": UD lemma conflation F1 on every treebank form, best where F1 rises and precision does
// not fall below Snowball's):
//   hu  fallback, first lemma: F1 0.713 -> 0.887, P 0.809 -> 0.854 (all lemmas: P 0.779)
//   ru  fallback, all lemmas:  F1 0.758 -> 0.840, P 0.730 -> 0.914
//   de  Snowball (fallback: F1 0.616 -> 0.626 but P 0.641 -> 0.599; the dictionary has no strong
//       verbs: begann is not a form of beginnen there); compound parts opt-in
//   lt  Snowball (every lemma mode lowers F1: 0.679 -> 0.58, P 0.64 -> 0.50)
//   en  Snowball (F1 0.645 -> 0.639 at best)
//   uk, pl  fallback, all lemmas, as Russian (no treebank here to measure them)
// The first five are the news domain's languages (query defaults and eval/ list them first); the
// others are every further language libstemmer has a stemmer and a Snowball stop list for, and
// Ukrainian and Polish, which libstemmer lacks, through their Hunspell lemmas (stem = the word).
constexpr std::array<LanguageInfo, 17> kLanguages{{
    {"hu", "hungarian", "Hungarian", "hu_HU", snowball, false, 1, fallback},
    {"de", "german", "German", "de_DE", snowball, false},
    {"lt", "lithuanian", "Lithuanian", "lt_LT", snowball},
    {"en", "english", "English", "en_US", snowball},
    {"ru", "russian", "Russian", "ru_RU", snowball, false, 0, fallback},
    {"fr", "french", "French"},
    {"es", "spanish", "Spanish"},
    {"it", "italian", "Italian"},
    {"pt", "portuguese", "Portuguese"},
    {"nl", "dutch", "Dutch"},
    {"sv", "swedish", "Swedish"},
    {"da", "danish", "Danish"},
    {"no", "norwegian", "Norwegian"},
    {"fi", "finnish", "Finnish"},
    {"tr", "turkish", "Turkish"},
    {"uk", "", "Ukrainian", "uk_UA", fallback},
    {"pl", "", "Polish", "pl_PL", fallback},
}};
}  // namespace

std::span<const LanguageInfo> supported_languages() noexcept { return kLanguages; }

const LanguageInfo* find_language(std::string_view code) noexcept {
    const auto* it = std::find_if(kLanguages.begin(), kLanguages.end(),
                                  [code](const LanguageInfo& l) { return l.code == code; });
    return it == kLanguages.end() ? nullptr : &*it;
}

std::string language_list(std::string_view separator, bool with_undetermined) {
    std::string out;
    for (const LanguageInfo& lang : kLanguages) out.append(out.empty() ? "" : separator).append(lang.code);
    if (with_undetermined) out.append(separator).append(kUndetermined);
    return out;
}

bool is_known_language_code(std::string_view code) noexcept {
    return code == kUndetermined || find_language(code) != nullptr;
}

}  // namespace xling
