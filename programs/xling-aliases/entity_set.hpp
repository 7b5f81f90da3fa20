// importer/entity_set.hpp — collects entities while an importer reads its input, then turns them
// into an AliasTable.
//
// AliasTable offers no way to add an Entity directly (its add() is private), so build() writes
// the table text and parses it. Every name is checked here first against what parse() would
// reject ('|', control characters, invalid UTF-8, no words) or misread (a leading '~', the
// weak-name marker), so bad source data costs one dropped
// name instead of a failed import.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "programs/xling-aliases/import_result.hpp"
#include "analysis/name_normalizer.hpp"
#include "xling/alias_table.hpp"

namespace xling::importer {

/// True for an id the alias table accepts: [a-z0-9_.-]+.
[[nodiscard]] bool is_entity_id(std::string_view id) noexcept;

class EntitySet {
  public:
    /// Dropped names are counted in `report`, which must outlive the set.
    explicit EntitySet(ImportReport& report) : report_(report) {}

    /// Index of the entity `id`, created (with `type`) when new.
    /// @throws std::invalid_argument when `id` is not a valid entity id (a bug in the caller).
    std::size_t entity(const std::string& id, EntityType type);
    /// Index of `id`, or size() when there is none.
    [[nodiscard]] std::size_t find(std::string_view id) const;

    /// Appends `note` to the entity's notes unless already there (notes are joined by "; ").
    void add_note(std::size_t index, std::string_view note);

    /// Adds `name` under `lang` (a language code or "*"). Surrounding spaces are trimmed. Returns
    /// false when the name is empty, already listed under `lang` (same lookup key), or unusable
    /// (dropped and counted in the report).
    bool add_name(std::size_t index, std::string_view lang, std::string_view name);

    /// Lookup key of `name` (as AliasTable normalizes it); empty when it has no words.
    [[nodiscard]] std::string key(std::string_view name) { return key_(name); }
    /// True when the entity has a name (in any language) with lookup key `key`.
    [[nodiscard]] bool has_key(std::size_t index, const std::string& key) const;
    /// Lookup keys of the entity's names, in any language.
    [[nodiscard]] const std::set<std::string>& keys(std::size_t index) const { return entities_[index].keys; }
    /// Languages (not "*") the entity has at least one name in.
    [[nodiscard]] std::set<std::string> languages(std::size_t index) const;

    [[nodiscard]] std::size_t size() const noexcept { return entities_.size(); }
    [[nodiscard]] const std::string& id(std::size_t index) const { return entities_[index].id; }
    [[nodiscard]] const std::vector<std::string>& notes(std::size_t index) const { return entities_[index].notes; }

    /// Marks an entity to be left out of build() (e.g. too few languages).
    void exclude(std::size_t index) { entities_[index].excluded = true; }
    [[nodiscard]] bool excluded(std::size_t index) const { return entities_[index].excluded; }

    /// The table of every entity not excluded that has at least one name, in creation order.
    [[nodiscard]] AliasTable build() const;
    /// The same as table text (what build() parses).
    [[nodiscard]] std::string to_text() const;

  private:
    struct Draft {
        std::string id;
        EntityType type = EntityType::Other;
        std::vector<std::string> notes;
        std::vector<EntityName> names;
        std::set<std::string> lang_keys;  ///< "lang\tkey": one name per lookup key and language
        std::set<std::string> keys;       ///< lookup keys in any language
        bool excluded = false;
    };

    [[nodiscard]] bool usable(std::string_view name, std::string& key);

    ImportReport& report_;
    analysis::NameNormalizer key_;
    std::vector<Draft> entities_;
    std::map<std::string, std::size_t, std::less<>> by_id_;
};

}  // namespace xling::importer
