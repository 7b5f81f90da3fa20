#include "xling/alias_table.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>

#include "analysis/config_lines.hpp"
#include "analysis/name_normalizer.hpp"
#include "analysis/utf8.hpp"
#include "xling/error.hpp"

namespace xling {
namespace {

bool parse_type(std::string_view text, EntityType& type) {
    if (text == "person") type = EntityType::Person;
    else if (text == "place") type = EntityType::Place;
    else if (text == "organisation" || text == "organization") type = EntityType::Organisation;
    else if (text == "other") type = EntityType::Other;
    else return false;
    return true;
}

bool valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    });
}

bool valid_lang(std::string_view lang) {
    return lang == "*" || (lang.size() >= 2 && lang.size() <= 3 &&
                           std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
}

}  // namespace

// Which names and lookup keys each entity already holds, so that adding a name is a set lookup
// rather than a scan of the entity's names (quadratic: 80,000 names of one entity took 15 s).
// Filled from an entity's stored names the first time one load or merge touches it, and dropped
// afterwards: the table itself stays as small as before.
struct AliasTable::NameIndex {
    struct Held {
        std::set<std::tuple<std::string, std::string, bool>> names;  // lang, name, weak
        std::set<std::string, std::less<>> keys;                      // normalized non-weak names
    };
    std::map<std::size_t, Held> entities;

    Held& of(const Entity& entity, std::size_t index, analysis::NameNormalizer& normalize) {
        const auto [it, fresh] = entities.try_emplace(index);
        if (!fresh) return it->second;
        for (const EntityName& n : entity.names) {
            it->second.names.emplace(n.lang, n.name, n.weak);
            if (!n.weak) it->second.keys.insert(normalize(n.name));
        }
        return it->second;
    }
};

std::string_view to_string(EntityType type) noexcept {
    switch (type) {
        case EntityType::Person: return "person";
        case EntityType::Place: return "place";
        case EntityType::Organisation: return "organisation";
        case EntityType::Other: return "other";
    }
    return "other";
}

std::string normalize_name(std::string_view name) {
    analysis::NameNormalizer normalize;
    return normalize(name);
}

AliasTable AliasTable::load(const std::vector<std::filesystem::path>& files) {
    AliasTable table;
    NameIndex seen;
    for (const auto& file : files) {
        // Parsed straight into the growing table, so a conflict with an earlier file is reported
        // at this file's line.
        parse_into(table, analysis::read_config_file(file, "alias table"), file.string(), seen);
    }
    return table;
}

AliasTable AliasTable::parse(std::string_view text, const std::string& origin) {
    AliasTable table;
    NameIndex seen;
    parse_into(table, text, origin, seen);
    return table;
}

void AliasTable::parse_into(AliasTable& table, std::string_view text, const std::string& origin, NameIndex& seen) {
    analysis::NameNormalizer normalize;
    Entity current;
    std::vector<std::string> current_keys;  // each name's normalized form, computed once
    bool open = false;
    std::string open_where;
    const auto close = [&] {
        if (open) table.add(std::move(current), open_where, normalize, seen, &current_keys);
        current = Entity{};
        current_keys.clear();
        open = false;
    };
    analysis::for_each_config_line(text, origin, [&](std::string_view line, const std::string& where) {
        if (line.rfind("entity", 0) == 0 && (line.size() == 6 || line[6] == ' ' || line[6] == '\t')) {
            close();
            std::istringstream words{std::string(line.substr(6))};
            std::string id, type, extra;
            words >> id >> type >> extra;
            if (!valid_id(id)) throw ConfigError(where + ": expected 'entity <id> <type>' with id of a-z 0-9 _ . -");
            if (!parse_type(type, current.type)) {
                throw ConfigError(where + ": unknown entity type '" + type + "' (person, place, organisation, other)");
            }
            if (!extra.empty()) throw ConfigError(where + ": unexpected '" + extra + "' after the entity type");
            current.id = id;
            open = true;
            open_where = where;
            return;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            throw ConfigError(where + ": expected 'entity <id> <type>' or '<lang>: name | name'");
        }
        if (!open) throw ConfigError(where + ": names before any 'entity' line");
        const std::string_view key = analysis::trim_line(line.substr(0, colon));
        const std::string_view value = analysis::trim_line(line.substr(colon + 1));
        if (key == "note") {
            current.note = std::string(value);
            return;
        }
        if (!valid_lang(key)) throw ConfigError(where + ": '" + std::string(key) + "' is not a language code or '*'");
        std::string_view rest = value;
        while (true) {
            const auto bar = rest.find('|');
            std::string_view name = analysis::trim_line(rest.substr(0, bar));
            const bool weak = !name.empty() && name.front() == '~';
            if (weak) name = analysis::trim_line(name.substr(1));
            if (name.empty()) throw ConfigError(where + ": empty name");
            std::string normalized = normalize(name);
            if (normalized.empty()) throw ConfigError(where + ": name '" + std::string(name) + "' has no words");
            current.names.push_back({std::string(key), std::string(name), weak});
            current_keys.push_back(std::move(normalized));
            if (bar == std::string_view::npos) break;
            rest = rest.substr(bar + 1);
        }
    });
    close();
}

void AliasTable::add(Entity entity, const std::string& where, analysis::NameNormalizer& normalize, NameIndex& seen,
                     std::vector<std::string>* keys) {
    const auto it = by_id_.find(entity.id);
    std::size_t index = 0;
    if (it == by_id_.end()) {
        index = entities_.size();
        by_id_.emplace(entity.id, index);
        entities_.push_back(Entity{entity.id, entity.type, entity.note, {}});
    } else {
        index = it->second;
        if (entities_[index].type != entity.type) {
            throw ConfigError(where + ": entity '" + entity.id + "' was declared as " +
                              std::string(to_string(entities_[index].type)) + ", here as " +
                              std::string(to_string(entity.type)));
        }
        if (!entity.note.empty()) entities_[index].note = entity.note;
    }
    Entity& target = entities_[index];
    NameIndex::Held& held = seen.of(target, index, normalize);
    for (std::size_t i = 0; i < entity.names.size(); ++i) {
        EntityName& name = entity.names[i];
        if (!held.names.emplace(name.lang, name.name, name.weak).second) continue;  // a duplicate
        if (name.weak) {  // not a lookup key: "Kim" alone must not become the entity
            target.names.push_back(std::move(name));
            continue;
        }
        std::string key = keys != nullptr ? std::move((*keys)[i]) : normalize(name.name);
        if (held.keys.insert(key).second) by_name_[key].push_back(index);
        max_name_words_ = std::max<std::size_t>(max_name_words_, 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')));
        target.names.push_back(std::move(name));
    }
}

void AliasTable::merge(const AliasTable& other) {
    analysis::NameNormalizer normalize;
    NameIndex seen;
    for (const Entity& entity : other.entities_) add(entity, "entity '" + entity.id + "'", normalize, seen);
}

const Entity* AliasTable::find_entity(std::string_view id) const {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &entities_[it->second];
}

std::vector<const Entity*> AliasTable::lookup(std::string_view normalized_name) const {
    std::vector<const Entity*> out;
    const auto it = by_name_.find(normalized_name);
    if (it == by_name_.end()) return out;
    for (std::size_t index : it->second) out.push_back(&entities_[index]);
    return out;
}

std::vector<AmbiguousName> AliasTable::ambiguous_names() const {
    std::vector<AmbiguousName> out;
    for (const auto& [name, owners] : by_name_) {
        if (owners.size() < 2) continue;
        AmbiguousName a{name, {}};
        for (std::size_t index : owners) a.entity_ids.push_back(entities_[index].id);
        out.push_back(std::move(a));
    }
    return out;
}

std::string AliasTable::to_text() const {
    std::string out;
    for (const Entity& e : entities_) {
        out += "entity " + e.id + " " + std::string(to_string(e.type)) + "\n";
        if (!e.note.empty()) out += "  note: " + e.note + "\n";
        std::vector<std::string> langs;
        for (const auto& n : e.names) {
            if (std::find(langs.begin(), langs.end(), n.lang) == langs.end()) langs.push_back(n.lang);
        }
        for (const auto& lang : langs) {
            out += "  " + lang + ":";
            const char* sep = " ";
            for (const auto& n : e.names) {
                if (n.lang != lang) continue;
                out += sep;
                if (n.weak) out += "~";
                out += n.name;
                sep = " | ";
            }
            out += "\n";
        }
        out += "\n";
    }
    return out;
}

}  // namespace xling
