#include "analysis/analysis_data.hpp"

#include "xling/error.hpp"
#include "xling/language.hpp"

namespace xling::analysis {

std::shared_ptr<const AnalysisData> AnalysisData::load(const std::filesystem::path& data_dir) {
    auto data = std::make_shared<AnalysisData>();
    for (const LanguageInfo& lang : supported_languages()) {
        const auto file = data_dir / "stopwords" / (std::string(lang.code) + ".txt");
        data->stopwords_.emplace(std::string(lang.code), StopwordList::load(file));
        // Name rules are optional: a language added as a data entry starts with exact names.
        const auto rules = data_dir / "namerules" / (std::string(lang.code) + ".txt");
        if (std::filesystem::exists(rules)) data->name_rules_.emplace(std::string(lang.code), NameRules::load(rules));
    }
    data->common_name_rules_ = NameRules::load(data_dir / "namerules" / "common.txt");
    return data;
}

std::shared_ptr<const AnalysisData> AnalysisData::from_texts(const std::map<std::string, std::string>& stopwords,
                                                             const std::map<std::string, std::string>& name_rules) {
    auto data = std::make_shared<AnalysisData>();
    for (const auto& [lang, text] : stopwords) data->stopwords_.emplace(lang, StopwordList::parse(text, "<stopwords:" + lang + ">"));
    for (const auto& [lang, text] : name_rules) {
        NameRules rules = NameRules::parse(text, "<namerules:" + lang + ">");
        if (lang == "common") {
            data->common_name_rules_ = std::move(rules);
        } else {
            data->name_rules_.emplace(lang, std::move(rules));
        }
    }
    return data;
}

const NameRules& AnalysisData::name_rules(std::string_view lang) const {
    const auto it = name_rules_.find(lang);
    return it == name_rules_.end() ? no_rules_ : it->second;
}

std::vector<std::string> AnalysisData::name_rule_languages() const {
    std::vector<std::string> codes;
    codes.reserve(name_rules_.size());
    for (const auto& [code, rules] : name_rules_) codes.push_back(code);
    return codes;
}

const StopwordList& AnalysisData::stopwords(std::string_view lang) const {
    const auto it = stopwords_.find(lang);
    return it == stopwords_.end() ? empty_ : it->second;
}

}  // namespace xling::analysis
