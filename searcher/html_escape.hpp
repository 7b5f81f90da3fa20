// Document text made inert in HTML: xling-search --highlight html wraps matches in <mark>, and a
// document's own "<script>" or "&amp;" must print as text next to them, not as markup.
#pragma once

#include <string>
#include <string_view>

namespace xling::searcher {

/// Appends `text` to `out` with &, <, >, " and ' written as character references.
inline void append_html_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
}

/// `text` escaped for HTML (see append_html_escaped).
[[nodiscard]] inline std::string html_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_html_escaped(out, text);
    return out;
}

}  // namespace xling::searcher
