#include "indexer/front_matter.hpp"

#include <cctype>

#include "analysis/text.hpp"

namespace xling::indexer {
namespace {

using analysis::trim;

// The next line of `text` (without its '\n' and a trailing '\r'), consumed.
std::string_view take_line(std::string_view& text) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

std::string unquoted(std::string_view value) {
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::optional<FrontMatter> split_front_matter(std::string_view text, std::string& error) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.remove_prefix(3);
    std::string_view rest = text;
    if (trim(take_line(rest)) != "---") return std::nullopt;
    FrontMatter out;
    std::size_t line_number = 1;
    while (!rest.empty()) {
        const std::string_view line = take_line(rest);
        ++line_number;
        const std::string_view t = trim(line);
        if (t == "---" || t == "...") {
            out.body = rest;
            out.body_line = line_number + 1;
            return out;
        }
        // Indented lines belong to a nested value; '#' starts a comment.
        if (t.empty() || t.front() == '#' || line.front() == ' ' || line.front() == '\t') continue;
        const auto colon = t.find(':');
        if (colon == std::string_view::npos || colon == 0) continue;
        const std::string_view value = trim(t.substr(colon + 1));
        if (!value.empty()) out.fields[lower(trim(t.substr(0, colon)))] = unquoted(value);
    }
    error = "front matter not closed (no \"---\" line after the first)";
    return std::nullopt;
}

}  // namespace xling::indexer
