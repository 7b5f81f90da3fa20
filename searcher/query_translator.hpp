// Keyword translation of query words into the document languages (Pirkola's structured query).
//
// A content word's translations into each searched language are analysed in that language
// (normalized, Snowball-stemmed) and join the word's own OP_SYNONYM group as Z<lang>:<stem>
// terms, which only documents of that language contain: the concept stays one term in BM25
// however many translations it has, so a word with many translations does not outweigh one with
// few. A translation of several words ("poached egg") is a phrase over the index forms of each
// word's stem, restricted to documents of its language.
//
// Weights: inside an OP_SYNONYM every member counts alike, so the table's weights select rather
// than scale. Per word and target language, translations are ranked by weight (first senses
// first), those under TranslationRequest::min_weight or under min_relative_weight × the best one
// are dropped, and at most max_per_language are kept. When the query language is undetermined
// the word is translated from every language whose table has it, each source's weights scaled by
// 1 / (number of such sources) before that selection.
//
// Quoted phrases: translated as a whole where the table has the phrase (for each language it has
// translations into); otherwise word by word, each word's translations (single-word ones) making
// one slot, the slots within NEAR/(words + 2) of each other in documents of that language. Word
// order is not kept, because dictionaries do not say how the target language orders the words
// ("military cooperation" / "coopération militaire"), and the small window keeps the words of
// one phrase together.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "searcher/accent_forms.hpp"
#include "searcher/index_forms.hpp"
#include "searcher/match_terms.hpp"
#include "xling/search_request.hpp"
#include "xling/translation_table.hpp"

namespace xling::searcher {

/// One per query: not thread-safe (it uses the query's Analyzer and IndexForms).
class QueryTranslator {
  public:
    /// `source_lang`: the query's language, or empty when undetermined. `target_languages`: the
    /// searched document languages. `table` must outlive the translator. `accents` (may be null,
    /// must outlive the translator): a word the table does not know is looked up by the indexed
    /// words it completes to when typed without diacritics (Hungarian "egyuttmukodes" by
    /// "együttműködés"); null: the word as typed only.
    QueryTranslator(const TranslationTable& table, analysis::Analyzer& analyzer, IndexForms& forms,
                    std::vector<std::string> target_languages, std::string source_lang, TranslationRequest limits,
                    AccentForms* accents = nullptr);

    /// Adds the translations of one analysed query word to its concept: terms or phrases to
    /// `alternatives`, stems for highlighting and the --explain record to `group`.
    void add_word(const analysis::AnalyzedToken& token, MatchGroup& group, std::vector<Xapian::Query>& alternatives);

    /// The same for a phrase (see above); `tokens` are its words, analysed.
    void add_phrase(const std::vector<analysis::AnalyzedToken>& tokens, MatchGroup& group,
                    std::vector<Xapian::Query>& alternatives);

  private:
    using Selection = std::map<std::string, std::vector<ConceptTranslation>>;  // target language -> best first
    [[nodiscard]] Selection select(std::string_view key, bool phrase);
    /// The translations of the words `word` completes to with its diacritics (see the
    /// constructor), merged; `completed` gets those words. Empty without `accents`.
    [[nodiscard]] Selection select_accented(const std::string& word, std::vector<std::string>& completed);
    [[nodiscard]] std::vector<std::string> sources(std::string_view key, bool phrase);
    [[nodiscard]] std::vector<std::string> lookup_keys(const std::string& lang, std::string_view key);
    bool add_translation(const std::string& lang, ConceptTranslation translation, MatchGroup& group,
                         std::vector<Xapian::Query>& alternatives);
    void note_stem(const std::string& lang, const std::string& stem, const std::string& text, MatchGroup& group);
    bool add_word_by_word(const std::string& lang, const std::vector<Selection>& per_word, MatchGroup& group,
                          std::vector<Xapian::Query>& alternatives);
    [[nodiscard]] std::vector<std::string> slot_forms(const std::string& lang, const std::vector<ConceptTranslation>& list,
                                                      MatchGroup& group, ConceptTranslation& record);

    const TranslationTable& table_;
    analysis::Analyzer& analyzer_;
    IndexForms& forms_;
    std::vector<std::string> targets_;
    std::string source_;
    std::vector<std::string> table_languages_;
    TranslationRequest limits_;
    // Lemmas of a query word (analysis lemmas, plugged in where the analysis chain has them);
    // empty: the Snowball stem is the only lookup key besides the form.
    LookupKeyFunction lemma_keys_;
    AccentForms* accents_;
};

}  // namespace xling::searcher
