#include "programs/common/cli.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "analysis/text.hpp"

namespace xling::cli {
namespace {

bool is_dumb(const char* term) { return term != nullptr && std::strcmp(term, "dumb") == 0; }

}  // namespace

std::optional<int> parse(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
        return std::nullopt;
    } catch (const CLI::ParseError& e) {
        // app.exit() prints help, the version or the error with a hint; CLI11's own codes
        // (105-109 for usage errors) are not what scripts expect.
        return app.exit(e) == 0 ? 0 : kUsageError;
    }
}

CLI::Validator whole_number() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
            return digits ? std::string() : "'" + text + "' is not a whole number (0, 1, 2, ...)";
        },
        "N");
}

std::vector<std::string> split_list(const std::string& text) { return analysis::split(text, ','); }

ColorChoice color_choice(const std::string& value) {
    if (value == "always") return ColorChoice::Always;
    if (value == "never") return ColorChoice::Never;
    return ColorChoice::Auto;
}

bool use_color(ColorChoice choice, bool is_terminal, const char* no_color, const char* term) {
    if (choice != ColorChoice::Auto) return choice == ColorChoice::Always;
    if (no_color != nullptr && *no_color != '\0') return false;
    return is_terminal && !is_dumb(term);
}

bool use_color(ColorChoice choice, std::FILE* out) {
    return use_color(choice, isatty(fileno(out)) != 0, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

bool can_redraw(std::FILE* out) { return isatty(fileno(out)) != 0 && !is_dumb(std::getenv("TERM")); }

}  // namespace xling::cli
