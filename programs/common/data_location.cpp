#include "programs/common/data_location.hpp"


#include <cstdlib>
#include <system_error>

#include "xling/error.hpp"
#include "xling/version.hpp"

// Set by programs/meson.build: the build tree's data folder, and the data folder's path relative
// to the folder the installed programs live in.
#ifndef XLING_BUILD_DATA_DIR
#error "XLING_BUILD_DATA_DIR must be defined"
#endif
#ifndef XLING_INSTALLED_DATA_FROM_BINDIR
#error "XLING_INSTALLED_DATA_FROM_BINDIR must be defined"
#endif

namespace xling::cli {
namespace {

// A data folder is one that holds the stopword lists (the one part every program needs).
bool is_data_dir(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_directory(dir / "stopwords", ec);
}

std::filesystem::path executable_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

std::string env(const char* name, bool& set) {
    const char* value = std::getenv(name);
    set = value != nullptr;
    return set ? value : "";
}

}  // namespace

std::filesystem::path data_dir(const std::string& given) {
    if (!given.empty()) return given;
    bool set = false;
    if (std::string from_env = env("XLING_DATA_DIR", set); !from_env.empty()) return from_env;
    const std::filesystem::path installed =
        (executable_dir() / XLING_INSTALLED_DATA_FROM_BINDIR).lexically_normal();
    if (is_data_dir(installed)) return installed;
    const std::filesystem::path build_tree = XLING_BUILD_DATA_DIR;
    if (is_data_dir(build_tree)) return build_tree;
    throw ConfigError("no data folder: looked in " + installed.string() + " and " + build_tree.string() +
                      " (give --data-dir DIR or set XLING_DATA_DIR)");
}

void choose_dict(ResourceOptions& options, const std::string& given) {
    if (!given.empty()) {
        options.dict = given;
        return;
    }
    bool set = false;
    const std::string from_env = env("XLING_DICT", set);
    if (!set) return;  // the data folder's table, when it has one
    if (from_env.empty()) {
        options.default_dict = false;  // set empty: no table (the test suites use it)
    } else {
        options.dict = from_env;
    }
}

std::shared_ptr<const Resources> load_resources(const std::string& given_data_dir, const ResourceOptions& options) {
    return Resources::load(data_dir(given_data_dir), options);
}

std::string version_text(const std::string& program) {
    std::string text = program + " " + std::string(version());
    try {
        text += "\ndata: " + data_dir("").string();
    } catch (const ConfigError& e) {
        text += "\ndata: " + std::string(e.what());
    }
    return text;
}

}  // namespace xling::cli
