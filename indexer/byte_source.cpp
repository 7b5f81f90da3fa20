#include "indexer/byte_source.hpp"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "xling/error.hpp"

namespace xling::indexer {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

FilePtr open_file(const std::filesystem::path& path) {
    FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f) throw InputError(path.string() + ": cannot open: " + std::strerror(errno));
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

class GzipSource final : public ByteSource {
  public:
    explicit GzipSource(const std::filesystem::path& path) : path_(path), file_(gzopen(path.c_str(), "rb")) {
        if (file_ == nullptr) throw InputError(path.string() + ": cannot open: " + std::strerror(errno));
        gzbuffer(file_, 256 * 1024);
    }
    ~GzipSource() override { gzclose(file_); }
    GzipSource(const GzipSource&) = delete;
    GzipSource& operator=(const GzipSource&) = delete;
    std::size_t read(char* buffer, std::size_t size) override {
        const int n = gzread(file_, buffer, static_cast<unsigned>(size));
        int status = Z_OK;
        if (n == 0) (void)gzerror(file_, &status);
        // zlib reports a stream cut short only through gzerror (Z_BUF_ERROR), not as a read error.
        if (status == Z_BUF_ERROR) throw InputError(path_.string() + ": truncated gzip stream");
        if (n < 0) {
            int err = 0;
            throw InputError(path_.string() + ": gzip error at byte " + std::to_string(gzoffset(file_)) + ": " +
                             gzerror(file_, &err));
        }
        return static_cast<std::size_t>(n);
    }
    [[nodiscard]] std::uint64_t consumed() const override { return static_cast<std::uint64_t>(gzoffset(file_)); }

  private:
    std::filesystem::path path_;
    gzFile file_;
};

class ZstdSource final : public ByteSource {
  public:
    explicit ZstdSource(const std::filesystem::path& path)
        : path_(path), file_(open_file(path)), stream_(ZSTD_createDStream()), in_buffer_(ZSTD_DStreamInSize()) {
        if (stream_ == nullptr) throw InputError(path.string() + ": cannot allocate zstd stream");
        ZSTD_initDStream(stream_.get());
    }
    std::size_t read(char* buffer, std::size_t size) override {
        ZSTD_outBuffer out{buffer, size, 0};
        while (out.pos == 0) {
            if (in_.pos == in_.size) {
                const std::size_t n = std::fread(in_buffer_.data(), 1, in_buffer_.size(), file_.get());
                if (n == 0) {
                    if (std::ferror(file_.get())) throw InputError(path_.string() + ": read error");
                    if (!frame_done_) throw InputError(path_.string() + ": truncated zstd stream");
                    return 0;
                }
                consumed_ += n;
                in_ = ZSTD_inBuffer{in_buffer_.data(), n, 0};
            }
            const std::size_t ret = ZSTD_decompressStream(stream_.get(), &out, &in_);
            if (ZSTD_isError(ret) != 0U) {
                throw InputError(path_.string() + ": zstd error near byte " + std::to_string(consumed_) + ": " +
                                 ZSTD_getErrorName(ret));
            }
            frame_done_ = ret == 0;
        }
        return out.pos;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return consumed_; }

  private:
    struct StreamFree {
        void operator()(ZSTD_DStream* s) const noexcept { ZSTD_freeDStream(s); }
    };
    std::filesystem::path path_;
    FilePtr file_;
    std::unique_ptr<ZSTD_DStream, StreamFree> stream_;
    std::vector<char> in_buffer_;
    ZSTD_inBuffer in_{nullptr, 0, 0};
    std::uint64_t consumed_ = 0;
    bool frame_done_ = true;
};

}  // namespace

Compression compression_of(const std::filesystem::path& path) {
    const auto ext = path.extension();
    if (ext == ".gz") return Compression::Gzip;
    if (ext == ".zst") return Compression::Zstd;
    return Compression::None;
}

std::filesystem::path without_compression_extension(const std::filesystem::path& path) {
    return compression_of(path) == Compression::None ? path : path.parent_path() / path.stem();
}

std::unique_ptr<ByteSource> open_byte_source(const std::filesystem::path& path) {
    switch (compression_of(path)) {
        case Compression::Gzip: return std::make_unique<GzipSource>(path);
        case Compression::Zstd: return std::make_unique<ZstdSource>(path);
        case Compression::None: break;
    }
    return std::make_unique<PlainSource>(path);
}

bool LineReader::next(std::string& line) {
    constexpr std::size_t kChunk = 256 * 1024;
    for (;;) {
        const std::size_t nl = buffer_.find('\n', pos_);
        if (nl != std::string::npos) {
            line.assign(buffer_, pos_, nl - pos_);
            pos_ = nl + 1;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return true;
        }
        if (eof_) {
            if (pos_ >= buffer_.size()) return false;
            line.assign(buffer_, pos_);
            pos_ = buffer_.size();
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return true;
        }
        buffer_.erase(0, pos_);
        pos_ = 0;
        const std::size_t old = buffer_.size();
        buffer_.resize(old + kChunk);
        const std::size_t n = source_.read(buffer_.data() + old, kChunk);
        buffer_.resize(old + n);
        eof_ = n == 0;
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
            throw InputError("file larger than " + std::to_string(max_bytes >> 20) + " MiB");
        }
    }
}

}  // namespace xling::indexer
