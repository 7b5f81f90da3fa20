#include "programs/xling-aliases/entity_set.hpp"

#include <algorithm>
#include <stdexcept>

#include "analysis/text.hpp"
#include "analysis/utf8.hpp"
#include "programs/xling-aliases/languages.hpp"

namespace xling::importer {
namespace {

// Blanks and line ends only: a name that starts or ends with another control character is
// reported (usable), not silently trimmed.
std::string_view trim(std::string_view s) { return analysis::trim(s, " \t\r\n"); }

bool has_control_character(std::string_view s) noexcept {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// A note is one line of the table; control characters (a stray newline) would break it.
std::string one_line(std::string_view s) {
    std::string out(trim(s));
    std::replace_if(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }, ' ');
    return out;
}

}  // namespace

bool is_entity_id(std::string_view id) noexcept {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    });
}

std::size_t EntitySet::entity(const std::string& id, EntityType type) {
    if (!is_entity_id(id)) throw std::invalid_argument("invalid entity id '" + id + "'");
    const auto [it, inserted] = by_id_.try_emplace(id, entities_.size());
    if (inserted) entities_.push_back(Draft{id, type, {}, {}, {}, {}, false});
    return it->second;
}

std::size_t EntitySet::find(std::string_view id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? entities_.size() : it->second;
}

void EntitySet::add_note(std::size_t index, std::string_view note) {
    std::string line = one_line(note);
    auto& notes = entities_[index].notes;
    if (!line.empty() && std::find(notes.begin(), notes.end(), line) == notes.end()) notes.push_back(std::move(line));
}

bool EntitySet::usable(std::string_view name, std::string& key) {
    if (const auto bad = analysis::find_invalid_utf8(name)) {
        report_.drop_name("name with invalid UTF-8 at byte " + std::to_string(*bad));
        return false;
    }
    if (name.find('|') != std::string_view::npos) {
        report_.drop_name("'" + std::string(name) + "': '|' separates names in the table format");
        return false;
    }
    if (name.front() == '~') {
        report_.drop_name("'" + std::string(name) + "': a leading '~' marks a weak name in the table format");
        return false;
    }
    if (has_control_character(name)) {
        report_.drop_name("'" + one_line(name) + "': contains a control character");
        return false;
    }
    key = key_(name);
    if (key.empty()) {
        report_.drop_name("'" + std::string(name) + "': no words (only punctuation or symbols)");
        return false;
    }
    return true;
}

bool EntitySet::add_name(std::size_t index, std::string_view lang, std::string_view name) {
    if (lang != "*" && !is_language_code(lang)) throw std::invalid_argument("invalid language '" + std::string(lang) + "'");
    name = trim(name);
    if (name.empty()) return false;
    std::string key;
    if (!usable(name, key)) return false;
    Draft& draft = entities_[index];
    if (!draft.lang_keys.insert(std::string(lang) + '\t' + key).second) return false;
    draft.keys.insert(key);
    draft.names.push_back({std::string(lang), std::string(name)});
    return true;
}

bool EntitySet::has_key(std::size_t index, const std::string& key) const {
    return entities_[index].keys.count(key) > 0;
}

std::set<std::string> EntitySet::languages(std::size_t index) const {
    std::set<std::string> out;
    for (const auto& n : entities_[index].names) {
        if (n.lang != "*") out.insert(n.lang);
    }
    return out;
}

std::string EntitySet::to_text() const {
    std::string out;
    for (const Draft& e : entities_) {
        if (e.excluded || e.names.empty()) continue;
        out += "entity " + e.id + " " + std::string(to_string(e.type)) + "\n";
        if (!e.notes.empty()) {
            out += "  note: ";
            for (std::size_t i = 0; i < e.notes.size(); ++i) out += (i > 0 ? "; " : "") + e.notes[i];
            out += "\n";
        }
        for (const EntityName& n : e.names) out += "  " + n.lang + ": " + n.name + "\n";
    }
    return out;
}

AliasTable EntitySet::build() const {
    return AliasTable::parse(to_text(), "<import>");
}

}  // namespace xling::importer
