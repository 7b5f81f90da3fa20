// Running the real xling-serve on a free port and talking HTTP to it: through cpp-httplib's
// client, and through a raw socket for requests no well-behaved client sends.
#pragma once

#include <httplib.h>

#include <regex>

#include "../lifecycle/lifecycle_helpers.hpp"

namespace xling::test {

inline const std::string kServeBin = XLING_SERVE_BIN;

/// xling-serve in the background on 127.0.0.1 and a port it chose (--listen 127.0.0.1:0; the
/// port is read from its start-up line). Killed at scope exit.
class Server {
  public:
    Server(const std::vector<std::filesystem::path>& dbs, const std::vector<std::string>& extra = {})
        : process_(argv(dbs, extra), logs_.path()) {
        REQUIRE(process_.started());
        const std::regex listening("listening on http://127\\.0\\.0\\.1:([0-9]+)/");
        std::smatch m;
        const bool up = wait_until([&] {
            const std::string err = process_.err();
            if (std::regex_search(err, m, listening)) {
                port_ = std::stoi(m[1]);
                return true;
            }
            return !process_.running();
        }, 30);
        INFO("xling-serve stderr: " << process_.err());
        REQUIRE(up);
        REQUIRE(port_ > 0);
    }
    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(30, 0);
        return c;
    }
    [[nodiscard]] ChildProcess& process() { return process_; }
    [[nodiscard]] std::string log() const { return process_.err(); }

  private:
    static std::vector<std::string> argv(const std::vector<std::filesystem::path>& dbs, const std::vector<std::string>& extra) {
        std::vector<std::string> out = {kServeBin, "--listen", "127.0.0.1:0"};
        for (const auto& db : dbs) out.insert(out.end(), {"--db", db.string()});
        out.insert(out.end(), extra.begin(), extra.end());
        return out;
    }
    TempDir logs_;
    ChildProcess process_;
    int port_ = 0;
};

/// Sends `request` as it is on a new connection and returns everything the server answered
/// until it closed the connection (or 10 s passed).
inline std::string raw_request(int port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return "";
    }
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
    }
    std::string out;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) out.append(buffer, static_cast<std::size_t>(n));
    ::close(fd);
    return out;
}

/// The status code of a raw HTTP answer ("HTTP/1.1 404 Not Found" -> 404), -1 when none.
inline int raw_status(const std::string& answer) {
    if (answer.rfind("HTTP/1.1 ", 0) != 0 || answer.size() < 12) return -1;
    return std::stoi(answer.substr(9, 3));
}

/// The body of a raw HTTP answer.
inline std::string raw_body(const std::string& answer) {
    const auto end = answer.find("\r\n\r\n");
    return end == std::string::npos ? "" : answer.substr(end + 4);
}

}  // namespace xling::test
