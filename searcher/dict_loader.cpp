#include "searcher/dict_loader.hpp"

#include "analysis/config_lines.hpp"
#include "xling/error.hpp"

namespace xling::searcher {
TranslationTable with_glossaries(const TranslationTable& base, const std::vector<std::filesystem::path>& glossaries,
                                 analysis::Analyzer& analyzer) {
    TranslationTable table = base;  // shares the mapped table; add_glossary copies on write
    const StemFunction stem = [&analyzer](std::string_view lang, std::string_view word) { return analyzer.stem(lang, word); };
    for (const auto& file : glossaries) table.add_glossary(analysis::read_config_file(file, "glossary"), file.string(), stem);
    return table;
}

std::string translation_status(const Resources& resources, const TranslationTable& table) {
    const TranslationTableStats stats = table.stats();
    const std::filesystem::path& path = resources.translation_path();
    std::string out;
    if (!path.empty()) out = "table " + path.string() + " (" + std::to_string(stats.keys) + " keys)";
    if (stats.glossary_entries > 0) {
        out += (out.empty() ? "" : " + ") + std::to_string(stats.glossary_entries) + " glossary entries";
        if (path.empty()) out += " (" + resources.translation_note() + ")";
    }
    return out;
}

}  // namespace xling::searcher
