// What an xling::Resources bundle holds, for the library's own code (the public header keeps the
// type incomplete so that callers depend only on the accessors).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "analysis/analysis_data.hpp"
#include "xling/alias_table.hpp"
#include "xling/translation_table.hpp"

namespace xling::detail {

struct ResourceData {
    std::shared_ptr<const analysis::AnalysisData> analysis;
    AliasTable aliases;
    TranslationTable translations;
    std::filesystem::path translation_path;  ///< empty: none, or from memory
    std::string translation_note;            ///< why there is no table, when there is none
    std::filesystem::path data_dir;          ///< empty: from memory
};

}  // namespace xling::detail
