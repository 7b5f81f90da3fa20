// Writing small archives for tests through libarchive's writer, so no archiving tool is needed.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace xling::test {

enum class ArchiveKind { Tar, TarGzip, TarZstd, Zip };

/// Writes `members` (name, content; a name ending in '/' is a folder) to `path`.
inline void write_archive(const std::filesystem::path& path, ArchiveKind kind,
                          const std::vector<std::pair<std::string, std::string>>& members) {
    std::filesystem::create_directories(path.parent_path());
    archive* a = archive_write_new();
    if (kind == ArchiveKind::Zip) {
        archive_write_set_format_zip(a);
    } else {
        archive_write_set_format_pax_restricted(a);
        if (kind == ArchiveKind::TarGzip) archive_write_add_filter_gzip(a);
        if (kind == ArchiveKind::TarZstd) archive_write_add_filter_zstd(a);
    }
    if (archive_write_open_filename(a, path.c_str()) != ARCHIVE_OK) {
        const std::string why = archive_error_string(a);
        archive_write_free(a);
        throw std::runtime_error(path.string() + ": " + why);
    }
    for (const auto& [name, content] : members) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.c_str());
        const bool folder = !name.empty() && name.back() == '/';
        archive_entry_set_filetype(entry, folder ? AE_IFDIR : AE_IFREG);
        archive_entry_set_perm(entry, folder ? 0755 : 0644);
        archive_entry_set_size(entry, folder ? 0 : static_cast<la_int64_t>(content.size()));
        archive_write_header(a, entry);
        if (!folder) archive_write_data(a, content.data(), content.size());
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
}

}  // namespace xling::test
