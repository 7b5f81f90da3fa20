// One explicit fsync of a database written with Xapian::DB_NO_SYNC.
#pragma once

#include <filesystem>

namespace xling::indexer {

/// Flushes every regular file directly in `folder` (a Xapian database's tables and version file)
/// and then the folder itself to disk. A rebuild's generation is written with DB_NO_SYNC (no
/// fsync per commit: nobody reads it before the switch, and a crash before the switch discards
/// it), so this is what makes it durable before the stub names it. Throws IndexError naming the
/// file when an fsync fails: the switch must not happen then.
void sync_files(const std::filesystem::path& folder);

}  // namespace xling::indexer
