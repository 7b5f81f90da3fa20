// Stage 5 of the analysis chain (after the Snowball stemmer): dictionary lemmas from a Hunspell
// dictionary. Snowball strips suffixes by rule and cannot join forms that change their root
// (Hungarian lát / lásd / láthatjuk, Russian шёл / идти); Hunspell's stem() knows each word's
// dictionary entry. It is slow (a dictionary loads in 0.2-2 s, a lookup costs microseconds), so
// the indexer calls it once per distinct surface form (indexer/word_cache.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

class Hunspell;

namespace xling::analysis {

/// The lemmas and compound parts of one word, as the dictionary spells them (UTF-8, not yet
/// normalized).
struct WordLemmas {
    std::vector<std::string> lemmas;  ///< dictionary entries of the word; empty when unknown
    std::vector<std::string> parts;   ///< lemmas of a compound's parts (German), else empty
};

class Lemmatizer {
  public:
    /// Opens `<dir>/<dictionary>.aff` and `.dic` (Hunspell format, any SET encoding).
    /// `compounds`: split words the dictionary accepts only as compounds into their parts.
    /// Throws ConfigError naming the missing file.
    Lemmatizer(const std::filesystem::path& dir, std::string_view dictionary, bool compounds);
    ~Lemmatizer();
    Lemmatizer(const Lemmatizer&) = delete;
    Lemmatizer& operator=(const Lemmatizer&) = delete;

    /// Lemmas of `word` (normalized, lower-case UTF-8). The dictionary is case-sensitive and
    /// normalization lower-cases: a `capitalized` word (or one unknown in lower case) is also
    /// looked up with its first letter upper-case, so German nouns and names are found.
    /// Thread-safe (Hunspell is not: calls are serialised on this dictionary).
    [[nodiscard]] WordLemmas analyse(std::string_view word, bool capitalized) const;

  private:
    std::vector<std::string> stems_locked(const std::string& utf8) const;
    bool known_locked(const std::string& utf8) const;
    std::vector<std::string> parts_locked(const std::string& lower) const;
    std::string to_dict(std::string_view utf8) const;
    std::string from_dict(std::string_view bytes) const;

    std::unique_ptr<Hunspell> hunspell_;
    std::string encoding_;  // "" when the dictionary is UTF-8
    bool compounds_;
    mutable std::mutex mutex_;
};

/// The Hunspell dictionaries of the supported languages, each loaded on first use and shared by
/// every Analyzer of a process. A missing dictionary is reported once (one line on stderr) and its
/// language falls back to Snowball alone. Thread-safe.
class LemmaDictionaries {
  public:
    /// `dir`: where the .aff/.dic files are (Debian: /usr/share/hunspell).
    explicit LemmaDictionaries(std::filesystem::path dir) : dir_(std::move(dir)) {}

    /// The lemmatizer of `lang`, or nullptr when the language has no dictionary (or it is missing).
    [[nodiscard]] const Lemmatizer* find(std::string_view lang) const;

    /// Where dictionaries are looked for: $XLING_HUNSPELL_DIR when set, else /usr/share/hunspell.
    [[nodiscard]] static std::filesystem::path default_dir();

  private:
    std::filesystem::path dir_;
    mutable std::mutex mutex_;
    mutable std::vector<std::pair<std::string, std::unique_ptr<Lemmatizer>>> loaded_;  // nullptr: missing
};

}  // namespace xling::analysis
