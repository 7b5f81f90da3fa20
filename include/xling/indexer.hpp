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

#include "xling/resources.hpp"
#include "xling/source_document.hpp"

namespace xling {

/// What to do with a document whose bytes are not valid UTF-8.
enum class InvalidUtf8Policy {
    Skip,     ///< report it (file and byte offset) and leave it out
    Replace,  ///< report it and index it with U+FFFD in place of the bad bytes
};

struct IndexOptions {
    /// Index folder: created when missing. An existing folder must be an xling index (or a plain
    /// Xapian database of an earlier version) or empty; any other is refused (IndexError), so the
    /// indexer never mixes its files with others' nor deletes them.
    std::filesystem::path database;
    std::size_t batch_documents = 10000;             ///< commit after this many documents ...
    /// ... or so that the process's peak memory (RSS) stays near this many bytes: the writers
    /// flush their uncommitted changes at a threshold derived from it (indexer/memory_budget.hpp,
    /// measured). With several threads it is shared between them. Below ~64 MB the fixed part
    /// (ICU, analysis data) dominates and the peak exceeds it.
    std::size_t memory_bytes = 512u << 20;
    InvalidUtf8Policy invalid_utf8 = InvalidUtf8Policy::Skip;
    /// Stopwords and name rules of every language (Resources::load or from_memory); required.
    std::shared_ptr<const Resources> resources;
    /// Polled between documents; when it becomes true the indexer commits what it has and stops
    /// (a rebuild is discarded instead). A lock-free atomic, so a signal handler may set it.
    const std::atomic<bool>* stop_requested = nullptr;
    /// Analysis threads. 1: one thread analyses and writes, committing batch by batch. N > 1: N
    /// threads each analyse and write their own shard, merged (xapian-compact) into a new
    /// generation that replaces the live one at the end, so the run becomes visible at once
    /// (see docs/index-lifecycle.md for why and for the measurements).
    std::size_t threads = 1;
    /// Delete documents whose input file is gone (under the paths given) and JSONL records no
    /// longer present in a re-read file.
    bool prune = false;
    /// Build a complete new index from the paths given beside the live one and switch to it
    /// atomically at the end; on failure or interruption the live index is left untouched.
    bool rebuild = false;
    /// Largest document read from a file: one JSONL line or WARC record, or one whole .txt/.md/.html/
    /// feed/.pdf file or archive member. A JSONL line
    /// over it is skipped ("FILE:LINE: record larger than N MiB") without being buffered, and the
    /// lines after it are read; a larger text file is skipped. Analysing a document costs ~15x its
    /// size in memory, so this bounds one document's share of the memory budget.
    std::size_t max_record_bytes = 32u << 20;
    /// Follow symbolic links found inside a folder given to add_path(). Off: they are skipped (a
    /// notice each), so a link cannot pull files from outside the folder into the index. On: links
    /// to files and folders are followed, each folder at most once (by device and inode), so a
    /// link loop ends; a broken link is a notice. A path given to add_path() itself is always
    /// followed (the caller named it).
    bool follow_symlinks = false;
    /// CSV/TSV: the column (header name, any case) of a document field ("id", "text", "title",
    /// "date", "lang", "url", "source"). A field not named here takes the first column with one
    /// of its common names (text: text, body, content, ...); without an id column the url is the id.
    std::map<std::string, std::string> csv_fields;
};

/// The format of a stream given to Indexer::add_stream (a file's format comes from its extension).
enum class StreamFormat {
    JsonLines,  ///< one JSON object per line, as .jsonl / .ndjson
    JsonArray,  ///< one JSON array of objects, as .json
    Csv,        ///< comma-separated values with a header row, as .csv
    Tsv,        ///< tab-separated values with a header row, as .tsv
    Text,       ///< one plain-text document, as .txt
    Markdown,   ///< one Markdown document (front matter read), as .md
    Html,       ///< one HTML page, as .html
    Feed,       ///< an RSS 2.0 or Atom feed, each item a document, as .rss / .atom / .xml
    Pdf,        ///< one PDF document, as .pdf
    Warc,       ///< a web archive, as .warc or .warc.gz (gzip members are recognised by their magic bytes)
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
    std::size_t documents = 0;                        ///< indexed (added or replaced) in this run, one per id
    /// Records whose id an earlier record of this run had: each replaced that version (a
    /// warning each); not counted again in `documents`, so documents + unchanged is what the
    /// run left in the index.
    std::size_t repeated = 0;
    std::map<std::string, std::size_t> per_language;  ///< documents per language code in this run
    std::size_t unchanged = 0;                        ///< documents whose input had not changed
    std::size_t unchanged_files = 0;                  ///< files skipped by size and mtime alone
    std::size_t deleted = 0;                          ///< documents deleted (--prune)
    std::size_t skipped = 0;                          ///< inputs left out
    std::size_t warnings = 0;
    std::vector<Notice> notices;                      ///< every skip and warning, in input order
    std::uint64_t bytes = 0;
    double elapsed_seconds = 0;
    std::size_t commits = 0;
    bool interrupted = false;                         ///< stopped by stop_requested
    bool switched = false;                            ///< a new generation replaced the live index
    bool discarded = false;                           ///< an interrupted rebuild was thrown away
};

/// Result of Indexer::remove().
struct RemoveResult {
    std::vector<std::string> removed;  ///< ids that were in the index, now deleted
    std::vector<std::string> unknown;  ///< ids that were not in the index
};

/// Adds documents to one xling index, committing in batches: an interrupted or crashed run
/// leaves a valid index that holds every committed batch. Inputs read from files are tracked
/// (schema.hpp, "Index lifecycle"): a re-run skips unchanged files and documents.
///
/// Not thread-safe: drive one Indexer from one thread (it starts its own worker threads when
/// IndexOptions::threads > 1; callbacks are always called on the driving thread).
class Indexer {
  public:
    /// Opens (or creates) options.database for writing. New indexes get the generation layout
    /// (XAPIANDB stub + gen-NNNNNN folder); plain Xapian folders of earlier versions stay usable.
    /// Only folders it made are ever deleted (exactly gen-NNNNNN holding its marker file).
    /// @throws IndexLockedError when another writer holds the lock,
    ///         IndexError when the database cannot be opened or created (or cannot be rebuilt),
    ///         when it is a non-empty folder that is not an index, or a stub file that names
    ///         itself (directly or through others),
    ///         ConfigError when options.resources is null.
    explicit Indexer(IndexOptions options);
    /// Without finish(): committed batches stay (threads == 1); a rebuild or parallel build that
    /// has not switched is discarded.
    ~Indexer();
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;

    /// Called with each notice as it happens (default: collected only).
    void on_notice(std::function<void(const Notice&)> callback);
    /// Called about every 200 ms while indexing.
    void on_progress(std::function<void(const IndexProgress&)> callback);

    /// Indexes a file or, recursively, a folder: .txt/.md (one document each, title = first
    /// non-empty line, id = path relative to the folder given, or the path as given for a file)
    /// .jsonl/.ndjson (one document per line) and .json (an array of objects, one document each,
    /// streamed: one element in memory at a time), .csv/.tsv (RFC 4180, a header row, one document
    /// per row, columns mapped by IndexOptions::csv_fields), .html/.htm (one page), .rss/.atom/.xml
    /// (one document per item), .warc (one per HTML response record), .pdf, each optionally
    /// compressed as .gz or .zst; archives (.tar, .tar.gz, .tar.zst, .zip, ...) are read as
    /// folders, each member by its type (id ARCHIVE_ID/MEMBER, notices "ARCHIVE: member M").
    /// Extensions match in any case; `xling-index --formats` lists the field mapping.
    /// Unchanged files and records are skipped; with IndexOptions::prune, documents of files
    /// gone from under `path` are deleted. Bad inputs become notices, not exceptions: a broken or
    /// oversized record (the lines before and after it are indexed), an unreadable sub-folder,
    /// anything that is not a regular file (FIFOs, devices and sockets are never opened, so a
    /// FIFO cannot block the run), and symlinks inside the folder unless
    /// IndexOptions::follow_symlinks.
    /// @throws InputError when `path` does not exist or is not a regular file or folder (a FIFO
    ///         named here is refused too); IndexError on database failure.
    void add_path(const std::filesystem::path& path);

    /// Indexes the records read from the open descriptor `fd` (standard input: 0) to its end,
    /// each as a record of a file in `format` would be; `name` ("<stdin>") names it in notices
    /// ("<stdin>:3: missing required field") and is the id of a one-document format (Text,
    /// Markdown, Html, Pdf), the base of a headerless CSV row's id. A stream has no size or mtime, so it is always
    /// read whole, but records already indexed with the same content are not written again.
    /// The descriptor is not closed. Bad records become notices.
    /// @throws IndexError on database failure.
    void add_stream(int fd, StreamFormat format, const std::string& name);

    /// Indexes one document (its language detected when doc.lang is empty); always written.
    /// @returns false when it was skipped (a notice says why) or a stop was requested.
    /// @throws IndexError on database failure.
    bool add_document(SourceDocument doc);

    /// Deletes the documents with these ids (committed by finish()). The input files they came
    /// from are marked for re-reading, so a later run over them adds them back: the index follows
    /// its sources. Not available during a rebuild or with threads > 1.
    /// @throws IndexError on database failure or in those modes.
    RemoveResult remove(const std::vector<std::string>& ids);

    /// Commits pending documents (or merges and switches to the new generation) and returns the
    /// run's summary. Call once, at the end.
    /// @throws IndexError on database failure.
    IndexSummary finish();

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace xling
