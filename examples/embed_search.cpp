// A minimal program embedding xling's searcher: what a research tool needs to run its own
// cross-lingual queries. Usage: embed_search INDEX QUERY
//
// It asks for German and Lithuanian documents from 2024 onwards, newest first, with facets, and
// prints one line per hit: date, language, id and the forms that matched.
#include <iostream>

#include "xling/error.hpp"
#include "xling/searcher.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: embed_search INDEX QUERY\n";
        return 2;
    }
    try {
        xling::Searcher searcher({argv[1]});
        xling::SearchRequest request;
        request.query = argv[2];
        request.languages = {"de", "lt", "en"};
        request.since = "2024";
        request.sort = xling::SortOrder::DateDescending;
        request.facets = true;
        request.limit = 20;
        request.snippet.highlight_open = "<<";
        request.snippet.highlight_close = ">>";
        const xling::SearchResults results = searcher.search(request);

        std::cout << results.total << (results.total_exact ? "" : "+") << " documents\n";
        for (const auto& [lang, count] : results.facets.at("lang")) std::cout << "  lang " << lang << ": " << count << '\n';
        for (const xling::Hit& hit : results.hits) {
            std::cout << hit.date << ' ' << hit.lang << ' ' << hit.id << ':';
            for (const auto& form : hit.matched_forms) std::cout << ' ' << form;
            std::cout << '\n';
        }
        return 0;
    } catch (const xling::Error& e) {
        std::cerr << "embed_search: " << e.what() << '\n';
        return 2;
    }
}
