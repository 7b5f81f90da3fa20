#include "analysis/name_normalizer.hpp"

namespace xling::analysis {

std::string NameNormalizer::operator()(std::string_view name) {
    tokenizer_.split(name, spans_);
    std::string out;
    for (const auto& span : spans_) {
        if (!out.empty()) out.push_back(' ');
        out += normalizer_.normalize(name.substr(span.begin, span.end - span.begin));
    }
    return out;
}

}  // namespace xling::analysis
