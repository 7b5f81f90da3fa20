#include "programs/xling-aliases/languages.hpp"

#include <algorithm>
#include <stdexcept>

#include "analysis/text.hpp"

namespace xling::importer {
namespace {

// A command-line list is trimmed of spaces and tabs only, as it always was.
std::string_view trim(std::string_view s) { return analysis::trim(s, " \t"); }

}  // namespace

bool is_language_code(std::string_view code) noexcept {
    return code.size() >= 2 && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

LanguageList parse_language_list(std::string_view list) {
    LanguageList out;
    if (trim(list) == "all") return out;
    while (true) {
        const auto comma = list.find(',');
        const std::string_view code = trim(list.substr(0, comma));
        if (!is_language_code(code)) {
            throw std::invalid_argument("'" + std::string(code) + "' is not a language code (2-3 lowercase letters, or 'all')");
        }
        if (std::find(out.begin(), out.end(), code) == out.end()) out.emplace_back(code);
        if (comma == std::string_view::npos) return out;
        list.remove_prefix(comma + 1);
    }
}

bool wants_language(const LanguageList& languages, std::string_view lang) noexcept {
    return languages.empty() || std::find(languages.begin(), languages.end(), lang) != languages.end();
}

std::string describe(const LanguageList& languages) {
    if (languages.empty()) return "all languages";
    std::string out;
    for (const auto& lang : languages) out += (out.empty() ? "" : ",") + lang;
    return out;
}

std::string primary_language(std::string_view tag) {
    std::string out(tag.substr(0, tag.find_first_of("_-")));
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return out;
}

}  // namespace xling::importer
