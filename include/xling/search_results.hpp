// xling/search_results.hpp — what xling::Searcher returns.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace xling {

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
};

struct SearchResults {
    std::string query;                 ///< the query as given
    std::string parsed;                ///< the Xapian query, for --explain and debugging
    std::size_t total = 0;             ///< number of matching documents (estimate unless total_exact)
    std::size_t total_lower = 0;       ///< lower bound of the total
    std::size_t total_upper = 0;       ///< upper bound of the total
    bool total_exact = false;
    std::vector<std::string> ignored;  ///< query words left out (stopwords in every language)
    std::vector<Hit> hits;
};

}  // namespace xling
