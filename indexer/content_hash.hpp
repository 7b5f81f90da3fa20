// Content hashes for change detection (schema.hpp, "Index lifecycle").
//
// FNV-1a 64: defined by its two constants, so it gives the same value on every build, compiler and
// machine (std::hash does not promise that, and a hash stored in an index must outlive the
// program that wrote it). It needs no library, and at ~1 GB/s it costs far less than analysing
// the same bytes (~3 MB/s). It is not cryptographic: it only has to tell an edited input from the
// previous version of the same input, where a chance collision (2^-64) is negligible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace xling::indexer {

class Fnv1a64 {
  public:
    constexpr Fnv1a64& update(std::string_view bytes) noexcept {
        for (const char c : bytes) {
            state_ ^= static_cast<unsigned char>(c);
            state_ *= kPrime;
        }
        return *this;
    }
    [[nodiscard]] constexpr std::uint64_t value() const noexcept { return state_; }

  private:
    static constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
    static constexpr std::uint64_t kPrime = 0x100000001b3ULL;
    std::uint64_t state_ = kOffsetBasis;
};

/// 16 lowercase hex digits.
[[nodiscard]] inline std::string to_hex(std::uint64_t value) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kDigits[value & 0xF];
    return out;
}

/// The hash stored in schema::kContentHashSlot: of the source key, a newline and the content.
[[nodiscard]] inline std::string content_hash(std::string_view source_key, std::string_view content) {
    return to_hex(Fnv1a64().update(source_key).update("\n").update(content).value());
}

}  // namespace xling::indexer
