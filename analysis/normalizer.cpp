#include "analysis/normalizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "xling/error.hpp"

namespace xling::analysis {

Normalizer::Normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || nfkc_casefold_ == nullptr) {
        throw ConfigError(std::string("cannot load ICU NFKC_Casefold data: ") + u_errorName(status));
    }
}

std::string Normalizer::normalize(std::string_view token) const {
    // ASCII fast path (measured: most tokens of hu/de/lt/en text are pure ASCII and
    // NFKC_Casefold of ASCII is plain lowercasing, without the UTF-16 round trip).
    if (std::all_of(token.begin(), token.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out(token);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return out;
    }
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
    // Typographic apostrophes (’ ʼ ＇) fold to ASCII before NFKC so possessives match.
    s.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(static_cast<UChar32>(0x27)));
    s.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x02BC)), icu::UnicodeString(static_cast<UChar32>(0x27)));
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded = nfkc_casefold_->normalize(s, status);
    std::string out;
    if (U_FAILURE(status)) {
        s.toLower().toUTF8String(out);
    } else {
        folded.toUTF8String(out);
    }
    return out;
}

}  // namespace xling::analysis
