// Stage 0: UTF-8 validation and repair (analysis/utf8.hpp).
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/utf8.hpp"

using xling::analysis::find_invalid_utf8;
using xling::analysis::looks_binary;
using xling::analysis::replace_invalid_utf8;

namespace {
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::optional<std::size_t> at(std::size_t offset) { return offset; }
}  // namespace

TEST_SUITE("utf8") {

TEST_CASE("find_invalid_utf8: valid text is accepted") {
    CHECK(find_invalid_utf8("") == std::nullopt);
    CHECK(find_invalid_utf8("Kim Jong Un, 10,000 troops") == std::nullopt);
    CHECK(find_invalid_utf8("Észak-Koreával együttműködés, Pjöngjang, Šiaurės Korėją") == std::nullopt);
    CHECK(find_invalid_utf8("Путин встретился с Белоусовым, ёлка") == std::nullopt);
    CHECK(find_invalid_utf8("北朝鮮 \xF0\x9F\x98\x80 U+10FFFF: \xF4\x8F\xBF\xBF") == std::nullopt);
}

TEST_CASE("find_invalid_utf8: truncated sequence is reported at its lead byte") {
    CHECK(find_invalid_utf8("abc\xE2\x82") == at(3));       // € cut at the end of the text
    CHECK(find_invalid_utf8("ab\xE2\x82z") == at(2));       // € cut before an ASCII byte
    CHECK(find_invalid_utf8("\xC5\x91\xC5") == at(2));      // ő then a lone lead byte
    CHECK(find_invalid_utf8("x\xF0\x9F\x98") == at(1));     // 4-byte emoji missing its last byte
}

TEST_CASE("find_invalid_utf8: overlong encodings are rejected") {
    CHECK(find_invalid_utf8("x\xC0\xAFy") == at(1));        // '/' as 2 bytes
    CHECK(find_invalid_utf8("\xC1\xBF") == at(0));          // DEL as 2 bytes
    CHECK(find_invalid_utf8("ab\xE0\x80\xAF") == at(2));    // '/' as 3 bytes
    CHECK(find_invalid_utf8("\xF0\x80\x80\xAF") == at(0));  // '/' as 4 bytes
}

TEST_CASE("find_invalid_utf8: lone continuation byte") {
    CHECK(find_invalid_utf8("Putyin\x80") == at(6));
    CHECK(find_invalid_utf8("\xBF" "abc") == at(0));
    CHECK(find_invalid_utf8("\xC3\xA9\x80") == at(2));  // é followed by a stray continuation
}

TEST_CASE("find_invalid_utf8: UTF-16 surrogate encoded as UTF-8 is rejected") {
    CHECK(find_invalid_utf8("ab\xED\xA0\x80") == at(2));  // U+D800
    CHECK(find_invalid_utf8("\xED\xBF\xBF") == at(0));    // U+DFFF
    CHECK(find_invalid_utf8("\xED\x9F\xBF") == std::nullopt);  // U+D7FF, just below, is fine
}

TEST_CASE("find_invalid_utf8: bytes that never occur in UTF-8") {
    CHECK(find_invalid_utf8("\xFF") == at(0));
    CHECK(find_invalid_utf8("ab\xFE") == at(2));
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == at(0));  // above U+10FFFF
    CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == at(0));
}

TEST_CASE("find_invalid_utf8: offset counts bytes of the multibyte text before the error") {
    CHECK(find_invalid_utf8("é\xFF") == at(2));
    CHECK(find_invalid_utf8("Путин\xFF") == at(10));
    CHECK(find_invalid_utf8("Šoigu \xC0\xAF ok \xFF") == at(7));  // the first error wins
}

TEST_CASE("replace_invalid_utf8: valid text is returned unchanged") {
    for (std::string_view text : {std::string_view(""), std::string_view("Belousov's trip"),
                                  std::string_view("Zusammenarbeit mit Pjöngjang"),
                                  std::string_view("Pchenjaną, Rusijos."), std::string_view("Путиным и Белоусовым"),
                                  std::string_view("\xF0\x9F\x98\x80")}) {
        CAPTURE(text);
        CHECK(replace_invalid_utf8(text) == text);
    }
}

TEST_CASE("replace_invalid_utf8: each ill-formed sequence becomes U+FFFD") {
    CHECK(replace_invalid_utf8("ab\xFF" "cd") == "ab" + std::string(kReplacement) + "cd");
    CHECK(replace_invalid_utf8("Putyin\x80") == "Putyin" + std::string(kReplacement));
    CHECK(find_invalid_utf8(replace_invalid_utf8("\xC5 \xED\xA0\x80 \xFE")) == std::nullopt);
}

TEST_CASE("replace_invalid_utf8: a truncated sequence (maximal subpart) is one U+FFFD") {
    CHECK(replace_invalid_utf8("x\xE2\x82") == "x" + std::string(kReplacement));
    CHECK(replace_invalid_utf8("\xF0\x9F\x98" "y") == std::string(kReplacement) + "y");
}

TEST_CASE("replace_invalid_utf8: overlong and surrogate bytes are replaced one per byte") {
    const std::string r(kReplacement);
    CHECK(replace_invalid_utf8("\xC0\xAF") == r + r);
    CHECK(replace_invalid_utf8("\xED\xA0\x80") == r + r + r);
}

TEST_CASE("looks_binary: NUL byte marks binary data") {
    CHECK_FALSE(looks_binary(""));
    CHECK_FALSE(looks_binary("Beluszov Phenjanban"));
    CHECK_FALSE(looks_binary("Путин\n\t\r"));
    CHECK(looks_binary(std::string_view("a\0b", 3)));
    CHECK(looks_binary(std::string_view("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
}

}  // TEST_SUITE

TEST_CASE("for_each_code_point walks the sequences with their byte ranges and stops when asked") {
    using xling::analysis::for_each_code_point;
    struct Seen {
        std::size_t begin, end;
        int32_t code_point;
        bool operator==(const Seen&) const = default;
    };
    std::vector<Seen> seen;
    for_each_code_point("a\xC3\xA9\xFF\xE2\x82\xAC", [&](std::size_t b, std::size_t e, int32_t c) {
        seen.push_back({b, e, c});
        return true;
    });
    REQUIRE(seen.size() == 4);
    CHECK(seen[0] == Seen{0, 1, 'a'});
    CHECK(seen[1] == Seen{1, 3, 0xE9});
    CHECK(seen[2].code_point < 0);  // 0xFF is ill-formed
    CHECK(seen[3] == Seen{4, 7, 0x20AC});
    std::size_t calls = 0;
    for_each_code_point("abc", [&](std::size_t, std::size_t, int32_t) { return ++calls < 2; });
    CHECK(calls == 2);
}
