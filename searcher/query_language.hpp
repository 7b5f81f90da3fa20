// The language a query is written in, for translating its words.
//
// CLD2 needs sentences; queries are one to three words ("katonai együttműködés", "sanctions"),
// where it answers unreliably or not at all. So several kinds of evidence vote, per content word:
//   - letters: a letter used by one language's stopword list only (ő → hu, ė → lt, ß → de,
//     Cyrillic → ru) is strong evidence, one shared by a few languages (ö: hu, de) weaker. The
//     alphabets are read from stopwords/<code>.txt, so adding a language needs no code here;
//   - dictionary: the translation table has the word (or a word of its stem) in that language;
//   - stopwords: the word is a stopword of that language;
//   - CLD2 on the whole query, when it calls its answer reliable.
// A word's vote is split among the languages it fits. Names (alias-table entries) do not vote:
// they are spelled alike in many languages. The best language must beat the runner-up;
// otherwise the query language is undetermined and each word is translated from every
// language whose table has it (weights shared among them).
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "analysis/analysis_data.hpp"
#include "searcher/query_parser.hpp"
#include "xling/search_results.hpp"
#include "xling/translation_table.hpp"

namespace xling::searcher {

/// The texts of the words and phrases a query searches for (not field values, operators or
/// wildcard prefixes), in query order.
[[nodiscard]] std::vector<std::string> query_texts(const QueryNode& root);

class QueryLanguageDetector {
  public:
    /// Takes the alphabets of the supported languages from their stopword lists.
    explicit QueryLanguageDetector(const analysis::AnalysisData& data);

    /// Detects the language of `words` (normalized content words, names already left out);
    /// `text` is the query text for CLD2. `candidates`: the languages that may be chosen
    /// (those of the table). Not thread-safe through `analyzer`.
    [[nodiscard]] QueryLanguage detect(const std::vector<std::string>& words, std::string_view text,
                                       const std::vector<std::string>& candidates, const TranslationTable& table,
                                       analysis::Analyzer& analyzer) const;

  private:
    std::map<std::string, std::set<char32_t>, std::less<>> alphabets_;  // language -> non-ASCII letters
};

}  // namespace xling::searcher
