// Tolerant name-key matching: the index's name keys within a small edit distance of a query's
// key, for the transcriptions no rule foresees (Kyrylenko / Кириленко: "kyrylenko" / "kirilenko").
//
// Why a walk of the index's own keys and not Xapian's spelling table: the spelling table holds
// words, not keys, and get_spelling_suggestion() returns one word, never "every key within one
// edit". The walk is bounded: it reads only the N-terms that share the key's first
// kNeighbourPrefixLength letter (an edit there is left to the rules files), and at most
// kMaxNeighbourScan of them; keys shorter than kMinTolerantKeyLength are never widened (short
// keys of distinct names lie one edit apart: Putin / Patin).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace xling::searcher {

inline constexpr std::size_t kMinTolerantKeyLength = 7;
inline constexpr std::size_t kNeighbourPrefixLength = 1;
inline constexpr std::size_t kMaxNeighbourScan = 20000;
/// Weight of the tolerant alternatives against the word's exact ones (OP_SCALE_WEIGHT), so an
/// exact key match ranks first.
inline constexpr double kTolerantKeyWeight = 0.5;

/// Edits tolerated for a key of `length` letters: 0 under 7, 1 under 10, else 2. Not from 6: the
/// English reading of Lithuanian "Rusija" ("rusija") is one edit from Russia's key "rusia".
[[nodiscard]] constexpr std::size_t tolerated_edits(std::size_t length) noexcept {
    return length >= 10 ? 2 : length >= kMinTolerantKeyLength ? 1 : 0;
}

/// Levenshtein distance of `a` and `b` when it is at most `limit`, else limit + 1 (stops early).
[[nodiscard]] std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit);

/// Name keys of `db` (without the "N" prefix) within tolerated_edits(key) of `key`, `key` itself
/// left out, nearest first then alphabetical, at most `max_keys`. Reads at most kMaxNeighbourScan
/// terms. Thread-safe as far as `db` is (one Xapian::Database per thread).
[[nodiscard]] std::vector<std::string> key_neighbours(const Xapian::Database& db, std::string_view key,
                                                      std::size_t max_keys = 8);

}  // namespace xling::searcher
