#include "indexer/source_changes.hpp"

#include <algorithm>
#include <iterator>

namespace xling::indexer {
namespace {

void sort_unique(std::vector<Xapian::docid>& ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

template <typename T>
void move_append(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

void SourceChanges::append(SourceChanges&& other) {
    move_append(records, other.records);
    move_append(dropped_records, other.dropped_records);
    move_append(pruned, other.pruned);
}

std::size_t apply_source_changes(Xapian::WritableDatabase& db, SourceChanges changes,
                                 std::vector<Xapian::docid> replaced, Xapian::docid offset) {
    // A document can be pruned twice in one run (its file re-read, then found gone) or be both
    // pruned and replaced: each is deleted, and counted, once.
    sort_unique(changes.pruned);
    sort_unique(replaced);
    std::vector<Xapian::docid> gone;
    std::set_union(changes.pruned.begin(), changes.pruned.end(), replaced.begin(), replaced.end(),
                   std::back_inserter(gone));
    std::size_t deleted = 0;
    for (const auto docid : gone) {
        try {
            db.delete_document(docid - offset);
        } catch (const Xapian::DocNotFoundError&) {
            // Already gone is what deleting asks for.
        }
        if (!std::binary_search(replaced.begin(), replaced.end(), docid)) ++deleted;
    }
    for (const auto& [key, value] : changes.records) db.set_metadata(key, value);
    for (const auto& key : changes.dropped_records) db.set_metadata(key, "");  // empty value = no record
    return deleted;
}

}  // namespace xling::indexer
