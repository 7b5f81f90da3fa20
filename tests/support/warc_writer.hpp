// Writing small WARC files for tests: records as crawlers write them, each .warc.gz record its
// own gzip member.
#pragma once

#include <zlib.h>

#include <stdexcept>
#include <string>

namespace xling::test {

/// One WARC/1.1 record with `type`, `uri` (may be empty), `date` and `content_type` headers.
inline std::string warc_record(const std::string& type, const std::string& uri, const std::string& content_type,
                               const std::string& block, const std::string& date = "2024-11-29T10:00:00Z") {
    std::string out = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + std::to_string(block.size()) +
                      ">\r\nWARC-Date: " + date + "\r\n";
    if (!uri.empty()) out += "WARC-Target-URI: " + uri + "\r\n";
    out += "Content-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    return out + block + "\r\n\r\n";
}

/// A response record holding an HTTP response with `headers` (CRLF-separated lines) and `body`.
inline std::string warc_response(const std::string& uri, const std::string& headers, const std::string& body,
                                 const std::string& date = "2024-11-29T10:00:00Z") {
    return warc_record("response", uri, "application/http; msgtype=response",
                       "HTTP/1.1 200 OK\r\n" + headers + "\r\n\r\n" + body, date);
}

/// `data` as one gzip member.
inline std::string gzip_member(const std::string& data) {
    z_stream zs{};
    if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("zlib");
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(out.size() - zs.avail_out);
    deflateEnd(&zs);
    return out;
}

}  // namespace xling::test
