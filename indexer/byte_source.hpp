// Reading input files as byte streams, decompressing .gz (zlib) and .zst (libzstd) transparently,
// so the indexer never holds more than a buffer of a large compressed corpus at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

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

/// The last extension of `path` in lower case (".JSONL" -> ".jsonl"): file types are matched in any case.
[[nodiscard]] std::string lower_extension(const std::filesystem::path& path);

/// The file name without a compression extension ("a.jsonl.zst" -> "a.jsonl").
[[nodiscard]] std::filesystem::path without_compression_extension(const std::filesystem::path& path);

/// "FIFO", "character device", ... for notices about what is not read.
[[nodiscard]] std::string_view file_type_name(std::filesystem::file_type type);

/// "32 MiB" (whole MiB) or "1000 bytes", for notices about limits.
[[nodiscard]] std::string size_text(std::size_t bytes);

/// Opens `path`, decompressing according to its extension. Only regular files are opened (never
/// blocking on a FIFO). Throws InputError when it cannot be opened or is not a regular file.
[[nodiscard]] std::unique_ptr<ByteSource> open_byte_source(const std::filesystem::path& path);

/// The bytes of `inner` with `compression` (Gzip or Zstd) undone, streamed: a compressed member
/// of an archive is read as the same file on disk would be. `inner` must outlive the result;
/// `name` names the stream in errors ("a.tar: member b.jsonl.gz"). The result's read() throws
/// InputError on damaged or truncated data; consumed() is `inner`'s (compressed bytes).
/// @throws std::invalid_argument for Compression::None.
[[nodiscard]] std::unique_ptr<ByteSource> decompressing(ByteSource& inner, Compression compression, std::string name);

/// Opens `path` as it is, compressed or not (for readers that undo compression themselves).
/// Only regular files are opened. Throws InputError as open_byte_source.
[[nodiscard]] std::unique_ptr<ByteSource> open_raw_byte_source(const std::filesystem::path& path);

/// Reads the open descriptor `fd` (standard input: 0) to its end, uncompressed, without closing it;
/// `name` ("<stdin>") names it in errors. Throws InputError on read errors.
[[nodiscard]] std::unique_ptr<ByteSource> open_descriptor_source(int fd, std::string name);

/// Splits a ByteSource into lines ('\n'; a trailing '\r' is removed).
///
/// Memory stays bounded by `max_line_bytes` plus one read chunk whatever the input: a line longer
/// than that is not buffered but skipped to its end (next() returns it empty, too_long() is true),
/// so one runaway line (a 3 GB line out of a small .zst) costs its reading time, not its size.
/// Each byte is scanned for '\n' once (only newly read bytes are searched).
class LineReader {
  public:
    explicit LineReader(ByteSource& source, std::size_t max_line_bytes = static_cast<std::size_t>(-1))
        : source_(source), max_line_bytes_(max_line_bytes) {}
    /// Next line into `line`; false at end of input.
    bool next(std::string& line);
    /// Whether the line next() returned last was longer than the limit (and was returned empty).
    [[nodiscard]] bool too_long() const noexcept { return too_long_; }
    /// Bytes searched for '\n' so far: the input's size once read through (work, for tests).
    [[nodiscard]] std::uint64_t scanned_bytes() const noexcept { return scanned_; }

  private:
    // Moves the current line to the buffer's start and appends one chunk; false at end of input.
    bool fill();
    // Returns the line [pos_, end) (or an empty too-long one) and moves past `next`.
    bool take(std::size_t end, std::size_t next, std::string& line);

    ByteSource& source_;
    std::size_t max_line_bytes_;
    std::string buffer_;
    std::size_t pos_ = 0;       // start of the current line in buffer_
    std::size_t scan_from_ = 0; // buffer_[pos_, scan_from_) is known to hold no '\n'
    bool eof_ = false;
    bool too_long_ = false;     // the current line is over the limit: its bytes are dropped
    std::uint64_t scanned_ = 0;
};

/// Reads a whole stream (for one-document files). Throws InputError past `max_bytes`.
[[nodiscard]] std::string read_all(ByteSource& source, std::size_t max_bytes);

}  // namespace xling::indexer
