// xling/alias_table.hpp — the entity alias table: one entity, all its names in all languages.
//
// File format (UTF-8, documented with examples in aliases/README.md):
//
//   # comment
//   entity putin person
//     note: President of Russia
//     en: Vladimir Putin | Putin | V. Putin
//     lt: Vladimiras Putinas | Putinas | V. Putinas
//     ru: Владимир Путин | Путин
//     *:  Putin                      (a name valid in every language)
//     de: ~Kim                       (weak: counts only beside a full name, see EntityName)
//
// An `entity` line opens an entity: an id ([a-z0-9_.-]+, unique) and a type (person, place,
// organisation, other). Indented `<lang>: name | name ...` lines list its names in their
// nominative (dictionary) form; inflected forms are derived at search time. A language may appear
// on several lines. Several files can be loaded: a later file may add names to an entity of an
// earlier one by repeating its `entity` line (same type).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace xling {

namespace analysis {
class NameNormalizer;
}

enum class EntityType { Person, Place, Organisation, Other };

/// "person", "place", "organisation", "other".
[[nodiscard]] std::string_view to_string(EntityType type) noexcept;

struct EntityName {
    std::string lang;  ///< ISO 639-1 code as written in the table, or "*" for every language
    std::string name;  ///< as written ("V. Putinas"), without the weak marker
    /// Written "~Kim": a short form that only counts in a document that also has a full name of
    /// the entity (weight and highlighting); never a lookup key for queries.
    bool weak = false;
};

struct Entity {
    std::string id;
    EntityType type = EntityType::Other;
    std::string note;
    std::vector<EntityName> names;  ///< in file order, duplicates removed
};

/// A name (normalized) that belongs to more than one entity.
struct AmbiguousName {
    std::string name;                     ///< normalized form
    std::vector<std::string> entity_ids;  ///< every entity listing it
};

/// An immutable set of entities with a lookup from normalized name to entities.
/// Value type; copying is cheap enough for tables of a few hundred thousand names.
/// Thread-safe for concurrent const use.
class AliasTable {
  public:
    AliasTable() = default;

    /// Parses files in order; later files extend earlier ones. Time and memory grow linearly
    /// with the names (duplicates are found through an index, not a scan). Each file must be a
    /// regular file of at most 64 MiB (analysis::kMaxConfigFileBytes).
    /// @throws ConfigError "file:line: message" for a malformed line, an unknown type, a name line
    ///         outside an entity, an entity id redeclared with another type, or invalid UTF-8;
    ///         ConfigError "file: cannot read alias table: REASON" when a file cannot be opened or
    ///         is not a regular file, "file: larger than 64 MiB ..." when it is too large.
    [[nodiscard]] static AliasTable load(const std::vector<std::filesystem::path>& files);

    /// Parses table text (`origin` names it in error messages). Same errors as load().
    [[nodiscard]] static AliasTable parse(std::string_view text, const std::string& origin = "<string>");

    /// Adds the entities of `other` (extending entities with the same id). Same errors as load().
    void merge(const AliasTable& other);

    [[nodiscard]] const std::vector<Entity>& entities() const noexcept { return entities_; }
    [[nodiscard]] const Entity* find_entity(std::string_view id) const;

    /// Entities having `normalized_name` (lowercase NFKC-casefolded words joined by one space,
    /// as produced by normalize_name()) among their names. Empty when none.
    [[nodiscard]] std::vector<const Entity*> lookup(std::string_view normalized_name) const;

    /// Names listed under more than one entity.
    [[nodiscard]] std::vector<AmbiguousName> ambiguous_names() const;

    /// Writes the table in the file format above (stable order: entities as stored).
    [[nodiscard]] std::string to_text() const;

    /// Longest name, in words, of any entity (bounds phrase lookups in queries).
    [[nodiscard]] std::size_t max_name_words() const noexcept { return max_name_words_; }

  private:
    struct NameIndex;  // the names each entity holds, while one load or merge runs
    static void parse_into(AliasTable& table, std::string_view text, const std::string& origin, NameIndex& seen);
    /// `keys`: the names' normalized forms when the caller has them (parallel to entity.names).
    void add(Entity entity, const std::string& where, analysis::NameNormalizer& normalize, NameIndex& seen,
             std::vector<std::string>* keys = nullptr);
    std::vector<Entity> entities_;
    std::map<std::string, std::size_t, std::less<>> by_id_;
    std::map<std::string, std::vector<std::size_t>, std::less<>> by_name_;
    std::size_t max_name_words_ = 0;
};

/// The lookup key of a name: its words (ICU word segmentation, NFKC_Casefold) joined by single
/// spaces. "Kim Jong-un" -> "kim jong un", "V. Putinas" -> "v putinas".
[[nodiscard]] std::string normalize_name(std::string_view name);

}  // namespace xling
