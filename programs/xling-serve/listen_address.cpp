#include "programs/xling-serve/listen_address.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <stdexcept>

namespace xling::cli {
namespace {

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string lower(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}

}  // namespace

ListenAddress parse_listen_address(const std::string& text) {
    std::string host;
    std::string port;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            throw std::invalid_argument("--listen '" + text + "': expected [ADDRESS]:PORT");
        }
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos) throw std::invalid_argument("--listen '" + text + "': expected HOST:PORT");
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
        if (host.find(':') != std::string::npos) {
            throw std::invalid_argument("--listen '" + text + "': write an IPv6 address in brackets, [::1]:8080");
        }
    }
    if (host.empty()) host = "127.0.0.1";
    if (!all_digits(port) || port.size() > 5 || std::stoi(port) > 65535) {
        throw std::invalid_argument("--listen '" + text + "': port must be a number from 0 to 65535");
    }
    unsigned char buffer[16];
    if (lower(host) != "localhost" && inet_pton(AF_INET, host.c_str(), buffer) != 1 &&
        inet_pton(AF_INET6, host.c_str(), buffer) != 1) {
        throw std::invalid_argument("--listen '" + text + "': '" + host + "' is not a numeric address or localhost");
    }
    return {host, std::stoi(port)};
}

bool is_loopback(const std::string& host) {
    const std::string h = lower(host);
    if (h == "localhost" || h == "::1") return true;
    in_addr v4{};
    if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) {
        // ::ffff:127.x.x.x, IPv4-mapped loopback
        static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        return std::equal(mapped, mapped + 12, v6.s6_addr) && v6.s6_addr[12] == 127;
    }
    return false;
}

std::string host_of_header(const std::string& value) {
    std::string host;
    std::string rest;
    if (!value.empty() && value.front() == '[') {
        const auto close = value.find(']');
        if (close == std::string::npos) return "";
        host = value.substr(1, close - 1);
        rest = value.substr(close + 1);
    } else {
        const auto colon = value.find(':');
        host = value.substr(0, colon);
        rest = colon == std::string::npos ? "" : value.substr(colon);
    }
    if (!rest.empty() && (rest.front() != ':' || !all_digits(rest.substr(1)))) return "";
    return lower(host);
}

}  // namespace xling::cli
