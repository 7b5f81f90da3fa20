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
        } else if (field == "assimilate") {
            rules.assimilate_ = values;
        } else if (field == "lengthen" || field == "key") {
            auto& pairs = field == "key" ? rules.key_ : rules.lengthen_;
            for (const auto& v : values) {
                const auto arrow = v.find('>');
                if (arrow == std::string::npos || arrow == 0) throw ConfigError(where + ": expected 'from>to', got '" + v + "'");
                pairs.emplace_back(v.substr(0, arrow), v.substr(arrow + 1));
            }
        } else {
            throw ConfigError(where + ": unknown field '" + field + "'");
        }
    });
    return rules;
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

std::string NameRules::rewrite_single_pass(std::string_view text) const {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [from, to] : key_) {
            if (text.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
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
    for (const auto& [from, to] : key_) {
        for (std::size_t p = 0; (p = out.find(from, p)) != std::string::npos; p += to.size()) out.replace(p, from.size(), to);
    }
    return out;
}

}  // namespace xling::analysis
