// Reading input files as byte streams, decompressing .gz (zlib) and .zst (libzstd) transparently,
// so the indexer never holds more than a buffer of a large compressed corpus at once.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace xling::indexer {

class ByteSource {
  public:
    virtual ~ByteSource() = default;
    /// Reads up to `size` bytes; returns 0 at end of stream. Throws InputError on read/decode errors.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
    /// Compressed bytes consumed so far (for progress in MB/s of input).
    [[nodiscard]] virtual std::uint64_t consumed() const = 0;
};

enum class Compression { None, Gzip, Zstd };

/// The compression implied by the file name's last extension (.gz, .zst).
[[nodiscard]] Compression compression_of(const std::filesystem::path& path);

/// The file name without a compression extension ("a.jsonl.zst" -> "a.jsonl").
[[nodiscard]] std::filesystem::path without_compression_extension(const std::filesystem::path& path);

/// Opens `path`, decompressing according to its extension. Throws InputError when it cannot be opened.
[[nodiscard]] std::unique_ptr<ByteSource> open_byte_source(const std::filesystem::path& path);

/// Splits a ByteSource into lines ('\n'; a trailing '\r' is removed).
class LineReader {
  public:
    explicit LineReader(ByteSource& source) : source_(source) {}
    /// Next line into `line`; false at end of input.
    bool next(std::string& line);

  private:
    ByteSource& source_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool eof_ = false;
};

/// Reads a whole stream (for one-document files). Throws InputError past `max_bytes`.
[[nodiscard]] std::string read_all(ByteSource& source, std::size_t max_bytes);

}  // namespace xling::indexer
