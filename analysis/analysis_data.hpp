// The immutable data analysis needs (stopword lists per language), loaded once and shared by every
// Analyzer of a process, at index and at query time alike.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "analysis/name_rules.hpp"
#include "analysis/stopword_list.hpp"

namespace xling::analysis {

/// The data folder: `explicit_dir` if given, else $XLING_DATA_DIR, else the build's default.
[[nodiscard]] std::filesystem::path resolve_data_dir(const std::optional<std::filesystem::path>& explicit_dir);

class AnalysisData {
  public:
    /// Loads stopwords/<code>.txt and namerules/<code>.txt (plus namerules/common.txt) for every
    /// supported language from `data_dir`.
    /// Throws ConfigError naming the missing or malformed file.
    [[nodiscard]] static std::shared_ptr<const AnalysisData> load(const std::filesystem::path& data_dir);

    /// Stopword list of `lang`; an empty list for "und" or unknown codes.
    [[nodiscard]] const StopwordList& stopwords(std::string_view lang) const;

    /// Name rules of `lang`; empty rules (exact names only) for "und" or unknown codes.
    [[nodiscard]] const NameRules& name_rules(std::string_view lang) const;
    /// Folds applied to every language's name keys.
    [[nodiscard]] const NameRules& common_name_rules() const noexcept { return common_name_rules_; }

  private:
    std::map<std::string, StopwordList, std::less<>> stopwords_;
    std::map<std::string, NameRules, std::less<>> name_rules_;
    NameRules common_name_rules_;
    NameRules no_rules_;
    StopwordList empty_;
};

}  // namespace xling::analysis
