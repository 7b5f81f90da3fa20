#include "programs/xling-aliases/input.hpp"

#include <cerrno>
#include <cstring>
#include <sstream>
#include <vector>

#include "analysis/utf8.hpp"
#include "xling/error.hpp"

namespace xling::importer {

std::ifstream open_input(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(path.string() + ": no such file");
    // An ifstream opens a folder without complaint and then reads nothing.
    if (std::filesystem::is_directory(path, ec)) throw InputError(path.string() + ": is a folder, expected a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string() + ": cannot read (" + std::strerror(errno) + ")");
    return in;
}

std::string read_input(const std::filesystem::path& path) {
    std::ifstream in = open_input(path);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw InputError(path.string() + ": read error");
    return std::move(buffer).str();
}

long first_invalid_utf8(const std::vector<std::string>& fields) {
    long offset = 0;
    for (const std::string& field : fields) {
        if (const auto bad = analysis::find_invalid_utf8(field)) return offset + static_cast<long>(*bad);
        offset += static_cast<long>(field.size()) + 1;
    }
    return -1;
}

}  // namespace xling::importer
