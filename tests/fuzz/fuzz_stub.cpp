// The stub-file reader: the input is an index folder's XAPIANDB stub (and, in a second folder, a
// stub file given as the index path), read by inspect_layout (xling-index: which generation is
// live) and xling::index_stats (xling-index stats: layout, Xapian open through the stub, shard
// sizes), the paths by which a user's or an attacker's stub reaches xling.
// Inputs naming a "remote" database are only inspected, never opened: Xapian would connect to
// the host or run the program the line names. Inputs naming a path outside the scratch folder
// (absolute or "..") are not opened either: sizing them walks whatever tree they name.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/index_layout.hpp"
#include "tests/fuzz/fuzz_support.hpp"
#include "xling/error.hpp"
#include "xling/index_stats.hpp"

namespace {

bool safe_to_open(std::string_view stub) {
    if (stub.find("remote") != std::string_view::npos || stub.find("..") != std::string_view::npos) return false;
    for (std::size_t i = 0; i < stub.size(); ++i) {
        if (stub[i] == '/' && (i == 0 || stub[i - 1] == ' ' || stub[i - 1] == '\t' || stub[i - 1] == '\n' ||
                               stub[i - 1] == '\r' || stub[i - 1] == '\v' || stub[i - 1] == '\f')) {
            return false;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view stub(reinterpret_cast<const char*>(data), size);
    const auto root = xling::fuzz::scratch_dir();
    const auto folder = root / "folder";
    const auto files = root / "files";
    std::filesystem::create_directories(folder / "gen-000001");  // what a real stub names
    std::filesystem::create_directories(files);
    xling::fuzz::write_file(folder / "XAPIANDB", stub);
    xling::fuzz::write_file(files / "index.stub", stub);
    (void)xling::indexer::inspect_layout(folder);
    (void)xling::indexer::inspect_layout(files / "index.stub");
    if (!safe_to_open(stub)) return 0;
    for (const auto& path : {folder, files / "index.stub"}) {
        try {
            (void)xling::index_stats(path);
        } catch (const xling::Error&) {
        }
    }
    return 0;
}
