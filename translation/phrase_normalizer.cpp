#include "translation/phrase_normalizer.hpp"

namespace xling::translation {

std::string PhraseNormalizer::operator()(std::string_view phrase) {
    tokenizer_.split(phrase, spans_);
    std::string out;
    for (const auto& span : spans_) {
        const std::string word = normalizer_.normalize(phrase.substr(span.begin, span.end - span.begin));
        if (word.empty()) continue;
        if (!out.empty()) out.push_back(' ');
        out += word;
    }
    return out;
}

}  // namespace xling::translation
