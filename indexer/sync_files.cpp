#include "indexer/sync_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "xling/error.hpp"

namespace xling::indexer {
namespace {

void sync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) ::close(fd);
        throw IndexError(path.string() + ": cannot flush to disk: " + std::strerror(error));
    }
    ::close(fd);
}

}  // namespace

void sync_files(const std::filesystem::path& folder) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        std::error_code type_ec;
        if (entry.is_regular_file(type_ec)) sync_path(entry.path(), O_RDONLY);
    }
    if (ec) throw IndexError(folder.string() + ": cannot list: " + ec.message());
    sync_path(folder, O_RDONLY | O_DIRECTORY);
}

}  // namespace xling::indexer
