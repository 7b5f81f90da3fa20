// The query path of xling-search: parse_query + describe, then Searcher::search (QueryBuilder,
// alias expansion, name keys, glossary translation, Enquire, snippets) against a small index built
// once from examples/corpus. The query is given as raw bytes, as xling-search passes argv on.
// Malformed queries must end in an xling::Error (QueryError with a position); anything else
// escaping, or a crash, is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "searcher/query_parser.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "xling/error.hpp"
#include "xling/indexer.hpp"
#include "xling/searcher.hpp"

namespace {

std::unique_ptr<xling::Searcher> searcher;
std::filesystem::path glossary;

// The data folder without a compiled translation table: results must not depend on a
// developer's build.
std::shared_ptr<const xling::Resources> resources() {
    xling::ResourceOptions options;
    options.default_dict = false;
    static const auto loaded = xling::Resources::load(xling::fuzz::data_dir(), options);
    return loaded;
}

void build_index() {
    const auto dir = xling::fuzz::scratch_dir();
    xling::IndexOptions options;
    options.database = dir / "index";
    options.resources = resources();
    xling::Indexer indexer(options);
    indexer.add_path(std::filesystem::path(XLING_SOURCE_DIR) / "examples" / "corpus");
    // A few documents with every field the filters look at.
    xling::SourceDocument doc;
    doc.id = "fuzz-1";
    doc.lang = "lt";
    doc.title = "Putinas Pchenjane";
    doc.text = "Vladimiras Putinas ir Kim Jong Unas susitiko Pchenjane aptarti karinio bendradarbiavimo.";
    doc.date = "2024-06-19";
    doc.url = "https://news.example.org/lt/1";
    doc.source = "Example Wire";
    indexer.add_document(doc);
    doc.id = "fuzz-2";
    doc.lang = "en";
    doc.title = "Farm subsidies";
    doc.text = "The European Union agreed on farm subsidies; sanctions against Russia stay in place.";
    doc.date = "2023-11";
    doc.url = "http://example.com/a";
    doc.source = "Other Source";
    indexer.add_document(doc);
    (void)indexer.finish();
    glossary = dir / "fuzz.glossary";
    xling::fuzz::write_file(glossary,
                            "hu:katonai -> de: militärisch | Militär-\n"
                            "en:cooperation -> hu: együttműködés @0.8\n"
                            "de:Zusammenarbeit => ru: сотрудничество\n"
                            "en:troops => lt:\n");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    build_index();
    searcher = std::make_unique<xling::Searcher>(std::vector<std::filesystem::path>{xling::fuzz::scratch_dir() / "index"},
                                                 resources());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string query(reinterpret_cast<const char*>(data), size);
    for (const auto op : {xling::DefaultOperator::And, xling::DefaultOperator::Or}) {
        try {
            (void)xling::searcher::describe(xling::searcher::parse_query(query, op));
        } catch (const xling::QueryError& e) {
            if (e.position() > size) __builtin_trap();  // a position outside the query
        }
    }
    xling::SearchRequest request;
    request.query = query;
    request.limit = 3;
    request.facets = true;
    // Half the inputs run with the other default operator and the glossary's translations.
    if (size % 2 == 1) {
        request.default_operator = xling::DefaultOperator::Or;
        request.translation.glossaries = {glossary};
    }
    try {
        (void)searcher->search(request);
    } catch (const xling::Error&) {
    }
    return 0;
}
