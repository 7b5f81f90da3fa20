#include "xling/text_analyzer.hpp"

#include "analysis/analyzer.hpp"
#include "analysis/conflation_terms.hpp"
#include "analysis/name_key.hpp"
#include "analysis/utf8.hpp"
#include "library/resource_data.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"

namespace xling {
namespace {

std::shared_ptr<const Resources> require(std::shared_ptr<const Resources> resources) {
    if (!resources) throw ConfigError("TextAnalyzer: no resources given");
    return resources;
}

}  // namespace

class TextAnalyzer::Impl {
  public:
    explicit Impl(std::shared_ptr<const Resources> resources)
        : resources_(require(std::move(resources))),
          analyzer_(resources_->data().analysis),
          keyer_(resources_->data().analysis) {
        analyzer_.set_lemmas_in_every_mode(true);
    }

    std::vector<AnalyzedWord> analyze(std::string_view text, std::string_view lang) {
        if (!is_known_language_code(lang)) {
            throw RequestError("unknown language '" + std::string(lang) + "' (" + language_list(", ", true) + ")");
        }
        if (const auto bad = analysis::find_invalid_utf8(text)) {
            throw InputError("invalid UTF-8 at byte " + std::to_string(*bad));
        }
        analyzer_.analyze(text, lang, tokens_);
        std::vector<AnalyzedWord> words;
        words.reserve(tokens_.size());
        for (const auto& t : tokens_) {
            AnalyzedWord w{t.begin, t.end, t.word, t.stem, t.stopword, t.capitalized, {}, t.lemmas, t.parts, {}};
            if (t.capitalized && !t.stopword) w.name_keys = keyer_.keys_of_form(lang, t.word);
            w.conflation_terms = analysis::conflation_terms(t, lang);
            words.push_back(std::move(w));
        }
        return words;
    }

  private:
    std::shared_ptr<const Resources> resources_;  // keeps the analysis data alive
    analysis::Analyzer analyzer_;
    analysis::NameKeyer keyer_;
    std::vector<analysis::AnalyzedToken> tokens_;
};

TextAnalyzer::TextAnalyzer(std::shared_ptr<const Resources> resources)
    : impl_(std::make_unique<Impl>(std::move(resources))) {}
TextAnalyzer::~TextAnalyzer() = default;
TextAnalyzer::TextAnalyzer(TextAnalyzer&&) noexcept = default;
TextAnalyzer& TextAnalyzer::operator=(TextAnalyzer&&) noexcept = default;

std::vector<AnalyzedWord> TextAnalyzer::analyze(std::string_view text, std::string_view lang) {
    return impl_->analyze(text, lang);
}

}  // namespace xling
