// User glossaries: translations a user adds or overrides for a domain (format documented in
// include/xling/translation_table.hpp and README.md, "Translation").
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "xling/translation_table.hpp"

namespace xling::translation {

struct GlossaryTranslation {
    std::string text;        ///< as written
    std::string normalized;  ///< lookup form, for removing duplicates
    float weight = 1.0F;
};

/// What the glossaries say about one word into one target language.
struct GlossaryEntry {
    bool replace = false;  ///< '=>': the dictionary's translations are not used
    std::vector<GlossaryTranslation> translations;
};

/// Target language -> entry.
using GlossaryTargets = std::map<std::string, GlossaryEntry, std::less<>>;

class Glossary {
  public:
    /// Adds the lines of `text` (`origin` names it in errors). Later lines extend ('->') or
    /// replace ('=>') what earlier ones said about the same word and target language.
    /// @throws ConfigError "origin:line: message".
    void parse(std::string_view text, const std::string& origin, const StemFunction& stem);

    /// Entries for the normalized word or phrase, or nullptr.
    [[nodiscard]] const GlossaryTargets* find(std::string_view src_lang, std::string_view word) const;
    /// Words of `src_lang` whose stem is `stem` (single words, when a StemFunction was given).
    [[nodiscard]] std::vector<std::string> words_of_stem(std::string_view src_lang, std::string_view stem) const;

    /// Languages named anywhere, in order of first appearance.
    [[nodiscard]] const std::vector<std::string>& languages() const noexcept { return languages_; }
    /// (word, target language) entries. Counted while parsing: TranslationTable::empty() and
    /// stats() ask at every query, and a count over the map cost 0.4 s per query for 1M entries.
    [[nodiscard]] std::size_t size() const noexcept { return entries_; }
    [[nodiscard]] std::size_t max_key_words() const noexcept { return max_key_words_; }

  private:
    void note_language(const std::string& lang);
    static std::string key(std::string_view lang, std::string_view text);

    std::map<std::string, GlossaryTargets, std::less<>> by_word_;   // "lang\x1fword"
    std::map<std::string, std::vector<std::string>, std::less<>> by_stem_;  // "lang\x1fstem" -> words
    std::vector<std::string> languages_;
    std::size_t max_key_words_ = 1;
    std::size_t entries_ = 0;
};

}  // namespace xling::translation
