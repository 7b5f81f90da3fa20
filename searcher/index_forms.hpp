// Inflected forms of name words, looked up in the index's own vocabulary: the candidates for a
// name word are the unstemmed index terms that start with its shortest stem, kept when the
// language's name rules accept them (analysis/name_rules.hpp). Reading the vocabulary at query
// time means an edited alias table works at the next query, with no re-indexing.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "analysis/analysis_data.hpp"

namespace xling::searcher {

class IndexForms {
  public:
    IndexForms(const Xapian::Database& db, std::shared_ptr<const analysis::AnalysisData> data);

    /// Index terms that are `name_word` or its inflected forms in `lang` (sorted). A word of one
    /// character (an initial) or a language without rules gives only the word itself.
    /// Results are cached for the life of this object. Not thread-safe.
    [[nodiscard]] const std::vector<std::string>& forms(std::string_view lang, std::string_view name_word);

  private:
    const Xapian::Database& db_;
    std::shared_ptr<const analysis::AnalysisData> data_;
    std::map<std::string, std::vector<std::string>, std::less<>> cache_;
};

}  // namespace xling::searcher
