// UTF-8 validation and repair: the first stage of analysis, before any ICU call sees the bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

namespace xling::analysis {

/// Calls `f(begin, end, code_point)` for each UTF-8 sequence of `text` in order, `[begin, end)`
/// being its byte range; `code_point` < 0 marks an ill-formed sequence (ICU's U8_NEXT rules).
/// Stops early when `f` returns false.
template <typename F>
void for_each_code_point(std::string_view text, F&& f) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (!f(static_cast<std::size_t>(start), static_cast<std::size_t>(i), c)) return;
    }
}

/// Byte offset of the first ill-formed UTF-8 sequence in `text`, or nullopt when it is valid.
[[nodiscard]] std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept;

/// `text` with every ill-formed sequence replaced by U+FFFD (WHATWG "maximal subpart" rule, as ICU).
[[nodiscard]] std::string replace_invalid_utf8(std::string_view text);

/// Number of code points in valid UTF-8 `text` (bytes that are not continuation bytes).
[[nodiscard]] std::size_t code_point_count(std::string_view text) noexcept;

/// The first `n` code points of valid UTF-8 `text` (all of it when shorter).
[[nodiscard]] std::string first_code_points(std::string_view text, std::size_t n);

/// The code points of valid UTF-8 `text` (the analysis chain validated it; a truncated sequence
/// at the end is dropped).
[[nodiscard]] std::u32string code_points(std::string_view text);

/// True when `bytes` looks binary rather than text: it contains a NUL byte.
[[nodiscard]] bool looks_binary(std::string_view bytes) noexcept;

}  // namespace xling::analysis
