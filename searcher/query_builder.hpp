// Query tree -> Xapian::Query through the shared analysis.
//
// Why not Xapian::QueryParser: it takes one stemmer and, under STEM_SOME, leaves capitalised words
// unstemmed (measured: `Putinas` stays `putinas`), while xling needs every word stemmed once per
// document language. So each word becomes OP_SYNONYM(Z<lang>:<stem> for every language in the
// index): one concept, one term in BM25, and a stem only meets documents of its own language.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "searcher/query_parser.hpp"

namespace xling::searcher {

/// What a hit's text must contain to be highlighted: exact words, and stems per language.
struct MatchTerms {
    std::set<std::string, std::less<>> words;
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> stems;

    /// True when `token` (analysed in `lang`) is one of the query's matches.
    [[nodiscard]] bool matches(const analysis::AnalyzedToken& token, std::string_view lang) const;
};

struct BuiltQuery {
    Xapian::Query query;                ///< empty when nothing searchable remained
    MatchTerms terms;
    std::vector<std::string> ignored;   ///< words dropped as stopwords in every searched language
    bool has_stopwords = false;         ///< some word was a stopword in some language
};

class QueryBuilder {
  public:
    /// `languages`: codes of the document languages to search (those present in the index).
    QueryBuilder(analysis::Analyzer& analyzer, std::vector<std::string> languages);

    /// Builds the query. A word that is a stopword in some languages is left out there: in an
    /// AND it then constrains only the other languages' documents (so "Zusammenarbeit die" still
    /// finds German documents), in an OR it adds nothing for those languages.
    /// With `keep_stopwords` (the fallback when the normal query finds nothing, e.g. "to be or not
    /// to be") stopwords are searched as exact forms instead.
    [[nodiscard]] BuiltQuery build(const QueryNode& root, bool keep_stopwords = false);

  private:
    // A subquery, and for a word the languages in which it is a stopword (and was left out).
    struct Part {
        Xapian::Query query;
        std::set<std::string, std::less<>> stop_languages;
        bool is_word = false;
    };
    Part node_part(const QueryNode& node, BuiltQuery& out);
    Part word_part(const QueryNode& node, BuiltQuery& out);
    Xapian::Query and_query(std::vector<Part> parts) const;
    Xapian::Query phrase_query(const std::vector<analysis::AnalyzedToken>& tokens, BuiltQuery& out);

    bool keep_stopwords_ = false;

    analysis::Analyzer& analyzer_;
    std::vector<std::string> languages_;
    std::vector<analysis::AnalyzedToken> tokens_;
};

}  // namespace xling::searcher
