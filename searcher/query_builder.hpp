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
    Xapian::Query query;               ///< empty when nothing searchable remained
    MatchTerms terms;
    std::vector<std::string> ignored;  ///< words dropped as stopwords in every language
};

class QueryBuilder {
  public:
    /// `languages`: codes of the document languages to search (those present in the index).
    QueryBuilder(analysis::Analyzer& analyzer, std::vector<std::string> languages);

    /// Builds the query. When every word is a stopword everywhere ("to be or not to be"), the
    /// words are searched as exact forms instead of being dropped.
    [[nodiscard]] BuiltQuery build(const QueryNode& root);

  private:
    Xapian::Query node_query(const QueryNode& node, BuiltQuery& out, bool keep_stopwords);
    Xapian::Query word_query(const QueryNode& node, BuiltQuery& out, bool keep_stopwords);
    Xapian::Query phrase_query(const std::vector<analysis::AnalyzedToken>& tokens, BuiltQuery& out);

    analysis::Analyzer& analyzer_;
    std::vector<std::string> languages_;
    std::vector<analysis::AnalyzedToken> tokens_;
};

}  // namespace xling::searcher
