#include "analysis/analysis_data.hpp"

#include <cstdlib>

#include "xling/error.hpp"
#include "xling/language.hpp"

#ifndef XLING_DEFAULT_DATA_DIR
#define XLING_DEFAULT_DATA_DIR "."
#endif

namespace xling::analysis {

std::filesystem::path resolve_data_dir(const std::optional<std::filesystem::path>& explicit_dir) {
    if (explicit_dir) return *explicit_dir;
    if (const char* env = std::getenv("XLING_DATA_DIR"); env != nullptr && *env != '\0') return env;
    return XLING_DEFAULT_DATA_DIR;
}

std::shared_ptr<const AnalysisData> AnalysisData::load(const std::filesystem::path& data_dir) {
    auto data = std::make_shared<AnalysisData>();
    for (const LanguageInfo& lang : supported_languages()) {
        const auto file = data_dir / "stopwords" / (std::string(lang.code) + ".txt");
        data->stopwords_.emplace(std::string(lang.code), StopwordList::load(file));
        data->name_rules_.emplace(std::string(lang.code),
                                  NameRules::load(data_dir / "namerules" / (std::string(lang.code) + ".txt")));
    }
    data->common_name_rules_ = NameRules::load(data_dir / "namerules" / "common.txt");
    return data;
}

const NameRules& AnalysisData::name_rules(std::string_view lang) const {
    const auto it = name_rules_.find(lang);
    return it == name_rules_.end() ? no_rules_ : it->second;
}

const StopwordList& AnalysisData::stopwords(std::string_view lang) const {
    const auto it = stopwords_.find(lang);
    return it == stopwords_.end() ? empty_ : it->second;
}

}  // namespace xling::analysis
