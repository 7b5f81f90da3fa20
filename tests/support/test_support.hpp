// Helpers shared by the test suites: temporary folders, running the real programs, file writing.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <string_view>

namespace xling::test {

/// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
  public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("xling-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

/// Writes `content` to `path` (creating parent folders), bytes as given.
inline void write_file(const std::filesystem::path& path, std::string_view content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

/// Output and exit status of a shell command.
struct CommandResult {
    int exit_code = -1;
    std::string out;  ///< stdout
    std::string err;  ///< stderr
};

/// Runs `command` through /bin/sh, capturing stdout and stderr (stderr via a temp file).
inline CommandResult run(const std::string& command) {
    TempDir tmp;
    const auto err_file = tmp / "stderr";
    const std::string full = command + " 2>'" + err_file.string() + "'";
    CommandResult result;
    std::FILE* pipe = popen(full.c_str(), "r");
    if (pipe == nullptr) return result;
    std::array<char, 4096> buffer{};
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) result.out.append(buffer.data(), n);
    const int status = pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_file, std::ios::binary);
    result.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    return result;
}

/// Single-quotes `s` for /bin/sh.
inline std::string shell_quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

inline const std::filesystem::path kSourceDir = XLING_SOURCE_DIR;
inline const std::filesystem::path kSharedDir = XLING_SHARED_DIR;
inline const std::string kIndexBin = XLING_INDEX_BIN;
inline const std::string kSearchBin = XLING_SEARCH_BIN;
inline const std::string kEmbedExampleBin = XLING_EMBED_EXAMPLE_BIN;

}  // namespace xling::test

#include <doctest/doctest.h>
#include <vector>

// Lets CHECK(a == b) print lists of ids instead of {?}.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
    static doctest::String convert(const std::vector<std::string>& items) {
        std::string out = "{";
        for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? ", \"" : "\"") + items[i] + "\"";
        return (out + "}").c_str();
    }
};
