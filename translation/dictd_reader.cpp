#include "translation/dictd_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>

#include "xling/error.hpp"

namespace xling::translation {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int digit_value(char c) noexcept {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

struct GzCloser {
    void operator()(gzFile_s* f) const noexcept { gzclose(f); }
};

// Dictionary files are opened only when they are regular files: a FIFO would block the open
// forever, a device (/dev/zero) would be read until memory runs out.
void require_regular_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) throw InputError(path.string() + ": cannot open");
    if (!std::filesystem::is_regular_file(status)) throw InputError(path.string() + ": not a regular file");
}

// gzread passes plain files through unchanged, so one reader serves .dict and .dict.dz.
std::string read_maybe_compressed(const std::filesystem::path& path) {
    require_regular_file(path);
    const std::unique_ptr<gzFile_s, GzCloser> file(gzopen(path.c_str(), "rb"));
    if (!file) throw InputError(path.string() + ": cannot open");
    gzbuffer(file.get(), 1U << 17);
    std::string out;
    std::array<char, 1U << 16> buffer{};
    while (true) {
        const int n = gzread(file.get(), buffer.data(), static_cast<unsigned>(buffer.size()));
        if (n < 0) {
            int code = 0;
            const char* message = gzerror(file.get(), &code);
            throw InputError(path.string() + ": cannot decompress: " + (message != nullptr ? message : "zlib error"));
        }
        if (n == 0) break;
        out.append(buffer.data(), static_cast<std::size_t>(n));
    }
    return out;
}

std::string read_plain(const std::filesystem::path& path) {
    require_regular_file(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string() + ": cannot open");
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct IndexEntry {
    std::string_view headword;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::size_t line = 0;
};

std::vector<IndexEntry> parse_index(std::string_view text, const std::string& origin) {
    std::vector<IndexEntry> entries;
    std::size_t number = 0;
    while (!text.empty()) {
        ++number;
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        const auto tab1 = line.find('\t');
        const auto tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
        const auto where = [&] { return origin + ":" + std::to_string(number); };
        if (tab2 == std::string_view::npos) throw InputError(where() + ": expected 'headword<TAB>offset<TAB>length'");
        const auto offset = decode_dictd_number(line.substr(tab1 + 1, tab2 - tab1 - 1));
        // Some dictfmt versions append a fourth column (the original headword); it is ignored.
        const auto tab3 = line.find('\t', tab2 + 1);
        const auto length = decode_dictd_number(line.substr(tab2 + 1, tab3 == std::string_view::npos ? tab3 : tab3 - tab2 - 1));
        if (!offset || !length) throw InputError(where() + ": offset or length is not a dictd base64 number");
        entries.push_back({line.substr(0, tab1), *offset, *length, number});
    }
    return entries;
}

bool is_metadata_headword(std::string_view headword) {
    return headword.rfind("00database", 0) == 0 || headword.rfind("00-database", 0) == 0;
}

}  // namespace

std::optional<std::uint64_t> decode_dictd_number(std::string_view digits) noexcept {
    if (digits.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : digits) {
        const int d = digit_value(c);
        if (d < 0 || value > (UINT64_MAX >> 6)) return std::nullopt;
        value = value * 64 + static_cast<std::uint64_t>(d);
    }
    return value;
}

std::string encode_dictd_number(std::uint64_t value) {
    std::string out;
    do {
        out.insert(out.begin(), kAlphabet[value % 64]);
        value /= 64;
    } while (value > 0);
    return out;
}

std::optional<std::filesystem::path> DictdDatabase::dict_for_index(const std::filesystem::path& index) {
    auto base = index;
    base.replace_extension();
    for (const char* ext : {".dict.dz", ".dict"}) {
        auto candidate = base;
        candidate += ext;
        if (std::filesystem::exists(candidate)) return candidate;
    }
    return std::nullopt;
}

DictdDatabase DictdDatabase::load(const std::filesystem::path& index, const std::filesystem::path& dict) {
    DictdDatabase db;
    const std::string index_text = read_plain(index);
    db.text_ = read_maybe_compressed(dict);
    std::vector<IndexEntry> entries = parse_index(index_text, index.string());
    // Articles in .dict order, each once: several headword spellings may share one article.
    std::stable_sort(entries.begin(), entries.end(), [](const IndexEntry& a, const IndexEntry& b) {
        return a.offset != b.offset ? a.offset < b.offset : a.length < b.length;
    });
    const std::string_view text = db.text_;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const IndexEntry& e = entries[i];
        if (e.offset > text.size() || e.length > text.size() - e.offset) {
            throw InputError(index.string() + ":" + std::to_string(e.line) + ": article at offset " +
                             std::to_string(e.offset) + " (+" + std::to_string(e.length) + ") lies beyond the end of " +
                             dict.string() + " (" + std::to_string(text.size()) + " bytes)");
        }
        const std::string_view article = text.substr(e.offset, e.length);
        if (is_metadata_headword(e.headword)) {
            if (e.headword == "00databaseshort" || e.headword == "00-database-short") {
                std::string_view title = article;
                // Older dictfmt versions repeat the headword on the article's first line.
                if (title.rfind("00-database-short", 0) == 0) title.remove_prefix(title.find('\n') == std::string_view::npos ? title.size() : title.find('\n') + 1);
                while (!title.empty() && (title.back() == '\n' || title.back() == ' ')) title.remove_suffix(1);
                while (!title.empty() && (title.front() == '\n' || title.front() == ' ')) title.remove_prefix(1);
                db.title_ = std::string(title);
            }
            continue;
        }
        if (i > 0 && entries[i - 1].offset == e.offset && entries[i - 1].length == e.length) continue;
        db.articles_.push_back({article, e.line});
    }
    return db;
}

}  // namespace xling::translation
