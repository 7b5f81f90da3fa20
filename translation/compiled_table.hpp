// Read access to a compiled translation table file (layout in table_format.hpp), mapped into
// memory read-only. Loading checks the header and that the sections fill the file exactly —
// O(1), whatever the size: the pages a lookup never touches are never read. Every offset is
// checked where it is used, so a corrupt file raises ConfigError, never a read out of bounds;
// verify() checks the whole file at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "translation/table_format.hpp"
#include "xling/error.hpp"

namespace xling::translation {

/// A read-only memory mapping of a whole file, unmapped on destruction.
class MappedFile {
  public:
    /// Throws ConfigError naming the file when it cannot be opened or mapped, or is not a regular
    /// file ("PATH: not a regular file"; a FIFO does not block the open).
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    [[nodiscard]] std::string_view bytes() const noexcept { return {data_, size_}; }

  private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

/// A record read back: the shape the writer takes (its text points into the mapped file).
using CompiledRecord = format::RecordInput;

class CompiledTable {
  public:
    /// Maps `path` and checks its header. Throws ConfigError "path: ..." when it is not a table
    /// of this version or is truncated.
    explicit CompiledTable(const std::filesystem::path& path);

    /// True when `bytes` start like a compiled table (to tell tables from glossaries).
    [[nodiscard]] static bool has_magic(std::string_view bytes) noexcept;

    [[nodiscard]] const std::vector<std::string>& languages() const noexcept { return languages_; }
    [[nodiscard]] std::optional<std::uint8_t> language_index(std::string_view code) const noexcept;
    /// True when some key is in language `lang` (an index into languages()). Throws
    /// ConfigError on corrupt data.
    [[nodiscard]] bool has_keys(std::uint8_t lang) const;

    [[nodiscard]] std::size_t key_count() const noexcept { return key_count_; }
    [[nodiscard]] std::size_t record_count() const noexcept { return record_count_; }
    [[nodiscard]] std::size_t stem_count() const noexcept { return stem_count_; }
    [[nodiscard]] std::uint64_t file_size() const noexcept { return file_.bytes().size(); }
    [[nodiscard]] std::size_t max_key_words() const noexcept { return max_key_words_; }

    /// Checks every row's offsets and the key order (reads the whole index part of the file).
    /// Throws ConfigError "path: corrupt translation table (...)".
    void verify() const;

    /// Index of the key (`lang`, `text`), if present. Lookups throw ConfigError on corrupt data.
    [[nodiscard]] std::optional<std::uint32_t> find_key(std::uint8_t lang, std::string_view text) const;
    /// Key indices listed under the stem (`lang`, `stem`); empty when absent.
    [[nodiscard]] std::vector<std::uint32_t> keys_of_stem(std::uint8_t lang, std::string_view stem) const;

    /// Text and language of key `key` (< key_count()).
    [[nodiscard]] std::string_view key_text(std::uint32_t key) const;
    [[nodiscard]] std::uint8_t key_language(std::uint32_t key) const;
    /// The key's records, by target language, best first.
    [[nodiscard]] std::vector<CompiledRecord> records(std::uint32_t key) const;

  private:
    struct Entry {  // a decoded key or stem row
        std::uint32_t text_offset;
        std::uint8_t text_length;
        std::uint8_t lang;
        std::uint32_t first;
        std::uint16_t count;
    };
    [[nodiscard]] Entry entry_at(const char* base, std::size_t index, std::size_t row_size) const noexcept;
    [[nodiscard]] std::optional<std::uint32_t> search(const char* base, std::size_t count, std::size_t row_size,
                                                      std::uint8_t lang, std::string_view text) const;
    [[nodiscard]] std::string_view text(std::uint32_t offset, std::uint32_t length) const;
    [[nodiscard]] ConfigError corrupt(const std::string& what) const;

    MappedFile file_;
    std::string origin_;
    std::vector<std::string> languages_;
    std::size_t key_count_ = 0, record_count_ = 0, stem_count_ = 0, stem_ref_count_ = 0, max_key_words_ = 1;
    const char* keys_ = nullptr;
    const char* records_ = nullptr;
    const char* stems_ = nullptr;
    const char* stem_refs_ = nullptr;
    std::string_view strings_;
};

}  // namespace xling::translation
