#include "analysis/analyzer.hpp"

#include <algorithm>

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
        if (!lang.snowball.empty()) stemmers_.emplace(std::string(lang.code), Stemmer(lang.snowball));
    }
}

Stemmer* Analyzer::stemmer_for(std::string_view lang) {
    const auto it = stemmers_.find(lang);
    return it == stemmers_.end() ? nullptr : &it->second;
}

std::optional<AnalyzedToken> Analyzer::word_of(std::string_view surface) const {
    std::string word = normalizer_.normalize(surface);
    if (word.empty() || word.size() > kMaxWordBytes) return std::nullopt;
    return AnalyzedToken{0, surface.size(), std::move(word), {}, false, starts_capitalized(surface), {}, {}};
}

void Analyzer::mark_and_stem(AnalyzedToken& token, const StopwordList& stopwords, Stemmer* stemmer) {
    token.stopword = stopwords.contains(token.word);
    if (token.stopword) return;
    token.stem = stemmer != nullptr ? stemmer->stem(token.word) : token.word;
}

const Lemmatizer* Analyzer::lemmatizer_for(std::string_view lang) const {
    const LanguageInfo* info = find_language(lang);
    if (info == nullptr || info->hunspell.empty()) return nullptr;
    if (info->lemmas == LemmaMode::snowball && !info->compounds && !lemmas_in_every_mode_) return nullptr;
    return data_->lemma_dictionaries().find(lang);
}

void Analyzer::lemmatize(AnalyzedToken& token, const Lemmatizer& lemmatizer) {
    WordLemmas found = lemmatizer.analyse(token.word, token.capitalized);
    const auto add = [this](std::vector<std::string>& to, const std::string& raw, const std::vector<std::string>& except) {
        std::string lemma = normalizer_.normalize(raw);
        if (lemma.empty() || lemma.size() > kMaxWordBytes) return;
        if (std::find(to.begin(), to.end(), lemma) != to.end()) return;
        if (std::find(except.begin(), except.end(), lemma) != except.end()) return;
        to.push_back(std::move(lemma));
    };
    token.lemmas.clear();
    token.parts.clear();
    for (const std::string& raw : found.lemmas) add(token.lemmas, raw, {});
    for (const std::string& raw : found.parts) add(token.parts, raw, token.lemmas);
}

void Analyzer::add_lemmas(std::string_view lang, AnalyzedToken& token) {
    token.lemmas.clear();
    token.parts.clear();
    if (const Lemmatizer* lemmatizer = lemmatizer_for(lang); lemmatizer != nullptr) lemmatize(token, *lemmatizer);
}

void Analyzer::words(std::string_view text, std::vector<AnalyzedToken>& out) {
    out.clear();
    tokenizer_.split(text, spans_);
    out.reserve(spans_.size());
    for (const WordSpan& span : spans_) {
        auto token = word_of(text.substr(span.begin, span.end - span.begin));
        if (!token) continue;
        token->begin = span.begin;
        token->end = span.end;
        out.push_back(std::move(*token));
    }
}

void Analyzer::analyze(std::string_view text, std::string_view lang, std::vector<AnalyzedToken>& out) {
    words(text, out);
    const StopwordList& stopwords = data_->stopwords(lang);
    Stemmer* stemmer = stemmer_for(lang);
    const Lemmatizer* lemmatizer = lemmatizer_for(lang);
    for (AnalyzedToken& token : out) {
        mark_and_stem(token, stopwords, stemmer);
        if (lemmatizer != nullptr && !token.stopword) lemmatize(token, *lemmatizer);
    }
}

std::optional<AnalyzedToken> Analyzer::analyze_word(std::string_view surface, std::string_view lang) {
    auto token = word_of(surface);
    if (!token) return token;
    mark_and_stem(*token, data_->stopwords(lang), stemmer_for(lang));
    if (const Lemmatizer* lemmatizer = lemmatizer_for(lang); lemmatizer != nullptr && !token->stopword) {
        lemmatize(*token, *lemmatizer);
    }
    return token;
}

std::string Analyzer::stem(std::string_view lang, std::string_view word) {
    memo_key_.assign(lang);
    memo_key_.push_back('\0');
    memo_key_.append(word);
    if (const auto it = stem_memo_.find(memo_key_); it != stem_memo_.end()) return it->second;
    std::string stem;
    if (!is_stopword(lang, word)) {
        Stemmer* stemmer = stemmer_for(lang);
        stem = stemmer != nullptr ? stemmer->stem(word) : std::string(word);
    }
    if (stem_memo_.size() >= kStemMemoSize) stem_memo_.clear();
    stem_memo_.emplace(memo_key_, stem);
    return stem;
}

bool Analyzer::is_stopword(std::string_view lang, std::string_view word) const {
    return data_->stopwords(lang).contains(word);
}

}  // namespace xling::analysis
