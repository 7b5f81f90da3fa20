// The data bundle the library tests use: the repository's data/ folder (the suite's environment
// points XLING_DATA_DIR there too, for the programs), loaded once per option set.
#pragma once

#include <memory>

#include "support/test_support.hpp"
#include "xling/resources.hpp"

namespace xling::test {

inline const std::filesystem::path kDataDir = kSourceDir / "data";

/// Resources of data/ without the default alias table (no translation table: data/ has none).
[[nodiscard]] inline std::shared_ptr<const Resources> plain_resources() {
    static const auto resources = [] {
        ResourceOptions options;
        options.default_aliases = false;
        return Resources::load(kDataDir, options);
    }();
    return resources;
}

/// Resources of data/ with its default alias table.
[[nodiscard]] inline std::shared_ptr<const Resources> default_resources() {
    static const auto resources = Resources::load(kDataDir);
    return resources;
}

/// Resources of data/ with these options.
[[nodiscard]] inline std::shared_ptr<const Resources> resources_with(const ResourceOptions& options) {
    return Resources::load(kDataDir, options);
}

}  // namespace xling::test
