// Web archives (WARC 1.0/1.1, ISO 28500): records one after another from a .warc or .warc.gz
// file, each with its headers and content block.
//
// Not libarchive: its WARC format (archive_read_support_format_warc.c) hands out response and
// resource records alike as files named by the target URI without its scheme and host, so the
// record type, its Content-Type and the full URL are lost, and one record without a WARC-Date or
// Content-Length ends the file (ARCHIVE_FATAL); its gzip filter reads the concatenated members as
// one stream, so one damaged member ends it too. WARC files are written one gzip member per
// record (the standard's annex D) for exactly this: here a damaged or truncated member costs its
// record only, and reading resumes at the next member.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "indexer/byte_source.hpp"

namespace xling::indexer {

/// One record, or the reason one could not be read.
struct WarcRecord {
    std::string type;          ///< WARC-Type ("response", "request", "metadata", ...)
    std::string target_uri;    ///< WARC-Target-URI ("<...>" of WARC 1.0 drafts removed)
    std::string date;          ///< WARC-Date as written ("2024-11-29T10:00:00Z")
    std::string content_type;  ///< the record's Content-Type ("application/http; msgtype=response")
    std::string block;         ///< the content block (empty when too_long)
    bool too_long = false;     ///< the block was over the limit and was not kept
    std::uint64_t offset = 0;  ///< where the record starts in the file (its gzip member's start in a .warc.gz)
    std::string error;         ///< why this record could not be read, or ""
};

/// Reads records from the raw (still compressed) bytes of a WARC file. Memory stays bounded by
/// the block limit plus a read buffer whatever the file.
class WarcReader {
  public:
    /// `gzip`: the bytes are gzip members (.warc.gz). A block over `max_block_bytes` is skipped.
    WarcReader(ByteSource& raw, bool gzip, std::size_t max_block_bytes);
    ~WarcReader();
    WarcReader(const WarcReader&) = delete;
    WarcReader& operator=(const WarcReader&) = delete;

    /// The next record into `record`; false at the end. A record that cannot be read is returned
    /// with `error` set (truncated, damaged gzip member, no WARC/ version line, no Content-Length),
    /// and reading goes on at the next gzip member (.warc.gz) or "WARC/" line (.warc).
    bool next(WarcRecord& record);

  private:
    bool parse(WarcRecord& record);  // throws InputError
    void resync();
    void skip_to_magic();
    bool fill();                     // more decompressed bytes into buffer_; false at the end
    std::size_t inflate_some(char* out, std::size_t size);
    std::size_t raw_read(char* out, std::size_t size);
    bool read_header_line(std::string& line);

    ByteSource& raw_;
    bool gzip_;
    std::size_t max_block_bytes_;
    std::string buffer_;             // decompressed bytes not yet parsed: [pos_, size)
    std::size_t pos_ = 0;
    std::uint64_t plain_offset_ = 0; // .warc: file offset of buffer_[pos_]
    bool end_ = false;

    // .warc.gz
    z_stream zs_{};
    std::vector<char> in_;           // raw bytes; zs_.next_in points into it
    std::uint64_t raw_consumed_ = 0; // raw bytes handed to zlib (offset of zs_.next_in)
    bool raw_eof_ = false;
    bool in_member_ = false;
    bool damaged_ = false;           // inflate failed in the current member
    std::uint64_t member_start_ = 0;
};

}  // namespace xling::indexer
