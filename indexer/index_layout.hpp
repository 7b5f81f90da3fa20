// The on-disk layout of an index folder and the atomic switch between generations.
//
// Every index created by this version is a Xapian "stub directory": DIR/XAPIANDB is a one-line
// stub file "auto gen-NNNNNN" naming the live generation, a complete Xapian database in the
// folder DIR/gen-NNNNNN. Xapian resolves it itself, for readers (Database(DIR)) and for the
// single writer (WritableDatabase(DIR) opens a one-entry stub), so the searcher and the Xapian
// tools need nothing special. A rebuild writes DIR/gen-(N+1) while the live generation stays
// locked and readable, then renames a new stub over DIR/XAPIANDB: rename() is atomic on POSIX,
// so a reader opening DIR sees the old generation or the new one, never a mix.
//
// Folders written by earlier versions are plain Xapian databases (DIR/iamglass ...). They keep
// working for ordinary runs; a rebuild (or parallel build) converts them: the new generation and
// the stub are written while DIR/iamglass still makes Xapian open the old database, and unlinking
// iamglass (atomic too) is the switch; the old table files are removed after it.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace xling::indexer {

enum class LayoutKind {
    Missing,      ///< no index yet (missing or holding no database)
    Generations,  ///< XAPIANDB stub naming one gen-NNNNNN folder (this version's layout)
    Plain,        ///< a plain Xapian database in DIR itself (earlier versions)
    OtherStub,    ///< a stub file, or a stub folder not written by xling (e.g. listing shards)
};

struct Layout {
    LayoutKind kind = LayoutKind::Missing;
    unsigned generation = 0;  ///< the live generation number (Generations only)
};

/// Inspects `dir` without modifying it.
[[nodiscard]] Layout inspect_layout(const std::filesystem::path& dir);

/// "gen-000042"
[[nodiscard]] std::string generation_name(unsigned generation);

/// Creates a new index folder in the generation layout (DIR/gen-000001 and the stub) and opens it
/// for writing. DIR must be missing or empty (debris of a crashed xling build aside): an
/// IndexError refuses a folder holding anything else, so xling never mixes its files with the
/// user's. Throws Xapian errors (the caller maps them).
[[nodiscard]] Xapian::WritableDatabase create_generation_layout(const std::filesystem::path& dir);

/// Creates the generation folder `folder` (DIR/gen-NNNNNN) holding xling's marker file, which is
/// what lets remove_stale_generations() delete it later. An existing folder is reused only when
/// xling made it; otherwise IndexError (it is never written into, nor later removed).
void create_generation_folder(const std::filesystem::path& folder);

/// Removes generation folders under `dir` other than `keep` ("" keeps none): leftovers of a
/// rebuild that crashed. Only folders xling made are removed: named exactly gen-NNNNNN (or
/// gen-NNNNNN.parts) and holding its marker (or, from versions before the marker, a Xapian
/// database / only shard-N folders). Only call while holding the index's write lock.
void remove_stale_generations(const std::filesystem::path& dir, const std::string& keep);

/// Makes DIR/`generation` the live generation: writes the stub to a temporary file, fsyncs it and
/// renames it over DIR/XAPIANDB; for a Plain folder, then unlinks DIR/iamglass. Throws IndexError.
void switch_generation(const std::filesystem::path& dir, const Layout& old_layout, const std::string& generation);

/// Removes what the previous layout left after a switch: the old generation folder, or a Plain
/// folder's table files. Call after closing the old live database. Errors are ignored (leftovers
/// are removed by the next writer).
void remove_old_layout(const std::filesystem::path& dir, const Layout& old_layout);

/// Follows the stub files `path` leads to (DIR/XAPIANDB, a stub file, the stubs they name) as
/// Xapian will, before Xapian does: Xapian recurses without a limit, so a stub naming itself (or
/// two naming each other) would crash the program. Throws IndexError "PATH: stub file refers to
/// itself (A -> B -> A)", or when stubs nest deeper than 16, list more than 4096 databases or
/// a stub file is larger than 1 MiB.
void check_stub_chain(const std::filesystem::path& path);

/// Bytes of all regular files under `path` (a folder), or under the local shards a stub file lists;
/// `remote_shards`, when given, is increased by the stub's remote lines.
[[nodiscard]] std::uint64_t disk_usage(const std::filesystem::path& path, std::uint64_t* remote_shards = nullptr);

}  // namespace xling::indexer
