// Per-file bookkeeping for incremental runs: the source key of an input file, its F term, and the
// "src:" metadata record that lets an unchanged file be skipped by stat() alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace xling::indexer {

/// What stat() says about a file; a file whose stamp is unchanged is not read again.
/// Size and mtime (nanoseconds) together: an edit that keeps the size changes the mtime, and a
/// copy with a preserved mtime but other content almost always changes the size.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

/// The stamp of a regular file, or nullopt when it cannot be stat()ed.
[[nodiscard]] std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

/// The absolute, lexically normal path of `path` (not resolving symlinks: the path the user
/// named is the identity of the source).
[[nodiscard]] std::string absolute_path(const std::filesystem::path& path);

/// The key naming a source in F terms and src: records: its absolute path, or "#" + hex hash of
/// it when longer than schema::kMaxSourcePathBytes (Xapian terms and keys are limited to ~245 bytes).
[[nodiscard]] std::string source_key(const std::string& absolute_path);

/// "F<key>"
[[nodiscard]] std::string source_term(std::string_view key);
/// "src:<key>"
[[nodiscard]] std::string record_key(std::string_view key);

/// The metadata value "size:mtime_ns:hash:documents:path" (the path last: it may contain ':').
struct SourceRecord {
    FileStamp stamp;
    std::string hash;            ///< content hash of the whole (decompressed) file
    std::size_t documents = 0;   ///< documents the file held when it was last read
    std::string path;            ///< absolute path
};

[[nodiscard]] std::string encode(const SourceRecord& record);
/// nullopt when `value` is not a record (e.g. written by a later version).
[[nodiscard]] std::optional<SourceRecord> decode_record(std::string_view value);

/// True when `path` is `root` or lies under it (both absolute, lexically normal).
[[nodiscard]] bool is_under(std::string_view path, std::string_view root);

}  // namespace xling::indexer
