#include "translation/article_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "analysis/text.hpp"
#include "xling/schema.hpp"

namespace xling::translation {
namespace {

using analysis::join;
using analysis::trim_line;

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        lines.push_back(text.substr(0, nl));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    }
    return lines;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    while (true) {
        text = trim_line(text);
        if (text.empty()) return words;
        const auto space = text.find_first_of(analysis::kLineBlanks);
        words.push_back(text.substr(0, space));
        if (space == std::string_view::npos) return words;
        text.remove_prefix(space);
    }
}


bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// UTF-8 lead bytes 0xD0..0xD3 start the code points U+0400..U+04FF (Cyrillic).
bool has_cyrillic(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xD0 && b <= 0xD3;
    });
}

bool has_letter(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0xC3; });
}

bool script_fits(std::string_view text, std::string_view lang) {
    if (lang == "ru") return has_cyrillic(text);
    return has_letter(text) && !has_cyrillic(text);
}

// Stand-ins for "somebody"/"something" that dictionaries write into phrases ("impose sanctions
// on sb.", "jdm. helfen", "vkinek segít"): no text contains them.
bool is_placeholder_part(std::string_view part, std::string_view lang) {
    static constexpr std::array<std::string_view, 16> kEnglish{
        "sb", "sth", "sb.", "sth.", "sb's", "sth's", "sb.'s", "so.", "smb.", "smth.", "sg", "sg.", "sy", "sy.", "smb", "smth"};
    static constexpr std::array<std::string_view, 10> kGerman{
        "jdn.", "jdm.", "jds.", "jd.", "etw.", "jdn", "jdm", "jds", "etw", "jmd."};
    const std::string lower = schema::ascii_lower(part);
    if (lang == "en") return std::find(kEnglish.begin(), kEnglish.end(), lower) != kEnglish.end();
    if (lang == "de") return std::find(kGerman.begin(), kGerman.end(), lower) != kGerman.end();
    if (lang == "hu") {
        // vki, vmi, vkinek, vmit, vhol ...: Hungarian has no other words starting so.
        return lower.size() >= 3 && lower[0] == 'v' && (lower[1] == 'k' || lower[1] == 'm' || lower[1] == 'h') &&
               std::all_of(lower.begin() + 2, lower.end(), [](char c) { return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80 || c == '.'; });
    }
    if (lang == "ru") {
        // кого-л., что-либо
        return part.find("-л.") != std::string_view::npos || part.find("-либо") != std::string_view::npos;
    }
    return false;
}

bool is_placeholder(std::string_view word, std::string_view lang) {
    // "jdn./etw." and "sb/sth" are one placeholder with alternatives.
    std::string_view rest = word;
    while (true) {
        const auto slash = rest.find('/');
        if (!is_placeholder_part(rest.substr(0, slash), lang)) return false;
        if (slash == std::string_view::npos) return true;
        rest.remove_prefix(slash + 1);
    }
}

bool is_unusable(std::string_view text) {
    return text.find("...") != std::string_view::npos || text.find("\xE2\x80\xA6") != std::string_view::npos ||  // …
           text.find_first_of("?!=@#|") != std::string_view::npos || text.find("://") != std::string_view::npos;
}

// Quotes and trailing punctuation around a phrase: „Frieden“ -> Frieden, "etc." stays unusable
// through its length check elsewhere.
std::string_view strip_quotes_and_punctuation(std::string_view s) {
    static constexpr std::array<std::string_view, 8> kQuotes{"\"", "'", "\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9D",
                                                             "\xC2\xBB", "\xC2\xAB", "\xE2\x80\x98"};
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        s = analysis::trim(s, " \t\r,;:.");
        for (const auto q : kQuotes) {
            if (s.size() >= q.size() && s.substr(0, q.size()) == q) s.remove_prefix(q.size()), changed = true;
            if (s.size() >= q.size() && s.substr(s.size() - q.size()) == q) s.remove_suffix(q.size()), changed = true;
        }
    }
    return s;
}

// "gaffe-prone person/man/guy" -> gaffe-prone person, gaffe-prone man, gaffe-prone guy: the first
// slashed word varies, any other takes its first alternative.
std::vector<std::string> expand_slashes(const std::vector<std::string_view>& words) {
    std::vector<std::string_view> base;
    std::vector<std::string_view> alternatives;
    std::optional<std::size_t> varying;
    for (const auto w : words) {
        if (w.find('/') == std::string_view::npos) {
            base.push_back(w);
            continue;
        }
        std::vector<std::string_view> parts;
        std::string_view rest = w;
        while (true) {
            const auto slash = rest.find('/');
            if (const auto p = trim_line(rest.substr(0, slash)); !p.empty()) parts.push_back(p);
            if (slash == std::string_view::npos) break;
            rest.remove_prefix(slash + 1);
        }
        if (parts.empty()) continue;
        if (!varying) {
            varying = base.size();
            alternatives = parts;
        }
        base.push_back(parts.front());
    }
    if (!varying) return {join(base)};
    std::vector<std::string> out;
    for (const auto alt : alternatives) {
        base[*varying] = alt;
        out.push_back(join(base));
    }
    return out;
}

// Parts of a line between ',' and ';' outside brackets, brackets kept.
std::vector<std::string_view> split_top_level(std::string_view line) {
    std::vector<std::string_view> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '(' || c == '[' || c == '{' || c == '<') ++depth;
        else if ((c == ')' || c == ']' || c == '}' || c == '>') && depth > 0) --depth;
        else if ((c == ',' || c == ';') && depth == 0) {
            parts.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(line.substr(start));
    return parts;
}

// Contents of the outermost bracket groups of `text`.
std::vector<std::string_view> bracket_contents(std::string_view text) {
    std::vector<std::string_view> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '(' || c == '[' || c == '{' || c == '<') {
            if (depth++ == 0) start = i + 1;
        } else if ((c == ')' || c == ']' || c == '}' || c == '>') && depth > 0) {
            if (--depth == 0) out.push_back(text.substr(start, i - start));
        }
    }
    return out;
}

// Contents of the bracket groups that open `text`, before its first word.
std::vector<std::string_view> leading_labels(std::string_view text) {
    std::vector<std::string_view> out;
    while (true) {
        text = trim_line(text);
        if (text.empty() || (text.front() != '[' && text.front() != '(')) return out;
        const char close = text.front() == '[' ? ']' : ')';
        const auto end = text.find(close);
        if (end == std::string_view::npos) return out;
        out.push_back(text.substr(1, end - 1));
        text.remove_prefix(end + 1);
    }
}

struct SenseMarker {
    int number = 0;
    std::string_view rest;
};

// "1. text", " 3." (WikDict puts later sense numbers alone on a line).
std::optional<SenseMarker> sense_marker(std::string_view line) {
    const std::string_view s = trim_line(line);
    std::size_t digits = 0;
    while (digits < s.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(s[digits])) != 0) ++digits;
    if (digits == 0 || digits >= s.size() || s[digits] != '.') return std::nullopt;
    if (digits + 1 < s.size() && s[digits + 1] != ' ' && s[digits + 1] != '\t') return std::nullopt;
    return SenseMarker{std::stoi(std::string(s.substr(0, digits))), trim_line(s.substr(digits + 1))};
}

// A trailing " N." on a translation line: the number of the next sense (WikDict layout).
std::optional<int> trailing_sense_number(std::string_view line) {
    const std::string_view s = trim_line(line);
    if (s.size() < 3 || s.back() != '.') return std::nullopt;
    std::size_t i = s.size() - 1;
    std::size_t digits = 0;
    while (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1])) != 0 && digits < 3) --i, ++digits;
    if (digits == 0 || i == 0 || s[i - 1] != ' ') return std::nullopt;
    return std::stoi(std::string(s.substr(i, digits)));
}

bool is_example(std::string_view line) {
    // A line of blanks trims to an empty view (no data): it is not an example.
    return !line.empty() && (line.front() == ' ' || line.front() == '\t') && trim_line(line).starts_with('"');
}

// `      "ein Fettnäpfchentreter sein"  - have a gift for gaffes` -> both sides.
std::optional<std::pair<std::string, std::string>> split_example(std::string_view line) {
    const std::string_view s = trim_line(line);
    const auto close = s.rfind("\"  - ");
    if (s.size() < 2 || s.front() != '"' || close == std::string_view::npos || close == 0) return std::nullopt;
    return std::pair<std::string, std::string>{std::string(s.substr(1, close - 1)), std::string(trim_line(s.substr(close + 4)))};
}

// Indented "Note:", "Synonyms:", "see:", "See also:", "Antonym:" lines.
bool is_cross_reference(std::string_view line) {
    if (line.empty() || (line.front() != ' ' && line.front() != '\t')) return false;
    const std::string_view s = trim_line(line);
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 20) return false;
    return std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(colon),
                       [](char c) { return is_ascii_alpha(c) || c == ' '; });
}

struct HeadwordLine {
    std::string_view headword;
    std::vector<std::string> parts_of_speech;
};

HeadwordLine parse_headword_line(std::string_view line) {
    line = trim_line(line);
    const auto pron = line.find(" /");
    const auto pos = line.find(" <");
    const auto end = std::min(pron, pos);
    HeadwordLine out{trim_line(line.substr(0, end)), {}};
    if (pos != std::string_view::npos) {
        const auto close = line.find('>', pos);
        std::string_view inner = line.substr(pos + 2, close == std::string_view::npos ? std::string_view::npos : close - pos - 2);
        while (!inner.empty()) {
            const auto comma = inner.find(',');
            if (const auto p = trim_line(inner.substr(0, comma)); !p.empty()) out.parts_of_speech.emplace_back(p);
            if (comma == std::string_view::npos) break;
            inner.remove_prefix(comma + 1);
        }
    }
    return out;
}

class SenseCollector {
  public:
    explicit SenseCollector(std::string_view lang) : lang_(lang) {}

    void start(int number) {
        flush();
        number_ = number;
        have_line_ = false;
    }
    [[nodiscard]] int number() const { return number_; }
    [[nodiscard]] bool have_line() const { return have_line_; }
    void add_line(std::string_view line) {
        have_line_ = true;
        for (auto& t : split_translations(line, lang_)) {
            const bool seen = std::any_of(current_.begin(), current_.end(), [&](const DictTranslation& c) { return c.text == t.text; });
            if (!seen) current_.push_back(std::move(t));
        }
    }
    std::vector<DictSense> finish() {
        flush();
        return std::move(senses_);
    }

  private:
    void flush() {
        if (!current_.empty()) senses_.push_back({std::move(current_)});
        current_.clear();
    }
    std::string_view lang_;
    int number_ = 1;
    bool have_line_ = false;
    std::vector<DictTranslation> current_;
    std::vector<DictSense> senses_;
};

// The next line after `i` that is neither blank, an example nor a cross reference.
std::optional<std::string_view> next_content_line(const std::vector<std::string_view>& lines, std::size_t i) {
    for (++i; i < lines.size(); ++i) {
        if (trim_line(lines[i]).empty() || is_example(lines[i]) || is_cross_reference(lines[i])) continue;
        return lines[i];
    }
    return std::nullopt;
}

}  // namespace

std::string remove_brackets(std::string_view text) {
    std::string out;
    std::vector<char> open;
    for (char c : text) {
        switch (c) {
            case '(': open.push_back(')'); continue;
            case '[': open.push_back(']'); continue;
            case '{': open.push_back('}'); continue;
            case '<': open.push_back('>'); continue;
            case ')': case ']': case '}': case '>':
                // A stray closer (a typo in the source) is dropped, not an opener's match.
                if (!open.empty() && open.back() == c) open.pop_back();
                if (open.empty()) out.push_back(' ');
                continue;
            default:
                if (open.empty()) out.push_back(c);
        }
    }
    return out;
}

std::vector<std::string> clean_phrase(std::string_view text, std::string_view lang) {
    const std::string unbracketed = remove_brackets(text);
    const std::string_view stripped = strip_quotes_and_punctuation(unbracketed);
    if (stripped.empty() || is_unusable(stripped) || !script_fits(stripped, lang)) return {};
    std::vector<std::string_view> words;
    for (const auto w : split_words(stripped)) {
        if (!is_placeholder(w, lang)) words.push_back(w);
    }
    // "to abolish" -> abolish: queries name the verb, not its infinitive marker.
    if (lang == "en" && words.size() > 1 && words.front() == "to") words.erase(words.begin());
    if (words.empty() || words.size() > kMaxPhraseWords) return {};
    std::vector<std::string> out;
    for (auto& phrase : expand_slashes(words)) {
        const std::string_view p = strip_quotes_and_punctuation(phrase);
        // Affixes ("-mellű", "Abbau-") are not words.
        if (p.empty() || p.front() == '-' || p.back() == '-' || !script_fits(p, lang)) continue;
        if (std::find(out.begin(), out.end(), p) == out.end()) out.emplace_back(p);
    }
    return out;
}

bool is_uncommon_label(std::string_view label) {
    static constexpr std::array<std::string_view, 26> kLabels{
        "veraltet", "selten", "obs.", "obs", "obsolete", "archaic", "dated", "rare", "old", "poet.", "poetic",
        "slang", "sl.", "vulg.", "humor.", "dialect", "dial.", "bayr.", "süddt.", "norddt.", "schw.", "Ös.",
        "sc.", "austr.", "nz", "ir."};
    const std::string lower = schema::ascii_lower(trim_line(label));
    return std::find(kLabels.begin(), kLabels.end(), lower) != kLabels.end();
}

std::vector<DictTranslation> split_translations(std::string_view line, std::string_view lang) {
    const auto parts = split_top_level(line);
    // Labels before any text ("[Schw.]  [jur.] text, text") qualify the whole line.
    const bool line_uncommon = !parts.empty() && std::ranges::any_of(leading_labels(parts.front()), is_uncommon_label);
    std::vector<DictTranslation> out;
    for (const auto part : parts) {
        const bool uncommon = line_uncommon || std::ranges::any_of(bracket_contents(part), is_uncommon_label);
        for (auto& t : clean_phrase(part, lang)) out.push_back({std::move(t), uncommon});
    }
    return out;
}

std::string article_headword(std::string_view text) {
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        if (!trim_line(line).empty()) return std::string(parse_headword_line(line).headword);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    }
    return {};
}

DictArticle parse_article(std::string_view text, std::string_view target_lang) {
    const std::vector<std::string_view> lines = split_lines(text);
    std::size_t i = 0;
    while (i < lines.size() && trim_line(lines[i]).empty()) ++i;
    if (i == lines.size()) return {};
    HeadwordLine head = parse_headword_line(lines[i]);
    DictArticle article{std::string(head.headword), std::move(head.parts_of_speech), {}, {}};
    SenseCollector senses(target_lang);
    for (++i; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (is_example(line)) {
            if (auto example = split_example(line)) article.examples.push_back(std::move(*example));
            continue;
        }
        if (trim_line(line).empty() || is_cross_reference(line)) continue;
        if (const auto marker = sense_marker(line)) {
            senses.start(marker->number);
            line = marker->rest;
            if (line.empty()) continue;
        }
        if (senses.have_line()) continue;  // a gloss or definition after the translations
        const auto next_number = trailing_sense_number(line);
        const bool starts_next_sense = next_number && *next_number == senses.number() + 1 && [&] {
            // "2. május 3." is a date when the next line is sense 3 itself.
            const auto next = next_content_line(lines, i);
            const auto next_marker = next ? sense_marker(*next) : std::nullopt;
            return !next_marker || next_marker->number != *next_number;
        }();
        if (!starts_next_sense) {
            senses.add_line(line);
            continue;
        }
        const std::string_view body = trim_line(line);
        senses.add_line(body.substr(0, body.rfind(' ')));
        senses.start(*next_number);
    }
    article.senses = senses.finish();
    return article;
}

}  // namespace xling::translation
