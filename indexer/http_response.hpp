// An HTTP response as a web archive stores it (status line, headers, body): what a WARC response
// record's block holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace xling::indexer {

struct HttpResponse {
    int status = 0;            ///< 200, 404, ...
    std::string media_type;    ///< Content-Type without parameters, lower case ("text/html"), or ""
    std::string charset;       ///< its charset parameter as written ("windows-1251"), or ""
    std::string body;          ///< the payload, de-chunked and (gzip, deflate) decompressed
};

/// Splits `block` into status, headers and body. Transfer-Encoding: chunked is undone, and
/// Content-Encoding gzip/deflate (a body over `max_body_bytes` once decompressed is an error).
/// @returns the response, or a one-line reason ("not an HTTP response", "broken chunked body").
[[nodiscard]] std::variant<HttpResponse, std::string> parse_http_response(std::string_view block,
                                                                          std::size_t max_body_bytes);

}  // namespace xling::indexer
