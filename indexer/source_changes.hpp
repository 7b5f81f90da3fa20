// What a run decides about the index besides writing documents: src: records to set or drop
// (source_record.hpp) and stored documents to delete because their input is gone (--prune,
// Indexer::remove). The Indexer decides; an IndexWriter applies, at once (sequential) or to the
// merged generation at the end (sharded), both through apply_source_changes(), so the two modes
// cannot drift apart in what they write.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace xling::indexer {

struct SourceChanges {
    std::vector<std::pair<std::string, std::string>> records;  ///< record key ("src:<key>"), value to set
    std::vector<std::string> dropped_records;                   ///< record keys to remove
    std::vector<Xapian::docid> pruned;                          ///< stored documents to delete

    [[nodiscard]] bool empty() const noexcept {
        return records.empty() && dropped_records.empty() && pruned.empty();
    }
    /// Appends `other`'s changes after this one's.
    void append(SourceChanges&& other);
};

/// Applies `changes` to `db`: deletes the pruned documents and the `replaced` ones (documents this
/// run wrote anew elsewhere: a shard), then sets the records and removes the dropped ones. Both
/// docid lists are in the numbering of the database they were read from; `offset` is subtracted
/// to address them in `db` (a merged generation renumbers them). Does not commit.
/// @returns how many pruned documents were deleted (replaced ones do not count: they stay, anew).
/// @throws Xapian::Error; the caller says what it was doing.
std::size_t apply_source_changes(Xapian::WritableDatabase& db, SourceChanges changes,
                                 std::vector<Xapian::docid> replaced = {}, Xapian::docid offset = 0);

}  // namespace xling::indexer
