// xling-search: command-line front end of xling::Searcher. Maps arguments onto a SearchRequest
// and prints the results. Exit codes (as grep/ripgrep): 0 matches found, 1 no match,
// 2 error (missing index, malformed query).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>

#include "analysis/text.hpp"
#include "programs/common/cli.hpp"
#include "programs/common/data_location.hpp"
#include "programs/xling-search/result_format.hpp"
#include "searcher/control_chars.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"
#include "xling/searcher.hpp"

namespace {
// Reads one line of stdin, keeping at most `keep` bytes of it (the rest is skipped unread into
// memory): a line of gigabytes must not be stored only to be refused by the query-size limit.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t keep) {
    line.clear();
    bool any = false;
    for (int c; (c = in.get()) != std::char_traits<char>::eof();) {
        any = true;
        if (c == '\n') return true;
        if (line.size() < keep) line.push_back(static_cast<char>(c));
    }
    return any;
}

// Benchmarks and evaluations answer many queries with one process: each stdin line is a query,
// each stdout line its --json object (or {"query":..., "error":...}). Exit 2 if any query failed.
int run_batch(xling::Searcher& searcher, xling::SearchRequest request, bool explain) {
    int status = 0;
    // One byte past the limit is kept, so the searcher reports the line as too long.
    const std::size_t limit = request.limits.max_query_bytes;
    const std::size_t keep = limit == std::numeric_limits<std::size_t>::max() ? limit : limit + 1;
    for (std::string line; read_bounded_line(std::cin, line, keep);) {
        if (line.empty()) continue;
        request.query = line;
        try {
            std::cout << xling::cli::to_json(searcher.search(request), explain) << '\n';
        } catch (const xling::Error& e) {
            std::cout << xling::cli::to_error_json(line, e.what()) << '\n';
            status = 2;
        }
        std::cout.flush();
    }
    return status;
}

// The query around `position` with a caret under it; a long query is cut to the 60 bytes before
// and 20 after the position (at character boundaries), so a huge query is not echoed whole.
void print_caret(std::ostream& err, std::string_view query, std::size_t position) {
    if (query.empty()) return;
    const auto continuation = [&](std::size_t i) { return i < query.size() && (static_cast<unsigned char>(query[i]) & 0xC0) == 0x80; };
    position = std::min(position, query.size());
    std::size_t first = position > 60 ? position - 60 : 0;
    while (continuation(first)) ++first;
    std::size_t last = std::min(query.size(), position + 20);
    while (continuation(last)) ++last;
    const std::string before = first > 0 ? "..." : "";
    const std::string after = last < query.size() ? "..." : "";
    std::string caret_pad(before.size(), ' ');
    for (std::size_t i = first; i < position; ++i) {
        if (!continuation(i)) caret_pad.push_back(' ');  // one column per character
    }
    err << "  " << before << xling::searcher::escaped(query.substr(first, last - first)) << after << "\n  " << caret_pad << "^\n";
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
    std::string accents = "fold";
    xling::SearchRequest request;
    app.add_option("--db", databases, "Index folder or Xapian stub file (repeat to search several)")
        ->required()->allow_extra_args(false);
    auto* query_option = app.add_option("query", words, "Query (see README: words, \"phrases\", OR, AND, NOT, NEAR/n, word*, =exact, field:value; "
        "parentheses nest at most 100 deep)");
    auto* batch_flag = app.add_flag("--batch", batch,
        "Read one query per line from stdin; print one JSON object per query and line (index opened once)");
    batch_flag->excludes(query_option);
    app.add_option("--lang", languages, "Only documents in these languages, e.g. hu,de");
    app.add_option("-n,--limit", request.limit, "Hits to show (more than the index holds: all)")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--offset", request.offset, "Hits to skip (past the last hit: none)")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--max-query-bytes", request.limits.max_query_bytes,
                   "Longest query accepted, in bytes (longer: query error; guards --batch against runaway input)")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--max-query-words", request.limits.max_query_words,
                   "Most words a query may search (phrase words and title: words count; more: query error)")
        ->capture_default_str()->check(xling::cli::whole_number());
    std::size_t time_limit_ms = 0;
    app.add_option("--time-limit", time_limit_ms,
                   "Time budget per query in ms (0: none); at the deadline the results found so far are printed, "
                   "marked partial: counting past the page stops and the remaining hits get no snippet")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--default-op", default_op, "How bare words combine: and, or")
        ->capture_default_str()->check(CLI::IsMember({"and", "or"}));
    app.add_option("--snippet-length", request.snippet.length, "Snippet length in characters")->capture_default_str();
    app.add_option("--color", color, "auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always, never")
        ->capture_default_str()->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_option("--highlight", highlight, "Match markers: auto (ANSI on a terminal, [..] otherwise), brackets, html, none")
        ->capture_default_str()->check(CLI::IsMember({"auto", "ansi", "brackets", "html", "none"}));
    app.add_option("--sort", sort, "relevance, date (oldest first) or -date (newest first); undated documents last")
        ->capture_default_str()->check(CLI::IsMember({"relevance", "date", "-date"}));
    app.add_option("--since", request.since, "Only documents dated from this ISO date (YYYY, YYYY-MM, YYYY-MM-DD)");
    app.add_option("--until", request.until, "Only documents dated until the end of this ISO date");
    app.add_flag("--facets", request.facets, "Count matches per language, month and source (whole match set)");
    auto* json_flag = app.add_flag("--json", json, "One JSON object (stable format, see README)");
    auto* jsonl_flag = app.add_flag("--jsonl", jsonl, "One JSON object per hit and line (for jq, pandas)");
    auto* ids_flag = app.add_flag("--ids", ids, "Hit ids only, one per line (control characters as \\n, \\x1b; \\ as \\\\)");
    json_flag->excludes(jsonl_flag)->excludes(ids_flag);
    jsonl_flag->excludes(ids_flag);
    app.add_flag("--explain", explain, "Show how each query word was expanded and what matched in each hit");
    app.add_option("--aliases", alias_files, "Alias table file (repeat; later ones extend earlier; default: <data>/aliases/default.aliases; regular file, at most 64 MiB)")
        ->allow_extra_args(false);
    app.add_flag("--no-aliases", no_aliases, "No name matching: neither the alias table nor name keys (each word matches its own stems)");
    app.add_flag("--no-name-keys", no_name_keys, "Do not match capitalised names across scripts by name key");
    app.add_option("--accents", accents,
                   "fold: a word typed without its diacritics also finds them (Siaures -> Šiaurės; ranked after the form as typed); "
                   "strict: words match only as typed")
        ->capture_default_str()->check(CLI::IsMember({"fold", "strict"}));
    app.add_option("--dict", dict,
                   "Translation table built by xling-dict (default: $XLING_DICT, else <data>/translation/xling.table if present)");
    app.add_option("--learned", request.translation.learned,
                   "Learned translations file (xling-dict learn): lower-weight translations mined from the collection, labelled 'learned' (repeat; off unless given)")
        ->check(CLI::ExistingFile);
    app.add_option("--glossary", request.translation.glossaries,
                   "Glossary file adding or overriding translations (repeat; re-read at the next query when changed; regular file, at most 64 MiB)")
        ->allow_extra_args(false);
    app.add_flag("--feedback", request.feedback.enabled,
                 "Pseudo-relevance feedback: run the query, then again with the most distinctive stems and name keys of its "
                 "best documents added at a lower weight (reaches languages the query's words missed; a second search)");
    app.add_option("--feedback-docs", request.feedback.documents, "With --feedback: best documents taken as relevant")
        ->capture_default_str()->check(CLI::Range(1, 1000));
    app.add_option("--feedback-terms", request.feedback.terms, "With --feedback: terms added at most per document language")
        ->capture_default_str()->check(CLI::Range(1, 100));
    app.add_option("--feedback-weight", request.feedback.weight,
                   "With --feedback: weight of each language's added terms, as a share of the query's own")
        ->capture_default_str()->check(CLI::Range(0.0, 10.0));
    app.add_flag("--no-translate", no_translate, "Do not translate query words (each word matches its own stems only)");
    app.add_option("--query-lang", request.translation.query_language,
                   "Language of the query (" + xling::language_list() + "); default: detected");
    app.add_option("--data-dir", data_dir, "Data folder: stopwords/, namerules/, aliases/, translation/ (default: $XLING_DATA_DIR, else the installed or build-tree data; see --version)");
    if (const auto exit = xling::cli::parse(app, argc, argv)) return *exit;
    if (!batch && words.empty()) {
        std::cerr << "xling-search: a query is required (or --batch)\n";
        return 2;
    }

    const std::string query = xling::analysis::join(words);
    request.query = query;
    request.time_limit = std::chrono::milliseconds(time_limit_ms);
    request.languages = xling::cli::split_list(languages);
    request.default_operator = default_op == "or" ? xling::DefaultOperator::Or : xling::DefaultOperator::And;
    request.sort = sort == "date" ? xling::SortOrder::DateAscending
                   : sort == "-date" ? xling::SortOrder::DateDescending
                                     : xling::SortOrder::Relevance;
    const bool machine = json || jsonl || ids;
    if (ids) request.snippet.length = 0;  // not shown: skip the per-hit text analysis
    request.snippet.escape_controls = !machine;  // a document's ESC sequences must not reach the terminal
    const bool use_color = !machine && xling::cli::use_color(xling::cli::color_choice(color), stdout);
    if (highlight == "auto") highlight = use_color ? "ansi" : "brackets";
    if (highlight == "ansi") request.snippet.highlight_open = "\033[1;31m", request.snippet.highlight_close = "\033[0m";
    if (highlight == "html") {
        request.snippet.highlight_open = "<mark>", request.snippet.highlight_close = "</mark>";
        request.snippet.escape_html = true;  // the document's "<script>" is text beside <mark>
    }
    if (highlight == "none") request.snippet.highlight_open.clear(), request.snippet.highlight_close.clear();

    request.expand_aliases = !no_aliases;
    request.name_keys = !no_name_keys && !no_aliases;
    request.accents = accents == "strict" ? xling::AccentMatching::Strict : xling::AccentMatching::Fold;
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
            std::cout << xling::cli::to_json(results, explain) << '\n';
        } else if (jsonl || ids) {
            std::cout << (jsonl ? xling::cli::to_jsonl(results) : xling::cli::to_ids(results));
            // These formats have no place for it; a warning, as ripgrep gives its own.
            if (results.partial) std::cerr << "xling-search: partial results: " << results.partial_reason << '\n';
        } else {
            if (explain) xling::cli::print_explanation(std::cout, results, searcher.ambiguous_names(), use_color);
            xling::cli::print_human(std::cout, results, use_color, explain, highlight == "html");
        }
        return results.total == 0 ? 1 : 0;
    } catch (const xling::QueryError& e) {
        std::cerr << "xling-search: query error: " << e.what() << '\n';
        print_caret(std::cerr, request.query, e.position());
        return 2;
    } catch (const xling::Error& e) {
        std::cerr << "xling-search: " << e.what() << '\n';
        return 2;
    }
}
