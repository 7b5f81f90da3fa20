// Where a run's documents and bookkeeping go. Two implementations, chosen once when the Indexer
// starts: SequentialWriter (one thread writes batch by batch into the live index or a rebuild's
// generation) and ShardedWriter (N threads each write a shard, merged into a new generation at
// the end; docs/index-lifecycle.md says why). The Indexer reads inputs, decides what changed and
// talks only to this interface.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "indexer/document_analysis.hpp"
#include "indexer/source_changes.hpp"

namespace xling::indexer {

/// What a writer reports back to the run, always on the thread that drives the Indexer (the
/// public callbacks are promised to run there).
class WriteListener {
  public:
    virtual void notice(SequencedNotice notice) = 0;
    /// `count` more documents were written in language `lang`.
    virtual void indexed(const std::string& lang, std::size_t count) = 0;

  protected:
    ~WriteListener() = default;
};

/// What finish() did, for the run's summary.
struct WriteTotals {
    std::size_t documents = 0;  ///< written in this run
    std::size_t commits = 0;
    std::size_t deleted = 0;    ///< stored documents deleted (pruned or removed)
    bool switched = false;      ///< a new generation replaced the live index
    bool discarded = false;     ///< an interrupted rebuild was thrown away
};

class IndexWriter {
  public:
    virtual ~IndexWriter() = default;

    /// The database change detection compares inputs with, or nullptr when there is none (a
    /// parallel rebuild starts from nothing).
    [[nodiscard]] virtual const Xapian::Database* baseline() const noexcept = 0;

    /// Analyses and writes the document, or queues it for a thread; it supersedes any stored
    /// document of the same id (an id met earlier in this run too: the Indexer never compares
    /// such a record with the baseline, which may not see this run's version). @returns its docid
    /// when known now. @throws IndexError.
    virtual std::optional<Xapian::docid> write(Job job) = 0;

    /// Applies records set or dropped and documents pruned (docids of the baseline), now or at
    /// finish(); nothing when `changes` is empty. @throws Xapian::Error (the caller says what it
    /// was doing).
    virtual void apply(SourceChanges changes) = 0;

    /// Whether documents go straight into the live index, where Indexer::remove() can delete
    /// them (one thread, not a rebuild).
    [[nodiscard]] virtual bool writes_live_index() const noexcept = 0;

    /// Hands what worker threads reported since the last call to the listener.
    virtual void poll() = 0;

    /// Documents written so far (for progress).
    [[nodiscard]] virtual std::size_t documents() const noexcept = 0;

    /// Commits, or merges and switches to the new generation. `stop_requested` is asked once the
    /// last document is written (a stop requested while the threads finish still counts): an
    /// interrupted rebuild is discarded. Call once. @throws IndexError.
    virtual WriteTotals finish(const std::function<bool()>& stop_requested) = 0;
};

}  // namespace xling::indexer
