#include "indexer/index_store.hpp"

#include "xling/error.hpp"
#include "xling/schema.hpp"

namespace xling::indexer {
namespace fs = std::filesystem;
namespace {

// True for a schema version before this one ("3", "4"), false for a newer or unknown one.
bool older_version(const std::string& version) {
    if (version.empty() || version.size() > 3 || version.find_first_not_of("0123456789") != std::string::npos) return false;
    return std::stoi(version) < std::stoi(std::string(schema::kSchemaVersion));
}

Xapian::WritableDatabase open_live(const fs::path& dir, const Layout& layout) {
    if (layout.kind != LayoutKind::Missing) check_stub_chain(dir);
    try {
        if (layout.kind == LayoutKind::Missing) return create_generation_layout(dir);
        // DB_OPEN, not DB_CREATE_OR_OPEN: a stub naming a missing generation is a broken index,
        // not an invitation to start an empty one.
        return Xapian::WritableDatabase(dir.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLockedError(dir.string() + ": index is locked by another writer");
    } catch (const Xapian::Error& e) {
        throw IndexError(dir.string() + ": cannot open index for writing: " + e.get_description());
    }
}

}  // namespace

void check_schema(Xapian::WritableDatabase& db, const std::string& name, bool upgrade) {
    try {
        const std::string key(schema::kSchemaVersionKey);
        const std::string version = db.get_metadata(key);
        if (version.empty() && db.get_doccount() > 0) {
            throw IndexError(name + ": holds " + std::to_string(db.get_doccount()) +
                             " documents but is not an xling index; refusing to write to it");
        }
        if (version == schema::kSchemaVersion) return;
        // Older records (JSON, text in the document data) cannot be converted in place: the text
        // map needs the analysis. An older index without documents has nothing to convert.
        if (!version.empty() && (!older_version(version) || db.get_doccount() > 0)) {
            throw IndexError(name + ": index has schema version " + version + ", this xling writes " +
                             std::string(schema::kSchemaVersion) + "; rebuild it (xling-index --rebuild)");
        }
        if (!upgrade) return;
        db.set_metadata(key, std::string(schema::kSchemaVersion));
        db.commit();
    } catch (const Xapian::Error& e) {
        throw IndexError(name + ": cannot read index: " + e.get_description());
    }
}

IndexStore::IndexStore(fs::path dir, bool upgrade)
    : dir_(std::move(dir)), layout_(inspect_layout(dir_)), live_(open_live(dir_, layout_)) {
    if (layout_.kind == LayoutKind::Missing) layout_ = inspect_layout(dir_);
    // Holding the live lock, nobody else can be building a generation: what is there is debris.
    if (layout_.kind == LayoutKind::Generations) remove_stale_generations(dir_, generation_name(layout_.generation));
    if (layout_.kind == LayoutKind::Plain) remove_stale_generations(dir_, "");
    if (upgrade) {
        check_schema(live_, dir_.string(), true);
    } else {
        // A rebuild replaces the live index whatever its version, but never a foreign database.
        try {
            if (live_.get_metadata(std::string(schema::kSchemaVersionKey)).empty() && live_.get_doccount() > 0) {
                throw IndexError(dir_.string() + ": holds " + std::to_string(live_.get_doccount()) +
                                 " documents but is not an xling index; refusing to replace it");
            }
        } catch (const Xapian::Error& e) {
            throw IndexError(dir_.string() + ": cannot read index: " + e.get_description());
        }
    }
}

IndexStore::~IndexStore() { abandon_next(); }

bool IndexStore::can_switch() const noexcept {
    return layout_.kind == LayoutKind::Generations || layout_.kind == LayoutKind::Plain;
}

fs::path IndexStore::begin_generation() {
    if (!can_switch()) {
        throw IndexError(dir_.string() +
                         ": is a Xapian stub not written by xling; a rebuild needs an index folder it created");
    }
    const unsigned next = layout_.kind == LayoutKind::Generations ? layout_.generation + 1 : 1;
    // Created now, with xling's marker: only then may abandon_next() or a later run remove it.
    create_generation_folder(dir_ / generation_name(next));
    next_ = next;
    return dir_ / generation_name(*next_);
}

fs::path IndexStore::next_generation() const { return dir_ / generation_name(next_.value_or(0)); }

fs::path IndexStore::parts_folder() const {
    return dir_ / (generation_name(next_.value_or(0)) + ".parts");
}

void IndexStore::switch_to_next() {
    const std::string name = generation_name(next_.value());
    std::error_code ec;
    fs::remove_all(parts_folder(), ec);
    switch_generation(dir_, layout_, name);
    next_.reset();
    // The old generation stays locked until the switch is done, then goes.
    live_.close();
    remove_old_layout(dir_, layout_);
}

void IndexStore::abandon_next() noexcept {
    if (!next_) return;
    std::error_code ec;
    fs::remove_all(parts_folder(), ec);
    fs::remove_all(dir_ / generation_name(*next_), ec);
    next_.reset();
}

}  // namespace xling::indexer
