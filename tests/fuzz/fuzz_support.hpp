// What the harnesses share: a private scratch folder for the readers that only take paths.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace xling::fuzz {

// One folder per process (libFuzzer -fork/-jobs workers must not share files), removed at exit.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        std::string templ = (std::filesystem::temp_directory_path() / "xling-fuzz-XXXXXX").string();
        if (::mkdtemp(templ.data()) == nullptr) std::abort();
        std::atexit([] { std::error_code ec; std::filesystem::remove_all(scratch_dir(), ec); });
        return std::filesystem::path(templ);
    }();
    return dir;
}

// The repository's data folder (stopwords, name rules, the default alias table).
inline std::filesystem::path data_dir() { return std::filesystem::path(XLING_SOURCE_DIR) / "data"; }

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) std::abort();  // the scratch disk is full: a harness failure, not a finding
}

}  // namespace xling::fuzz
