// The compiled translation table file, written by TableWriter and mapped by CompiledTable.
//
// Designed to be used in place (mmap), without parsing: fixed-size little-endian records, keys
// sorted for binary search, every string in one pool. Layout (all offsets in bytes):
//
//   header      64 bytes: magic "XLDICT\r\n", u32 version, u32 language_count, u32 key_count,
//               u32 record_count, u32 stem_count, u32 stem_ref_count, u64 strings_size,
//               u32 max_key_words, zero padding
//   languages   language_count × 4 bytes: ISO code, NUL-padded
//   keys        key_count × 12: u32 text_offset, u8 text_length, u8 language,
//               u16 record_count, u32 first_record          sorted by (language, text bytes)
//   records     record_count × 8: u32 text_offset, u8 text_length, u8 target_language, u8 via,
//               u8 weight (1..255 = weight × 255)           per key: by target, best first
//   stems       stem_count × 12: u32 text_offset, u8 text_length, u8 language,
//               u16 ref_count, u32 first_ref                sorted by (language, text bytes)
//   stem_refs   stem_ref_count × 4: u32 key index
//   strings     strings_size bytes of UTF-8, deduplicated, not terminated
//
// `via` is 0 for a direct translation; otherwise its low nibble is 1 + the language index of the
// first pivot, its high nibble 1 + that of a second pivot (0 when there is none). The magic's
// "\r\n" catches text-mode mangling; the version changes with any layout change.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xling::translation::format {

inline constexpr std::array<char, 8> kMagic{'X', 'L', 'D', 'I', 'C', 'T', '\r', '\n'};
inline constexpr std::uint32_t kVersion = 1;
inline constexpr std::size_t kHeaderSize = 64;
inline constexpr std::size_t kLanguageSize = 4;
inline constexpr std::size_t kKeySize = 12;
inline constexpr std::size_t kRecordSize = 8;
inline constexpr std::size_t kStemSize = 12;
inline constexpr std::size_t kStemRefSize = 4;
/// Language indices must fit a nibble of `via` with 0 reserved.
inline constexpr std::size_t kMaxLanguages = 15;
inline constexpr std::size_t kMaxText = 255;        ///< bytes of a key, stem or record text
inline constexpr std::size_t kMaxRowCount = 65535;  ///< records of a key, refs of a stem

template <typename T>
[[nodiscard]] T read_le(const char* p) noexcept {
    T value{};
    std::memcpy(&value, p, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) {
        T swapped{};
        for (std::size_t i = 0; i < sizeof(T); ++i) {
            swapped = static_cast<T>(swapped << 8) | static_cast<T>((value >> (8 * i)) & 0xFF);
        }
        value = swapped;
    }
    return value;
}

template <typename T>
void append_le(std::string& out, T value) {
    for (std::size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

/// Quantized weight byte of a weight in (0, 1].
[[nodiscard]] std::uint8_t weight_byte(float weight) noexcept;
[[nodiscard]] inline float weight_of_byte(std::uint8_t b) noexcept { return static_cast<float>(b) / 255.0F; }

/// The via byte of a path of pivot language indices (at most two), 0 for direct.
[[nodiscard]] std::uint8_t via_byte(std::span<const std::uint8_t> pivots) noexcept;
/// The pivot language indices of a via byte.
[[nodiscard]] std::vector<std::uint8_t> via_pivots(std::uint8_t via) noexcept;

/// A translation record: what TableWriter writes and CompiledTable reads back.
struct RecordInput {
    std::string_view text;
    std::uint8_t target = 0;
    std::uint8_t via = 0;
    float weight = 0;
};

/// Writes a table. Keys and stems must be added in file order: by language index, then by text
/// bytes (std::string comparison), each once.
class TableWriter {
  public:
    /// Throws ConfigError for more than kMaxLanguages languages or a code over 3 bytes.
    explicit TableWriter(std::vector<std::string> languages);

    /// Adds a key; returns its index (for stems), or nullopt when the key is over kMaxText bytes.
    /// Records over kMaxText bytes, and past kMaxRowCount, are left out.
    std::optional<std::uint32_t> add_key(std::uint8_t lang, std::string_view key, std::span<const RecordInput> records);
    /// Adds a stem (left out when over kMaxText bytes), with at most kMaxRowCount keys.
    void add_stem(std::uint8_t lang, std::string_view stem, std::span<const std::uint32_t> key_indices);

    [[nodiscard]] std::size_t key_count() const noexcept { return key_count_; }
    [[nodiscard]] std::size_t record_count() const noexcept { return record_count_; }
    [[nodiscard]] std::size_t stem_count() const noexcept { return stem_count_; }

    /// The whole file.
    [[nodiscard]] std::string bytes() const;
    /// Writes the file through a temporary sibling renamed into place, so a reader never maps a
    /// half-written table. Returns its size. Throws ConfigError when it cannot be written.
    std::uint64_t write(const std::filesystem::path& path) const;

  private:
    std::uint32_t intern(std::string_view text);

    std::vector<std::string> languages_;
    std::string keys_, records_, stems_, stem_refs_, strings_;
    std::unordered_map<std::string, std::uint32_t> string_offsets_;
    std::uint32_t key_count_ = 0, record_count_ = 0, stem_count_ = 0, stem_ref_count_ = 0, max_key_words_ = 1;
};

}  // namespace xling::translation::format
