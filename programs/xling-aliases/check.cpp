#include "programs/xling-aliases/check.hpp"

#include <array>

#include "programs/xling-aliases/import_result.hpp"

namespace xling::importer {

std::string describe_table(const AliasTable& table) {
    std::array<std::size_t, 4> per_type{};
    for (const Entity& e : table.entities()) ++per_type[static_cast<std::size_t>(e.type)];
    std::string types;
    for (const EntityType type : {EntityType::Person, EntityType::Place, EntityType::Organisation, EntityType::Other}) {
        const std::size_t count = per_type[static_cast<std::size_t>(type)];
        if (count == 0) continue;
        types += (types.empty() ? "" : ", ") + std::string(to_string(type)) + " " + std::to_string(count);
    }
    std::string out = "entities: " + std::to_string(table.entities().size());
    if (!types.empty()) out += " (" + types + ")";
    out += "\nnames: " + std::to_string(count_names(table));
    if (!table.entities().empty()) out += " (" + names_per_language(table) + ")";
    const std::vector<AmbiguousName> ambiguous = table.ambiguous_names();
    out += "\nambiguous names: " + std::to_string(ambiguous.size()) + "\n";
    for (const AmbiguousName& a : ambiguous) {
        out += a.name + ":";
        for (std::size_t i = 0; i < a.entity_ids.size(); ++i) out += (i == 0 ? " " : ", ") + a.entity_ids[i];
        out += "\n";
    }
    return out;
}

std::string check_tables(const std::vector<std::filesystem::path>& files) {
    return describe_table(AliasTable::load(files));
}

}  // namespace xling::importer
