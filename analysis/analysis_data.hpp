// The immutable data analysis needs (stopword lists and name rules per language), loaded once
// and shared by every Analyzer of a process, at index and at query time alike (it is the
// analysis part of xling::Resources).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/lemmatizer.hpp"
#include "analysis/name_rules.hpp"
#include "analysis/stopword_list.hpp"

namespace xling::analysis {

class AnalysisData {
  public:
    /// Loads stopwords/<code>.txt and namerules/<code>.txt (when present; plus namerules/common.txt)
    /// for every supported language from `data_dir`.
    /// Throws ConfigError naming the missing or malformed file.
    [[nodiscard]] static std::shared_ptr<const AnalysisData> load(const std::filesystem::path& data_dir);

    /// Builds the data from texts: language code -> stopword list, and language code (or
    /// "common") -> name rules. Languages without an entry get none. Throws ConfigError
    /// "<stopwords:LANG>:LINE: message" and the like.
    [[nodiscard]] static std::shared_ptr<const AnalysisData> from_texts(
        const std::map<std::string, std::string>& stopwords, const std::map<std::string, std::string>& name_rules);

    /// Stopword list of `lang`; an empty list for "und" or unknown codes.
    [[nodiscard]] const StopwordList& stopwords(std::string_view lang) const;

    /// Name rules of `lang`; empty rules (exact names only) for "und" or unknown codes.
    [[nodiscard]] const NameRules& name_rules(std::string_view lang) const;
    /// Codes of the languages that have name rules (sorted): the readings a query name gets when
    /// its own language is unknown.
    [[nodiscard]] std::vector<std::string> name_rule_languages() const;
    /// The Hunspell dictionaries (LemmaDictionaries::default_dir()), loaded on first use.
    [[nodiscard]] const LemmaDictionaries& lemma_dictionaries() const noexcept { return *lemmas_; }

    /// Folds applied to every language's name keys.
    [[nodiscard]] const NameRules& common_name_rules() const noexcept { return common_name_rules_; }

  private:
    std::map<std::string, StopwordList, std::less<>> stopwords_;
    std::map<std::string, NameRules, std::less<>> name_rules_;
    NameRules common_name_rules_;
    std::shared_ptr<LemmaDictionaries> lemmas_ = std::make_shared<LemmaDictionaries>(LemmaDictionaries::default_dir());
    NameRules no_rules_;
    StopwordList empty_;
};

}  // namespace xling::analysis
