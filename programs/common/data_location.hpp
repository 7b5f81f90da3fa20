// Where xling's programs find their data, and how they turn options and environment variables
// into xling::Resources. The library itself knows no default paths and reads no environment.
//
// The data folder is, in order: --data-dir; $XLING_DATA_DIR when set and not empty; the installed
// folder beside the program (<bindir>/../share/xling for the installed layout, so a copied or
// relocated prefix still finds its own); the build tree's <build>/data (a program run from the
// build folder). The translation table: --dict; else $XLING_DICT (set but empty: none); else
// <data>/translation/xling.table when it exists.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "xling/resources.hpp"

namespace xling::cli {

/// The data folder to use (see above); `given` is --data-dir ("" when not given).
/// @throws ConfigError when no candidate exists, naming the places looked at.
[[nodiscard]] std::filesystem::path data_dir(const std::string& given);

/// Fills options.dict / default_dict from --dict (`given`, "" when not given) and $XLING_DICT.
void choose_dict(ResourceOptions& options, const std::string& given);

/// Resources::load(data_dir(given_data_dir), options).
/// @throws ConfigError as data_dir() and Resources::load().
[[nodiscard]] std::shared_ptr<const Resources> load_resources(const std::string& given_data_dir,
                                                              const ResourceOptions& options = {});

/// "NAME VERSION" and the data folder in use (or why there is none), for --version.
[[nodiscard]] std::string version_text(const std::string& program);

}  // namespace xling::cli
