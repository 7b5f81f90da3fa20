// Query tree -> Xapian::Query through the shared analysis.
//
// Why not Xapian::QueryParser: it takes one stemmer and, under STEM_SOME, leaves capitalised words
// unstemmed (measured: `Putinas` stays `putinas`), while xling needs every word stemmed once per
// document language. So each query concept becomes one OP_SYNONYM (one term in BM25) of:
//   - Z<lang>:<stem> for every language in the index (a stem only meets its own language);
//   - for a name in the alias table: every name of the entity, as a phrase, exactly (any
//     document) and with its inflected forms found in the index (documents of the name's
//     language only);
//   - for a capitalised word not in the table: its name keys N<key> (other scripts, transcriptions).
// Expansion happens here, not through Xapian's synonym table, so remote and sharded databases
// behave exactly like a local one.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "analysis/name_key.hpp"
#include "searcher/index_forms.hpp"
#include "searcher/match_terms.hpp"
#include "searcher/query_parser.hpp"
#include "xling/alias_table.hpp"

namespace xling::searcher {

/// A wildcard (`sankc*`) searches at most this many words, the most frequent in the index
/// (Xapian's WILDCARD_LIMIT_MOST_FREQUENT); --explain notes when there were more.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 1000;

struct BuiltQuery {
    Xapian::Query query;                ///< empty when nothing searchable remained
    MatchTerms terms;
    std::vector<std::string> ignored;   ///< words dropped as stopwords in every searched language
    bool has_stopwords = false;         ///< some word was a stopword in some language
};

// The builder calls the translator (never the other way round): declared here, defined in
// query_translator.hpp, which the builder's source includes.
class QueryTranslator;
class AccentForms;
class InflectedNames;

struct BuildOptions {
    bool keep_stopwords = false;  ///< search stopwords as exact words (fallback when nothing matched)
    bool expand_aliases = true;
    bool name_keys = true;
    /// Adds translations to words and phrases (not to names, =exact words, wildcards, NEAR
    /// operands or field values); null: no translation.
    QueryTranslator* translator = nullptr;
    /// The query's language when known (given or detected): its stopwords are left out in every
    /// document language. Empty: a stopword of one language is left out in the others only
    /// where their documents do not have the word.
    std::string query_language{};
    /// Completes words and phrases typed without their diacritics (lower weight than the form
    /// as typed); null: SearchRequest::accents is Strict.
    AccentForms* accents = nullptr;
    /// Reads capitalised words that are no listed name as an inflected (and, with `accents`,
    /// accent-free) form of one, so that they expand as the entity; null: exact names only.
    InflectedNames* inflected_names = nullptr;
};

class QueryBuilder {
  public:
    /// `languages`: codes of the document languages to search. `aliases` may be null.
    QueryBuilder(analysis::Analyzer& analyzer, analysis::NameKeyer& keyer, IndexForms& forms,
                 const AliasTable* aliases, std::vector<std::string> languages);

    /// Builds the query. A word that is a stopword in some languages is left out there: in an
    /// AND it then constrains only the other languages' documents (so "Zusammenarbeit die" still
    /// finds German documents), in an OR it adds nothing for those languages.
    [[nodiscard]] BuiltQuery build(const QueryNode& root, const BuildOptions& options = {});

  private:
    // A subquery, and for a word the languages in which it is a stopword (and was left out).
    struct Part {
        Xapian::Query query;
        std::set<std::string, std::less<>> stop_languages;
        bool is_word = false;
        bool is_filter = false;  ///< a field:value constraint (boolean, no weight)
        bool is_name = false;    ///< a single capitalised word (a name part)
        std::string word{};      ///< a single word's normalized form (for its stopword languages)
    };
    /// The part, also matching its word as written in documents of the languages where it is a
    /// stopword (and has no stem term): `langs`, or all its stopword languages when empty.
    [[nodiscard]] static Xapian::Query with_stopword_matches(const Part& part, const std::set<std::string, std::less<>>& langs);
    Part node_part(const QueryNode& node, BuiltQuery& out);
    std::vector<Part> sequence_parts(const std::vector<QueryNode>& children, BuiltQuery& out);
    /// Analysed words of children[i], analysed once per sequence: every word starts a run of up
    /// to max_name_words that is looked up in the alias table.
    using AnalysedChildren = std::vector<std::optional<std::vector<analysis::AnalyzedToken>>>;
    std::size_t entity_run_parts(const std::vector<QueryNode>& children, std::size_t first, AnalysedChildren& analysed,
                                 std::vector<Part>& parts, BuiltQuery& out);
    Part word_part(const std::vector<analysis::AnalyzedToken>& tokens, const std::string& text, BuiltQuery& out);
    Part entity_part(const std::vector<const Entity*>& entities, const std::string& text, BuiltQuery& out);
    std::vector<std::vector<analysis::AnalyzedToken>> analysed_names(const std::vector<const Entity*>& entities);
    [[nodiscard]] bool is_name_stopword(const std::string& lang, const std::string& word) const;
    void add_weak_name(const EntityName& name, const std::vector<analysis::AnalyzedToken>& name_tokens, MatchGroup& group,
                       std::vector<Xapian::Query>& weak_alternatives) const;
    [[nodiscard]] bool searches_inflections_in(const std::string& lang) const;
    [[nodiscard]] std::vector<std::string> name_word_forms(const std::string& lang, const std::string& word,
                                                           bool in_longer_name) const;
    void add_inflected_name(const std::string& lang, const std::vector<analysis::AnalyzedToken>& name_tokens,
                            MatchGroup& group, std::vector<Xapian::Query>& alternatives) const;
    Part phrase_part(const std::vector<analysis::AnalyzedToken>& tokens, const std::string& text, BuiltQuery& out);
    Part stemmed_phrase_part(const std::vector<analysis::AnalyzedToken>& tokens, const std::string& text, BuiltQuery& out);
    Part wildcard_part(const QueryNode& node, BuiltQuery& out);
    Part near_part(const QueryNode& node, BuiltQuery& out);
    struct NearOperand {
        std::string word;  ///< normalized
        bool exact = false;
    };
    Part proximity_part(const QueryNode& node, const std::vector<analysis::AnalyzedToken>& tokens, BuiltQuery& out);
    Part near_words(const std::vector<NearOperand>& operands, unsigned within, const std::string& label, BuiltQuery& out);
    Part filter_part(const QueryNode& node, BuiltQuery& out);
    Xapian::Query field_query(const QueryNode& field) const;
    std::vector<std::string> positional_forms(std::string_view lang, const std::string& word);
    Xapian::Query and_query(std::vector<Part> parts) const;
    /// True when parts[i] is the middle of three or more name words and reads as a patronymic in
    /// some language (NameRules::is_patronymic): "Николай Сергеевич Валуев" must find "Nikolai
    /// Valuev", so it is optional in the AND.
    [[nodiscard]] bool is_optional_patronymic(const std::vector<Part>& parts, std::size_t i) const;
    [[nodiscard]] std::vector<Xapian::Query> matchable(std::vector<Xapian::Query> alternatives) const;
    void add_forms_in_language(const std::string& lang, const std::vector<std::string>& forms,
                               std::vector<Xapian::Query>& alternatives) const;
    /// The token's stem term in each language where that stem is plausible (stem_guard.hpp),
    /// its unstemmed forms where not; `stop_languages` gets the languages where it is a stopword.
    /// Where the language's lemma mode uses them (xling/language.hpp), also the dictionary lemmas
    /// (M terms; conflation_terms.hpp); `part_matches` gets the C terms of compounds holding the
    /// word as a part, searched beside the group at kCompoundPartWeight.
    void add_stems(const analysis::AnalyzedToken& token, MatchGroup& group, std::vector<Xapian::Query>& alternatives,
                   std::set<std::string, std::less<>>& stop_languages, std::vector<Xapian::Query>& part_matches);
    /// `in_lang`'s conflation terms in `lang` (its stem term only when `stem_ok`) and compound
    /// parts; true when it added any.
    bool add_lemmas(const std::string& lang, analysis::AnalyzedToken& in_lang, bool stem_ok, MatchGroup& group,
                    std::vector<Xapian::Query>& alternatives, std::vector<Xapian::Query>& part_matches);
    [[nodiscard]] bool is_function_word(const std::string& word) const;
    [[nodiscard]] bool leaves_out_function_word(const std::string& lang, const std::string& stem) const;
    /// `forms` (index terms), in documents of `lang` only.
    static void add_unstemmed(const std::string& lang, const std::vector<std::string>& forms, MatchGroup& group,
                              std::vector<Xapian::Query>& alternatives);
    /// The word's name keys join `alternatives`; index keys a few edits from a long one join
    /// `tolerant` (searched at kTolerantKeyWeight).
    void add_name_keys(const std::string& word, MatchGroup& group, std::vector<Xapian::Query>& alternatives,
                       std::vector<Xapian::Query>& tolerant);
    std::vector<const Entity*> lookup(const std::vector<analysis::AnalyzedToken>& tokens) const;
    /// The entities of a run of capitalised words typed inflected or without diacritics
    /// (InflectedNames); empty when some word is not capitalised or no reader was given.
    std::vector<const Entity*> inflected_lookup(const std::vector<const analysis::AnalyzedToken*>& tokens) const;

    analysis::Analyzer& analyzer_;
    analysis::NameKeyer& keyer_;
    IndexForms& forms_;
    const AliasTable* aliases_;
    std::vector<std::string> languages_;
    BuildOptions options_;
};

}  // namespace xling::searcher
