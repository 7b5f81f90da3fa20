// Progress and summary output of xling-index on stderr: a live bar on a terminal, plain periodic
// lines otherwise (logs, CI).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "xling/indexer.hpp"

namespace xling::cli {

/// Sum of the sizes of the indexable files under `paths` (as stored, i.e. compressed), for the bar.
[[nodiscard]] std::uint64_t total_input_bytes(const std::vector<std::filesystem::path>& paths);

class ProgressReporter {
  public:
    /// `live`: redraw one line in place (use when `out` is a terminal).
    ProgressReporter(std::FILE* out, bool live, std::uint64_t total_bytes);

    void update(const IndexProgress& progress);
    /// Clears the live line so a notice can be printed on its own line.
    void clear_line();
    /// Prints the final summary.
    void summary(const IndexSummary& summary);

  private:
    std::FILE* out_;
    bool live_;
    std::uint64_t total_bytes_;
    double last_plain_ = 0;
    bool line_drawn_ = false;
};

}  // namespace xling::cli
