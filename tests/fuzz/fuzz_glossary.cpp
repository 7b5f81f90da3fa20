// The glossary reader (--glossary files, read for every query): Glossary::parse with the real
// stemmer, then the lookups the query translator makes, through TranslationTable::add_glossary too.
// A malformed line must be a ConfigError ("origin:line: message").
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "translation/glossary.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "xling/alias_table.hpp"
#include "xling/error.hpp"
#include "xling/translation_table.hpp"

namespace {

xling::analysis::Analyzer& analyzer() {
    static xling::analysis::Analyzer a(xling::analysis::AnalysisData::load(xling::fuzz::data_dir()));
    return a;
}

// The source word of each "lang:word -> ..." line, normalized as a query word would be.
void look_up_sources(std::string_view text, const xling::translation::Glossary& glossary,
                     const xling::TranslationTable& table) {
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        const auto colon = line.find(':');
        const auto arrow = line.find_first_of("-=", colon == std::string_view::npos ? 0 : colon);
        if (colon == std::string_view::npos || arrow == std::string_view::npos) continue;
        const std::string lang(line.substr(0, colon));
        const std::string word = xling::normalize_name(line.substr(colon + 1, arrow - colon - 1));
        (void)glossary.find(lang, word);
        (void)glossary.words_of_stem(lang, analyzer().stem(lang, word));
        (void)table.translations(lang, word);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)analyzer();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const xling::StemFunction stem = [](std::string_view lang, std::string_view word) {
        return analyzer().stem(lang, word);
    };
    xling::translation::Glossary glossary;
    xling::TranslationTable table;
    try {
        glossary.parse(text, "<fuzz>", stem);
        table.add_glossary(text, "<fuzz>", stem);
    } catch (const xling::ConfigError&) {
        return 0;
    }
    (void)glossary.size();
    look_up_sources(text, glossary, table);
    return 0;
}
