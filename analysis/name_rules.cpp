#include "analysis/name_rules.hpp"

#include <algorithm>
#include <sstream>

#include "analysis/config_lines.hpp"
#include "analysis/utf8.hpp"
#include "xling/error.hpp"

namespace xling::analysis {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_ascii_consonant(char c) { return c >= 'a' && c <= 'z' && std::string_view("aeiouy").find(c) == std::string_view::npos; }

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

void add_unique(std::vector<std::string>& list, std::string item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

bool is_ascii_vowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

bool class_matches(char pattern, char c) {
    if (pattern == '@') return is_ascii_vowel(c);
    if (pattern == '#') return c >= 'a' && c <= 'z' && c != 'y' && !is_ascii_vowel(c);
    return pattern == c;
}

std::pair<std::string, std::string> split_rule(const std::string& v, const std::string& where) {
    const auto arrow = v.find('>');
    if (arrow == std::string::npos || arrow == 0) throw ConfigError(where + ": expected 'from>to', got '" + v + "'");
    return {v.substr(0, arrow), v.substr(arrow + 1)};
}

}  // namespace

NameRules NameRules::load(const std::filesystem::path& file) {
    return parse(read_config_file(file, "name rules"), file.string());
}

NameRules NameRules::parse(std::string_view text, const std::string& origin) {
    NameRules rules;
    for_each_config_line(text, origin, [&](std::string_view line, const std::string& where) {
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) throw ConfigError(where + ": expected 'field: values'");
        const std::string field(line.substr(0, colon));
        const std::vector<std::string> values = words_of(line.substr(colon + 1));
        if (field == "nominative") {
            rules.nominative_ = values;
        } else if (field == "endings") {
            for (const auto& v : values) add_unique(rules.endings_, v);
        } else if (field == "patronymic") {
            rules.patronymic_ = values;
        } else if (field == "assimilate") {
            rules.assimilate_ = values;
        } else if (field == "lengthen") {
            for (const auto& v : values) rules.lengthen_.push_back(split_rule(v, where));
        } else if (field == "key") {
            for (const auto& v : values) {
                auto [from, to] = split_rule(v, where);
                Rewrite rule;
                rule.at_start = from.front() == '^';
                if (rule.at_start) from.erase(0, 1);
                rule.at_end = !from.empty() && from.back() == '$';
                if (rule.at_end) from.pop_back();
                if (from.empty()) throw ConfigError(where + ": empty pattern in '" + v + "'");
                rule.has_class = from.find_first_of("#@") != std::string::npos;
                rule.from = std::move(from);
                rule.to = std::move(to);
                rules.key_.push_back(std::move(rule));
            }
        } else {
            throw ConfigError(where + ": unknown field '" + field + "'");
        }
    });
    return rules;
}

bool NameRules::is_patronymic(std::string_view word) const {
    return std::any_of(patronymic_.begin(), patronymic_.end(), [&](const std::string& ending) {
        return ends_with(word, ending) && code_point_count(word) >= code_point_count(ending) + 3;
    });
}

std::vector<std::string> NameRules::stems(std::string_view name_word) const {
    std::vector<std::string> out{std::string(name_word)};
    for (const auto& ending : nominative_) {
        if (ends_with(name_word, ending) && code_point_count(name_word) >= code_point_count(ending) + 2) {
            add_unique(out, std::string(name_word.substr(0, name_word.size() - ending.size())));
        }
    }
    const std::size_t plain = out.size();
    for (std::size_t i = 0; i < plain; ++i) {
        for (const auto& [from, to] : lengthen_) {
            if (ends_with(out[i], from)) add_unique(out, out[i].substr(0, out[i].size() - from.size()) + to);
        }
    }
    return out;
}

// `rest` follows `stem`: is it a case ending, or an assimilated one (Putyin + nal)?
bool NameRules::ends_with_ending(std::string_view stem, std::string_view rest) const {
    if (std::find(endings_.begin(), endings_.end(), rest) != endings_.end()) return true;
    if (stem.empty() || !is_ascii_consonant(stem.back()) || rest.empty() || rest.front() != stem.back()) return false;
    return std::any_of(assimilate_.begin(), assimilate_.end(),
                       [&](const std::string& e) { return rest.substr(1) == std::string_view(e).substr(1); });
}

bool NameRules::is_form_of(std::string_view name_word, std::string_view word) const {
    if (word == name_word) return true;
    for (const std::string& stem : stems(name_word)) {
        if (word.size() > stem.size() && word.substr(0, stem.size()) == stem &&
            ends_with_ending(stem, word.substr(stem.size()))) {
            return true;
        }
    }
    return false;
}

std::vector<std::string> NameRules::bases(std::string_view word) const {
    std::vector<std::string> out{std::string(word)};
    const auto add_base = [&](std::string_view base) {
        if (code_point_count(base) < 3) return;
        add_unique(out, std::string(base));
        for (const auto& [from, to] : lengthen_) {  // Moszkvá(ban) -> Moszkva
            if (ends_with(base, to)) add_unique(out, std::string(base.substr(0, base.size() - to.size())) + from);
        }
    };
    const auto try_rest = [&](std::size_t split) {
        const std::string_view stem = word.substr(0, split), rest = word.substr(split);
        if (std::find(endings_.begin(), endings_.end(), rest) != endings_.end() ||
            std::find(nominative_.begin(), nominative_.end(), rest) != nominative_.end()) {
            add_base(stem);
        }
        // Assimilated: Putyin|nal -> the doubled consonant belongs to the stem.
        if (!stem.empty() && !rest.empty() && rest.front() == stem.back() && is_ascii_consonant(stem.back()) &&
            std::any_of(assimilate_.begin(), assimilate_.end(),
                        [&](const std::string& e) { return rest.substr(1) == std::string_view(e).substr(1); })) {
            add_base(stem);
        }
    };
    for (std::size_t split = 1; split < word.size(); ++split) {
        if ((static_cast<unsigned char>(word[split]) & 0xC0) != 0x80) try_rest(split);
    }
    return out;
}

bool NameRules::Rewrite::matches(std::string_view text, std::size_t pos) const {
    if ((at_start && pos != 0) || pos > text.size() || text.size() - pos < from.size()) return false;
    if (at_end && pos + from.size() != text.size()) return false;
    if (!has_class) return text.substr(pos, from.size()) == from;
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (!class_matches(from[i], text[pos + i])) return false;
    }
    return true;
}

std::string NameRules::Rewrite::replacement(std::string_view text, std::size_t pos) const {
    if (!has_class) return to;
    std::string matched;  // the letters the pattern's classes matched, in order
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (from[i] == '#' || from[i] == '@') matched.push_back(text[pos + i]);
    }
    std::string out;
    std::size_t next = 0;
    for (char c : to) out.push_back((c == '#' || c == '@') && next < matched.size() ? matched[next++] : c);
    return out;
}

std::string NameRules::rewrite_single_pass(std::string_view text) const {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const Rewrite& rule : key_) {
            if (rule.matches(text, i)) {
                out += rule.replacement(text, i);
                i += rule.from.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out.push_back(text[i++]);
    }
    return out;
}

std::string NameRules::rewrite_sequential(std::string_view text) const {
    std::string out(text);
    for (const Rewrite& rule : key_) {
        // Left to right; the text after a replacement is searched again from its next letter when
        // the rule has classes (so "kyryl" becomes "kiril": the r is both a match's end and the
        // next one's start), else after the replacement.
        for (std::size_t p = 0; p < out.size();) {
            if (!rule.matches(out, p)) {
                if (rule.at_start) break;
                ++p;
                continue;
            }
            const std::string to = rule.replacement(out, p);
            out.replace(p, rule.from.size(), to);
            if (rule.at_start || rule.at_end) break;
            p += !rule.has_class ? to.size() : to.size() > 1 ? to.size() - 1 : 1;
        }
    }
    return out;
}

}  // namespace xling::analysis
