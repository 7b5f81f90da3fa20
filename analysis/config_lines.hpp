// Line reading shared by the hand-edited text tables (alias tables, translation glossaries,
// stopword lists, name rules), so that every table reports its errors the same way:
// "FILE:LINE: message".
#pragma once

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>

#include "analysis/text.hpp"
#include "analysis/utf8.hpp"
#include "xling/error.hpp"

namespace xling::analysis {

/// The largest alias table, name-rule file or glossary read (64 MiB: the bundled tables are a
/// few hundred KiB, a glossary of a million entries about 30 MiB). A larger file is an error
/// before anything is read, so that `--glossary /dev/zero` or a mistaken dump cannot fill memory.
inline constexpr std::uintmax_t kMaxConfigFileBytes = std::uintmax_t{64} << 20;

namespace detail {
// Closes a descriptor at scope exit.
struct ConfigFd {
    explicit ConfigFd(int descriptor) : fd(descriptor) {}
    int fd;
    ~ConfigFd() {
        if (fd >= 0) ::close(fd);
    }
    ConfigFd(const ConfigFd&) = delete;
    ConfigFd& operator=(const ConfigFd&) = delete;
};

inline std::string mib(std::uintmax_t bytes) {
    return bytes % (std::uintmax_t{1} << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " bytes";
}
}  // namespace detail

/// The whole of the text file `path`; `what` names it in the error ("alias table").
/// Only a regular file (or a symlink to one) is read: it is opened without blocking and checked
/// on the open descriptor, so a FIFO, a device or a folder is refused at once.
/// @throws ConfigError "PATH: cannot read WHAT: REASON" when it cannot be opened or is not a
///         regular file; "PATH: larger than 64 MiB (the limit for WHAT files)" before reading more
///         than `max_bytes`.
[[nodiscard]] inline std::string read_config_file(const std::filesystem::path& path, std::string_view what,
                                                  std::uintmax_t max_bytes = kMaxConfigFileBytes) {
    const auto fail = [&](const std::string& reason) {
        throw ConfigError(path.string() + ": cannot read " + std::string(what) + ": " + reason);
    };
    const detail::ConfigFd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (file.fd < 0) fail(std::strerror(errno));
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) fail(std::strerror(errno));
    if (S_ISDIR(st.st_mode)) fail("is a folder");
    if (!S_ISREG(st.st_mode)) fail("not a regular file");
    const auto too_large = [&] {
        throw ConfigError(path.string() + ": larger than " + detail::mib(max_bytes) + " (the limit for " + std::string(what) + " files)");
    };
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) too_large();
    std::string text(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t used = 0;
    // Read until end of file, not st_size: the file may grow meanwhile (still capped).
    while (true) {
        if (used == text.size()) {
            if (text.size() > max_bytes) too_large();
            // One byte past the limit is enough to know the file is too large.
            text.resize(static_cast<std::size_t>(std::min<std::uintmax_t>(std::max<std::size_t>(text.size() * 2, 4096), max_bytes + 1)));
        }
        const ssize_t n = ::read(file.fd, text.data() + used, text.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(std::strerror(errno));
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    if (used > max_bytes) too_large();
    text.resize(used);
    return text;
}

/// Calls `handle(line, where)` for each line of `text` that is neither blank nor a `#` comment,
/// trimmed; `where` is "origin:N" (1-based), for error messages.
/// @throws ConfigError naming the line when it is not valid UTF-8; whatever `handle` throws.
template <class Handler>
void for_each_config_line(std::string_view text, const std::string& origin, Handler&& handle) {
    std::size_t number = 0;
    while (!text.empty()) {
        ++number;
        const auto nl = text.find('\n');
        const std::string_view raw = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        const std::string where = origin + ":" + std::to_string(number);
        if (const auto bad = find_invalid_utf8(raw)) {
            throw ConfigError(where + ": invalid UTF-8 at byte " + std::to_string(*bad));
        }
        const std::string_view line = trim_line(raw);
        if (line.empty() || line.front() == '#') continue;
        handle(line, where);
    }
}

}  // namespace xling::analysis
