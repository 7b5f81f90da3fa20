// importer/import_result.hpp — what every importer returns: the table plus an account of what
// was read, left out and why, for the summary on stderr.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "xling/alias_table.hpp"

namespace xling::importer {

/// Counts and messages gathered while importing. Malformed input never stops an import: the row
/// is skipped, counted, and the first few are kept as "file:line: reason" for the user.
class ImportReport {
  public:
    /// How many skipped-row messages are kept; the rest are only counted.
    static constexpr std::size_t kMaxProblems = 5;

    /// Records a malformed row (or file) that was skipped.
    void skip_row(const std::string& where, const std::string& reason);
    /// Records a name left out because the table format cannot hold it (see EntitySet::add_name).
    void drop_name(const std::string& reason);
    /// A line of information for the summary ("120 people below --min-languages left out").
    void note(std::string line) { notes_.push_back(std::move(line)); }

    std::size_t rows_read = 0;  ///< data rows (or JSON entries) looked at

    [[nodiscard]] std::size_t rows_skipped() const noexcept { return rows_skipped_; }
    [[nodiscard]] const std::vector<std::string>& problems() const noexcept { return problems_; }
    [[nodiscard]] std::size_t names_dropped() const noexcept { return names_dropped_; }
    [[nodiscard]] const std::vector<std::string>& drop_reasons() const noexcept { return drop_reasons_; }
    [[nodiscard]] const std::vector<std::string>& notes() const noexcept { return notes_; }

  private:
    std::size_t rows_skipped_ = 0;
    std::vector<std::string> problems_;
    std::size_t names_dropped_ = 0;
    std::vector<std::string> drop_reasons_;  ///< first few, as examples
    std::vector<std::string> notes_;
};

struct ImportResult {
    AliasTable table;
    ImportReport report;
};

/// The summary printed after an import: entities, names per language, ambiguous names, skipped
/// rows with the first problems, dropped names, notes. One item per line, no trailing newline.
[[nodiscard]] std::string format_summary(const ImportResult& result);

/// "de 120, en 98, * 4": names per language, in order of first appearance.
[[nodiscard]] std::string names_per_language(const AliasTable& table);

/// Total number of names over all entities.
[[nodiscard]] std::size_t count_names(const AliasTable& table);

}  // namespace xling::importer
