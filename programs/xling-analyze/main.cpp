// xling-analyze: prints how xling analyses text, one JSON object per word: the surface form, its
// normalized form, stem and stopword flag in the given language, and its name keys. For
// evaluations (stemming quality against treebank lemmas) and for checking the analysis by hand.
#include <CLI/CLI.hpp>

#include <iostream>
#include <nlohmann/json.hpp>

#include "analysis/analyzer.hpp"
#include "analysis/name_key.hpp"
#include "programs/common/cli.hpp"
#include "programs/common/data_location.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"

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
        const auto data = xling::analysis::AnalysisData::load(xling::cli::data_dir(data_dir));
        xling::analysis::Analyzer analyzer(data);
        xling::analysis::NameKeyer keyer(data);
        std::vector<xling::analysis::AnalyzedToken> tokens;
        const auto as_json = [&](const std::string& text, const xling::analysis::AnalyzedToken& t) {
            nlohmann::json j = {{"surface", text.substr(t.begin, t.end - t.begin)}, {"word", t.word},
                                {"stem", t.stem}, {"stopword", t.stopword}};
            if (t.capitalized && !t.stopword) j["name_keys"] = keyer.keys_of_form(lang, t.word);
            return j;
        };
        if (lines) {
            for (std::string line; std::getline(std::cin, line);) {
                analyzer.analyze(line, lang, tokens);
                nlohmann::json out = nlohmann::json::array();
                for (const auto& t : tokens) out.push_back(as_json(line, t));
                std::cout << out.dump() << '\n';
            }
        } else {
            const std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
            analyzer.analyze(text, lang, tokens);
            for (const auto& t : tokens) std::cout << as_json(text, t).dump() << '\n';
        }
        return 0;
    } catch (const xling::Error& e) {
        std::cerr << "xling-analyze: " << e.what() << '\n';
        return 2;
    }
}
