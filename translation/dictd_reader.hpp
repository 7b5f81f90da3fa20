// Reading dictd databases (the format FreeDict ships in /usr/share/dictd): a `.index` of
// "headword<TAB>offset<TAB>length" lines, offsets and lengths in dictd's base64 numerals, into a
// `.dict` text file, usually compressed as `.dict.dz` (dictzip, a gzip file with an extra header
// field, so zlib reads it sequentially).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xling::translation {

/// Value of a dictd base64 numeral ("A".."/" are digits 0..63, most significant first), or
/// nullopt when `digits` is empty, holds a character outside the alphabet or overflows 64 bits.
[[nodiscard]] std::optional<std::uint64_t> decode_dictd_number(std::string_view digits) noexcept;

/// The dictd base64 numeral of `value` ("A" for 0). Used to write test databases.
[[nodiscard]] std::string encode_dictd_number(std::uint64_t value);

/// One article of a dictd database: its text (headword line first) and where the index names it.
struct DictdArticle {
    std::string_view text;   ///< view into the owning DictdDatabase
    std::size_t index_line;  ///< 1-based line of its first mention in the .index
};

/// A whole dictd database in memory: the decompressed .dict and its articles in file order, each
/// once even when several index lines (headword variants) point to it. The 00-database-* articles
/// (dictfmt's metadata: info, short name, url) are not articles.
class DictdDatabase {
  public:
    /// Reads `index` and `dict` (plain or gzip/dictzip, detected from the bytes).
    /// @throws InputError "file:line: message" for a malformed index line or an article outside
    ///         the .dict; InputError when a file cannot be read or decompressed, and
    ///         "file: not a regular file" for a folder, FIFO or device (checked before opening).
    [[nodiscard]] static DictdDatabase load(const std::filesystem::path& index, const std::filesystem::path& dict);

    /// The .dict next to `index` ("x.index" -> "x.dict.dz", else "x.dict"); nullopt when neither exists.
    [[nodiscard]] static std::optional<std::filesystem::path> dict_for_index(const std::filesystem::path& index);

    [[nodiscard]] const std::vector<DictdArticle>& articles() const noexcept { return articles_; }
    /// The 00-database-short article's text (the dictionary's title), empty when absent.
    [[nodiscard]] const std::string& title() const noexcept { return title_; }

  private:
    std::string text_;
    std::vector<DictdArticle> articles_;
    std::string title_;
};

}  // namespace xling::translation
