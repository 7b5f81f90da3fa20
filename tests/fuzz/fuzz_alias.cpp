// AliasTable::parse, the reader of aliases/*.aliases and --aliases files. A malformed table must be
// a ConfigError ("origin:line: message"). A table that parses must survive what the searcher does
// with it: lookups of each name's key, ambiguity listing, and to_text() read back unchanged
// (xling-analyze and the tests rely on that round trip).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "xling/alias_table.hpp"
#include "xling/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    xling::AliasTable table;
    try {
        table = xling::AliasTable::parse(text, "<fuzz>");
    } catch (const xling::ConfigError&) {
        return 0;
    }
    for (const auto& entity : table.entities()) {
        if (table.find_entity(entity.id) == nullptr) __builtin_trap();
        for (const auto& name : entity.names) (void)table.lookup(xling::normalize_name(name.name));
    }
    (void)table.ambiguous_names();
    const std::string written = table.to_text();
    xling::AliasTable again;
    try {
        again = xling::AliasTable::parse(written, "<to_text>");
    } catch (const xling::ConfigError&) {
        __builtin_trap();  // to_text() wrote a table its own parser rejects
    }
    if (again.to_text() != written) __builtin_trap();
    return 0;
}
