#include "analysis/utf8.hpp"

namespace xling::analysis {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) noexcept {
    std::optional<std::size_t> bad;
    std::size_t ascii = 0;
    // ASCII prefix fast path: most input is mostly ASCII.
    while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) < 0x80) ++ascii;
    if (ascii == text.size()) return std::nullopt;
    for_each_code_point(text.substr(ascii), [&](std::size_t start, std::size_t, UChar32 c) {
        if (c < 0) {
            bad = ascii + start;
            return false;
        }
        return true;
    });
    return bad;
}

std::string replace_invalid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_code_point(text, [&](std::size_t start, std::size_t end, UChar32 c) {
        if (c < 0) {
            out.append("\xEF\xBF\xBD");
        } else {
            out.append(text.substr(start, end - start));
        }
        return true;
    });
    return out;
}

std::size_t code_point_count(std::string_view text) noexcept {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

std::string first_code_points(std::string_view text, std::size_t n) {
    std::size_t end = 0;
    for (std::size_t seen = 0; end < text.size(); ++end) {
        if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80 && seen++ == n) break;
    }
    return std::string(text.substr(0, end));
}

std::u32string code_points(std::string_view text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (i + length > text.size()) break;
        char32_t cp = length == 1 ? lead : lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
        for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += length;
    }
    return out;
}

bool looks_binary(std::string_view bytes) noexcept {
    return bytes.find('\0') != std::string_view::npos;
}

}  // namespace xling::analysis
