// A minimal program embedding xling's searcher: what a research tool needs to run its own
// cross-lingual queries. Usage: embed_search DATA_DIR INDEX QUERY
//
// DATA_DIR is xling's data folder (installed as <prefix>/share/xling). The program asks for
// German, Lithuanian and English documents from 2024 onwards, newest first, with facets, and
// prints one line per hit: date, language, id and the forms that matched.
//
// Outside xling's tree: c++ -std=c++20 embed_search.cpp $(pkg-config --cflags --libs xling)
#include <xling/xling.hpp>

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: embed_search DATA_DIR INDEX QUERY\n";
        return 2;
    }
    try {
        // Loaded once; any number of Searchers (one per thread) can share it.
        const std::shared_ptr<const xling::Resources> resources = xling::Resources::load(argv[1]);
        xling::Searcher searcher({argv[2]}, resources);
        xling::SearchRequest request;
        request.query = argv[3];
        request.languages = {"de", "lt", "en"};
        request.since = "2024";
        request.sort = xling::SortOrder::DateDescending;
        request.facets = true;
        request.limit = 20;
        request.snippet.highlight_open = "<<";
        request.snippet.highlight_close = ">>";
        const xling::SearchResults results = searcher.search(request);

        std::cout << "xling " << xling::version() << ": " << results.total << (results.total_exact ? "" : "+")
                  << " documents\n";
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
