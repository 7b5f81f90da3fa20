#include "indexer/sharded_writer.hpp"

#include <algorithm>

#include "indexer/memory_budget.hpp"
#include "indexer/sync_files.hpp"
#include "xling/error.hpp"
#include "xling/schema.hpp"

namespace xling::indexer {
namespace fs = std::filesystem;
namespace {

// How the memory budget is split: a small share queues text for the threads, the rest is each
// shard's own Xapian buffer.
ShardSettings shard_settings(const IndexOptions& options) {
    ShardSettings s;
    const std::size_t per_shard = options.memory_bytes / options.threads;
    s.queue_bytes = std::clamp<std::size_t>(per_shard / 8, 1, 16u << 20);
    s.memory_bytes = flush_threshold(options.memory_bytes - s.queue_bytes * options.threads, options.threads);
    s.batch_documents = options.batch_documents;
    s.resident_limit = resident_trigger(options.memory_bytes);
    s.document_limit = document_limit(options.memory_bytes - s.queue_bytes * options.threads, options.threads);
    return s;
}

}  // namespace

ShardedWriter::ShardedWriter(IndexStore& store, const IndexOptions& options,
                             const std::shared_ptr<const analysis::AnalysisData>& data, WriteListener& listener)
    : store_(store), name_(options.database.string()), rebuild_(options.rebuild), listener_(listener) {
    try {
        (void)store_.begin_generation();
        pool_ = std::make_unique<ShardPool>(options.threads, data, store_.parts_folder(), shard_settings(options));
    } catch (const Xapian::Error& e) {
        throw IndexError(name_ + ": cannot start a new generation: " + e.get_description());
    }
    if (!rebuild_) baseline_ = &store_.live();
}

std::optional<Xapian::docid> ShardedWriter::write(Job job) {
    supersede_stored(job.doc.id);
    pool_->submit(std::move(job));
    return std::nullopt;  // known only after merging
}

// The live index's document of this id, if any, goes at the merge: the shard's copy replaces
// it. Looked up for every document written, however the id was met before in this run (judged
// unchanged, given through add_document), since the merge cannot tell two versions apart.
void ShardedWriter::supersede_stored(const std::string& id) {
    if (baseline_ == nullptr) return;
    const std::string term = schema::id_term(id);
    try {
        auto it = baseline_->postlist_begin(term);
        if (it != baseline_->postlist_end(term)) replaced_.push_back(*it);
    } catch (const Xapian::Error& e) {
        throw IndexError(name_ + ": cannot read index: " + e.get_description());
    }
}

void ShardedWriter::poll() {
    auto events = pool_->take_events();
    for (auto& n : events.notices) listener_.notice(std::move(n));
    for (const auto& [lang, count] : events.per_language) listener_.indexed(lang, count);
}

WriteTotals ShardedWriter::finish(const std::function<bool()>& stop_requested) {
    poll();
    const auto shards = pool_->finish();
    poll();
    WriteTotals totals{pool_->documents(), pool_->commits()};
    if (rebuild_ && stop_requested()) {
        // An interrupted rebuild is thrown away whole: the live index stays as it was.
        store_.abandon_next();
        totals.discarded = true;
        return totals;
    }
    if (!rebuild_ && totals.documents == 0) {
        // Nothing new to merge: bookkeeping goes straight into the live index, no generation churn.
        totals.deleted = update_live_in_place();
        return totals;
    }
    totals.deleted = merge(shards);
    store_.switch_to_next();
    totals.switched = true;
    return totals;
}

// With no document written, nothing was replaced: only pruned documents and records change.
std::size_t ShardedWriter::update_live_in_place() {
    store_.abandon_next();
    Xapian::WritableDatabase& live = store_.live();
    try {
        const std::size_t deleted = apply_source_changes(live, std::move(changes_));
        live.commit();
        return deleted;
    } catch (const Xapian::Error& e) {
        throw IndexError(name_ + ": cannot update index: " + e.get_description());
    }
}

// Merges into the next generation, then applies what the run decided about the live documents:
// replaced and pruned ones go.
std::size_t ShardedWriter::merge(const std::vector<fs::path>& shards) {
    const fs::path generation = store_.next_generation();
    try {
        const Xapian::docid live_offset = compact_into(generation, shards);
        // The compactor synced its output; this last commit is synced with it before the switch.
        Xapian::WritableDatabase out(generation.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
        const std::size_t deleted = apply_source_changes(out, std::move(changes_), std::move(replaced_), live_offset);
        out.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
        out.commit();
        out.close();
        sync_files(generation);
        return deleted;
    } catch (const Xapian::Error& e) {
        throw IndexError(name_ + ": cannot merge shards: " + e.get_description());
    }
}

// Compacts the live index (unless rebuilding) and the shards into `generation`. @returns how far
// the live documents' ids moved down: the compactor renumbers the first source to start at 1.
Xapian::docid ShardedWriter::compact_into(const fs::path& generation, const std::vector<fs::path>& shards) const {
    Xapian::Database sources;
    Xapian::docid live_offset = 0;
    if (!rebuild_) {
        const Xapian::Database live(store_.dir().string());
        if (live.get_doccount() > 0) live_offset = *live.postlist_begin("") - 1;
        sources.add_database(live);
    }
    for (const auto& shard : shards) sources.add_database(Xapian::Database(shard.string()));
    // MULTIPASS: merges postlists pairwise when there are many shards (faster, more temp space).
    sources.compact(generation.string(), Xapian::DBCOMPACT_MULTIPASS);
    return live_offset;
}

}  // namespace xling::indexer
