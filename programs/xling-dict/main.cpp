// xling-dict: builds the translation table from FreeDict dictionaries and looks words up in it.
//
//   xling-dict build [--dictd-dir /usr/share/dictd] [--languages hu,de,lt,en,ru] [--pivots en,de]
//                    [--max-per-language 6] [--data-dir DIR] --out FILE
//   xling-dict lookup --dict FILE [--glossary FILE ...] --from hu [--to de,en] [-n 5] WORD...
//   xling-dict dump --dict FILE [--from hu]          (TSV: src word tgt translation weight via)
//   xling-dict stats --dict FILE                     (sizes, load time and memory, full check)
//   xling-dict learn --db DIR [--db DIR ...] [--min-dice 0.5] [--min-pairs 3] --out FILE
//                    (translations mined from an index: translation/collection_miner.hpp)
#include <CLI/CLI.hpp>

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <xapian.h>

#include "analysis/analyzer.hpp"
#include "analysis/text.hpp"
#include "translation/collection_miner.hpp"
#include "translation/compiled_table.hpp"
#include "translation/table_builder.hpp"
#include "programs/common/cli.hpp"
#include "programs/common/data_location.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"
#include "xling/translation_table.hpp"

namespace {

std::shared_ptr<const xling::analysis::AnalysisData> load_analysis(const std::string& data_dir) {
    return xling::analysis::AnalysisData::load(xling::cli::data_dir(data_dir));
}

// Resident memory in KiB (Linux): private (anonymous) and file-backed pages, {0, 0} when unknown.
struct Resident {
    long anon = 0;
    long file = 0;
};

Resident resident_kib() {
    Resident r;
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("RssAnon:", 0) == 0) r.anon = std::stol(line.substr(8));
        if (line.rfind("RssFile:", 0) == 0) r.file = std::stol(line.substr(8));
    }
    return r;
}

std::string resident_growth(const Resident& before, const Resident& after) {
    return "private +" + std::to_string(after.anon - before.anon) + " KiB, mapped file +" + std::to_string(after.file - before.file) + " KiB";
}

// The table's default languages, comma-separated (translation::supported_codes()).
std::string default_languages() {
    std::string out;
    for (const std::string& code : xling::translation::supported_codes()) out += (out.empty() ? "" : ",") + code;
    return out;
}

struct BuildArgs {
    std::string dictd_dir = "/usr/share/dictd";
    std::string languages = default_languages();
    std::string pivots = xling::analysis::join(xling::translation::BuildOptions{}.pivots, ",");
    std::size_t max_per_language = 6;
    std::string data_dir;
    std::string out;
};

int run_build(const BuildArgs& args) {
    xling::translation::BuildOptions options;
    options.dictd_dir = args.dictd_dir;
    options.languages = xling::cli::split_list(args.languages);
    options.pivots = xling::cli::split_list(args.pivots);
    options.max_per_language = args.max_per_language;
    for (const auto& lang : options.languages) {
        if (xling::find_language(lang) == nullptr) {
            std::cerr << "xling-dict: unknown language '" << lang << "'\n";
            return 2;
        }
    }
    xling::analysis::Analyzer analyzer(load_analysis(args.data_dir));
    const xling::StemFunction stem = analyzer.stem_function();
    const auto start = std::chrono::steady_clock::now();
    const auto report = xling::translation::build_table(options, stem, args.out, &std::cerr);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    xling::translation::print_report(report, std::cout);
    std::cout << "wrote " << args.out << " in " << std::fixed << std::setprecision(1) << seconds << " s\n";
    if (report.dictionaries.empty()) {
        std::cerr << "xling-dict: no FreeDict dictionary for these languages in " << args.dictd_dir << '\n';
        return 1;
    }
    return 0;
}

struct LookupArgs {
    std::string table;
    std::vector<std::string> glossaries;
    std::string from;
    std::string to;
    std::size_t limit = 5;
    std::string data_dir;
    std::vector<std::string> words;
};

int run_lookup(const LookupArgs& args) {
    if (xling::find_language(args.from) == nullptr) {
        std::cerr << "xling-dict: unknown language '" << args.from << "'\n";
        return 2;
    }
    xling::analysis::Analyzer analyzer(load_analysis(args.data_dir));
    const xling::StemFunction stem = analyzer.stem_function();
    std::vector<std::filesystem::path> files{args.table};
    files.insert(files.end(), args.glossaries.begin(), args.glossaries.end());
    const auto table = xling::TranslationTable::load(files, stem);
    xling::TranslationOptions options;
    options.max_per_language = args.limit;
    options.target_languages = xling::cli::split_list(args.to);
    std::vector<xling::analysis::AnalyzedToken> tokens;
    for (const auto& word : args.words) {
        analyzer.words(word, tokens);
        const std::string key = xling::analysis::join_words(tokens);
        const std::string word_stem = tokens.size() == 1 ? analyzer.stem(args.from, key) : "";
        std::cout << word << "  (" << args.from << " key '" << key << "'";
        if (!word_stem.empty()) std::cout << ", stem '" << word_stem << "'";
        std::cout << ")\n";
        const auto result = table.lookup(args.from, key, word_stem, options);
        if (result.empty()) std::cout << "  no translation\n";
        for (const auto& target : result) {
            std::cout << "  " << target.lang << ":";
            const char* sep = " ";
            for (const auto& t : target.translations) {
                std::cout << sep << t.text << " " << std::fixed << std::setprecision(2) << t.weight;
                if (t.via != "direct") std::cout << " via " << t.via;
                if (t.key != key) std::cout << " from '" << t.key << "'";
                sep = "; ";
            }
            std::cout << '\n';
        }
    }
    return 0;
}

int run_dump(const std::string& table_path, const std::string& from) {
    const auto table = xling::TranslationTable::load(std::filesystem::path(table_path));
    table.for_each([&](std::string_view src, std::string_view key, std::string_view tgt, const xling::Translation& t) {
        if (!from.empty() && src != from) return;
        std::cout << src << '\t' << key << '\t' << tgt << '\t' << t.text << '\t' << std::fixed << std::setprecision(3)
                  << t.weight << '\t' << t.via << '\n';
    });
    return 0;
}

// Load time and memory, as a searcher sees them: map the table, then look up a few words; then
// the time a full check of the file takes.
int run_stats(const std::string& table_path) {
    const Resident before = resident_kib();
    const auto start = std::chrono::steady_clock::now();
    const auto table = xling::TranslationTable::load(std::filesystem::path(table_path));
    const auto loaded = std::chrono::steady_clock::now();
    const Resident after_load = resident_kib();
    std::size_t found = 0;
    for (const char* word : {"katonai", "együttműködés", "szankció"}) found += table.lookup("hu", word, "").size();
    for (const char* word : {"military", "cooperation", "sanctions", "troops"}) found += table.lookup("en", word, "").size();
    const auto looked_up = std::chrono::steady_clock::now();
    const auto stats = table.stats();
    const auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
    std::cout << "keys " << stats.keys << ", translations " << stats.translations << ", stems " << stats.stems
              << ", file " << stats.table_bytes << " bytes\n"
              << std::fixed << std::setprecision(2) << "load " << ms(loaded - start) << " ms ("
              << resident_growth(before, after_load) << ")\n7 lookups " << ms(looked_up - loaded) << " ms, "
              << found << " language lists (" << resident_growth(before, resident_kib()) << ")\n";
    const auto verify_start = std::chrono::steady_clock::now();
    xling::translation::CompiledTable(table_path).verify();
    std::cout << "verified in " << ms(std::chrono::steady_clock::now() - verify_start) << " ms\n";
    return 0;
}

struct LearnArgs {
    std::vector<std::string> dbs;
    std::string data_dir;
    std::string out;
    xling::translation::LearnOptions options;
};

// A separate command, not part of xling-index: mining reads every document of the collection
// (all its indexes together: a pair's two documents may sit in different ones), which an
// incremental xling-index run adding ten files should not pay for; run it after indexing.
int run_learn(const LearnArgs& args) {
    xling::analysis::Analyzer analyzer(load_analysis(args.data_dir));
    std::vector<std::filesystem::path> dbs(args.dbs.begin(), args.dbs.end());
    const auto report = xling::translation::learn_translations(dbs, analyzer.stem_function(), args.options);
    const std::filesystem::path tmp = args.out + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw xling::ConfigError(args.out + ": cannot write");
        xling::translation::write_learned(report, args.options, out);
        if (!out.flush()) throw xling::ConfigError(args.out + ": write failed");
    }
    std::filesystem::rename(tmp, args.out);
    std::cout << report.documents << " documents, " << report.aligned_pairs << " aligned pairs, "
              << report.translations.size() << " translations learned; wrote " << args.out << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"xling-dict: build the translation table from FreeDict dictionaries and look words up"};
    app.set_version_flag("--version", [] { return xling::cli::version_text("xling-dict"); });
    app.require_subcommand(1);

    BuildArgs build;
    auto* build_cmd = app.add_subcommand("build", "Build the translation table from dictd databases");
    build_cmd->add_option("--dictd-dir", build.dictd_dir, "Folder of freedict-*.index/.dict.dz")->capture_default_str();
    build_cmd->add_option("--languages", build.languages, "Languages of the table, comma-separated")->capture_default_str();
    build_cmd->add_option("--pivots", build.pivots, "Pivot languages for pairs without a dictionary")->capture_default_str();
    build_cmd->add_option("--max-per-language", build.max_per_language, "Translations kept per word and language")
        ->capture_default_str()->check(CLI::Range(1, 64));
    build_cmd->add_option("--data-dir", build.data_dir, "Folder holding stopwords/ (for stems)");
    build_cmd->add_option("--out", build.out, "Table file to write")->required();

    LookupArgs lookup;
    auto* lookup_cmd = app.add_subcommand("lookup", "Print the translations of words");
    lookup_cmd->add_option("--dict", lookup.table, "Translation table built by 'xling-dict build'")->required();
    lookup_cmd->add_option("--glossary", lookup.glossaries, "Glossary files, in order");
    lookup_cmd->add_option("--from", lookup.from, "Language of the words")->required();
    lookup_cmd->add_option("--to", lookup.to, "Target languages, comma-separated (default: all)");
    lookup_cmd->add_option("-n,--limit", lookup.limit, "Translations per language")->capture_default_str();
    lookup_cmd->add_option("--data-dir", lookup.data_dir, "Folder holding stopwords/ (for stems)");
    lookup_cmd->add_option("words", lookup.words, "Words or phrases")->required();

    std::string dump_table, dump_from;
    auto* dump_cmd = app.add_subcommand("dump", "Print the table as TSV: src word tgt translation weight via");
    dump_cmd->add_option("--dict", dump_table, "Translation table file")->required();
    dump_cmd->add_option("--from", dump_from, "Only this source language");

    std::string stats_table;
    auto* stats_cmd = app.add_subcommand("stats", "Print the table's size, load time and memory");
    stats_cmd->add_option("--dict", stats_table, "Translation table file")->required();

    LearnArgs learn;
    auto* learn_cmd = app.add_subcommand("learn", "Mine translations from an index's comparable documents (shared names, near dates)");
    learn_cmd->add_option("--db", learn.dbs, "Index folder (repeat: read together)")->required();
    learn_cmd->add_option("--out", learn.out, "Learned translations file to write (xling-search --learned)")->required();
    learn_cmd->add_option("--min-dice", learn.options.min_dice, "Confidence bar: Dice over aligned document pairs")
        ->capture_default_str()->check(CLI::Range(0.0, 1.0));
    learn_cmd->add_option("--min-pairs", learn.options.min_pairs, "Aligned pairs a word pair must co-occur in")
        ->capture_default_str()->check(CLI::Range(1, 1000000));
    learn_cmd->add_option("--min-shared-names", learn.options.min_shared_names, "Rare name keys two documents must share")
        ->capture_default_str()->check(CLI::Range(1, 1000));
    learn_cmd->add_option("--max-days-apart", learn.options.max_days_apart, "Publication dates at most this far apart")
        ->capture_default_str()->check(CLI::Range(0, 100000));
    learn_cmd->add_option("--data-dir", learn.data_dir, "Folder holding stopwords/ (for stems)");

    if (const auto exit = xling::cli::parse(app, argc, argv)) return *exit;
    try {
        if (build_cmd->parsed()) return run_build(build);
        if (lookup_cmd->parsed()) return run_lookup(lookup);
        if (dump_cmd->parsed()) return run_dump(dump_table, dump_from);
        if (stats_cmd->parsed()) return run_stats(stats_table);
        if (learn_cmd->parsed()) return run_learn(learn);
    } catch (const xling::Error& e) {
        std::cerr << "xling-dict: " << e.what() << '\n';
        return 2;
    } catch (const Xapian::Error& e) {
        std::cerr << "xling-dict: " << e.get_msg() << '\n';
        return 2;
    }
    return 2;
}
