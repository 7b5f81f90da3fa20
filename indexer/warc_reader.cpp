#include "indexer/warc_reader.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string_view>

#include "analysis/text.hpp"
#include "xling/error.hpp"

namespace xling::indexer {
namespace {

constexpr std::size_t kChunk = 256 * 1024;
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

WarcReader::WarcReader(ByteSource& raw, bool gzip, std::size_t max_block_bytes)
    : raw_(raw), gzip_(gzip), max_block_bytes_(max_block_bytes) {
    if (gzip_) {
        in_.resize(kChunk);
        if (inflateInit2(&zs_, 15 + 16) != Z_OK) throw InputError("cannot initialise zlib");
    }
}

WarcReader::~WarcReader() {
    if (gzip_) inflateEnd(&zs_);
}

std::size_t WarcReader::raw_read(char* out, std::size_t size) { return raw_.read(out, size); }

// Inflates the current gzip member, starting the next one where one ends. Returns 0 at the end
// of the file; throws InputError on a damaged or truncated member (leaving it for resync()).
std::size_t WarcReader::inflate_some(char* out, std::size_t size) {
    for (;;) {
        if (zs_.avail_in == 0 && !raw_eof_) {
            const std::size_t n = raw_read(in_.data(), in_.size());
            raw_eof_ = n == 0;
            zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
            zs_.avail_in = static_cast<uInt>(n);
        }
        if (!in_member_) {
            // Between members: zero padding some writers leave is not a member.
            while (zs_.avail_in > 0 && *zs_.next_in == 0) {
                ++zs_.next_in;
                --zs_.avail_in;
                ++raw_consumed_;
            }
            if (zs_.avail_in == 0) {
                if (raw_eof_) return 0;
                continue;
            }
            damaged_ = false;
            member_start_ = raw_consumed_;
            inflateReset(&zs_);
            in_member_ = true;
        }
        if (zs_.avail_in == 0) {
            in_member_ = false;
            throw InputError("truncated gzip member");
        }
        zs_.next_out = reinterpret_cast<Bytef*>(out);
        zs_.avail_out = static_cast<uInt>(size);
        const uInt before = zs_.avail_in;
        const int status = inflate(&zs_, Z_NO_FLUSH);
        raw_consumed_ += before - zs_.avail_in;
        if (status == Z_STREAM_END) in_member_ = false;
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
            const std::string why = zs_.msg != nullptr ? zs_.msg : "inflate error " + std::to_string(status);
            in_member_ = false;
            damaged_ = true;
            throw InputError("damaged gzip member: " + why);
        }
        const std::size_t produced = size - zs_.avail_out;
        if (produced > 0) return produced;
    }
}

bool WarcReader::fill() {
    if (end_) return false;
    if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    const std::size_t old = buffer_.size();
    buffer_.resize(old + kChunk);
    const std::size_t n = gzip_ ? inflate_some(buffer_.data() + old, kChunk) : raw_read(buffer_.data() + old, kChunk);
    buffer_.resize(old + n);
    end_ = n == 0;
    return n > 0;
}

// One header line without its CRLF; false at the end of input. Throws past kMaxHeaderBytes.
bool WarcReader::read_header_line(std::string& line) {
    std::size_t scanned = pos_;
    for (;;) {
        const auto nl = buffer_.find('\n', scanned);
        if (nl != std::string::npos) {
            line.assign(buffer_, pos_, nl - pos_);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            plain_offset_ += nl + 1 - pos_;
            pos_ = nl + 1;
            return true;
        }
        if (buffer_.size() - pos_ > kMaxHeaderBytes) throw InputError("record header longer than 64 KiB");
        scanned = buffer_.size() - pos_;
        if (!fill()) {
            if (pos_ == buffer_.size()) return false;
            throw InputError("truncated record header");
        }
        // fill() moved the unparsed bytes to the start.
    }
}

bool WarcReader::parse(WarcRecord& record) {
    record = WarcRecord{};
    // Records end with CRLF CRLF; tolerate more or fewer blank lines between them.
    for (;;) {
        if (pos_ == buffer_.size() && !fill()) return false;
        const char c = buffer_[pos_];
        if (c != '\r' && c != '\n') break;
        ++pos_;
        ++plain_offset_;
    }
    record.offset = gzip_ ? member_start_ : plain_offset_;
    std::string line;
    if (!read_header_line(line)) return false;
    if (line.rfind("WARC/", 0) != 0) throw InputError("not a WARC record (no WARC/ version line)");
    std::optional<std::uint64_t> length;
    while (read_header_line(line) && !line.empty()) {
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string_view name = analysis::trim(std::string_view(line).substr(0, colon));
        const std::string value(analysis::trim(std::string_view(line).substr(colon + 1)));
        if (iequals(name, "WARC-Type")) record.type = value;
        else if (iequals(name, "WARC-Target-URI")) record.target_uri = value;
        else if (iequals(name, "WARC-Date")) record.date = value;
        else if (iequals(name, "Content-Type")) record.content_type = value;
        else if (iequals(name, "Content-Length")) {
            char* end = nullptr;
            const unsigned long long n = std::strtoull(value.c_str(), &end, 10);
            if (value.empty() || end == nullptr || *end != '\0') throw InputError("bad Content-Length '" + value + "'");
            length = n;
        }
    }
    if (!length) throw InputError("record without Content-Length");
    if (record.target_uri.size() >= 2 && record.target_uri.front() == '<' && record.target_uri.back() == '>') {
        record.target_uri = record.target_uri.substr(1, record.target_uri.size() - 2);
    }
    record.too_long = *length > max_block_bytes_;
    std::uint64_t left = *length;
    while (left > 0) {
        if (pos_ == buffer_.size() && !fill()) throw InputError("truncated record (Content-Length " + std::to_string(*length) + ")");
        const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer_.size() - pos_));
        if (!record.too_long) record.block.append(buffer_, pos_, take);
        pos_ += take;
        plain_offset_ += take;
        left -= take;
        if (record.too_long) {
            buffer_.erase(0, pos_);  // the skipped block is not kept
            pos_ = 0;
        }
    }
    return true;
}

// After a broken record: the next gzip member (.warc.gz), or the next line that starts a record.
void WarcReader::resync() {
    if (gzip_) {
        buffer_.clear();
        pos_ = 0;
        end_ = false;
        // A sound member that held a broken record is read to its end; from a damaged one the
        // next gzip magic (1f 8b 08) on is tried.
        std::string scratch(kChunk, '\0');
        try {
            while (in_member_ && !damaged_) (void)inflate_some(scratch.data(), scratch.size());
        } catch (const InputError&) {
            // damaged_ is set, or the member was cut short at the end of the file.
        }
        if (damaged_) skip_to_magic();
        damaged_ = false;
        return;
    }
    // .warc: drop lines up to one starting with "WARC/".
    for (;;) {
        if (buffer_.size() - pos_ < 5 && !fill()) return;
        if (buffer_.compare(pos_, 5, "WARC/") == 0) return;
        const auto nl = buffer_.find('\n', pos_);
        const std::size_t next = nl == std::string::npos ? buffer_.size() : nl + 1;
        plain_offset_ += next - pos_;
        pos_ = next;
    }
}

void WarcReader::skip_to_magic() {
    for (;;) {
        while (zs_.avail_in >= 3) {
            if (zs_.next_in[0] == 0x1f && zs_.next_in[1] == 0x8b && zs_.next_in[2] == 0x08) return;
            ++zs_.next_in;
            --zs_.avail_in;
            ++raw_consumed_;
        }
        if (raw_eof_) {
            raw_consumed_ += zs_.avail_in;
            zs_.avail_in = 0;
            return;
        }
        // Keep the last bytes: a magic may straddle two reads.
        const std::size_t kept = zs_.avail_in;
        std::memmove(in_.data(), zs_.next_in, kept);
        const std::size_t n = raw_read(in_.data() + kept, in_.size() - kept);
        raw_eof_ = n == 0;
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(kept + n);
    }
}

bool WarcReader::next(WarcRecord& record) {
    try {
        return parse(record);
    } catch (const InputError& e) {
        // In a .warc.gz the record is named by its member: where a tool such as `zcat` can start.
        const std::uint64_t offset = gzip_ ? member_start_ : record.offset;
        record = WarcRecord{};
        record.offset = offset;
        record.error = e.what();
        resync();
        return true;
    }
}

}  // namespace xling::indexer
