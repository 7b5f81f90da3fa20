// A small translation table for searcher tests, built with the real builder from the tiny
// FreeDict-like dictionaries of tests/translation (military, cooperation, troops, sanction in
// en, de, hu, lt, ru): no /usr/share/dictd needed.
#pragma once

#include <filesystem>

#include "support/test_support.hpp"
#include "translation/table_builder.hpp"
#include "translation/translation_fixture.hpp"

namespace xling::test {

/// Builds the table once per test binary and returns its path.
inline const std::filesystem::path& sample_table() {
    static TempDir dir;
    static const std::filesystem::path table = [] {
        write_sample_dictionaries(dir / "dictd");
        translation::BuildOptions options;
        options.dictd_dir = dir / "dictd";
        const SampleStemmer stemmer;
        (void)translation::build_table(options, stemmer.function(), dir / "sample.table");
        return dir / "sample.table";
    }();
    return table;
}

}  // namespace xling::test
