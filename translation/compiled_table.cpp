#include "translation/compiled_table.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "translation/table_format.hpp"
#include "xling/error.hpp"

namespace xling::translation {
namespace fmt = format;

namespace {

// Closes a descriptor at scope exit (the mapping outlives it).
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

MappedFile::MappedFile(const std::filesystem::path& path) {
    // O_NONBLOCK: a FIFO given as the table must fail the check below, not block the open.
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (file.fd < 0) throw ConfigError(path.string() + ": cannot open: " + std::strerror(errno));
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) throw ConfigError(path.string() + ": cannot read: " + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) throw ConfigError(path.string() + ": not a regular file");
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ == 0) return;  // mmap of 0 bytes fails; an empty view is the truth
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, file.fd, 0);
    if (p == MAP_FAILED) throw ConfigError(path.string() + ": cannot map: " + std::strerror(errno));
    // Lookups are binary searches: reading ahead around each touched page only fills memory.
    ::madvise(p, size_, MADV_RANDOM);
    data_ = static_cast<const char*>(p);
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

bool CompiledTable::has_magic(std::string_view bytes) noexcept {
    return bytes.size() >= fmt::kMagic.size() && std::equal(fmt::kMagic.begin(), fmt::kMagic.end(), bytes.begin());
}

CompiledTable::CompiledTable(const std::filesystem::path& path) : file_(path) {
    const std::string origin = path.string();
    const std::string_view bytes = file_.bytes();
    if (!has_magic(bytes)) throw ConfigError(origin + ": not an xling translation table (build one with xling-dict build)");
    if (bytes.size() < fmt::kHeaderSize) throw ConfigError(origin + ": truncated translation table header");
    const char* h = bytes.data();
    const auto version = fmt::read_le<std::uint32_t>(h + 8);
    if (version != fmt::kVersion) {
        throw ConfigError(origin + ": translation table format version " + std::to_string(version) + ", this xling reads version " +
                          std::to_string(fmt::kVersion) + " (rebuild it with xling-dict build)");
    }
    const std::uint64_t language_count = fmt::read_le<std::uint32_t>(h + 12);
    key_count_ = fmt::read_le<std::uint32_t>(h + 16);
    record_count_ = fmt::read_le<std::uint32_t>(h + 20);
    stem_count_ = fmt::read_le<std::uint32_t>(h + 24);
    stem_ref_count_ = fmt::read_le<std::uint32_t>(h + 28);
    const std::uint64_t strings_size = fmt::read_le<std::uint64_t>(h + 32);
    max_key_words_ = std::max<std::size_t>(1, fmt::read_le<std::uint32_t>(h + 40));
    if (language_count > fmt::kMaxLanguages) throw ConfigError(origin + ": corrupt translation table (language count)");
    // Counts are 32-bit, so these sums cannot overflow 64 bits.
    const std::uint64_t languages_at = fmt::kHeaderSize;
    const std::uint64_t keys_at = languages_at + language_count * fmt::kLanguageSize;
    const std::uint64_t records_at = keys_at + std::uint64_t{key_count_} * fmt::kKeySize;
    const std::uint64_t stems_at = records_at + std::uint64_t{record_count_} * fmt::kRecordSize;
    const std::uint64_t refs_at = stems_at + std::uint64_t{stem_count_} * fmt::kStemSize;
    const std::uint64_t strings_at = refs_at + std::uint64_t{stem_ref_count_} * fmt::kStemRefSize;
    if (strings_size > bytes.size() || strings_at != bytes.size() - strings_size) {
        throw ConfigError(origin + ": truncated or corrupt translation table (" + std::to_string(bytes.size()) +
                          " bytes, header describes " + std::to_string(strings_at + strings_size) + ")");
    }
    for (std::uint64_t i = 0; i < language_count; ++i) {
        const char* p = h + languages_at + i * fmt::kLanguageSize;
        languages_.emplace_back(p, strnlen(p, fmt::kLanguageSize));
    }
    keys_ = h + keys_at;
    records_ = h + records_at;
    stems_ = h + stems_at;
    stem_refs_ = h + refs_at;
    strings_ = bytes.substr(strings_at);
    origin_ = origin;
}

CompiledTable::Entry CompiledTable::entry_at(const char* base, std::size_t index, std::size_t row_size) const noexcept {
    const char* p = base + index * row_size;
    return {fmt::read_le<std::uint32_t>(p), static_cast<std::uint8_t>(p[4]), static_cast<std::uint8_t>(p[5]),
            fmt::read_le<std::uint32_t>(p + 8), fmt::read_le<std::uint16_t>(p + 6)};
}

ConfigError CompiledTable::corrupt(const std::string& what) const {
    return ConfigError(origin_ + ": corrupt translation table (" + what + ")");
}

std::string_view CompiledTable::text(std::uint32_t offset, std::uint32_t length) const {
    if (std::uint64_t{offset} + length > strings_.size()) throw corrupt("text at " + std::to_string(offset));
    return strings_.substr(offset, length);
}

void CompiledTable::verify() const {
    const auto text_ok = [&](std::uint64_t offset, std::uint64_t length) { return offset + length <= strings_.size(); };
    for (std::size_t i = 0; i < key_count_; ++i) {
        const Entry e = entry_at(keys_, i, fmt::kKeySize);
        if (!text_ok(e.text_offset, e.text_length) || e.lang >= languages_.size() ||
            std::uint64_t{e.first} + e.count > record_count_) {
            throw corrupt("key " + std::to_string(i));
        }
        if (i > 0) {
            const Entry prev = entry_at(keys_, i - 1, fmt::kKeySize);
            if (prev.lang > e.lang || (prev.lang == e.lang && strings_.substr(prev.text_offset, prev.text_length) >= strings_.substr(e.text_offset, e.text_length))) {
                throw corrupt("key " + std::to_string(i) + " out of order");
            }
        }
    }
    for (std::size_t i = 0; i < record_count_; ++i) {
        const char* p = records_ + i * fmt::kRecordSize;
        const auto via = static_cast<std::uint8_t>(p[6]);
        const bool via_ok = std::ranges::all_of(fmt::via_pivots(via), [&](std::uint8_t l) { return l < languages_.size(); });
        if (!text_ok(fmt::read_le<std::uint32_t>(p), static_cast<std::uint8_t>(p[4])) ||
            static_cast<std::uint8_t>(p[5]) >= languages_.size() || !via_ok) {
            throw corrupt("record " + std::to_string(i));
        }
    }
    for (std::size_t i = 0; i < stem_count_; ++i) {
        const Entry e = entry_at(stems_, i, fmt::kStemSize);
        if (!text_ok(e.text_offset, e.text_length) || e.lang >= languages_.size() ||
            std::uint64_t{e.first} + e.count > stem_ref_count_) {
            throw corrupt("stem " + std::to_string(i));
        }
    }
    for (std::size_t i = 0; i < stem_ref_count_; ++i) {
        if (fmt::read_le<std::uint32_t>(stem_refs_ + i * fmt::kStemRefSize) >= key_count_) throw corrupt("stem reference " + std::to_string(i));
    }
}

std::optional<std::uint8_t> CompiledTable::language_index(std::string_view code) const noexcept {
    const auto it = std::find(languages_.begin(), languages_.end(), code);
    if (it == languages_.end()) return std::nullopt;
    return static_cast<std::uint8_t>(it - languages_.begin());
}

std::optional<std::uint32_t> CompiledTable::search(const char* base, std::size_t count, std::size_t row_size,
                                                   std::uint8_t lang, std::string_view wanted) const {
    std::size_t lo = 0;
    std::size_t hi = count;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const Entry e = entry_at(base, mid, row_size);
        const std::string_view mid_text = text(e.text_offset, e.text_length);
        const bool less = e.lang != lang ? e.lang < lang : mid_text < wanted;
        if (less) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == count) return std::nullopt;
    const Entry e = entry_at(base, lo, row_size);
    if (e.lang != lang || text(e.text_offset, e.text_length) != wanted) return std::nullopt;
    return static_cast<std::uint32_t>(lo);
}

bool CompiledTable::has_keys(std::uint8_t lang) const {
    // Keys are sorted by (language, text): the first key not before `lang` tells.
    std::size_t lo = 0;
    std::size_t hi = key_count_;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (entry_at(keys_, mid, fmt::kKeySize).lang < lang) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < key_count_ && entry_at(keys_, lo, fmt::kKeySize).lang == lang;
}

std::optional<std::uint32_t> CompiledTable::find_key(std::uint8_t lang, std::string_view text) const {
    return search(keys_, key_count_, fmt::kKeySize, lang, text);
}

std::vector<std::uint32_t> CompiledTable::keys_of_stem(std::uint8_t lang, std::string_view stem) const {
    const auto index = search(stems_, stem_count_, fmt::kStemSize, lang, stem);
    if (!index) return {};
    const Entry e = entry_at(stems_, *index, fmt::kStemSize);
    if (std::uint64_t{e.first} + e.count > stem_ref_count_) throw corrupt("stem " + std::to_string(*index));
    std::vector<std::uint32_t> out;
    out.reserve(e.count);
    for (std::uint32_t i = 0; i < e.count; ++i) {
        const auto key = fmt::read_le<std::uint32_t>(stem_refs_ + (std::size_t{e.first} + i) * fmt::kStemRefSize);
        if (key >= key_count_) throw corrupt("stem reference " + std::to_string(e.first + i));
        out.push_back(key);
    }
    return out;
}

std::string_view CompiledTable::key_text(std::uint32_t key) const {
    const Entry e = entry_at(keys_, key, fmt::kKeySize);
    return text(e.text_offset, e.text_length);
}

std::uint8_t CompiledTable::key_language(std::uint32_t key) const {
    const std::uint8_t lang = entry_at(keys_, key, fmt::kKeySize).lang;
    if (lang >= languages_.size()) throw corrupt("key " + std::to_string(key));
    return lang;
}

std::vector<CompiledRecord> CompiledTable::records(std::uint32_t key) const {
    const Entry e = entry_at(keys_, key, fmt::kKeySize);
    if (std::uint64_t{e.first} + e.count > record_count_) throw corrupt("key " + std::to_string(key));
    std::vector<CompiledRecord> out;
    out.reserve(e.count);
    for (std::uint32_t i = 0; i < e.count; ++i) {
        const char* p = records_ + (std::size_t{e.first} + i) * fmt::kRecordSize;
        const auto target = static_cast<std::uint8_t>(p[5]);
        const auto via = static_cast<std::uint8_t>(p[6]);
        const auto pivots = fmt::via_pivots(via);
        if (target >= languages_.size() || std::ranges::any_of(pivots, [&](std::uint8_t l) { return l >= languages_.size(); })) {
            throw corrupt("record " + std::to_string(e.first + i));
        }
        out.push_back({text(fmt::read_le<std::uint32_t>(p), static_cast<std::uint8_t>(p[4])), target, via,
                       fmt::weight_of_byte(static_cast<std::uint8_t>(p[7]))});
    }
    return out;
}

}  // namespace xling::translation
