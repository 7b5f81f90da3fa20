// xling/resources.hpp — the data analysis and search need, loaded once and shared.
//
// A Resources bundle holds the stopword lists and name rules of every supported language, the
// entity alias tables and the translation table. It is immutable once built, so one bundle can
// serve any number of Indexers and Searchers on any number of threads:
//
//   auto resources = xling::Resources::load("/usr/share/xling");
//   xling::Searcher a({"index"}, resources), b({"other"}, resources);
//
// The library never guesses where data lives (no environment variables, no default folders):
// a program decides the folder and hands it to load(); or it builds the bundle from memory.
//
// Data folder layout (as installed in <datadir>/xling and as a build tree's <build>/data):
//   stopwords/<lang>.txt        one word per line, '#' comments (required for every language)
//   namerules/<lang>.txt        name inflection rules, and namerules/common.txt (required)
//   aliases/default.aliases     entity alias table (used when present, see ResourceOptions)
//   translation/xling.table     compiled translation table (used when present)
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xling/alias_table.hpp"
#include "xling/translation_table.hpp"

namespace xling {

namespace detail {
struct ResourceData;
}

/// What Resources::load() reads besides the stopwords and name rules of the data folder.
struct ResourceOptions {
    /// Alias tables, loaded in order (later ones extend earlier ones). When empty and
    /// default_aliases is set, <data>/aliases/default.aliases is used if it exists.
    std::vector<std::filesystem::path> alias_files;
    bool default_aliases = true;
    /// A compiled translation table (`xling-dict build --out FILE`). When unset and default_dict
    /// is set, <data>/translation/xling.table is used if it exists; otherwise there is none and
    /// searches run untranslated (Resources::translation_note() says why).
    std::optional<std::filesystem::path> dict;
    bool default_dict = true;
};

/// Resources given as text rather than files (tests, and programs that ship their own data).
/// Each text has the format of the corresponding file in the data folder.
struct ResourceTexts {
    /// Language code -> stopword list. Supported languages without an entry have none.
    std::map<std::string, std::string> stopwords;
    /// Language code -> name rules; "common" for the rules applied to every language.
    std::map<std::string, std::string> name_rules;
    /// Alias tables, in order (later ones extend earlier ones).
    std::vector<std::string> alias_tables;
    /// Glossaries (format: xling/translation_table.hpp): the translations, there being no
    /// compiled table in memory.
    std::vector<std::string> glossaries;
};

/// The immutable data bundle shared by Indexers and Searchers. Created only through load() or
/// from_memory(), always held as shared_ptr<const Resources>. Thread-safe: every member is const.
class Resources {
  public:
    /// Loads the data folder `data_dir` (layout above). Stopword lists and name rules are read at
    /// once; the translation table is mapped (a few milliseconds whatever its size).
    /// @throws ConfigError "FILE: message" or "FILE:LINE: message" when a stopword list or name
    ///         rules file is missing or malformed, an alias table is malformed, or the translation
    ///         table given or found is missing, not a table built by xling-dict, truncated or of
    ///         another format version.
    [[nodiscard]] static std::shared_ptr<const Resources> load(const std::filesystem::path& data_dir,
                                                               const ResourceOptions& options = {});

    /// Builds a bundle from texts (see ResourceTexts).
    /// @throws ConfigError "<stopwords:LANG>:LINE: message" and the like for malformed texts.
    [[nodiscard]] static std::shared_ptr<const Resources> from_memory(const ResourceTexts& texts);

    /// The entity alias tables (empty when none were loaded).
    [[nodiscard]] const AliasTable& aliases() const noexcept;
    /// The translation table (empty when there is none).
    [[nodiscard]] const TranslationTable& translations() const noexcept;
    /// The translation table file in use; empty when none is loaded or it came from memory.
    [[nodiscard]] const std::filesystem::path& translation_path() const noexcept;
    /// Why there is no translation table ("" when there is one): for --explain and logs.
    [[nodiscard]] const std::string& translation_note() const noexcept;
    /// The data folder it was loaded from; empty for from_memory().
    [[nodiscard]] const std::filesystem::path& data_dir() const noexcept;

    /// The implementation's view of the bundle (analysis data and the rest); not for callers
    /// outside xling: the type is incomplete in this header.
    [[nodiscard]] const detail::ResourceData& data() const noexcept { return *data_; }

    ~Resources();
    Resources(const Resources&) = delete;
    Resources& operator=(const Resources&) = delete;

  private:
    explicit Resources(std::unique_ptr<const detail::ResourceData> data);
    std::unique_ptr<const detail::ResourceData> data_;
};

}  // namespace xling
