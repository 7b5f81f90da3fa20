#include "analysis/stemmer.hpp"

#include <libstemmer.h>

#include "xling/error.hpp"

namespace xling::analysis {

void Stemmer::Deleter::operator()(sb_stemmer* s) const noexcept { sb_stemmer_delete(s); }

Stemmer::Stemmer(std::string_view algorithm)
    : stemmer_(sb_stemmer_new(std::string(algorithm).c_str(), "UTF_8")) {
    if (!stemmer_) throw ConfigError("libstemmer has no stemmer '" + std::string(algorithm) + "'");
}

std::string Stemmer::stem(std::string_view word) {
    const sb_symbol* out = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
    if (out == nullptr) return std::string(word);  // allocation failure inside libstemmer
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_.get())));
}

}  // namespace xling::analysis
