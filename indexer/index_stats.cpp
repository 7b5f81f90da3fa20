#include "xling/index_stats.hpp"

#include <xapian.h>

#include "indexer/index_layout.hpp"
#include "xling/error.hpp"
#include "xling/schema.hpp"

namespace xling {
namespace {

// "YYYYMMDD" (the date slot) -> "YYYY-MM-DD".
std::string iso(const std::string& compact) {
    if (compact.size() != 8) return compact;
    return compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
}

void count_terms(const Xapian::Database& db, IndexStats& stats) {
    for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
        const std::string& term = *it;
        ++stats.distinct_terms;
        // Prefixes are capital ASCII letters; words are case-folded, so never start with one.
        const char first = term.empty() ? '\0' : term.front();
        if (first < 'A' || first > 'Z') {
            ++stats.distinct_words;
        } else if (first == schema::kStemPrefix.front()) {
            ++stats.distinct_stems;
        } else if (first == schema::kNameKeyPrefix.front()) {
            ++stats.distinct_name_keys;
        }
    }
}

void count_languages(const Xapian::Database& db, IndexStats& stats) {
    const std::string prefix(schema::kLanguagePrefix);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        stats.per_language[(*it).substr(prefix.size())] = it.get_termfreq();
    }
}

void describe_layout(const std::filesystem::path& path, IndexStats& stats) {
    const auto layout = indexer::inspect_layout(path);
    switch (layout.kind) {
        case indexer::LayoutKind::Generations:
            stats.layout = "generations";
            stats.generation = indexer::generation_name(layout.generation);
            break;
        case indexer::LayoutKind::Plain: stats.layout = "plain"; break;
        case indexer::LayoutKind::OtherStub:
        case indexer::LayoutKind::Missing: stats.layout = "stub"; break;
    }
}

}  // namespace

IndexStats index_stats(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw IndexError(path.string() + ": no such index");
    indexer::check_stub_chain(path);  // before Xapian, which would recurse forever
    IndexStats stats;
    describe_layout(path, stats);
    try {
        const Xapian::Database db(path.string());
        stats.schema_version = db.get_metadata(std::string(schema::kSchemaVersionKey));
        stats.documents = db.get_doccount();
        stats.last_docid = db.get_lastdocid();
        stats.total_length = db.get_total_length();
        stats.average_length = db.get_avlength();
        stats.dated_documents = db.get_value_freq(schema::kDateSlot);
        if (stats.dated_documents > 0) {
            stats.first_date = iso(db.get_value_lower_bound(schema::kDateSlot));
            stats.last_date = iso(db.get_value_upper_bound(schema::kDateSlot));
        }
        const std::string records(schema::kSourceRecordPrefix);
        for (auto it = db.metadata_keys_begin(records); it != db.metadata_keys_end(records); ++it) ++stats.sources;
        count_languages(db, stats);
        count_terms(db, stats);
    } catch (const Xapian::Error& e) {
        throw IndexError(path.string() + ": cannot open index: " + e.get_description());
    }
    stats.disk_bytes = indexer::disk_usage(path, &stats.remote_shards);
    return stats;
}

}  // namespace xling
