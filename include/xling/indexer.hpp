// xling/indexer.hpp — building and updating an xling index (see xling/schema.hpp for its layout).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "xling/source_document.hpp"

namespace xling {

/// What to do with a document whose bytes are not valid UTF-8.
enum class InvalidUtf8Policy {
    Skip,     ///< report it (file and byte offset) and leave it out
    Replace,  ///< report it and index it with U+FFFD in place of the bad bytes
};

struct IndexOptions {
    std::filesystem::path database;                  ///< created when missing
    std::size_t batch_documents = 2000;              ///< commit after this many documents ...
    std::size_t batch_bytes = 64u << 20;             ///< ... or this many bytes of text, whichever first
    InvalidUtf8Policy invalid_utf8 = InvalidUtf8Policy::Skip;
    std::optional<std::filesystem::path> data_dir;   ///< folder with stopwords/ (default: see README)
    /// Polled between documents; when it becomes true the indexer commits what it has and stops.
    /// A lock-free atomic, so a signal handler may set it.
    const std::atomic<bool>* stop_requested = nullptr;
};

/// A one-line report about an input: skipped entirely, or indexed with a caveat.
struct Notice {
    enum class Kind { Skipped, Warning };
    Kind kind = Kind::Warning;
    std::string where;    ///< "path", "path:line" or "path: byte N"
    std::string message;  ///< what happened, e.g. "invalid UTF-8 at byte 1234"
};

struct IndexProgress {
    std::size_t documents = 0;   ///< documents indexed so far in this run
    std::uint64_t bytes = 0;     ///< input bytes consumed so far
    double elapsed_seconds = 0;
    std::string current;         ///< file being read
};

struct IndexSummary {
    std::size_t documents = 0;                        ///< indexed (added or replaced) in this run
    std::map<std::string, std::size_t> per_language;  ///< documents per language code in this run
    std::size_t skipped = 0;                          ///< inputs left out
    std::size_t warnings = 0;
    std::vector<Notice> notices;                      ///< every skip and warning, in order
    std::uint64_t bytes = 0;
    double elapsed_seconds = 0;
    std::size_t commits = 0;
    bool interrupted = false;                         ///< stopped by stop_requested
};

/// Adds documents to one Xapian database, committing in batches: an interrupted or crashed run
/// leaves a valid index that holds every committed batch.
///
/// Not thread-safe: drive one Indexer from one thread.
class Indexer {
  public:
    /// Opens (or creates) options.database for writing.
    /// @throws IndexLockedError when another writer holds the lock,
    ///         IndexError when the database cannot be opened or created,
    ///         ConfigError when stopword data is missing.
    explicit Indexer(IndexOptions options);
    ~Indexer();
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;

    /// Called with each notice as it happens (default: collected only).
    void on_notice(std::function<void(const Notice&)> callback);
    /// Called about every 200 ms while indexing.
    void on_progress(std::function<void(const IndexProgress&)> callback);

    /// Indexes a file or, recursively, a folder: .txt/.md (one document each, title = first
    /// non-empty line, id = path relative to the folder given, or the path as given for a file)
    /// and .jsonl (one document per line), each optionally compressed as .gz or .zst.
    /// Bad inputs become notices, not exceptions.
    /// @throws InputError when `path` does not exist; IndexError on database failure.
    void add_path(const std::filesystem::path& path);

    /// Indexes one document (its language detected when doc.lang is empty).
    /// @returns false when it was skipped (a notice says why) or a stop was requested.
    /// @throws IndexError on database failure.
    bool add_document(SourceDocument doc);

    /// Commits pending documents and returns the run's summary. Call once, at the end.
    /// @throws IndexError on database failure.
    IndexSummary finish();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace xling
