// Known encoding faults of the FreeDict data, repaired per language before anything is keyed:
//
// - Hungarian (eng-hun): ő and ű were typed as ô/õ and û (Latin-1 has no ő/ű; the Latin-2 bytes
//   of ő/ű are õ/û in Latin-1, and ô was a typist's stand-in). Hungarian has no ô, õ or û, so in
//   Hungarian text they are always ő/ű: "együttmûködés" -> "együttműködés", "nôstény" -> "nőstény".
// - Russian (deu-rus, from Wiktionary): stress marks as combining accents ("анте́нна") are removed,
//   since running text has none and NFKC keeps them.
//
// Other mojibake is only detected and reported (U+FFFD, UTF-8 decoded as Latin-1 such as "Ã©",
// Latin letters inside Cyrillic words), because its repair would be guesswork.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xling::translation {

struct RepairReport {
    std::size_t hungarian_letters = 0;  ///< strings in which ô/õ/û became ő/ű
    std::size_t stress_marks = 0;       ///< strings from which stress accents were removed
    std::size_t suspicious = 0;         ///< strings left as they are but looking like mojibake
    std::vector<std::string> samples;   ///< a few suspicious strings, for the build summary

    void merge(const RepairReport& other);
};

/// `text` (valid UTF-8, in language `lang`) with the known faults of that language repaired;
/// counts what it changed or suspects in `report`.
[[nodiscard]] std::string repair_encoding(std::string_view text, std::string_view lang, RepairReport& report);

/// Why `text` looks like mojibake ("U+FFFD", "UTF-8 read as Latin-1", "Latin letter in a Cyrillic
/// word"), or empty when it looks fine.
[[nodiscard]] std::string_view mojibake_reason(std::string_view text);

}  // namespace xling::translation
