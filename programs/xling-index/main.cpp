// xling-index: command-line front end of the indexer library. Parses arguments, wires progress
// output and signals, and maps outcomes to exit codes:
//   0 success (inputs that were skipped are listed), 1 nothing could be indexed (or --strict and
//   something was skipped; for delete: none of the ids existed), 2 usage or fatal error (missing
//   path or one that is not a regular file or folder, locked/unopenable index, --db on a non-empty
//   folder that is not an xling index, a stub file naming itself), 130 interrupted (every
//   committed batch is kept; an interrupted --rebuild is discarded and the live index is untouched).
//
//   xling-index --db DIR [options] PATH...     index (add, replace, skip unchanged)
//   xling-index --formats                      what is read, and how it maps to fields
//   xling-index delete --db DIR ID...          remove documents by id
//   xling-index stats --db DIR [--json]        what the index holds
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "programs/common/cli.hpp"
#include "programs/common/data_location.hpp"
#include "programs/xling-index/formats_list.hpp"
#include "programs/xling-index/progress_reporter.hpp"
#include "programs/xling-index/stats_report.hpp"
#include "xling/error.hpp"
#include "xling/index_stats.hpp"
#include "xling/indexer.hpp"

namespace {

// The one piece of process-wide state: a signal handler can only reach a global.
std::atomic<bool> g_stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_signal(int signal_number) {
    g_stop_requested.store(true);
    std::signal(signal_number, SIG_DFL);  // a second Ctrl-C kills at once; the index stays valid
}

struct IndexArgs {
    xling::IndexOptions options;
    std::vector<std::filesystem::path> paths;
    std::string invalid_utf8 = "skip";
    std::string stdin_format = "jsonl";
    std::vector<std::string> fields;  // --field FIELD=COLUMN
    std::string data_dir;
    std::size_t memory_mb = 512;
    std::size_t max_record_mb = 32;
    bool quiet = false;
    bool strict = false;
    bool formats = false;
};

// What --stdin-format accepts, and the format each name reads.
const std::map<std::string, xling::StreamFormat> kStdinFormats = {
    {"jsonl", xling::StreamFormat::JsonLines}, {"ndjson", xling::StreamFormat::JsonLines},
    {"json", xling::StreamFormat::JsonArray},  {"csv", xling::StreamFormat::Csv},
    {"tsv", xling::StreamFormat::Tsv},         {"txt", xling::StreamFormat::Text},
    {"md", xling::StreamFormat::Markdown},     {"html", xling::StreamFormat::Html},
    {"rss", xling::StreamFormat::Feed},        {"atom", xling::StreamFormat::Feed},
    {"xml", xling::StreamFormat::Feed},        {"pdf", xling::StreamFormat::Pdf},
    {"warc", xling::StreamFormat::Warc},
};

void add_index_options(CLI::App& app, IndexArgs& a) {
    app.add_option("--db", a.options.database,
                   "Index folder: created when missing; an existing one must be empty or an xling index");
    app.add_option("paths", a.paths,
                   "Files and folders: .txt .md .html/.htm .rss/.atom/.xml .jsonl/.ndjson .json .csv/.tsv .warc .pdf "
                   "(extensions in any case), optionally .gz/.zst, and archives .tar/.tar.gz/.tar.zst/.zip (see "
                   "--formats); - reads standard input (--stdin-format). Only regular files are read "
                   "(a FIFO or device is refused); a symlink given here is followed");
    std::vector<std::string> stdin_names;
    for (const auto& [name, format] : kStdinFormats) stdin_names.push_back(name);
    app.add_option("--stdin-format", a.stdin_format,
                   "Format of standard input (PATH -): jsonl/ndjson (one JSON object per line), json (one array "
                   "of objects), csv or tsv (a header row, then one document per row), txt, md, html or pdf "
                   "(one document, id <stdin>), rss/atom/xml (a feed), warc (a web archive, gzip or not); "
                   "compressed input: decompress it into the pipe (zstdcat, zcat)")
        ->capture_default_str()->check(CLI::IsMember(stdin_names));
    app.add_option("--field", a.fields,
                   "CSV/TSV columns: FIELD=COLUMN[,FIELD=COLUMN...] for id, text, title, date, lang, url, "
                   "source (default: common names such as text/body/content, title/headline, date/published)")
        ->delimiter(',')->allow_extra_args(false);
    app.add_option("--batch-size", a.options.batch_documents, "Documents per commit")
        ->capture_default_str()->check(CLI::PositiveNumber);
    app.add_option("--memory-mb", a.memory_mb, "Commit when pending changes reach about this many MB")
        ->capture_default_str()->check(CLI::PositiveNumber);
    app.add_option("--threads", a.options.threads, "Threads; N > 1: each analyses and writes its own shard, merged and switched to at the end")
        ->capture_default_str()->check(CLI::Range(1, 64));
    app.add_option("--max-record-mb", a.max_record_mb,
                   "Largest document: one JSONL line, WARC record or archive member, one .txt/.md/.html/feed/.pdf file; a larger one is skipped (a notice) "
                   "without being read into memory whole")
        ->capture_default_str()->check(CLI::Range(1, 4096));
    app.add_flag("--follow-symlinks", a.options.follow_symlinks,
                 "Follow symlinks found inside folders (default: skip them, a notice each); each folder is "
                 "read once, so a link loop ends");
    app.add_flag("--prune", a.options.prune, "Delete documents whose file is gone, and records gone from a file");
    app.add_flag("--rebuild", a.options.rebuild, "Build a new index from PATH... and switch to it atomically");
    app.add_option("--invalid-utf8", a.invalid_utf8, "Documents with invalid UTF-8: skip or replace")
        ->capture_default_str()->check(CLI::IsMember({"skip", "replace"}));
    app.add_option("--data-dir", a.data_dir, "Data folder: stopwords/, namerules/ (default: $XLING_DATA_DIR, else the installed or build-tree data; see --version)");
    app.add_flag("-q,--quiet", a.quiet, "No progress output, summary only");
    app.add_flag("--strict", a.strict, "Exit 1 when any input was skipped");
    app.add_flag("--formats", a.formats, "List every format read, its extensions and field mapping, and exit");
}

// "--field text=body" -> options.csv_fields["text"] = "body"; false (with a message) when malformed.
bool parse_fields(const std::vector<std::string>& fields, std::map<std::string, std::string>& out) {
    for (const auto& item : fields) {
        const auto eq = item.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
            std::cerr << "xling-index: --field " << item << ": expected FIELD=COLUMN (e.g. text=body)\n";
            return false;
        }
        out[item.substr(0, eq)] = item.substr(eq + 1);
    }
    return true;
}

xling::StreamFormat stream_format(const std::string& name) { return kStdinFormats.at(name); }

int run_index(IndexArgs& a) {
    if (a.formats) {
        std::cout << xling::cli::formats_text();
        return 0;
    }
    if (a.options.database.empty() || a.paths.empty()) {
        std::cerr << "xling-index: --db and at least one PATH are required (see --help)\n";
        return 2;
    }
    a.options.invalid_utf8 =
        a.invalid_utf8 == "replace" ? xling::InvalidUtf8Policy::Replace : xling::InvalidUtf8Policy::Skip;
    a.options.memory_bytes = a.memory_mb << 20;
    a.options.max_record_bytes = a.max_record_mb << 20;
    a.options.stop_requested = &g_stop_requested;
    if (!parse_fields(a.fields, a.options.csv_fields)) return 2;
    // A PATH that cannot be read is a mistake in the command: refused before anything is written.
    // A FIFO or device is refused too: opening a FIFO blocks until a writer comes, where no
    // signal can stop the run.
    if (std::count(a.paths.begin(), a.paths.end(), std::filesystem::path("-")) > 1) {
        std::cerr << "xling-index: - (standard input) given more than once\n";
        return 2;
    }
    for (const auto& path : a.paths) {
        if (path == "-") continue;
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (!std::filesystem::exists(status)) {
            const bool missing = !ec || ec == std::errc::no_such_file_or_directory;
            std::cerr << "xling-index: " << path.string() << ": " << (missing ? "no such file or folder" : ec.message())
                      << '\n';
            return 2;
        }
        if (!std::filesystem::is_regular_file(status) && !std::filesystem::is_directory(status)) {
            std::cerr << "xling-index: " << path.string() << ": not a regular file or folder\n";
            return 2;
        }
    }
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);

    const bool live = !a.quiet && xling::cli::can_redraw(stderr);
    xling::cli::ProgressReporter reporter(stderr, live, live ? xling::cli::total_input_bytes(a.paths) : 0);
    try {
        a.options.resources = xling::cli::load_resources(a.data_dir);
        xling::Indexer indexer(a.options);
        if (!a.quiet) indexer.on_progress([&](const xling::IndexProgress& p) { reporter.update(p); });
        const auto stdin_format = stream_format(a.stdin_format);
        for (const auto& path : a.paths) {
            if (path == "-") {
                indexer.add_stream(0, stdin_format, "<stdin>");
            } else {
                indexer.add_path(path);
            }
        }
        const xling::IndexSummary summary = indexer.finish();
        reporter.summary(summary);
        if (summary.interrupted) return 130;
        if (summary.documents == 0 && summary.unchanged == 0 && summary.skipped > 0) return 1;
        if (a.strict && summary.skipped > 0) return 1;
        return 0;
    } catch (const xling::Error& e) {
        reporter.clear_line();
        std::cerr << "xling-index: " << e.what() << '\n';
        return 2;
    }
}

int run_delete(const std::filesystem::path& db, const std::vector<std::string>& ids, const std::string& data_dir) {
    xling::IndexOptions options;
    options.database = db;
    try {
        options.resources = xling::cli::load_resources(data_dir);
        std::error_code ec;
        if (!std::filesystem::exists(db, ec)) throw xling::IndexError(db.string() + ": no such index");
        xling::Indexer indexer(options);
        const xling::RemoveResult result = indexer.remove(ids);
        (void)indexer.finish();
        std::cerr << "xling-index: deleted " << result.removed.size() << " of " << ids.size() << " documents\n";
        for (const auto& id : result.unknown) std::cerr << "xling-index: " << id << ": no such document\n";
        return result.removed.empty() ? 1 : 0;
    } catch (const xling::Error& e) {
        std::cerr << "xling-index: " << e.what() << '\n';
        return 2;
    }
}

int run_stats(const std::filesystem::path& db, bool json) {
    try {
        const xling::IndexStats stats = xling::index_stats(db);
        std::cout << (json ? xling::cli::stats_json(db.string(), stats) : xling::cli::stats_text(db.string(), stats));
        return 0;
    } catch (const xling::Error& e) {
        std::cerr << "xling-index: " << e.what() << '\n';
        return 2;
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"xling-index: build or update an xling cross-lingual search index"};
    app.set_version_flag("--version", [] { return xling::cli::version_text("xling-index"); });
    app.require_subcommand(0, 1);
    IndexArgs index_args;
    add_index_options(app, index_args);

    std::filesystem::path delete_db;
    std::vector<std::string> delete_ids;
    auto* del = app.add_subcommand("delete", "Remove documents by id");
    del->add_option("--db", delete_db, "Index folder")->required();
    del->add_option("ids", delete_ids, "Document ids")->required();
    del->add_option("--data-dir", index_args.data_dir, "Folder holding stopwords/");

    std::filesystem::path stats_db;
    bool stats_as_json = false;
    auto* stats = app.add_subcommand("stats", "Documents per language, dates, terms, size on disk");
    stats->add_option("--db", stats_db, "Index folder or stub file")->required();
    stats->add_flag("--json", stats_as_json, "One JSON object");

    if (const auto exit = xling::cli::parse(app, argc, argv)) return *exit;
    if (del->parsed()) return run_delete(delete_db, delete_ids, index_args.data_dir);
    if (stats->parsed()) return run_stats(stats_db, stats_as_json);
    return run_index(index_args);
}
