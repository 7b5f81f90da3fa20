#include "indexer/http_response.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "xling/schema.hpp"
#include "analysis/text.hpp"

namespace xling::indexer {
namespace {

// Chunk sizes in hex, each chunk followed by CRLF; trailers after the last (size 0) are ignored.
// False (with `error` set) when the body is not well chunked.
bool dechunk(std::string_view body, std::string& out, std::string& error) {
    error = "broken chunked body";
    std::size_t pos = 0;
    for (;;) {
        const auto eol = body.find('\n', pos);
        if (eol == std::string_view::npos) return false;
        const std::string size_text(analysis::trim(body.substr(pos, eol - pos)));
        char* end = nullptr;
        const unsigned long long size = std::strtoull(size_text.c_str(), &end, 16);
        if (size_text.empty() || end == size_text.c_str()) return false;
        pos = eol + 1;
        if (size == 0) return true;
        if (size > body.size() - pos) return false;
        out.append(body.substr(pos, size));
        pos += size;
        if (pos < body.size() && body[pos] == '\r') ++pos;
        if (pos < body.size() && body[pos] == '\n') ++pos;
    }
}

// gzip or zlib (windowBits 15 + 32 detects either); a raw deflate stream is tried when that fails.
bool inflate_body(std::string_view body, std::size_t max_bytes, std::string& out, std::string& error) {
    for (const int window : {15 + 32, -15}) {
        z_stream zs{};
        if (inflateInit2(&zs, window) != Z_OK) {
            error = "cannot initialise zlib";
            return false;
        }
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
        zs.avail_in = static_cast<uInt>(body.size());
        out.clear();
        int status = Z_OK;
        while (status == Z_OK) {
            const std::size_t old = out.size();
            out.resize(old + 64 * 1024);
            zs.next_out = reinterpret_cast<Bytef*>(out.data() + old);
            zs.avail_out = 64 * 1024;
            status = inflate(&zs, Z_NO_FLUSH);
            out.resize(out.size() - zs.avail_out);
            if (out.size() > max_bytes) status = Z_MEM_ERROR;
            if (status == Z_BUF_ERROR && zs.avail_in == 0) break;  // cut short: keep what was inflated
        }
        inflateEnd(&zs);
        if (status == Z_MEM_ERROR) {
            error = "compressed body larger than the record limit once decompressed";
            return false;
        }
        if (status == Z_STREAM_END || (status == Z_BUF_ERROR && !out.empty())) return true;
    }
    error = "broken compressed body (Content-Encoding)";
    return false;
}

}  // namespace

std::variant<HttpResponse, std::string> parse_http_response(std::string_view block, std::size_t max_body_bytes) {
    if (block.rfind("HTTP/", 0) != 0) return std::string("not an HTTP response");
    auto head_end = block.find("\r\n\r\n");
    std::size_t body_start = head_end + 4;
    if (head_end == std::string_view::npos) {
        head_end = block.find("\n\n");
        body_start = head_end + 2;
    }
    if (head_end == std::string_view::npos) {
        head_end = block.size();
        body_start = block.size();
    }
    HttpResponse response;
    const std::string_view head = block.substr(0, head_end);
    const auto first_eol = head.find('\n');
    const std::string_view status_line = head.substr(0, first_eol);
    const auto space = status_line.find(' ');
    if (space != std::string_view::npos) response.status = std::atoi(std::string(status_line.substr(space + 1, 3)).c_str());
    std::string transfer, encoding;
    std::size_t pos = first_eol == std::string_view::npos ? head.size() : first_eol + 1;
    while (pos < head.size()) {
        auto eol = head.find('\n', pos);
        if (eol == std::string_view::npos) eol = head.size();
        const std::string_view line = head.substr(pos, eol - pos);
        pos = eol + 1;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string name = xling::schema::ascii_lower(analysis::trim(line.substr(0, colon)));
        const std::string_view value = analysis::trim(line.substr(colon + 1));
        if (name == "content-type") {
            const auto semi = value.find(';');
            response.media_type = xling::schema::ascii_lower(analysis::trim(value.substr(0, semi)));
            const std::string params = xling::schema::ascii_lower(semi == std::string_view::npos ? "" : value.substr(semi));
            if (const auto cs = params.find("charset="); cs != std::string::npos) {
                std::string charset(value.substr(semi).substr(cs + 8));
                charset = std::string(analysis::trim(charset.substr(0, charset.find(';'))));
                charset.erase(std::remove(charset.begin(), charset.end(), '"'), charset.end());
                response.charset = charset;
            }
        } else if (name == "transfer-encoding") {
            transfer = xling::schema::ascii_lower(value);
        } else if (name == "content-encoding") {
            encoding = xling::schema::ascii_lower(value);
        }
    }
    std::string body(block.substr(std::min(body_start, block.size())));
    std::string plain, error;
    if (transfer.find("chunked") != std::string::npos) {
        if (!dechunk(body, plain, error)) return error;
        body = std::move(plain);
    }
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
        if (!inflate_body(body, max_body_bytes, plain, error)) return error;
        body = std::move(plain);
    }
    response.body = std::move(body);
    return response;
}

}  // namespace xling::indexer
