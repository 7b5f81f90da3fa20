#include "searcher/dict_loader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>

#include "analysis/config_lines.hpp"
#include "xling/error.hpp"

namespace xling::searcher {
TranslationTable with_glossaries(const TranslationTable& base, const std::vector<std::filesystem::path>& glossaries,
                                 analysis::Analyzer& analyzer) {
    TranslationTable table = base;  // shares the mapped table; add_glossary copies on write
    const StemFunction stem = analyzer.stem_function();
    for (const auto& file : glossaries) table.add_glossary(analysis::read_config_file(file, "glossary"), file.string(), stem);
    return table;
}

std::vector<GlossaryCache::Stamp> GlossaryCache::stamps(const std::vector<std::filesystem::path>& files) {
    std::vector<Stamp> out;
    for (const auto& file : files) {
        Stamp stamp{file};
        // A file that cannot be stat'ed gets a zero stamp: never fresh, so reading it reports why.
        struct stat st {};
        if (::stat(file.c_str(), &st) == 0) {
            stamp.size = static_cast<std::uintmax_t>(st.st_size);
            stamp.mtime_ns = std::int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
            stamp.inode = static_cast<std::uint64_t>(st.st_ino);
        }
        out.push_back(std::move(stamp));
    }
    return out;
}

// Every file as it was read, and none modified so shortly before that read that a later edit
// could share its timestamp (the "racy git" problem).
bool GlossaryCache::fresh(const std::vector<Stamp>& now) const {
    constexpr std::int64_t kRacyNs = 2'000'000'000;
    if (!valid_ || now != stamps_) return false;
    return std::all_of(now.begin(), now.end(), [&](const Stamp& s) { return s.inode != 0 && s.mtime_ns + kRacyNs < read_at_ns_; });
}

TranslationTable GlossaryCache::get(const TranslationTable& base, const std::vector<std::filesystem::path>& glossaries,
                                    analysis::Analyzer& analyzer) {
    if (glossaries.empty()) return base;
    std::vector<Stamp> now = stamps(glossaries);
    if (fresh(now)) return table_;
    valid_ = false;
    read_at_ns_ = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    ++reads_;
    table_ = with_glossaries(base, glossaries, analyzer);
    stamps_ = std::move(now);
    valid_ = true;
    return table_;
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
    if (stats.learned_entries > 0) out += (out.empty() ? "" : " + ") + std::to_string(stats.learned_entries) + " learned entries";
    return out;
}

}  // namespace xling::searcher
