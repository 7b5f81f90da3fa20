// xling-serve's own parsing, alone: API fields into SearchRequest, --listen, Host headers.
#include <doctest/doctest.h>

#include "programs/xling-serve/api_error.hpp"
#include "programs/xling-serve/api_request.hpp"
#include "programs/xling-serve/listen_address.hpp"

using namespace xling::cli;

namespace {

int status_of(const std::multimap<std::string, std::string>& params) {
    try {
        (void)search_from_params(params, RequestBounds{});
        return 200;
    } catch (const ApiError& e) {
        return e.status();
    }
}

}  // namespace

TEST_SUITE("serve: units") {

TEST_CASE("query parameters become a SearchRequest") {
    const ApiSearch s = search_from_params({{"q", "Putin"}, {"lang", "hu,de"}, {"since", "2024"}, {"until", "2024-12"},
                                            {"sort", "-date"}, {"limit", "20"}, {"offset", "40"}, {"facets", "1"},
                                            {"explain", "true"}, {"op", "or"}, {"translate", "0"}, {"query_lang", "de"}},
                                           RequestBounds{});
    CHECK(s.request.query == "Putin");
    CHECK(s.request.languages == std::vector<std::string>{"hu", "de"});
    CHECK(s.request.since == "2024");
    CHECK(s.request.until == "2024-12");
    CHECK(s.request.sort == xling::SortOrder::DateDescending);
    CHECK(s.request.limit == 20);
    CHECK(s.request.offset == 40);
    CHECK(s.request.facets);
    CHECK(s.explain);
    CHECK(s.request.default_operator == xling::DefaultOperator::Or);
    CHECK_FALSE(s.request.translation.enabled);
    CHECK(s.request.translation.query_language == "de");
    CHECK(s.request.snippet.highlight_open == kHighlightOpen);
    const ApiSearch defaults = search_from_params({{"q", "x"}}, RequestBounds{});
    CHECK(defaults.request.limit == 10);
    CHECK(defaults.request.sort == xling::SortOrder::Relevance);
    CHECK(defaults.request.translation.enabled);
    CHECK_FALSE(defaults.explain);
}

TEST_CASE("bad parameters are 400") {
    CHECK(status_of({}) == 400);
    CHECK(status_of({{"q", "x"}, {"limit", "101"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"limit", "100"}}) == 200);
    CHECK(status_of({{"q", "x"}, {"limit", "1000000000000"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"limit", "18446744073709551617"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"limit", "1e3"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"limit", ""}}) == 400);
    CHECK(status_of({{"q", "x"}, {"offset", "10001"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"q", "y"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"Q", "y"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"explain", "yes"}}) == 400);
    CHECK(status_of({{"q", "x"}, {"op", "xor"}}) == 400);
}

TEST_CASE("a JSON body takes the same fields") {
    const ApiSearch s = search_from_json(R"({"q": "Putin", "lang": ["hu"], "limit": 5, "facets": true})", RequestBounds{});
    CHECK(s.request.languages == std::vector<std::string>{"hu"});
    CHECK(s.request.limit == 5);
    CHECK(s.request.facets);
    CHECK_THROWS_AS((void)search_from_json(R"({"q": "x", "limit": -1})", RequestBounds{}), ApiError);
    CHECK_THROWS_AS((void)search_from_json(R"({"q": "x", "limit": 2.5})", RequestBounds{}), ApiError);
    CHECK_THROWS_AS((void)search_from_json(R"({"q": "x", "lang": [1]})", RequestBounds{}), ApiError);
    CHECK_THROWS_AS((void)search_from_json(R"({"q": "x", "extra": 1})", RequestBounds{}), ApiError);
    CHECK_THROWS_AS((void)search_from_json("\"q\"", RequestBounds{}), ApiError);
    CHECK_THROWS_AS((void)search_from_json("", RequestBounds{}), ApiError);
}

TEST_CASE("--listen addresses and loopback") {
    CHECK(parse_listen_address("127.0.0.1:8080").port == 8080);
    CHECK(parse_listen_address(":0").host == "127.0.0.1");
    CHECK(parse_listen_address("[::1]:80").host == "::1");
    CHECK(parse_listen_address("localhost:1").host == "localhost");
    CHECK_THROWS_AS((void)parse_listen_address("127.0.0.1"), std::invalid_argument);
    CHECK_THROWS_AS((void)parse_listen_address("127.0.0.1:65536"), std::invalid_argument);
    CHECK_THROWS_AS((void)parse_listen_address("::1:80"), std::invalid_argument);
    CHECK_THROWS_AS((void)parse_listen_address("example.org:80"), std::invalid_argument);
    CHECK(is_loopback("127.0.0.1"));
    CHECK(is_loopback("127.3.2.1"));
    CHECK(is_loopback("::1"));
    CHECK(is_loopback("::ffff:127.0.0.1"));
    CHECK(is_loopback("LocalHost"));
    CHECK_FALSE(is_loopback("0.0.0.0"));
    CHECK_FALSE(is_loopback("10.0.0.1"));
    CHECK_FALSE(is_loopback("::"));
    CHECK_FALSE(is_loopback("localhost.evil.example"));
}

TEST_CASE("Host header values") {
    CHECK(host_of_header("localhost:8080") == "localhost");
    CHECK(host_of_header("Example.ORG") == "example.org");
    CHECK(host_of_header("[::1]:8080") == "::1");
    CHECK(host_of_header("127.0.0.1:80:80") == "");
    CHECK(host_of_header("[::1") == "");
    CHECK(host_of_header("a:b") == "");
}

}  // TEST_SUITE
