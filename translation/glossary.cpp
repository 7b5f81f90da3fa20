#include "translation/glossary.hpp"

#include <algorithm>
#include <charconv>

#include "analysis/config_lines.hpp"
#include "translation/phrase_normalizer.hpp"
#include "xling/error.hpp"

namespace xling::translation {
namespace {

bool valid_lang(std::string_view lang) {
    return lang.size() >= 2 && lang.size() <= 3 && std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

struct Side {
    std::string lang;
    std::string_view text;
};

// "hu:együttműködés", "de: Zusammenarbeit | Kooperation"
Side split_side(std::string_view side, const std::string& where) {
    const auto colon = side.find(':');
    if (colon == std::string_view::npos) throw ConfigError(where + ": expected '<lang>:' before '" + std::string(analysis::trim_line(side)) + "'");
    const std::string lang(analysis::trim_line(side.substr(0, colon)));
    if (!valid_lang(lang)) throw ConfigError(where + ": '" + lang + "' is not a language code (two or three letters a-z)");
    return {lang, analysis::trim_line(side.substr(colon + 1))};
}

// "Kooperation @0.8" -> text and weight.
GlossaryTranslation parse_translation(std::string_view item, const std::string& where, PhraseNormalizer& normalize) {
    GlossaryTranslation out;
    std::string_view text = analysis::trim_line(item);
    if (const auto at = text.rfind('@'); at != std::string_view::npos) {
        const std::string_view number = analysis::trim_line(text.substr(at + 1));
        float weight = 0;
        const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), weight);
        if (ec != std::errc{} || end != number.data() + number.size() || !(weight > 0.0F && weight <= 1.0F)) {
            throw ConfigError(where + ": weight '" + std::string(number) + "' is not a number in (0, 1]");
        }
        out.weight = weight;
        text = analysis::trim_line(text.substr(0, at));
    }
    if (text.empty()) throw ConfigError(where + ": empty translation");
    out.text = std::string(text);
    out.normalized = normalize(text);
    if (out.normalized.empty()) throw ConfigError(where + ": translation '" + out.text + "' has no words");
    return out;
}

std::size_t word_count(std::string_view normalized) {
    return 1 + static_cast<std::size_t>(std::count(normalized.begin(), normalized.end(), ' '));
}

}  // namespace

std::string Glossary::key(std::string_view lang, std::string_view text) {
    std::string k(lang);
    k.push_back('\x1f');
    k += text;
    return k;
}

void Glossary::note_language(const std::string& lang) {
    if (std::find(languages_.begin(), languages_.end(), lang) == languages_.end()) languages_.push_back(lang);
}

void Glossary::parse(std::string_view text, const std::string& origin, const StemFunction& stem) {
    PhraseNormalizer normalize;
    analysis::for_each_config_line(text, origin, [&](std::string_view line, const std::string& where) {
        const auto add_op = line.find("->");
        const auto replace_op = line.find("=>");
        const auto op = std::min(add_op, replace_op);
        if (op == std::string_view::npos) {
            throw ConfigError(where + ": expected '<lang>:<word> -> <lang>: translation | translation' (or '=>' to replace)");
        }
        const bool replace = op == replace_op;
        const Side source = split_side(line.substr(0, op), where);
        const Side target = split_side(line.substr(op + 2), where);
        if (source.text.empty()) throw ConfigError(where + ": empty source word");
        if (source.lang == target.lang) throw ConfigError(where + ": source and target language are both '" + source.lang + "'");
        const std::string word = normalize(source.text);
        if (word.empty()) throw ConfigError(where + ": '" + std::string(source.text) + "' has no words");
        std::vector<GlossaryTranslation> translations;
        if (!target.text.empty()) {
            std::string_view rest = target.text;
            while (true) {
                const auto bar = rest.find('|');
                translations.push_back(parse_translation(rest.substr(0, bar), where, normalize));
                if (bar == std::string_view::npos) break;
                rest.remove_prefix(bar + 1);
            }
        } else if (!replace) {
            throw ConfigError(where + ": '->' needs at least one translation ('=>' with none removes the dictionary's)");
        }
        note_language(source.lang);
        note_language(target.lang);
        max_key_words_ = std::max(max_key_words_, word_count(word));
        const auto [slot, created] = by_word_[key(source.lang, word)].try_emplace(target.lang);
        if (created) ++entries_;
        GlossaryEntry& entry = slot->second;
        if (replace) {
            entry = GlossaryEntry{true, {}};
        }
        for (auto& t : translations) {
            const auto same = std::find_if(entry.translations.begin(), entry.translations.end(),
                                           [&](const GlossaryTranslation& e) { return e.normalized == t.normalized; });
            if (same != entry.translations.end()) {
                *same = std::move(t);  // a later line restates it: its spelling and weight win
            } else {
                entry.translations.push_back(std::move(t));
            }
        }
        if (stem && word.find(' ') == std::string::npos) {
            if (const std::string s = stem(source.lang, word); !s.empty()) {
                auto& words = by_stem_[key(source.lang, s)];
                if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
            }
        }
    });
}

const GlossaryTargets* Glossary::find(std::string_view src_lang, std::string_view word) const {
    const auto it = by_word_.find(key(src_lang, word));
    return it == by_word_.end() ? nullptr : &it->second;
}

std::vector<std::string> Glossary::words_of_stem(std::string_view src_lang, std::string_view stem) const {
    const auto it = by_stem_.find(key(src_lang, stem));
    return it == by_stem_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace xling::translation
