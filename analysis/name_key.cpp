#include "analysis/name_key.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "xling/error.hpp"

namespace xling::analysis {
namespace {

std::unique_ptr<icu::Transliterator> make(const char* id) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) throw ConfigError(std::string("ICU transliterator '") + id + "' unavailable: " + u_errorName(status));
    return t;
}

bool has_cyrillic(std::string_view s) {
    // Cyrillic code points U+0400..U+04FF are encoded with lead bytes 0xD0..0xD3.
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0xD0 && b <= 0xD3;
    });
}

}  // namespace

NameKeyer::NameKeyer(std::shared_ptr<const AnalysisData> data) : data_(std::move(data)) {}

NameKeyer::~NameKeyer() = default;
NameKeyer::NameKeyer(NameKeyer&&) noexcept = default;
NameKeyer& NameKeyer::operator=(NameKeyer&&) noexcept = default;

icu::Transliterator& NameKeyer::transliterator_for(std::string_view spelled) {
    if (!latin_) {
        // Both at once: after the registry is filled the second costs little, and a keyer is
        // then either unused or fully set up.
        cyrillic_ = make("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
        latin_ = make("Any-Latin; Latin-ASCII");
    }
    return has_cyrillic(spelled) ? *cyrillic_ : *latin_;
}

std::string NameKeyer::to_ascii(const std::string& spelled) {
    std::string ascii;
    if (std::all_of(spelled.begin(), spelled.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        // "Any-Latin; Latin-ASCII" leave ASCII text as it is (tests/analysis/test_name_key.cpp
        // checks every pair of ASCII characters and the data's words): lowering it is the whole
        // job, and a keyer that meets only ASCII spellings never creates the transliterators.
        ascii = spelled;
        for (char& c : ascii) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return ascii;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(spelled.data(), static_cast<int32_t>(spelled.size())));
    transliterator_for(spelled).transliterate(u);
    u.toLower().toUTF8String(ascii);
    return ascii;
}

namespace {

// Letters and digits only, doubled letters once ("Hammond" / "Хэммонд" -> "hamond" / "hemond").
std::string letters_once(std::string_view text) {
    std::string out;
    for (char c : text) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep && (out.empty() || out.back() != c)) out.push_back(c);
    }
    return out;
}

}  // namespace

std::string NameKeyer::key(std::string_view lang, std::string_view word) {
    const std::string spelled = data_->name_rules(lang).rewrite_single_pass(word);
    // Doubled letters go before the common folds too, so that their anchored rules see the
    // word's real ending ("Selenskyj" -> "selenskyy" -> "selensky").
    const std::string folded = data_->common_name_rules().rewrite_sequential(letters_once(to_ascii(spelled)));
    std::string out = letters_once(folded);
    return out.size() >= kMinNameKeyLength ? out : std::string();
}

std::vector<std::string> NameKeyer::keys_of_form(std::string_view lang, std::string_view word) {
    std::vector<std::string> keys;
    for (const std::string& base : data_->name_rules(lang).bases(word)) {
        std::string k = key(lang, base);
        if (!k.empty() && std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(std::move(k));
    }
    return keys;
}

}  // namespace xling::analysis
