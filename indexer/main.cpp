// xling-index: command-line front end of the indexer library. Parses arguments, wires progress
// output and signals, and maps outcomes to exit codes:
//   0 success (inputs that were skipped are listed), 1 nothing could be indexed (or --strict and
//   something was skipped), 2 usage or fatal error (missing path, locked/unopenable index),
//   130 interrupted (every committed batch is kept).
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "indexer/progress_reporter.hpp"
#include "xling/error.hpp"
#include "xling/indexer.hpp"

namespace {

// The one piece of process-wide state: a signal handler can only reach a global.
std::atomic<bool> g_stop_requested{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_signal(int signal_number) {
    g_stop_requested.store(true);
    std::signal(signal_number, SIG_DFL);  // a second Ctrl-C kills at once; the index stays valid
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"xling-index: build or update an xling cross-lingual search index"};
    app.set_version_flag("--version", "xling-index 0.1.0");
    xling::IndexOptions options;
    std::vector<std::filesystem::path> paths;
    std::string invalid_utf8 = "skip";
    std::string data_dir;
    bool quiet = false;
    bool strict = false;
    app.add_option("--db", options.database, "Index folder (created when missing)")->required();
    app.add_option("paths", paths, "Files and folders: .txt .md .jsonl, optionally .gz/.zst")->required();
    app.add_option("--batch-size", options.batch_documents, "Documents per commit")
        ->capture_default_str()->check(CLI::PositiveNumber);
    app.add_option("--invalid-utf8", invalid_utf8, "Documents with invalid UTF-8: skip or replace")
        ->capture_default_str()->check(CLI::IsMember({"skip", "replace"}));
    app.add_option("--data-dir", data_dir, "Folder holding stopwords/ (default: $XLING_DATA_DIR or built-in)");
    app.add_flag("-q,--quiet", quiet, "No progress output, summary only");
    app.add_flag("--strict", strict, "Exit 1 when any input was skipped");
    CLI11_PARSE(app, argc, argv);

    options.invalid_utf8 = invalid_utf8 == "replace" ? xling::InvalidUtf8Policy::Replace : xling::InvalidUtf8Policy::Skip;
    if (!data_dir.empty()) options.data_dir = data_dir;
    options.stop_requested = &g_stop_requested;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            std::cerr << "xling-index: " << path.string() << ": no such file or folder\n";
            return 2;
        }
    }
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);

    const bool live = !quiet && isatty(STDERR_FILENO) != 0;
    xling::indexer::ProgressReporter reporter(stderr, live, live ? xling::indexer::total_input_bytes(paths) : 0);
    try {
        xling::Indexer indexer(options);
        if (!quiet) indexer.on_progress([&](const xling::IndexProgress& p) { reporter.update(p); });
        for (const auto& path : paths) indexer.add_path(path);
        const xling::IndexSummary summary = indexer.finish();
        reporter.summary(summary);
        if (summary.interrupted) return 130;
        if (summary.documents == 0 && summary.skipped > 0) return 1;
        if (strict && summary.skipped > 0) return 1;
        return 0;
    } catch (const xling::Error& e) {
        reporter.clear_line();
        std::cerr << "xling-index: " << e.what() << '\n';
        return 2;
    }
}
