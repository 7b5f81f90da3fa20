// Where xling-serve listens: "HOST:PORT", "[V6]:PORT" or ":PORT" (loopback), and whether that is
// a loopback address. The service has no authentication, so anything else must be asked for.
#pragma once

#include <string>

namespace xling::cli {

struct ListenAddress {
    std::string host;  ///< numeric address or "localhost", without brackets
    int port = 0;      ///< 0: any free port
};

/// Parses --listen. @throws std::invalid_argument with a one-line message.
[[nodiscard]] ListenAddress parse_listen_address(const std::string& text);

/// Whether `host` is a loopback address or name (127.0.0.0/8, ::1, localhost).
[[nodiscard]] bool is_loopback(const std::string& host);

/// The host of a Host header value ("localhost:8080" -> "localhost", "[::1]:80" -> "::1"),
/// lowercased; "" when it is malformed.
[[nodiscard]] std::string host_of_header(const std::string& value);

}  // namespace xling::cli
