#include "indexer/byte_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

#include "xling/error.hpp"

namespace xling::indexer {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

class Fd {
  public:
    explicit Fd(int fd) noexcept : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(Fd&& other) noexcept : fd_(other.release()) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    Fd& operator=(Fd&&) = delete;
    [[nodiscard]] int get() const noexcept { return fd_; }
    [[nodiscard]] int release() noexcept { return std::exchange(fd_, -1); }

  private:
    int fd_;
};

[[noreturn]] void throw_errno(const std::filesystem::path& path, const char* what) {
    throw InputError(path.string() + ": " + what + ": " + std::strerror(errno));
}

std::filesystem::file_type type_of(mode_t mode) {
    using std::filesystem::file_type;
    if (S_ISDIR(mode)) return file_type::directory;
    if (S_ISFIFO(mode)) return file_type::fifo;
    if (S_ISSOCK(mode)) return file_type::socket;
    if (S_ISCHR(mode)) return file_type::character;
    if (S_ISBLK(mode)) return file_type::block;
    return file_type::unknown;
}

// Opens `path` only if it is a regular file. O_NONBLOCK makes open() of a FIFO without a writer
// return at once: a blocking open would hang the run where no stop request can reach it (the
// interrupted open() is restarted). The type is checked on the opened descriptor, so a FIFO
// swapped in after the folder was listed is refused too.
Fd open_regular(const std::filesystem::path& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0) throw_errno(path, "cannot open");
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw_errno(path, "cannot open");
    if (!S_ISREG(st.st_mode)) {
        throw InputError(path.string() + ": not a regular file (" + std::string(file_type_name(type_of(st.st_mode))) +
                         ")");
    }
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0) throw_errno(path, "cannot open");
    return fd;
}

FilePtr open_file(const std::filesystem::path& path) {
    Fd fd = open_regular(path);
    FilePtr f(::fdopen(fd.get(), "rb"));
    if (!f) throw_errno(path, "cannot open");
    (void)fd.release();  // now owned by the FILE
    return f;
}

class PlainSource final : public ByteSource {
  public:
    explicit PlainSource(const std::filesystem::path& path) : path_(path), file_(open_file(path)) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = std::fread(buffer, 1, size, file_.get());
        if (n == 0 && std::ferror(file_.get())) throw InputError(path_.string() + ": read error");
        consumed_ += n;
        return n;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return consumed_; }

  private:
    std::filesystem::path path_;
    FilePtr file_;
    std::uint64_t consumed_ = 0;
};

// A descriptor the caller owns (standard input): read(2) directly, retried on EINTR.
class DescriptorSource final : public ByteSource {
  public:
    DescriptorSource(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
    std::size_t read(char* buffer, std::size_t size) override {
        for (;;) {
            const ssize_t n = ::read(fd_, buffer, size);
            if (n >= 0) {
                consumed_ += static_cast<std::uint64_t>(n);
                return static_cast<std::size_t>(n);
            }
            if (errno != EINTR) throw InputError(name_ + ": read error: " + std::strerror(errno));
        }
    }
    [[nodiscard]] std::uint64_t consumed() const override { return consumed_; }

  private:
    int fd_;
    std::string name_;
    std::uint64_t consumed_ = 0;
};

// The bytes of `inner` with gzip undone (zlib's inflate), member after member as gzip writes
// appended data. Streams, so a member of an archive is undone as it is read; owns `inner` when
// it is given as `owned` (a file).
class GzipSource final : public ByteSource {
  public:
    GzipSource(std::unique_ptr<ByteSource> owned, ByteSource& inner, std::string name)
        : owned_(std::move(owned)), inner_(inner), name_(std::move(name)), in_buffer_(256 * 1024) {
        // 15 + 16: a gzip header is required (what .gz promises), with the largest window.
        if (inflateInit2(&stream_, 15 + 16) != Z_OK) throw InputError(name_ + ": cannot allocate zlib stream");
    }
    ~GzipSource() override { inflateEnd(&stream_); }
    GzipSource(const GzipSource&) = delete;
    GzipSource& operator=(const GzipSource&) = delete;
    std::size_t read(char* buffer, std::size_t size) override {
        const auto want = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
        stream_.next_out = reinterpret_cast<Bytef*>(buffer);
        stream_.avail_out = want;
        while (stream_.avail_out == want && !at_end_) {
            if (stream_.avail_in == 0 && !fill()) {
                // An empty file is an empty stream, as gzip -d reads it.
                if (!member_done_ && read_any_) throw InputError(name_ + ": truncated gzip stream");
                at_end_ = true;
                break;
            }
            read_any_ = true;
            if (member_done_) {
                // Bytes after a member: another member, or padding that gzip -d ignores too.
                if (stream_.next_in[0] != 0x1f) {
                    at_end_ = true;
                    break;
                }
                if (inflateReset(&stream_) != Z_OK) throw InputError(name_ + ": cannot reset zlib stream");
                member_done_ = false;
            }
            const int ret = inflate(&stream_, Z_NO_FLUSH);
            if (ret == Z_STREAM_END) {
                member_done_ = true;
            } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
                throw InputError(name_ + ": gzip error near byte " + std::to_string(inner_.consumed()) + ": " +
                                 (stream_.msg != nullptr ? stream_.msg : zError(ret)));
            }
        }
        return want - stream_.avail_out;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return inner_.consumed(); }

  private:
    bool fill() {
        const std::size_t n = inner_.read(in_buffer_.data(), in_buffer_.size());
        stream_.next_in = reinterpret_cast<Bytef*>(in_buffer_.data());
        stream_.avail_in = static_cast<uInt>(n);
        return n > 0;
    }

    std::unique_ptr<ByteSource> owned_;
    ByteSource& inner_;
    std::string name_;
    std::vector<char> in_buffer_;
    z_stream stream_{};
    bool member_done_ = false;
    bool at_end_ = false;
    bool read_any_ = false;
};

// The bytes of `inner` with zstd undone (frames in turn), streamed as GzipSource.
class ZstdSource final : public ByteSource {
  public:
    ZstdSource(std::unique_ptr<ByteSource> owned, ByteSource& inner, std::string name)
        : owned_(std::move(owned)), inner_(inner), name_(std::move(name)), stream_(ZSTD_createDStream()),
          in_buffer_(ZSTD_DStreamInSize()) {
        if (stream_ == nullptr) throw InputError(name_ + ": cannot allocate zstd stream");
        ZSTD_initDStream(stream_.get());
    }
    std::size_t read(char* buffer, std::size_t size) override {
        ZSTD_outBuffer out{buffer, size, 0};
        while (out.pos == 0) {
            if (in_.pos == in_.size) {
                const std::size_t n = inner_.read(in_buffer_.data(), in_buffer_.size());
                if (n == 0) {
                    if (!frame_done_) throw InputError(name_ + ": truncated zstd stream");
                    return 0;
                }
                in_ = ZSTD_inBuffer{in_buffer_.data(), n, 0};
            }
            const std::size_t ret = ZSTD_decompressStream(stream_.get(), &out, &in_);
            if (ZSTD_isError(ret) != 0U) {
                throw InputError(name_ + ": zstd error near byte " + std::to_string(inner_.consumed()) + ": " +
                                 ZSTD_getErrorName(ret));
            }
            frame_done_ = ret == 0;
        }
        return out.pos;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return inner_.consumed(); }

  private:
    struct StreamFree {
        void operator()(ZSTD_DStream* s) const noexcept { ZSTD_freeDStream(s); }
    };
    std::unique_ptr<ByteSource> owned_;
    ByteSource& inner_;
    std::string name_;
    std::unique_ptr<ZSTD_DStream, StreamFree> stream_;
    std::vector<char> in_buffer_;
    ZSTD_inBuffer in_{nullptr, 0, 0};
    bool frame_done_ = true;
};

// `inner` with `compression` undone; `owned`, when given, is `inner` and is kept alive.
std::unique_ptr<ByteSource> decoder(std::unique_ptr<ByteSource> owned, ByteSource& inner, Compression compression,
                                    std::string name) {
    switch (compression) {
        case Compression::Gzip: return std::make_unique<GzipSource>(std::move(owned), inner, std::move(name));
        case Compression::Zstd: return std::make_unique<ZstdSource>(std::move(owned), inner, std::move(name));
        case Compression::None: break;
    }
    if (owned) return owned;
    throw std::logic_error("decoder: nothing to undo on a borrowed source");
}

}  // namespace

std::string_view file_type_name(std::filesystem::file_type type) {
    using std::filesystem::file_type;
    switch (type) {
        case file_type::regular: return "regular file";
        case file_type::directory: return "folder";
        case file_type::symlink: return "symbolic link";
        case file_type::fifo: return "FIFO";
        case file_type::socket: return "socket";
        case file_type::character: return "character device";
        case file_type::block: return "block device";
        default: return "unknown file type";
    }
}

std::string size_text(std::size_t bytes) {
    if (bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

Compression compression_of(const std::filesystem::path& path) {
    const auto ext = lower_extension(path);
    if (ext == ".gz") return Compression::Gzip;
    if (ext == ".zst") return Compression::Zstd;
    return Compression::None;
}

std::filesystem::path without_compression_extension(const std::filesystem::path& path) {
    return compression_of(path) == Compression::None ? path : path.parent_path() / path.stem();
}

std::unique_ptr<ByteSource> open_byte_source(const std::filesystem::path& path) {
    auto plain = std::make_unique<PlainSource>(path);
    ByteSource& inner = *plain;
    return decoder(std::move(plain), inner, compression_of(path), path.string());
}

std::unique_ptr<ByteSource> decompressing(ByteSource& inner, Compression compression, std::string name) {
    if (compression == Compression::None) throw std::invalid_argument("decompressing: Compression::None");
    return decoder(nullptr, inner, compression, std::move(name));
}

std::unique_ptr<ByteSource> open_raw_byte_source(const std::filesystem::path& path) {
    return std::make_unique<PlainSource>(path);
}

std::unique_ptr<ByteSource> open_descriptor_source(int fd, std::string name) {
    return std::make_unique<DescriptorSource>(fd, std::move(name));
}

namespace {
constexpr std::size_t kKeepBufferBytes = 4u << 20;
}  // namespace

bool LineReader::take(std::size_t end, std::size_t next, std::string& line) {
    if (too_long_ || end - pos_ > max_line_bytes_) {
        too_long_ = true;
        line.clear();
    } else {
        line.assign(buffer_, pos_, end - pos_);
        if (!line.empty() && line.back() == '\r') line.pop_back();
    }
    pos_ = next;
    scan_from_ = next;
    // A line of megabytes grew the buffer to its size: given back now rather than held while the
    // record is parsed and analysed (the rest of the buffer is at most a chunk).
    if (buffer_.capacity() > kKeepBufferBytes) {
        buffer_.erase(0, pos_);
        buffer_.shrink_to_fit();
        pos_ = scan_from_ = 0;
    }
    return true;
}

bool LineReader::fill() {
    constexpr std::size_t kChunk = 256 * 1024;
    if (too_long_) {
        // Only the end of an oversized line is still wanted: its bytes need not be kept.
        buffer_.clear();
        pos_ = scan_from_ = 0;
    } else if (pos_ > 0) {
        buffer_.erase(0, pos_);
        scan_from_ -= pos_;
        pos_ = 0;
    }
    const std::size_t old = buffer_.size();
    buffer_.resize(old + kChunk);
    const std::size_t n = source_.read(buffer_.data() + old, kChunk);
    buffer_.resize(old + n);
    eof_ = n == 0;
    return !eof_;
}

bool LineReader::next(std::string& line) {
    too_long_ = false;
    for (;;) {
        const std::size_t unscanned = buffer_.size() - scan_from_;
        const void* found = std::memchr(buffer_.data() + scan_from_, '\n', unscanned);
        if (found != nullptr) {
            const auto nl = static_cast<std::size_t>(static_cast<const char*>(found) - buffer_.data());
            scanned_ += nl + 1 - scan_from_;
            return take(nl, nl + 1, line);
        }
        scanned_ += unscanned;
        scan_from_ = buffer_.size();
        if (buffer_.size() - pos_ > max_line_bytes_) too_long_ = true;
        if (eof_ || !fill()) {
            if (!too_long_ && pos_ >= buffer_.size()) return false;
            return take(buffer_.size(), buffer_.size(), line);
        }
    }
}

std::string read_all(ByteSource& source, std::size_t max_bytes) {
    std::string out;
    constexpr std::size_t kChunk = 256 * 1024;
    for (;;) {
        const std::size_t old = out.size();
        out.resize(old + kChunk);
        const std::size_t n = source.read(out.data() + old, kChunk);
        out.resize(old + n);
        if (n == 0) return out;
        if (out.size() > max_bytes) {
            throw InputError("file larger than " + size_text(max_bytes));
        }
    }
}

}  // namespace xling::indexer
