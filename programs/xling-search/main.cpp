// xling-search: command-line front end of xling::Searcher. Maps arguments onto a SearchRequest
// and prints the results. Exit codes (as grep/ripgrep): 0 matches found, 1 no match,
// 2 error (missing index, malformed query).
#include <CLI/CLI.hpp>

#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "programs/common/cli.hpp"
#include "programs/common/data_location.hpp"
#include "programs/xling-search/result_format.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"
#include "xling/searcher.hpp"

namespace {
std::vector<std::string> split_commas(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}
// Benchmarks and evaluations answer many queries with one process: each stdin line is a query,
// each stdout line its --json object (or {"query":..., "error":...}). Exit 2 if any query failed.
int run_batch(xling::Searcher& searcher, xling::SearchRequest request, bool explain) {
    int status = 0;
    for (std::string line; std::getline(std::cin, line);) {
        if (line.empty()) continue;
        request.query = line;
        try {
            std::cout << xling::searcher::to_json(searcher.search(request), explain) << '\n';
        } catch (const xling::Error& e) {
            std::cout << nlohmann::json({{"query", line}, {"error", e.what()}}).dump() << '\n';
            status = 2;
        }
        std::cout.flush();
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"xling-search: search an xling index across languages"};
    app.set_version_flag("--version", [] { return xling::cli::version_text("xling-search"); });
    std::vector<std::filesystem::path> databases;
    std::vector<std::string> words;
    std::string languages;
    std::string default_op = "and";
    std::string color = "auto";
    std::string highlight = "auto";
    std::string data_dir;
    bool json = false;
    bool jsonl = false;
    bool ids = false;
    bool explain = false;
    bool batch = false;
    std::string sort = "relevance";
    bool no_aliases = false;
    bool no_name_keys = false;
    std::vector<std::filesystem::path> alias_files;
    std::string dict;
    bool no_translate = false;
    xling::SearchRequest request;
    app.add_option("--db", databases, "Index folder or Xapian stub file (repeat to search several)")
        ->required()->allow_extra_args(false);
    auto* query_option = app.add_option("query", words, "Query (see README: words, \"phrases\", OR, AND, NOT, NEAR/n, word*, =exact, field:value)");
    auto* batch_flag = app.add_flag("--batch", batch,
        "Read one query per line from stdin; print one JSON object per query and line (index opened once)");
    batch_flag->excludes(query_option);
    app.add_option("--lang", languages, "Only documents in these languages, e.g. hu,de");
    app.add_option("-n,--limit", request.limit, "Hits to show")->capture_default_str();
    app.add_option("--offset", request.offset, "Hits to skip")->capture_default_str();
    app.add_option("--default-op", default_op, "How bare words combine: and, or")
        ->capture_default_str()->check(CLI::IsMember({"and", "or"}));
    app.add_option("--snippet-length", request.snippet.length, "Snippet length in characters")->capture_default_str();
    app.add_option("--color", color, "auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always, never")
        ->capture_default_str()->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option("--highlight", highlight, "Match markers: auto (ANSI on a terminal, [..] otherwise), brackets, html, none")
        ->capture_default_str()->check(CLI::IsMember({"auto", "ansi", "brackets", "html", "none"}));
    app.add_option("--sort", sort, "relevance, date (oldest first) or -date (newest first)")
        ->capture_default_str()->check(CLI::IsMember({"relevance", "date", "-date"}));
    app.add_option("--since", request.since, "Only documents dated from this ISO date (YYYY, YYYY-MM, YYYY-MM-DD)");
    app.add_option("--until", request.until, "Only documents dated until the end of this ISO date");
    app.add_flag("--facets", request.facets, "Count matches per language, month and source (whole match set)");
    auto* json_flag = app.add_flag("--json", json, "One JSON object (stable format, see README)");
    auto* jsonl_flag = app.add_flag("--jsonl", jsonl, "One JSON object per hit and line (for jq, pandas)");
    auto* ids_flag = app.add_flag("--ids", ids, "Hit ids only, one per line");
    json_flag->excludes(jsonl_flag)->excludes(ids_flag);
    jsonl_flag->excludes(ids_flag);
    app.add_flag("--explain", explain, "Show how each query word was expanded and what matched in each hit");
    app.add_option("--aliases", alias_files, "Alias table file (repeat; later ones extend earlier; default: <data>/aliases/default.aliases)")
        ->allow_extra_args(false);
    app.add_flag("--no-aliases", no_aliases, "No name matching: neither the alias table nor name keys (each word matches its own stems)");
    app.add_flag("--no-name-keys", no_name_keys, "Do not match capitalised names across scripts by name key");
    app.add_option("--dict", dict,
                   "Translation table built by xling-dict (default: $XLING_DICT, else <data>/translation/xling.table if present)");
    app.add_option("--glossary", request.translation.glossaries,
                   "Glossary file adding or overriding translations (repeat; read at each query)")
        ->allow_extra_args(false);
    app.add_flag("--no-translate", no_translate, "Do not translate query words (each word matches its own stems only)");
    app.add_option("--query-lang", request.translation.query_language,
                   "Language of the query (" + xling::language_list() + "); default: detected");
    app.add_option("--data-dir", data_dir, "Data folder: stopwords/, namerules/, aliases/, translation/ (default: $XLING_DATA_DIR, else the installed or build-tree data; see --version)");
    if (const auto exit = xling::cli::parse(app, argc, argv)) return *exit;
    if (!batch && words.empty()) {
        std::cerr << "xling-search: a query is required (or --batch)\n";
        return 2;
    }

    std::string query;
    for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
    request.query = query;
    request.languages = split_commas(languages);
    request.default_operator = default_op == "or" ? xling::DefaultOperator::Or : xling::DefaultOperator::And;
    request.sort = sort == "date" ? xling::SortOrder::DateAscending
                   : sort == "-date" ? xling::SortOrder::DateDescending
                                     : xling::SortOrder::Relevance;
    const bool machine = json || jsonl || ids;
    if (ids) request.snippet.length = 0;  // not shown: skip the per-hit text analysis
    const bool use_color = !machine && xling::cli::use_color(xling::cli::color_choice(color), stdout);
    if (highlight == "auto") highlight = use_color ? "ansi" : "brackets";
    if (highlight == "ansi") request.snippet.highlight_open = "\033[1;31m", request.snippet.highlight_close = "\033[0m";
    if (highlight == "html") request.snippet.highlight_open = "<mark>", request.snippet.highlight_close = "</mark>";
    if (highlight == "none") request.snippet.highlight_open.clear(), request.snippet.highlight_close.clear();

    request.expand_aliases = !no_aliases;
    request.name_keys = !no_name_keys && !no_aliases;
    xling::ResourceOptions options;
    options.alias_files = alias_files;
    options.default_aliases = !no_aliases;
    xling::cli::choose_dict(options, dict);
    request.translation.enabled = !no_translate;
    try {
        xling::Searcher searcher(databases, xling::cli::load_resources(data_dir, options));
        if (batch) return run_batch(searcher, request, explain);
        const xling::SearchResults results = searcher.search(request);
        if (json) {
            std::cout << xling::searcher::to_json(results, explain) << '\n';
        } else if (jsonl) {
            std::cout << xling::searcher::to_jsonl(results);
        } else if (ids) {
            std::cout << xling::searcher::to_ids(results);
        } else {
            if (explain) xling::searcher::print_explanation(std::cout, results, searcher.ambiguous_names(), use_color);
            xling::searcher::print_human(std::cout, results, use_color, explain);
        }
        return results.total == 0 ? 1 : 0;
    } catch (const xling::QueryError& e) {
        std::cerr << "xling-search: query error: " << e.what() << '\n';
        if (!query.empty()) std::cerr << "  " << query << "\n  " << std::string(e.position(), ' ') << "^\n";
        return 2;
    } catch (const xling::Error& e) {
        std::cerr << "xling-search: " << e.what() << '\n';
        return 2;
    }
}
