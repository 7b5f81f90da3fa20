#include "indexer/sequential_writer.hpp"

#include "indexer/memory_budget.hpp"
#include "indexer/sync_files.hpp"
#include "xling/error.hpp"

namespace xling::indexer {

SequentialWriter::SequentialWriter(IndexStore& store, const IndexOptions& options,
                                   std::shared_ptr<const analysis::AnalysisData> data, WriteListener& listener)
    : store_(store),
      name_(options.database.string()),
      rebuild_(options.rebuild),
      listener_(listener),
      target_(&open_target(store)),
      analysis_(std::move(data), document_limit(options.memory_bytes, 1)),
      writer_(*target_, name_, options.batch_documents, flush_threshold(options.memory_bytes, 1),
              resident_trigger(options.memory_bytes)) {}

Xapian::WritableDatabase& SequentialWriter::open_target(IndexStore& store) {
    try {
        // No fsync per commit: the generation is synced once, before the switch (finish()).
        if (rebuild_) next_db_.emplace(store.begin_generation().string(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    } catch (const Xapian::Error& e) {
        throw IndexError(name_ + ": cannot start a new generation: " + e.get_description());
    }
    Xapian::WritableDatabase& target = next_db_ ? *next_db_ : store.live();
    check_schema(target, name_, true);
    return target;
}

// replace_document() by the Q<id> term supersedes the stored version itself.
std::optional<Xapian::docid> SequentialWriter::write(Job job) {
    AnalysedDocument doc = analysis_.analyse(job);
    for (auto& n : doc.notices) listener_.notice(std::move(n));
    const Xapian::docid docid = writer_.write(doc);
    ++documents_;
    listener_.indexed(doc.lang, 1);
    return docid;
}

void SequentialWriter::apply(SourceChanges changes) {
    if (changes.empty()) return;  // an empty change must not cost a commit
    deleted_ += apply_source_changes(*target_, std::move(changes));
    writer_.mark_changed();
}

// A generation Xapian committed has half-full B-tree blocks, the more so the more commits (each
// inserts into every posting and position list): measured on 50 MB, 197 MB after two commits
// instead of 121, and on 20 MB 64.8 MB after one commit instead of 49.5 compacted, for 3% more
// CPU. Compacted into the parts folder, its tables then replace the generation's own (nobody reads
// it before the switch; a crash leaves debris the next writer removes).
void SequentialWriter::compact_generation() {
    namespace fs = std::filesystem;
    const fs::path generation = store_.next_generation();
    const fs::path compacted = store_.parts_folder() / "compacted";
    try {
        fs::create_directories(store_.parts_folder());
        Xapian::Database(generation.string()).compact(compacted.string());
        // A table the compactor left out (empty) must not stay behind from the old revision.
        for (const auto& entry : fs::directory_iterator(generation)) {
            const fs::path name = entry.path().filename();
            if (name.extension() == ".glass" && !fs::exists(compacted / name)) fs::remove(entry.path());
        }
        for (const auto& entry : fs::directory_iterator(compacted)) {
            fs::rename(entry.path(), generation / entry.path().filename());
        }
    } catch (const Xapian::Error& e) {
        throw IndexError(name_ + ": cannot compact the new generation: " + e.get_description());
    } catch (const fs::filesystem_error& e) {
        throw IndexError(name_ + ": cannot compact the new generation: " + e.what());
    }
}

WriteTotals SequentialWriter::finish(const std::function<bool()>& stop_requested) {
    writer_.commit();
    WriteTotals totals{documents_, writer_.commits(), deleted_};
    // A first build into the live index is not compacted: readers may hold it open (and
    // reopen() it), so it could only be compacted into a new generation, which they would lose.
    if (!rebuild_) return totals;
    const bool stopped = stop_requested();
    next_db_->close();
    if (stopped) {
        // An interrupted rebuild is thrown away whole: the live index stays as it was.
        store_.abandon_next();
        totals.discarded = true;
    } else {
        if (writer_.commits() > 0) compact_generation();
        sync_files(store_.next_generation());
        store_.switch_to_next();
        totals.switched = true;
    }
    return totals;
}

}  // namespace xling::indexer
