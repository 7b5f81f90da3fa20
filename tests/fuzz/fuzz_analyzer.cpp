// The analysis chain in every supported language and "und": tokenizer, normalizer, stopwords,
// stemmer, name keys, language identification and name normalization, on the UTF-8 the indexer
// hands it (invalid bytes replaced, as --invalid-utf8 replace does). Checks the promises callers
// rely on: spans inside the text and in order, no empty or over-long words.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "analysis/language_identifier.hpp"
#include "analysis/name_key.hpp"
#include "analysis/utf8.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "xling/alias_table.hpp"
#include "xling/language.hpp"

namespace {

struct Chain {
    std::shared_ptr<const xling::analysis::AnalysisData> data =
        xling::analysis::AnalysisData::load(xling::fuzz::data_dir());
    xling::analysis::Analyzer analyzer{data};
    xling::analysis::NameKeyer keyer{data};
};

Chain& chain() {
    static Chain c;
    return c;
}

void check_spans(const std::vector<xling::analysis::AnalyzedToken>& tokens, std::string_view text) {
    std::size_t last = 0;
    for (const auto& t : tokens) {
        if (t.begin < last || t.begin >= t.end || t.end > text.size()) __builtin_trap();
        if (t.word.empty() || t.word.size() > xling::analysis::kMaxWordBytes) __builtin_trap();
        last = t.end;
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)chain();  // loading the data is not part of any input's cost
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Chain& c = chain();
    const std::string text = xling::analysis::replace_invalid_utf8({reinterpret_cast<const char*>(data), size});
    std::vector<xling::analysis::AnalyzedToken> tokens;
    std::vector<std::string_view> langs;
    for (const auto& info : xling::supported_languages()) langs.push_back(info.code);
    langs.push_back("und");
    for (const std::string_view lang : langs) {
        c.analyzer.analyze(text, lang, tokens);
        check_spans(tokens, text);
        for (const auto& t : tokens) {
            if (t.stopword != c.analyzer.is_stopword(lang, t.word)) __builtin_trap();
            (void)c.analyzer.stem(lang, t.word);
            if (t.capitalized) (void)c.keyer.keys_of_form(lang, t.word);
            (void)c.keyer.key(lang, t.word);
        }
    }
    c.analyzer.words(text, tokens);
    check_spans(tokens, text);
    (void)xling::analysis::identify_language(text);
    (void)xling::normalize_name(text);
    return 0;
}
