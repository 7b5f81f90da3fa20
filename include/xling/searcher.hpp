// xling/searcher.hpp — cross-lingual search over one or several xling indexes.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xling/alias_table.hpp"
#include "xling/search_request.hpp"
#include "xling/search_results.hpp"

namespace xling {

struct SearcherOptions {
    std::optional<std::filesystem::path> data_dir;  ///< folder with stopwords/, namerules/, aliases/
    /// Alias tables, loaded in order (later ones extend earlier ones). When empty and
    /// use_default_aliases is set, <data dir>/aliases/default.aliases is used.
    std::vector<std::filesystem::path> alias_files;
    bool use_default_aliases = true;
    /// Compiled translation table (`xling-dict build --out FILE`). When unset, $XLING_DICT is
    /// used if set (set but empty: no table), else <data dir>/translation/xling.table when that
    /// file exists (and use_default_dict is set), else search runs without translation.
    std::optional<std::filesystem::path> dict;
    bool use_default_dict = true;
};

/// Runs queries against xling indexes. A query word is analysed for every language present in
/// the index; its stems are grouped with Xapian's OP_SYNONYM (one concept = one term in BM25),
/// and each language's stem can only match documents of that language.
///
/// Thread safety: a Searcher is not thread-safe (it owns stemmers and a Xapian::Database);
/// give each thread its own. Opening is cheap.
class Searcher {
  public:
    /// Opens the indexes (their union is searched) and loads the alias tables. Tables are read
    /// here, not at index time: an edited table takes effect for the next Searcher.
    /// The translation table is mapped, not read: opening costs a few milliseconds.
    /// @throws IndexError when a path is missing or is not an xling index;
    ///         ConfigError when analysis data is missing or an alias table is malformed
    ///         ("file:line: message"), not a regular file or larger than 64 MiB
    ///         (analysis::kMaxConfigFileBytes), or when the translation table given (dict or $XLING_DICT),
    ///         or found at the default place, is missing, not a regular file, truncated, corrupt
    ///         or of another format version ("path: message").
    explicit Searcher(const std::vector<std::filesystem::path>& databases, SearcherOptions options = {});
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs one query. Its size is checked first (SearchRequest::limits: bytes, then words;
    /// parentheses nest at most kMaxQueryNesting deep), so no query costs more than a bounded
    /// amount of time and memory. Glossaries (TranslationRequest::glossaries) are read at the
    /// first query and again only when one of the files changed (size, modification time or
    /// inode), so edits count at the next query without re-reading large files every time.
    /// offset and limit wider than Xapian's 32-bit document count are clamped, not truncated.
    /// @throws QueryError when the query is empty, malformed, or over a limit ("query too long:
    ///         more than N bytes at position N", "query has too many words: more than N at
    ///         position P", "parentheses nested too deeply ... at position P"); position() says where;
    ///         RequestError for an unknown --query-lang;
    ///         ConfigError for a glossary that cannot be read, is not a regular file, is larger
    ///         than 64 MiB ("file: larger than 64 MiB ...") or is malformed ("file:line: message");
    ///         IndexError when the index cannot be read (e.g. modified too much during the query).
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    /// Language codes of the documents in the index, in table order ("und" last).
    [[nodiscard]] std::vector<std::string> languages() const;

    /// Number of documents in the index.
    [[nodiscard]] std::size_t document_count() const;

    /// The translation table file in use, or empty when none is loaded.
    [[nodiscard]] std::filesystem::path dict_path() const;

    /// Names listed under more than one entity in the loaded alias tables.
    [[nodiscard]] std::vector<AmbiguousName> ambiguous_names() const;

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace xling
