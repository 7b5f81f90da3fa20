#include "indexer/source_record.hpp"

#include <sys/stat.h>

#include <charconv>
#include <vector>

#include "indexer/content_hash.hpp"
#include "xling/schema.hpp"

namespace xling::indexer {
namespace {

template <typename T>
bool parse_number(std::string_view text, T& out) {
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

}  // namespace

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
    return FileStamp{static_cast<std::uint64_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * kNanosPerSecond + st.st_mtim.tv_nsec};
}

std::string absolute_path(const std::filesystem::path& path) {
    std::error_code ec;
    auto absolute = std::filesystem::absolute(path, ec);
    if (ec) absolute = path;
    std::string out = absolute.lexically_normal().generic_string();
    // "corpus/" and "corpus" name the same folder.
    while (out.size() > 1 && out.back() == '/') out.pop_back();
    return out;
}

std::string source_key(const std::string& absolute_path) {
    if (absolute_path.size() <= schema::kMaxSourcePathBytes) return absolute_path;
    return "#" + to_hex(Fnv1a64().update(absolute_path).value());
}

std::string source_term(std::string_view key) { return std::string(schema::kSourceFilePrefix) + std::string(key); }

std::string record_key(std::string_view key) { return std::string(schema::kSourceRecordPrefix) + std::string(key); }

std::string encode(const SourceRecord& r) {
    return std::to_string(r.stamp.size) + ":" + std::to_string(r.stamp.mtime_ns) + ":" + r.hash + ":" +
           std::to_string(r.documents) + ":" + r.path;
}

std::optional<SourceRecord> decode_record(std::string_view value) {
    std::vector<std::string_view> fields;
    for (int i = 0; i < 4; ++i) {
        const auto colon = value.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        fields.push_back(value.substr(0, colon));
        value.remove_prefix(colon + 1);
    }
    SourceRecord r;
    if (!parse_number(fields[0], r.stamp.size) || !parse_number(fields[1], r.stamp.mtime_ns) ||
        !parse_number(fields[3], r.documents) || value.empty()) {
        return std::nullopt;
    }
    r.hash = std::string(fields[2]);
    r.path = std::string(value);
    return r;
}

bool is_under(std::string_view path, std::string_view root) {
    if (path.substr(0, root.size()) != root) return false;
    return path.size() == root.size() || root == "/" || path[root.size()] == '/';
}

}  // namespace xling::indexer
