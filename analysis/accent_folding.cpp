#include "analysis/accent_folding.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "analysis/utf8.hpp"
#include "xling/error.hpp"

namespace xling::analysis {
namespace {

// Latin base letters lose their combining marks; Cyrillic е loses only the diaeresis of ё (й's
// breve stays: it is a letter of its own). See the header for the choices.
constexpr const char* kFoldRules =
    ":: NFD ;"
    "([:Latin:]) [:Mn:]+ > $1 ;"
    "([еЕ]) \\u0308 > $1 ;"
    "ø > o ; Ø > O ; ł > l ; Ł > L ; đ > d ; Đ > D ; ı > i ;"
    ":: NFC ;";

// A German keyboard without umlauts writes them with an e (the ß -> ss of the same convention is
// the normalizer's casefold already).
constexpr const char* kGermanRules = "ä > ae ; ö > oe ; ü > ue ; Ä > Ae ; Ö > Oe ; Ü > Ue ;";

std::unique_ptr<icu::Transliterator> compile(const char* id, const char* rules) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        icu::UnicodeString::fromUTF8(id), icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD, where, status));
    if (U_FAILURE(status) || !t) {
        throw ConfigError(std::string("ICU cannot build the accent folding rules '") + id + "': " + u_errorName(status) +
                          " at offset " + std::to_string(where.offset));
    }
    return t;
}

// Whether `word` holds a letter the rules could change: Latin-1 Supplement to IPA (lead bytes
// 0xC3..0xC9), combining marks (0xCC, 0xCD), Latin Extended Additional (E1 B8..BB) or ё (D1 91).
// Most words of every language but Russian are ASCII, and most Russian words have no ё: they
// skip ICU altogether (the rules leave them unchanged anyway).
bool may_fold(std::string_view word) {
    for (std::size_t i = 0; i < word.size(); ++i) {
        const auto b = static_cast<unsigned char>(word[i]);
        if (b < 0xC3) continue;
        if (b <= 0xC9 || b == 0xCC || b == 0xCD) return true;
        const auto next = i + 1 < word.size() ? static_cast<unsigned char>(word[i + 1]) : 0;
        if (b == 0xD1 && next == 0x91) return true;
        if (b == 0xE1 && next >= 0xB8 && next <= 0xBB) return true;
    }
    return false;
}

// The letters of `word`: each code point with the combining marks that follow it.
std::vector<std::string_view> letters(std::string_view word) {
    std::vector<std::string_view> out;
    for_each_code_point(word, [&](std::size_t begin, std::size_t end, UChar32 c) {
        const bool mark = !out.empty() && c >= 0 && u_charType(c) == U_NON_SPACING_MARK;
        if (mark) {
            const std::size_t letter_begin = static_cast<std::size_t>(out.back().data() - word.data());
            out.back() = word.substr(letter_begin, end - letter_begin);
        } else {
            out.push_back(word.substr(begin, end - begin));
        }
        return true;
    });
    return out;
}

}  // namespace

// The transliterators are compiled at their first use: the first one fills ICU's transliterator
// registry (the rules name NFD and NFC), about 140 million instructions, 85% of a whole
// command-line query that has no accented word (callgrind, docs/query-performance.md).
AccentFolder::AccentFolder() = default;

icu::Transliterator& AccentFolder::folding() {
    if (!fold_) fold_ = compile("xling-accent-fold", kFoldRules);
    return *fold_;
}

icu::Transliterator& AccentFolder::german() {
    if (!german_) german_ = compile("xling-accent-de", kGermanRules);
    return *german_;
}

AccentFolder::~AccentFolder() = default;
AccentFolder::AccentFolder(AccentFolder&&) noexcept = default;
AccentFolder& AccentFolder::operator=(AccentFolder&&) noexcept = default;

std::string AccentFolder::apply(icu::Transliterator& t, std::string_view word) const {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    t.transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string AccentFolder::fold(std::string_view word) {
    if (!may_fold(word)) return std::string(word);
    return apply(folding(), word);
}

std::vector<std::string> AccentFolder::folded_forms(std::string_view lang, std::string_view word) {
    std::vector<std::string> forms;
    if (!may_fold(word)) return forms;
    std::string plain = apply(folding(), word);
    if (lang == "de") {
        std::string spelled = apply(folding(), apply(german(), word));
        if (spelled != word && spelled != plain) forms.push_back(std::move(spelled));
    }
    if (plain != word) forms.insert(forms.begin(), std::move(plain));
    return forms;
}

// Letter by letter: each letter of `real` is matched in `typed` as itself or as one of its
// folded spellings. The set of reachable offsets in `typed` stays tiny (a letter has at most
// three spellings), so this is linear in practice.
bool AccentFolder::completes(std::string_view lang, std::string_view typed, std::string_view real) {
    std::set<std::size_t> reachable{0};
    for (const std::string_view letter : letters(real)) {
        std::vector<std::string> spellings{std::string(letter)};
        if (may_fold(letter)) {
            spellings.push_back(apply(folding(), letter));
            if (lang == "de") spellings.push_back(apply(folding(), apply(german(), letter)));
        }
        std::set<std::size_t> next;
        for (const std::size_t at : reachable) {
            for (const std::string& s : spellings) {
                if (typed.substr(at, s.size()) == s) next.insert(at + s.size());
            }
        }
        if (next.empty()) return false;
        reachable = std::move(next);
    }
    return reachable.count(typed.size()) != 0;
}

}  // namespace xling::analysis
