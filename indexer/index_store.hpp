// The index folder a run writes to: its live database (whose write lock the run holds from start
// to end, so no other writer can change it underneath a rebuild), and the next generation while
// one is being built.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <optional>
#include <string>

#include "indexer/index_layout.hpp"

namespace xling::indexer {

class IndexStore {
  public:
    /// Opens `dir` for writing, creating it in the generation layout when there is no index yet,
    /// and checks (`upgrade`: and records) its schema version; removes leftovers of crashed builds.
    /// @throws IndexLockedError, IndexError.
    IndexStore(std::filesystem::path dir, bool upgrade);
    /// Removes a next generation that was started but not switched to.
    ~IndexStore();
    IndexStore(const IndexStore&) = delete;
    IndexStore& operator=(const IndexStore&) = delete;

    [[nodiscard]] const std::filesystem::path& dir() const noexcept { return dir_; }
    [[nodiscard]] Xapian::WritableDatabase& live() noexcept { return live_; }
    [[nodiscard]] const Layout& layout() const noexcept { return layout_; }

    /// Whether a new generation can replace the live one (not for stub files or foreign stubs).
    [[nodiscard]] bool can_switch() const noexcept;

    /// Reserves the next generation folder (empty, not yet created) and returns its path.
    /// @throws IndexError when the layout cannot switch.
    std::filesystem::path begin_generation();
    /// The next generation's folder (after begin_generation()).
    [[nodiscard]] std::filesystem::path next_generation() const;
    /// Work folder for the next generation's shards ("gen-NNNNNN.parts"), removed with it.
    [[nodiscard]] std::filesystem::path parts_folder() const;

    /// Makes the next generation (complete and closed) live, closes the old one and removes it.
    void switch_to_next();
    /// Removes the next generation (and its parts); the live index is untouched.
    void abandon_next() noexcept;

  private:
    std::filesystem::path dir_;
    Layout layout_;
    Xapian::WritableDatabase live_;
    std::optional<unsigned> next_;
};

/// Checks the schema version of a database opened for writing: an empty database gets the current
/// version, version 3 is upgraded (`upgrade`), anything else is refused with an IndexError.
void check_schema(Xapian::WritableDatabase& db, const std::string& name, bool upgrade);

}  // namespace xling::indexer
