// xling/search_results.hpp — what xling::Searcher returns.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace xling {

/// Which forms of one query concept a hit contains.
struct MatchedConcept {
    std::string query;                ///< the query words of the concept ("Belousov")
    std::vector<std::string> entities;  ///< alias-table entity ids it expanded to (several: ambiguous)
    std::vector<std::string> forms;   ///< surface forms in this document, in text order ("Beluszovval")
};

/// How one concept of the query was expanded (for --explain).
struct QueryConcept {
    std::string query;                                          ///< query words it stands for
    std::vector<std::string> entities;                          ///< entity ids; more than one = ambiguous
    std::vector<std::string> entity_types;                      ///< type of each entity
    std::map<std::string, std::vector<std::string>> names;      ///< language -> names from the table
    std::map<std::string, std::vector<std::string>> forms;      ///< language -> inflected forms found in the index
    std::map<std::string, std::string> stems;                   ///< language -> stem of the query word
    std::vector<std::string> name_keys;                         ///< name keys searched (unknown capitalised names)
    std::vector<std::string> stopword_in;                       ///< languages where the word is a stopword
};

struct Hit {
    std::size_t rank = 0;    ///< 1-based rank over the whole result list (offset included)
    std::string id;
    std::string lang;
    std::string title;
    std::string date;        ///< "YYYY-MM-DD" or empty
    std::string url;
    std::string source;
    double score = 0;        ///< BM25 weight
    std::string snippet;     ///< passage(s) of the original text with matches highlighted
    std::vector<std::string> matched_forms;  ///< distinct surface forms that matched, in text order
    std::vector<MatchedConcept> matched;     ///< the same, per query concept
};

struct SearchResults {
    std::string query;                 ///< the query as given
    std::string parsed;                ///< the Xapian query, for --explain and debugging
    std::size_t total = 0;             ///< number of matching documents (estimate unless total_exact)
    std::size_t total_lower = 0;       ///< lower bound of the total
    std::size_t total_upper = 0;       ///< upper bound of the total
    bool total_exact = false;
    std::vector<std::string> ignored;  ///< query words left out (stopwords in every language)
    std::vector<QueryConcept> concepts;  ///< how each query concept was expanded
    /// With SearchRequest::facets: "lang", "month" ("YYYY-MM"), "source" -> value -> matching
    /// documents, counted over the whole match set (not only the returned page).
    std::map<std::string, std::map<std::string, std::size_t>> facets;
    std::vector<Hit> hits;
};

}  // namespace xling
