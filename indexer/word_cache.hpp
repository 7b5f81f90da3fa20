// The terms one surface form of a word gives a document, remembered per distinct form: the same
// few thousand forms make up most of a batch's tokens, and normalising (ICU outside ASCII),
// stemming (Snowball), lemmas (Hunspell) and name keys (ICU transliteration) cost far more than a hash lookup
// (docs/indexing-performance.md has the measurements).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xling::indexer {

/// What a document gets for one occurrence of a surface form in its body (xling/schema.hpp).
struct WordTerms {
    bool indexed = false;                ///< false: the analyzer leaves the form out
    std::string word;                    ///< positional unstemmed term
    std::string stem_term;               ///< Z<lang>:<stem>, or "" for a stopword
    std::vector<std::string> key_terms;  ///< K<key> of a capitalised non-stopword
    std::vector<std::string> lemma_terms;  ///< M<lang>:<lemma> and C<lang>:<part> (Hunspell, the slowest stage)
    std::string spelling;                ///< its spelling-table word, or "" (word_tables.hpp)
};

/// A bounded map (language, surface form) -> WordTerms, emptied whenever it reaches its size:
/// simpler than LRU and, measured, as good (a batch's frequent words come back at once).
/// Not thread-safe: one per analysis thread.
class WordCache {
  public:
    explicit WordCache(std::size_t max_entries = kDefaultMaxEntries) : max_entries_(max_entries) {}

    /// The terms of `surface` in `lang`, computed by `compute(surface)` the first time.
    template <class Compute>
    const WordTerms& get(std::string_view lang, std::string_view surface, Compute&& compute) {
        Forms& forms = forms_for(lang);
        if (const auto it = forms.find(surface); it != forms.end()) return it->second;
        make_room();
        ++size_;
        return forms.emplace(std::string(surface), compute(surface)).first->second;
    }

    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    /// About 20 MB per thread at most (the default).
    static constexpr std::size_t kDefaultMaxEntries = 1u << 16;

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using Forms = std::unordered_map<std::string, WordTerms, Hash, std::equal_to<>>;

    Forms& forms_for(std::string_view lang);
    void make_room();

    std::size_t max_entries_;
    std::size_t size_ = 0;
    std::map<std::string, Forms, std::less<>> by_language_;
    std::string last_lang_;
    Forms* last_ = nullptr;  // by_language_[last_lang_]: one lookup per document, not per word
};

}  // namespace xling::indexer
