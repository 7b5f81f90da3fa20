#include "indexer/shard_pool.hpp"

#include "indexer/content_hash.hpp"
#include "xling/error.hpp"

namespace xling::indexer {
namespace {

Xapian::WritableDatabase create_shard(const std::filesystem::path& path) {
    try {
        // A shard is read only by the merge of this run (a crash discards it): never synced.
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    } catch (const Xapian::Error& e) {
        throw IndexError(path.string() + ": cannot create shard: " + e.get_description());
    }
}

}  // namespace

ShardPool::Shard::Shard(std::filesystem::path p, const std::shared_ptr<const analysis::AnalysisData>& data,
                        const ShardSettings& settings)
    : path(std::move(p)),
      db(create_shard(path)),
      analysis(data, settings.document_limit),
      writer(db, path.string(), settings.batch_documents, settings.memory_bytes, settings.resident_limit),
      // A few documents ahead per thread keep it busy; the byte budget bounds big documents.
      queue(64, settings.queue_bytes) {}

ShardPool::ShardPool(std::size_t shards, const std::shared_ptr<const analysis::AnalysisData>& data,
                     const std::filesystem::path& folder, const ShardSettings& settings) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw IndexError(folder.string() + ": cannot create: " + ec.message());
    for (std::size_t i = 0; i < shards; ++i) {
        shards_.push_back(std::make_unique<Shard>(folder / ("shard-" + std::to_string(i)), data, settings));
    }
    for (auto& shard : shards_) shard->thread = std::thread([this, s = shard.get()] { run(*s); });
}

ShardPool::~ShardPool() {
    aborted_.store(true);
    stop_all();
}

void ShardPool::stop_all() {
    for (auto& shard : shards_) shard->queue.close();
    for (auto& shard : shards_) {
        if (shard->thread.joinable()) shard->thread.join();
    }
}

void ShardPool::run(Shard& shard) {
    try {
        while (auto job = shard.queue.pop()) {
            if (aborted_.load(std::memory_order_relaxed)) continue;  // drain without work
            AnalysedDocument doc = shard.analysis.analyse(*job);
            const std::size_t commits_before = shard.writer.commits();
            (void)shard.writer.write(doc);
            commits_.fetch_add(shard.writer.commits() - commits_before, std::memory_order_relaxed);
            documents_.fetch_add(1, std::memory_order_relaxed);
            const std::lock_guard lock(mutex_);
            ++events_.per_language[doc.lang];
            for (auto& n : doc.notices) events_.notices.push_back(std::move(n));
        }
        if (aborted_.load()) return;
        const std::size_t commits_before = shard.writer.commits();
        shard.writer.commit();
        commits_.fetch_add(shard.writer.commits() - commits_before, std::memory_order_relaxed);
        shard.db.close();
    } catch (...) {
        fail(std::current_exception());
    }
}

void ShardPool::fail(std::exception_ptr error) {
    {
        const std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::move(error);
    }
    aborted_.store(true);
    // Unblocks the producer (push returns false) and the other workers.
    for (auto& shard : shards_) shard->queue.close();
}

void ShardPool::rethrow_failure() {
    std::exception_ptr failure;
    {
        const std::lock_guard lock(mutex_);
        failure = failure_;
    }
    if (!failure) return;
    try {
        std::rethrow_exception(failure);
    } catch (const Error&) {
        throw;
    } catch (const Xapian::Error& e) {
        throw IndexError("shard: " + e.get_description());
    } catch (const std::exception& e) {
        throw IndexError(std::string("shard: ") + e.what());
    }
}

void ShardPool::submit(Job job) {
    const std::size_t shard = Fnv1a64().update(job.doc.id).value() % shards_.size();
    const std::size_t bytes = job.doc.text.size() + job.doc.title.size();
    if (!shards_[shard]->queue.push(std::move(job), bytes)) rethrow_failure();
}

ShardEvents ShardPool::take_events() {
    const std::lock_guard lock(mutex_);
    return std::exchange(events_, {});
}

std::vector<std::filesystem::path> ShardPool::finish() {
    stop_all();
    rethrow_failure();
    std::vector<std::filesystem::path> paths;
    for (const auto& shard : shards_) paths.push_back(shard->path);
    return paths;
}

}  // namespace xling::indexer
