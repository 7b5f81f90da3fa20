// xling-analyze: prints how xling analyses text, one JSON object per word: the surface form, its
// normalized form, stem and stopword flag in the given language, and its name keys. For
// evaluations (stemming quality against treebank lemmas) and for checking the analysis by hand.
#include <CLI/CLI.hpp>

#include <iostream>
#include <nlohmann/json.hpp>

#include "programs/common/cli.hpp"
#include "programs/common/data_location.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"
#include "xling/text_analyzer.hpp"

int main(int argc, char** argv) {
    CLI::App app{"xling-analyze: show xling's analysis of text read from stdin, one JSON object per word"};
    app.set_version_flag("--version", [] { return xling::cli::version_text("xling-analyze"); });
    std::string lang;
    std::string data_dir;
    bool lines = false;
    app.add_option("--lang", lang, "Language code (" + xling::language_list(", ", true) + ")")->required();
    app.add_flag("--lines", lines, "One input line at a time (one output line per input line: a JSON array)");
    app.add_option("--data-dir", data_dir, "Folder holding stopwords/ and namerules/");
    if (const auto exit = xling::cli::parse(app, argc, argv)) return *exit;
    if (!xling::is_known_language_code(lang)) {
        std::cerr << "xling-analyze: unknown language '" << lang << "'\n";
        return 2;
    }
    try {
        // Only stopwords and name rules matter here: no alias table, no translation table.
        xling::ResourceOptions options;
        options.default_aliases = false;
        options.default_dict = false;
        xling::TextAnalyzer analyzer(xling::cli::load_resources(data_dir, options));
        const auto as_json = [](const std::string& text, const xling::AnalyzedWord& w) {
            nlohmann::json j = {{"surface", text.substr(w.begin, w.end - w.begin)}, {"word", w.word},
                                {"stem", w.stem}, {"stopword", w.stopword}};
            if (w.capitalized && !w.stopword) j["name_keys"] = w.name_keys;
            if (!w.lemmas.empty()) j["lemmas"] = w.lemmas;
            if (!w.compound_parts.empty()) j["compound_parts"] = w.compound_parts;
            if (!w.stopword) j["conflation_terms"] = w.conflation_terms;
            return j;
        };
        if (lines) {
            for (std::string line; std::getline(std::cin, line);) {
                nlohmann::json out = nlohmann::json::array();
                for (const auto& w : analyzer.analyze(line, lang)) out.push_back(as_json(line, w));
                std::cout << out.dump() << '\n';
            }
        } else {
            const std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
            for (const auto& w : analyzer.analyze(text, lang)) std::cout << as_json(text, w).dump() << '\n';
        }
        return 0;
    } catch (const xling::Error& e) {
        std::cerr << "xling-analyze: " << e.what() << '\n';
        return 2;
    }
}
