// Resources: the one place that knows the data folder's layout (see xling/resources.hpp).
#include "xling/resources.hpp"

#include <fstream>

#include "analysis/analyzer.hpp"
#include "library/resource_data.hpp"
#include "translation/compiled_table.hpp"
#include "xling/error.hpp"

namespace xling {
namespace {

constexpr const char* kDefaultAliases = "aliases/default.aliases";
constexpr const char* kDefaultTable = "translation/xling.table";

std::vector<std::filesystem::path> alias_files(const std::filesystem::path& data_dir, const ResourceOptions& options) {
    if (!options.alias_files.empty() || !options.default_aliases) return options.alias_files;
    std::error_code ec;
    const auto table = data_dir / kDefaultAliases;
    if (std::filesystem::exists(table, ec)) return {table};
    return {};
}

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

// The table given, or the data folder's when present; none is not an error.
void load_translations(detail::ResourceData& data, const std::filesystem::path& data_dir, const ResourceOptions& options) {
    std::filesystem::path path;
    if (options.dict) {
        path = *options.dict;
    } else {
        const auto fallback = data_dir / kDefaultTable;
        std::error_code ec;
        if (!options.default_dict) {
            data.translation_note = "no translation table requested";
            return;
        }
        if (!std::filesystem::exists(fallback, ec)) {
            data.translation_note = "no translation table: give --dict FILE, or build " + fallback.string() +
                                    " (xling-dict build --out FILE)";
            return;
        }
        path = fallback;
    }
    data.translations = load_compiled(path);
    data.translation_path = path;
}

}  // namespace

Resources::Resources(std::unique_ptr<const detail::ResourceData> data) : data_(std::move(data)) {}
Resources::~Resources() = default;

std::shared_ptr<const Resources> Resources::load(const std::filesystem::path& data_dir, const ResourceOptions& options) {
    auto data = std::make_unique<detail::ResourceData>();
    data->data_dir = data_dir;
    data->analysis = analysis::AnalysisData::load(data_dir);
    data->aliases = AliasTable::load(alias_files(data_dir, options));
    load_translations(*data, data_dir, options);
    return std::shared_ptr<const Resources>(new Resources(std::move(data)));
}

std::shared_ptr<const Resources> Resources::from_memory(const ResourceTexts& texts) {
    auto data = std::make_unique<detail::ResourceData>();
    data->analysis = analysis::AnalysisData::from_texts(texts.stopwords, texts.name_rules);
    for (std::size_t i = 0; i < texts.alias_tables.size(); ++i) {
        data->aliases.merge(AliasTable::parse(texts.alias_tables[i], "<aliases:" + std::to_string(i + 1) + ">"));
    }
    if (!texts.glossaries.empty()) {
        // Single glossary words are stemmed (as a glossary file's are), so inflected query words find them.
        analysis::Analyzer analyzer(data->analysis);
        const StemFunction stem = analyzer.stem_function();
        for (std::size_t i = 0; i < texts.glossaries.size(); ++i) {
            data->translations.add_glossary(texts.glossaries[i], "<glossary:" + std::to_string(i + 1) + ">", stem);
        }
    } else {
        data->translation_note = "no translation table (resources from memory)";
    }
    return std::shared_ptr<const Resources>(new Resources(std::move(data)));
}

const AliasTable& Resources::aliases() const noexcept { return data_->aliases; }
const TranslationTable& Resources::translations() const noexcept { return data_->translations; }
const std::filesystem::path& Resources::translation_path() const noexcept { return data_->translation_path; }
const std::string& Resources::translation_note() const noexcept { return data_->translation_note; }
const std::filesystem::path& Resources::data_dir() const noexcept { return data_->data_dir; }

}  // namespace xling
