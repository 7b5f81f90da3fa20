#include "searcher/dict_loader.hpp"

#include <sys/stat.h>

#include <chrono>
#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "analysis/config_lines.hpp"
#include "translation/compiled_table.hpp"
#include "xling/error.hpp"

namespace xling::searcher {
namespace {

// A compiled table, never a glossary: TranslationTable::load() would read a text file (or a
// table whose header was damaged) as a glossary and report a confusing line error.
TranslationTable load_compiled(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        throw ConfigError(path.string() + ": no such translation table (build one with: xling-dict build --out " +
                          path.string() + ")");
    }
    // Checked before the header is read: reading a FIFO would block, a device never end.
    if (!std::filesystem::is_regular_file(status)) throw ConfigError(path.string() + ": not a regular file");
    std::ifstream in(path, std::ios::binary);
    std::string head(16, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (!translation::CompiledTable::has_magic(head)) {
        throw ConfigError(path.string() + ": not a translation table built by xling-dict (rebuild it with: xling-dict build --out " +
                          path.string() + ")");
    }
    return TranslationTable::load(path);
}

}  // namespace

std::filesystem::path default_dict_path(const std::filesystem::path& data_dir) {
    return data_dir / "translation" / "xling.table";
}

LoadedDict load_dict(const SearcherOptions& options, const std::filesystem::path& data_dir) {
    LoadedDict out;
    std::filesystem::path path;
    if (options.dict) {
        path = *options.dict;
    } else if (const char* env = std::getenv("XLING_DICT"); env != nullptr) {
        if (*env == '\0') {
            out.absent_reason = "XLING_DICT is set empty";
            return out;
        }
        path = env;
    } else {
        const auto fallback = default_dict_path(data_dir);
        std::error_code ec;
        if (!options.use_default_dict || !std::filesystem::exists(fallback, ec)) {
            out.absent_reason = "no translation table: give --dict FILE, set XLING_DICT, or build " + fallback.string() +
                                " (xling-dict build --out FILE)";
            return out;
        }
        path = fallback;
    }
    out.table = load_compiled(path);
    out.path = path;
    return out;
}

TranslationTable with_glossaries(const TranslationTable& base, const std::vector<std::filesystem::path>& glossaries,
                                 analysis::Analyzer& analyzer) {
    TranslationTable table = base;  // shares the mapped table; add_glossary copies on write
    const StemFunction stem = [&analyzer](std::string_view lang, std::string_view word) { return analyzer.stem(lang, word); };
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

std::string translation_status(const LoadedDict& dict, const TranslationTable& table) {
    const TranslationTableStats stats = table.stats();
    std::string out;
    if (!dict.path.empty()) out = "table " + dict.path.string() + " (" + std::to_string(stats.keys) + " keys)";
    if (stats.glossary_entries > 0) {
        out += (out.empty() ? "" : " + ") + std::to_string(stats.glossary_entries) + " glossary entries";
        if (dict.path.empty()) out += " (" + dict.absent_reason + ")";
    }
    return out;
}

}  // namespace xling::searcher
