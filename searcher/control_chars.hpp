// Control characters from documents made visible, for output that a terminal or a line-based
// tool reads. A document (or an id taken from a file name or a JSONL record) may contain ESC
// sequences that recolour, retitle or clear the terminal, carriage returns that overwrite a
// line, or newlines that split one id over two lines. Human output and --ids show them as
// escapes instead; JSON output needs none of this (the JSON writer escapes them).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace xling::searcher {

/// What to escape besides C0 controls other than tab, DEL (0x7F) and C1 controls (U+0080–U+009F).
struct EscapeRules {
    bool keep_tab = true;          ///< a tab is harmless in a title or snippet
    bool escape_backslash = false; ///< `\` as `\\`, so that every escape can be undone (--ids)
};

/// Appends `text` to `out` with control characters written as \n, \r, \t, \xHH (C0, DEL) or
/// \u0085-style escapes (C1, encoded as UTF-8 C2 80–9F); every other byte unchanged.
inline void append_escaped(std::string& out, std::string_view text, const EscapeRules& rules = {}) {
    char buffer[8];
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\' && rules.escape_backslash) {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += rules.keep_tab ? "\t" : "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
            out += buffer;
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80) {
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])));  // U+0080 + (b - 0x80)
            out += buffer;
            ++i;
        } else {
            out.push_back(text[i]);
        }
    }
}

/// `text` with its control characters escaped (see append_escaped).
[[nodiscard]] inline std::string escaped(std::string_view text, const EscapeRules& rules = {}) {
    std::string out;
    out.reserve(text.size());
    append_escaped(out, text, rules);
    return out;
}

}  // namespace xling::searcher
