// The conventions every xling program follows on the command line (README "Command line"):
// usage errors exit 2 like any other error the user can fix, help and --version exit 0, `--`
// ends the options (so a query may start with '-'), and colour or in-place redrawing only on a
// terminal that is not TERM=dumb, never when NO_COLOR is set (no-color.org).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace xling::cli {

/// The items of a comma-separated option value ("hu,de" -> {"hu", "de"}), empty items left out.
[[nodiscard]] std::vector<std::string> split_list(const std::string& text);

/// Exit status for usage errors, as for every other error the user made (grep and ripgrep do so).
inline constexpr int kUsageError = 2;

/// A CLI11 check that an option's value is digits only: CLI11 alone would read "-1" into a
/// size_t as 2^64 - 1 (and its range check reports the bounds of a double). Values too large for
/// the option's type are CLI11's own error.
[[nodiscard]] CLI::Validator whole_number();

/// Parses the arguments. Returns the exit code when the program must stop now (0 after --help
/// or --version, kUsageError after printing a usage error), nullopt to go on.
[[nodiscard]] std::optional<int> parse(CLI::App& app, int argc, char** argv);

/// What the user asked of colour (--color).
enum class ColorChoice { Auto, Always, Never };

/// "auto", "always", "never" (anything else is Auto).
[[nodiscard]] ColorChoice color_choice(const std::string& value);

/// Whether to write colour: Always and Never decide; Auto means `is_terminal`, unless NO_COLOR is
/// set to anything non-empty or TERM is "dumb" (`no_color` and `term` are those variables,
/// nullptr when unset).
[[nodiscard]] bool use_color(ColorChoice choice, bool is_terminal, const char* no_color, const char* term);

/// use_color() for the stream `out` and this process' environment.
[[nodiscard]] bool use_color(ColorChoice choice, std::FILE* out);

/// Whether a status line may be redrawn in place on `out` (a terminal that is not TERM=dumb).
[[nodiscard]] bool can_redraw(std::FILE* out);

}  // namespace xling::cli
