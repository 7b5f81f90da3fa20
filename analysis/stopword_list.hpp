// A language's stopword list, read from data/stopwords/<code>.txt: one word per line, '#' comments,
// lines read as every text table reads them (analysis/config_lines.hpp: blanks around a word ignored).
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>

namespace xling::analysis {

class StopwordList {
  public:
    StopwordList() = default;

    /// Reads a list; words are normalized like index terms. Throws ConfigError naming the file and
    /// line when the file is missing, not UTF-8, or a line holds more than one word.
    [[nodiscard]] static StopwordList load(const std::filesystem::path& file);

    /// Parses the text of a list (`origin` names it in errors). Same errors as load().
    [[nodiscard]] static StopwordList parse(std::string_view text, const std::string& origin);

    /// Builds a list from words already in normalized form (tests, programmatic use).
    [[nodiscard]] static StopwordList from_words(std::initializer_list<std::string_view> words);

    /// True when `normalized_word` is a stopword. Thread-safe.
    [[nodiscard]] bool contains(std::string_view normalized_word) const;
    [[nodiscard]] std::size_t size() const noexcept { return words_.size(); }
    /// The letters beyond ASCII of the words as written (before normalization, so German keeps
    /// its ß): the query-language detector's evidence of the language's alphabet.
    [[nodiscard]] const std::set<char32_t>& letters() const noexcept { return letters_; }

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_set<std::string, Hash, std::equal_to<>> words_;
    std::set<char32_t> letters_;
};

}  // namespace xling::analysis
