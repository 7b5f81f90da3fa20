#include "analysis/lemmatizer.hpp"

#include <hunspell/hunspell.hxx>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iostream>

#include "xling/error.hpp"
#include "xling/language.hpp"

namespace xling::analysis {
namespace {
// Parts shorter than this (code points) are not split off: "Ei", "Au" would match too much.
constexpr int32_t kMinPartChars = 3;
// German linking elements (Fugenelemente) between a compound's parts: Sicherheit-s-rat.
// Longer first: Bundes- is Bund + es (Bunde is a word too, its dative).
constexpr std::array<std::string_view, 6> kLinkers{"es", "en", "er", "s", "n", "e"};

std::string upper_first(std::string_view word) {
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s, i, static_cast<int32_t>(word.size()), c);
    if (c < 0) return std::string(word);
    const UChar32 upper = u_toupper(c);
    std::string out;
    icu::UnicodeString(upper).toUTF8String(out);
    out.append(word.substr(static_cast<std::size_t>(i)));
    return out;
}

// Byte offsets of the code point boundaries of `word` strictly inside it.
std::vector<std::size_t> inner_boundaries(std::string_view word) {
    std::vector<std::size_t> out;
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    const auto n = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(s, i, n, c);
        if (i < n) out.push_back(static_cast<std::size_t>(i));
    }
    return out;
}

void add_unique(std::vector<std::string>& to, std::vector<std::string> from) {
    for (std::string& s : from) {
        if (std::find(to.begin(), to.end(), s) == to.end()) to.push_back(std::move(s));
    }
}
}  // namespace

Lemmatizer::Lemmatizer(const std::filesystem::path& dir, std::string_view dictionary, bool compounds)
    : compounds_(compounds) {
    const auto aff = dir / (std::string(dictionary) + ".aff");
    const auto dic = dir / (std::string(dictionary) + ".dic");
    for (const auto& file : {aff, dic}) {
        if (!std::filesystem::is_regular_file(file)) throw ConfigError("no Hunspell dictionary file " + file.string());
    }
    hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    const std::string encoding = hunspell_->get_dict_encoding();
    if (encoding != "UTF-8" && encoding != "utf-8") encoding_ = encoding;
}

Lemmatizer::~Lemmatizer() = default;

std::string Lemmatizer::to_dict(std::string_view utf8) const {
    if (encoding_.empty()) return std::string(utf8);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    std::string out(static_cast<std::size_t>(u.length()) * 4 + 1, '\0');
    const int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), encoding_.c_str());
    out.resize(static_cast<std::size_t>(std::max(n, 0)));
    // A letter the 8-bit encoding lacks becomes a substitute: such a word is not in the dictionary.
    return from_dict(out) == utf8 ? out : std::string();
}

std::string Lemmatizer::from_dict(std::string_view bytes) const {
    if (encoding_.empty()) return std::string(bytes);
    std::string out;
    icu::UnicodeString(bytes.data(), static_cast<int32_t>(bytes.size()), encoding_.c_str()).toUTF8String(out);
    return out;
}

bool Lemmatizer::known_locked(const std::string& utf8) const {
    const std::string w = to_dict(utf8);
    return !w.empty() && hunspell_->spell(w);
}

std::vector<std::string> Lemmatizer::stems_locked(const std::string& utf8) const {
    const std::string w = to_dict(utf8);
    if (w.empty()) return {};
    // stem() is the slowest call of indexing a Hungarian text (2.6 ms a word of law text, 5,000
    // words; analyze() takes 0.1 ms), as it rebuilds derived words (ds: fields) with Hunspell's
    // generator. Reading analyze()'s st: fields instead was measured: ten times faster, but
    // Hungarian conflation F1 fell from 0.887 to 0.81 (precision 0.85 -> 0.73), below Snowball's
    // precision. Kept for its lemmas; the word cache bounds it to one call per distinct form.
    std::vector<std::string> out;
    for (const std::string& s : hunspell_->stem(w)) out.push_back(from_dict(s));
    return out;
}

std::vector<std::string> Lemmatizer::parts_locked(const std::string& lower) const {
    // Hunspell accepts a compound by its COMPOUND* rules but the German dictionary has no
    // morphology to name its parts (analyze() gives the last one only): the first split whose
    // tail is a word and whose head is a word, perhaps with a linking element, wins.
    // A part is its own lemma when the dictionary has it as an entry (Regierung, not regieren).
    const auto lemma_of = [this](const std::string& part) {
        for (const std::string& form : {upper_first(part), part}) {
            if (!known_locked(form)) continue;
            std::vector<std::string> stems = stems_locked(form);
            if (stems.empty() || std::find(stems.begin(), stems.end(), form) != stems.end()) return form;
            return stems.front();
        }
        return std::string();
    };
    const std::vector<std::size_t> cuts = inner_boundaries(lower);
    if (cuts.size() + 1 < 2 * kMinPartChars) return {};
    for (std::size_t k = kMinPartChars - 1; k + kMinPartChars <= cuts.size(); ++k) {
        const std::string tail = lemma_of(lower.substr(cuts[k]));
        if (tail.empty()) continue;
        // The head without a linking element first: Bundes- is Bund, Sicherheits- Sicherheit.
        const std::string head = lower.substr(0, cuts[k]);
        std::string head_lemma;
        for (std::string_view linker : kLinkers) {
            if (head.size() > linker.size() + 2 && head.ends_with(linker)) {
                head_lemma = lemma_of(head.substr(0, head.size() - linker.size()));
            }
            if (!head_lemma.empty()) break;
        }
        if (head_lemma.empty()) head_lemma = lemma_of(head);
        if (!head_lemma.empty()) return {head_lemma, tail};
    }
    return {};
}

WordLemmas Lemmatizer::analyse(std::string_view word, bool capitalized) const {
    const std::lock_guard lock(mutex_);
    WordLemmas out;
    const std::string lower(word);
    const std::string title = upper_first(word);
    out.lemmas = stems_locked(lower);
    if (capitalized || out.lemmas.empty()) add_unique(out.lemmas, stems_locked(title));
    if (compounds_ && out.lemmas.empty() && (known_locked(title) || known_locked(lower))) out.parts = parts_locked(lower);
    return out;
}

std::filesystem::path LemmaDictionaries::default_dir() {
    // Read-only configuration (tests point it at an empty folder to check the fallback).
    if (const char* dir = std::getenv("XLING_HUNSPELL_DIR"); dir != nullptr && *dir != '\0') return dir;  // NOLINT(concurrency-mt-unsafe)
    return "/usr/share/hunspell";
}

const Lemmatizer* LemmaDictionaries::find(std::string_view lang) const {
    const LanguageInfo* info = find_language(lang);
    if (info == nullptr || info->hunspell.empty()) return nullptr;
    const std::lock_guard lock(mutex_);
    for (const auto& [code, lemmatizer] : loaded_) {
        if (code == lang) return lemmatizer.get();
    }
    std::unique_ptr<Lemmatizer> lemmatizer;
    try {
        lemmatizer = std::make_unique<Lemmatizer>(dir_, info->hunspell, info->compounds);
    } catch (const ConfigError& e) {
        std::cerr << "xling: " << e.what() << ": " << info->english_name << " is analysed without dictionary lemmas (Snowball alone)\n";
    }
    loaded_.emplace_back(std::string(lang), std::move(lemmatizer));
    return loaded_.back().second.get();
}

}  // namespace xling::analysis
