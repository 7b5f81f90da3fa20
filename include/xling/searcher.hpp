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
    /// @throws IndexError when a path is missing or is not an xling index;
    ///         ConfigError when analysis data is missing or an alias table is malformed
    ///         ("file:line: message").
    explicit Searcher(const std::vector<std::filesystem::path>& databases, SearcherOptions options = {});
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;

    /// Runs one query.
    /// @throws QueryError when the query is empty or malformed (position() says where);
    ///         IndexError when the index cannot be read (e.g. modified too much during the query).
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    /// Language codes of the documents in the index, in table order ("und" last).
    [[nodiscard]] std::vector<std::string> languages() const;

    /// Number of documents in the index.
    [[nodiscard]] std::size_t document_count() const;

    /// Names listed under more than one entity in the loaded alias tables.
    [[nodiscard]] std::vector<AmbiguousName> ambiguous_names() const;

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace xling
