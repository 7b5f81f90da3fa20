// xling/searcher.hpp — cross-lingual search over one or several xling indexes.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xling/alias_table.hpp"
#include "xling/resources.hpp"
#include "xling/search_request.hpp"
#include "xling/search_results.hpp"
#include "xling/stored_document.hpp"

namespace xling {

/// Runs queries against xling indexes. A query word is analysed for every language present in
/// the index; its stems are grouped with Xapian's OP_SYNONYM (one concept = one term in BM25),
/// and each language's stem can only match documents of that language.
///
/// Thread safety: a Searcher is not thread-safe (it owns stemmers and a Xapian::Database);
/// give each thread its own, all sharing one Resources. Opening is cheap (the data is loaded
/// once, in Resources; ICU's transliterators, the costliest ICU objects, are created at the first
/// query that needs a name key).
class Searcher {
  public:
    /// Opens the indexes (their union is searched) with the stopwords, name rules, alias tables
    /// and translation table of `resources` (names are expanded at search time, not at index
    /// time: new Resources with an edited alias table take effect for the next Searcher).
    /// @param databases index folders or Xapian stub files (at least one)
    /// @param resources the shared data bundle (Resources::load or from_memory)
    /// @throws IndexError when a path is missing or is not an xling index;
    ///         ConfigError when `resources` is null.
    Searcher(const std::vector<std::filesystem::path>& databases, std::shared_ptr<const Resources> resources);
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
    ///         than 64 MiB ("file: larger than 64 MiB ...") or is malformed ("file:line: message"),
    ///         or, at the first query needing a name key, when ICU's transliterators are unavailable;
    ///         IndexError when the index cannot be read (e.g. modified too much during the query).
    [[nodiscard]] SearchResults search(const SearchRequest& request);

    /// The stored fields and whole text of the document with this id (the latest committed
    /// revision), or nothing when the index holds no such document.
    /// @throws IndexError when the index cannot be read.
    [[nodiscard]] std::optional<StoredDocument> document(const std::string& id);

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
