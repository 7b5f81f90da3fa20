#include "analysis/analyzer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "xling/language.hpp"

namespace xling::analysis {
namespace {
bool starts_capitalized(std::string_view word) {
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s, i, static_cast<int32_t>(word.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}
}  // namespace

Analyzer::Analyzer(std::shared_ptr<const AnalysisData> data) : data_(std::move(data)) {
    for (const LanguageInfo& lang : supported_languages()) {
        stemmers_.emplace(std::string(lang.code), Stemmer(lang.snowball));
    }
}

Stemmer* Analyzer::stemmer_for(std::string_view lang) {
    const auto it = stemmers_.find(lang);
    return it == stemmers_.end() ? nullptr : &it->second;
}

void Analyzer::words(std::string_view text, std::vector<AnalyzedToken>& out) {
    out.clear();
    tokenizer_.split(text, spans_);
    out.reserve(spans_.size());
    for (const WordSpan& span : spans_) {
        std::string word = normalizer_.normalize(text.substr(span.begin, span.end - span.begin));
        if (word.empty() || word.size() > kMaxWordBytes) continue;
        const std::string_view surface = text.substr(span.begin, span.end - span.begin);
        out.push_back(AnalyzedToken{span.begin, span.end, std::move(word), {}, false, starts_capitalized(surface)});
    }
}

void Analyzer::analyze(std::string_view text, std::string_view lang, std::vector<AnalyzedToken>& out) {
    words(text, out);
    const StopwordList& stopwords = data_->stopwords(lang);
    Stemmer* stemmer = stemmer_for(lang);
    for (AnalyzedToken& token : out) {
        token.stopword = stopwords.contains(token.word);
        if (token.stopword) continue;
        token.stem = stemmer != nullptr ? stemmer->stem(token.word) : token.word;
    }
}

std::string Analyzer::stem(std::string_view lang, std::string_view word) {
    if (is_stopword(lang, word)) return {};
    Stemmer* stemmer = stemmer_for(lang);
    return stemmer != nullptr ? stemmer->stem(word) : std::string(word);
}

bool Analyzer::is_stopword(std::string_view lang, std::string_view word) const {
    return data_->stopwords(lang).contains(word);
}

}  // namespace xling::analysis
