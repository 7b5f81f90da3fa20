// Where the programs find their data (programs/common/data_location.hpp) and how they choose the
// translation table from --dict and $XLING_DICT.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "programs/common/data_location.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"

namespace {

// Sets or unsets an environment variable for one scope, restoring it after.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value != nullptr) {
            setenv(name, value, 1);
        } else {
            unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            setenv(name_, old_->c_str(), 1);
        } else {
            unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_SUITE("data location") {

TEST_CASE("--data-dir wins over XLING_DATA_DIR, which wins over the build tree") {
    const ScopedEnv env("XLING_DATA_DIR", "/from/env");
    CHECK(xling::cli::data_dir("/given") == "/given");
    CHECK(xling::cli::data_dir("") == "/from/env");
}

TEST_CASE("without either, a program outside an installed tree uses the build tree's data folder") {
    const ScopedEnv env("XLING_DATA_DIR", nullptr);
    CHECK(xling::cli::data_dir("") == std::filesystem::path(XLING_BUILD_ROOT) / "data");
    const ScopedEnv empty("XLING_DATA_DIR", "");  // set empty counts as unset
    CHECK(xling::cli::data_dir("") == std::filesystem::path(XLING_BUILD_ROOT) / "data");
}

TEST_CASE("--dict, else XLING_DICT (empty: no table), else the data folder's table") {
    {
        const ScopedEnv env("XLING_DICT", nullptr);
        xling::ResourceOptions options;
        xling::cli::choose_dict(options, "");
        CHECK_FALSE(options.dict.has_value());
        CHECK(options.default_dict);
        xling::cli::choose_dict(options, "/given.table");
        CHECK(options.dict == std::filesystem::path("/given.table"));
    }
    {
        const ScopedEnv env("XLING_DICT", "/env.table");
        xling::ResourceOptions options;
        xling::cli::choose_dict(options, "");
        CHECK(options.dict == std::filesystem::path("/env.table"));
    }
    {
        const ScopedEnv env("XLING_DICT", "");
        xling::ResourceOptions options;
        xling::cli::choose_dict(options, "");
        CHECK_FALSE(options.dict.has_value());
        CHECK_FALSE(options.default_dict);
    }
}

TEST_CASE("--version names the program, the library version and the data folder") {
    const ScopedEnv env("XLING_DATA_DIR", "/some/data");
    const std::string text = xling::cli::version_text("xling-search");
    CHECK(text.find("xling-search 0.") == 0);
    CHECK(text.find("\ndata: /some/data") != std::string::npos);
}

}  // TEST_SUITE
