// Archives (.tar, .tar.gz, .tar.zst, .zip, ...) read as folders through libarchive: members one
// after another, each as a stream, so an archive of any size costs one member's buffer.
#pragma once

#include <archive.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "indexer/byte_source.hpp"

namespace xling::indexer {

/// One entry of an archive, as its header describes it.
struct ArchiveMember {
    std::string name;                    ///< its path inside the archive ("a/b.txt")
    bool regular = false;                ///< a regular file; folders, links and devices are not read
    std::optional<std::uint64_t> size;   ///< its size when the header gives one
};

/// Reads the members of one archive file in order. Any compression libarchive knows (gzip, zstd,
/// xz, bzip2) is undone; tar (all variants), zip and cpio are read.
///
/// Not thread-safe; one reader per archive.
class ArchiveReader {
  public:
    /// Opens `path`. @throws InputError when it cannot be opened or is not an archive.
    explicit ArchiveReader(const std::filesystem::path& path);
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader&) = delete;
    ArchiveReader& operator=(const ArchiveReader&) = delete;

    /// The next member's header into `member` (its data unread); false at the end.
    /// @throws InputError when the archive is broken there (the members before it were read).
    bool next(ArchiveMember& member);

    /// The current member's bytes, from its start (read before the next call of next()).
    /// Its read() throws InputError when the member's data is damaged.
    [[nodiscard]] ByteSource& data();

    /// Archive bytes read so far (compressed), for progress.
    [[nodiscard]] std::uint64_t consumed() const;

  private:
    class MemberSource;
    struct Free {
        void operator()(archive* a) const noexcept { archive_read_free(a); }
    };
    std::filesystem::path path_;
    std::unique_ptr<archive, Free> archive_;
    std::unique_ptr<MemberSource> member_;
};

/// Whether `path` names an archive by its extension (.tar, .tgz, .tar.gz, .tar.zst, .tzst,
/// .tar.xz, .txz, .tar.bz2, .zip; any case).
[[nodiscard]] bool is_archive_name(const std::filesystem::path& path);

}  // namespace xling::indexer
