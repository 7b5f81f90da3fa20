#include "translation/encoding_repair.hpp"

#include <array>
#include <utility>

namespace xling::translation {
namespace {

constexpr std::size_t kMaxSamples = 10;

// ô õ û Ô Õ Û (Latin-1 letters in UTF-8) -> ő ő ű Ő Ő Ű.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kHungarianFixes{{
    {"\xC3\xB4", "\xC5\x91"},
    {"\xC3\xB5", "\xC5\x91"},
    {"\xC3\xBB", "\xC5\xB1"},
    {"\xC3\x94", "\xC5\x90"},
    {"\xC3\x95", "\xC5\x90"},
    {"\xC3\x9B", "\xC5\xB0"},
}};

// U+0301 COMBINING ACUTE ACCENT, U+0300 COMBINING GRAVE ACCENT.
constexpr std::array<std::string_view, 2> kStressMarks{"\xCC\x81", "\xCC\x80"};

bool replace_all(std::string& s, std::string_view from, std::string_view to) {
    bool changed = false;
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
        s.replace(pos, from.size(), to);
        changed = true;
    }
    return changed;
}

bool is_cyrillic_lead(unsigned char b) { return b >= 0xD0 && b <= 0xD3; }
bool is_ascii_letter(unsigned char b) { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'); }

// A word (run of letters) holding both Cyrillic and ASCII letters: "пpивет" typed with a Latin p.
bool has_mixed_script_word(std::string_view text) {
    bool cyrillic = false;
    bool latin = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (is_cyrillic_lead(b)) {
            cyrillic = true;
            ++i;
        } else if (is_ascii_letter(b)) {
            latin = true;
        } else if (b < 0x80 || b >= 0xC0) {
            // A space, digit, punctuation or other letter ends the word.
            if (cyrillic && latin) return true;
            cyrillic = latin = false;
        }
    }
    return cyrillic && latin;
}

}  // namespace

void RepairReport::merge(const RepairReport& other) {
    hungarian_letters += other.hungarian_letters;
    stress_marks += other.stress_marks;
    suspicious += other.suspicious;
    for (const auto& s : other.samples) {
        if (samples.size() < kMaxSamples) samples.push_back(s);
    }
}

std::string_view mojibake_reason(std::string_view text) {
    if (text.find("\xEF\xBF\xBD") != std::string_view::npos) return "U+FFFD replacement character";
    // "Ã©", "Ã¶", "Å‘": a UTF-8 lead byte decoded as Latin-1 (Ã, Å, Â) followed by a Latin-1
    // character from U+0080..U+00BF.
    for (const std::string_view lead : {"\xC3\x83", "\xC3\x85", "\xC3\x82"}) {
        for (auto pos = text.find(lead); pos != std::string_view::npos; pos = text.find(lead, pos + 1)) {
            const auto next = pos + lead.size();
            if (next + 1 < text.size() && static_cast<unsigned char>(text[next]) == 0xC2) return "UTF-8 read as Latin-1";
        }
    }
    if (has_mixed_script_word(text)) return "Latin letter in a Cyrillic word";
    return {};
}

std::string repair_encoding(std::string_view text, std::string_view lang, RepairReport& report) {
    std::string out(text);
    if (lang == "hu") {
        bool changed = false;
        for (const auto& [from, to] : kHungarianFixes) changed = replace_all(out, from, to) || changed;
        if (changed) ++report.hungarian_letters;
    } else if (lang == "ru") {
        bool changed = false;
        for (const auto mark : kStressMarks) changed = replace_all(out, mark, "") || changed;
        if (changed) ++report.stress_marks;
    }
    if (!mojibake_reason(out).empty()) {
        ++report.suspicious;
        if (report.samples.size() < kMaxSamples) report.samples.push_back(out + " (" + std::string(mojibake_reason(out)) + ")");
    }
    return out;
}

}  // namespace xling::translation
