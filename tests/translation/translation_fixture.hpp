// A small set of FreeDict-like dictionaries (eng-deu, deu-eng, eng-hun, hun-eng, eng-lit) in the
// layouts of the real ones, and a table built from them with the project's stemmers.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_resources.hpp"
#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "dictd_fixture.hpp"
#include "translation/table_builder.hpp"
#include "xling/translation_table.hpp"

namespace xling::test {

/// Stems from the analysis chain, as xling-dict and the searcher use them.
class SampleStemmer {
  public:
    SampleStemmer()
        : analyzer_(std::make_shared<analysis::Analyzer>(analysis::AnalysisData::load(xling::test::kDataDir))) {}
    [[nodiscard]] StemFunction function() const {
        auto analyzer = analyzer_;
        return [analyzer](std::string_view lang, std::string_view word) { return analyzer->stem(lang, word); };
    }
    [[nodiscard]] std::string stem(std::string_view lang, std::string_view word) const { return analyzer_->stem(lang, word); }

  private:
    std::shared_ptr<analysis::Analyzer> analyzer_;
};

/// The texts of `lang`'s translations in a lookup result, best first.
inline std::vector<std::string> texts_for(const std::vector<TargetTranslations>& result, std::string_view lang) {
    std::vector<std::string> out;
    for (const auto& target : result) {
        if (target.lang != lang) continue;
        for (const auto& t : target.translations) out.push_back(t.text);
    }
    return out;
}

/// The translation `text` into `lang`, if listed.
inline std::optional<Translation> find_translation(const std::vector<TargetTranslations>& result, std::string_view lang,
                                                   std::string_view text) {
    for (const auto& target : result) {
        if (target.lang != lang) continue;
        for (const auto& t : target.translations) {
            if (t.text == text) return t;
        }
    }
    return std::nullopt;
}

}  // namespace xling::test
