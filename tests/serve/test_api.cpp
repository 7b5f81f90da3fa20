// xling-serve's JSON API end to end: the real program on the sample corpus, every endpoint and
// error status, and hostile requests.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "serve_helpers.hpp"

using namespace xling::test;
using nlohmann::json;

namespace {

const std::string kOpen = "\xEE\x80\x80";  // U+E000, the API's highlight start marker

json body_of(const httplib::Result& r) {
    REQUIRE(r);
    INFO("body: " << r->body);
    REQUIRE(r->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    return json::parse(r->body);
}

// An error answer: the status, and a JSON body with that status and a message.
json error_of(const httplib::Result& r, int status) {
    REQUIRE(r);
    INFO("body: " << r->body);
    CHECK(r->status == status);
    const json j = body_of(r);
    CHECK(j["status"] == status);
    CHECK(j["error"].is_string());
    CHECK_FALSE(j["error"].get<std::string>().empty());
    return j;
}

std::vector<std::string> ids_of(const json& results) {
    std::vector<std::string> ids;
    for (const auto& hit : results["hits"]) ids.push_back(hit["id"]);
    return ids;
}

Server& corpus_server() {
    static Server server({corpus_db()});
    return server;
}

}  // namespace

TEST_SUITE("serve: API") {

TEST_CASE("/api/health and /api/stats describe the service and the index") {
    auto c = corpus_server().client();
    const json health = body_of(c.Get("/api/health"));
    CHECK(health["status"] == "ok");
    CHECK(health["workers"].get<int>() >= 1);
    const json stats = body_of(c.Get("/api/stats"));
    CHECK(stats["documents"] == 16);
    for (const char* lang : {"hu", "de", "lt", "en", "ru"}) {
        CHECK(std::find(stats["languages"].begin(), stats["languages"].end(), lang) != stats["languages"].end());
    }
    REQUIRE(stats["indexes"].size() == 1);
    CHECK(stats["indexes"][0]["generation"] == "gen-000001");
    CHECK(stats["indexes"][0]["per_language"]["de"].get<int>() >= 2);
    CHECK(stats["indexes"][0]["first_date"].is_string());
    CHECK(stats.dump().find(corpus_db().string()) == std::string::npos);  // no path of the machine
}

TEST_CASE("GET /api/search answers what xling-search --json answers") {
    auto c = corpus_server().client();
    const json results = body_of(c.Get("/api/search?q=Putin&limit=100"));
    const CommandResult cli = search_cli(corpus_db(), "Putin", "--json --limit 100");
    REQUIRE(cli.exit_code == 0);
    const json expected = json::parse(cli.out);
    CHECK(ids_of(results) == ids_of(expected));
    CHECK(results["total"] == expected["total"]);
    REQUIRE(results["hits"].size() == 5);
    for (const auto& hit : results["hits"]) {
        CHECK(hit["snippet"].get<std::string>().find(kOpen) != std::string::npos);  // highlighted
        CHECK_FALSE(hit["matched"].empty());
    }
    CHECK_FALSE(results.contains("facets"));
    CHECK_FALSE(results.contains("concepts"));

    SUBCASE("facets, explain, languages, dates, order, paging") {
        const json all = body_of(c.Get("/api/search?q=Putin&facets=1&explain=1"));
        CHECK(all["facets"]["lang"].size() >= 3);
        REQUIRE(all["concepts"].size() == 1);
        CHECK(all["concepts"][0]["query"] == "Putin");
        CHECK_FALSE(all["concepts"][0]["names"].empty());  // an entity: its names, not stems
        const json de = body_of(c.Get("/api/search?q=Putin&lang=de"));
        for (const auto& hit : de["hits"]) CHECK(hit["lang"] == "de");
        CHECK(de["hits"].size() >= 1);
        const json newest = body_of(c.Get("/api/search?q=Putin&sort=-date&limit=100"));
        for (std::size_t i = 1; i < newest["hits"].size(); ++i) {
            const auto& a = newest["hits"][i - 1]["date"];
            const auto& b = newest["hits"][i]["date"];
            if (a.is_string() && b.is_string()) CHECK(a.get<std::string>() >= b.get<std::string>());
        }
        const json page2 = body_of(c.Get("/api/search?q=Putin&limit=2&offset=2"));
        const std::vector<std::string> ids = ids_of(results);
        CHECK(ids_of(page2) == std::vector<std::string>(ids.begin() + 2, ids.begin() + 4));
        const json none = body_of(c.Get("/api/search?q=Putin&since=2999"));
        CHECK(none["total"] == 0);
    }
    SUBCASE("POST takes the same fields as a JSON body") {
        const json posted = body_of(c.Post("/api/search", R"({"q": "Putin", "limit": 100, "lang": ["de", "en"], "facets": true})",
                                           "application/json"));
        const json got = body_of(c.Get("/api/search?q=Putin&limit=100&lang=de,en&facets=1"));
        CHECK(ids_of(posted) == ids_of(got));
        CHECK(posted["facets"] == got["facets"]);
    }
}

TEST_CASE("/api/doc/ID returns the stored document, highlighted when q is given") {
    auto c = corpus_server().client();
    const json results = body_of(c.Get("/api/search?q=Putin"));
    const std::string id = results["hits"][0]["id"];
    const std::string path = "/api/doc/" + httplib::detail::encode_query_param(id);
    const json doc = body_of(c.Get(path.c_str()));
    CHECK(doc["id"] == id);
    CHECK(doc["title"] == results["hits"][0]["title"]);
    CHECK(doc["text"].get<std::string>().size() > 100);
    CHECK(doc["highlighted"] == false);
    const json marked = body_of(c.Get((path + "?q=Putin").c_str()));
    CHECK(marked["highlighted"] == true);
    const std::string text = marked["highlighted_text"];
    CHECK(text.find(kOpen) != std::string::npos);
    CHECK(text.find("…") == std::string::npos);  // the whole text, not a passage
    CHECK_FALSE(marked["matched"].empty());
    // A query the document does not match: the text, unhighlighted.
    const json unmatched = body_of(c.Get((path + "?q=Zzyzxqq").c_str()));
    CHECK(unmatched["highlighted"] == false);
    CHECK(unmatched["text"] == doc["text"]);
}

TEST_CASE("errors are JSON with their status and no machine detail") {
    auto c = corpus_server().client();
    SUBCASE("malformed query: 400 with the position") {
        const json e = error_of(c.Get("/api/search?q=Putin%20(Moscow"), 400);
        CHECK(e["position"].is_number());
        // In a document's q too, the position is in the query as given.
        const json e2 = error_of(c.Get("/api/doc/de%2F02-putin-choe-moskau.txt?q=Putin%20%22open"), 400);
        CHECK(e2["position"] == 6);
    }
    SUBCASE("unknown document and route: 404") {
        error_of(c.Get("/api/doc/no-such-document"), 404);
        error_of(c.Get("/api/nothing"), 404);
        error_of(c.Get("/no/such/file.js"), 404);
        error_of(c.Delete("/api/search"), 404);
    }
    SUBCASE("bad parameters: 400 naming them") {
        CHECK(error_of(c.Get("/api/search"), 400)["error"].get<std::string>().find("'q'") != std::string::npos);
        CHECK(error_of(c.Get("/api/search?q=Putin&colour=red"), 400)["error"].get<std::string>().find("colour") != std::string::npos);
        CHECK(error_of(c.Get("/api/search?q=Putin&limit=1000000000000"), 400)["error"].get<std::string>().find("limit") != std::string::npos);
        CHECK(error_of(c.Get("/api/search?q=Putin&limit=99999999999999999999999999"), 400)["error"].get<std::string>().find("limit") != std::string::npos);
        error_of(c.Get("/api/search?q=Putin&limit=-1"), 400);
        error_of(c.Get("/api/search?q=Putin&offset=100000000"), 400);
        error_of(c.Get("/api/search?q=Putin&sort=sideways"), 400);
        error_of(c.Get("/api/search?q=Putin&facets=maybe"), 400);
        error_of(c.Get("/api/search?q=Putin&q=Moscow"), 400);
        error_of(c.Get("/api/search?q=Putin&lang=xx"), 400);
        error_of(c.Get("/api/search?q=Putin&since=yesterday"), 400);
        error_of(c.Get("/api/search?q=Putin&query_lang=xx"), 400);
        error_of(c.Get("/api/doc/x?format=raw"), 400);
        error_of(c.Post("/api/search", "{not json", "application/json"), 400);
        error_of(c.Post("/api/search", "[1, 2]", "application/json"), 400);
        error_of(c.Post("/api/search", R"({"q": 5})", "application/json"), 400);
        error_of(c.Post("/api/search", R"({"q": "Putin", "limit": 1e12})", "application/json"), 400);
    }
    SUBCASE("invalid UTF-8 in q: 400 at the bad byte") {
        const json e = error_of(c.Get("/api/search?q=Put%FFin"), 400);
        CHECK(e["position"] == 3);
        error_of(c.Post("/api/search", "{\"q\": \"Put\xFFin\"}", "application/json"), 400);
        error_of(c.Get("/api/doc/%FF%FE"), 404);
    }
    SUBCASE("a megabyte query: refused, not run") {
        const std::string big(1 << 20, 'a');
        error_of(c.Get(("/api/search?q=" + big).c_str()), 414);
        error_of(c.Post("/api/search", R"({"q": ")" + big + "\"}", "application/json"), 413);
        // Under the body limit but over the query limit: the library's message and position.
        const json e = error_of(c.Post("/api/search", R"({"q": ")" + std::string(9000, 'a') + "\"}", "application/json"), 400);
        CHECK(e["error"].get<std::string>().find("too long") != std::string::npos);
    }
    SUBCASE("nothing names a file") {
        for (const char* path : {"/api/search?q=(", "/api/doc/..%2F..%2Fetc%2Fpasswd", "/api/search?q=x&lang=zz"}) {
            const auto r = c.Get(path);
            REQUIRE(r);
            CHECK(r->body.find(corpus_db().string()) == std::string::npos);
            CHECK(r->body.find("/tmp") == std::string::npos);
        }
    }
}

TEST_CASE("hostile requests are answered cleanly") {
    Server& server = corpus_server();
    const int port = server.port();
    SUBCASE("path traversal reaches no file") {
        for (const char* target : {"/api/doc/../../etc/passwd", "/../../etc/passwd", "/api/doc/%2e%2e/%2e%2e/etc/passwd",
                                   "/..%2F..%2Fetc%2Fpasswd", "/app.js/../../../etc/passwd"}) {
            const std::string answer = raw_request(port, std::string("GET ") + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            INFO(target << " -> " << answer.substr(0, 200));
            CHECK((raw_status(answer) == 404 || raw_status(answer) == 400));
            CHECK(answer.find("root:") == std::string::npos);
            CHECK(json::parse(raw_body(answer))["status"].is_number());
        }
    }
    SUBCASE("a Host that is not loopback is refused (DNS rebinding)") {
        const std::string evil = raw_request(port, "GET /api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        CHECK(raw_status(evil) == 400);
        const std::string twice = raw_request(port, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        CHECK(raw_status(twice) == 400);
        const std::string odd = raw_request(port, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:80:80\r\nConnection: close\r\n\r\n");
        CHECK(raw_status(odd) == 400);
        for (const char* host : {"localhost:8080", "127.0.0.1", "[::1]:1", "LOCALHOST"}) {
            const std::string ok = raw_request(port, std::string("GET /api/health HTTP/1.1\r\nHost: ") + host + "\r\nConnection: close\r\n\r\n");
            CHECK(raw_status(ok) == 200);
        }
    }
    SUBCASE("oversized and malformed headers") {
        const std::string long_header = raw_request(port, "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " +
                                                              std::string(100000, 'x') + "\r\nConnection: close\r\n\r\n");
        CHECK(raw_status(long_header) == 400);
        const std::string garbage = raw_request(port, "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http\r\n\r\n");
        CHECK((garbage.empty() || raw_status(garbage) == 400));
        const std::string control = raw_request(port, "GET /api/search?q=a%0D%0AX-Injected:%201 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        CHECK(raw_status(control) != -1);
        CHECK(control.find("\r\nX-Injected") == std::string::npos);
    }
    // The service still answers after all of it.
    auto c = server.client();
    CHECK(body_of(c.Get("/api/health"))["status"] == "ok");
}

TEST_CASE("the page is served from its files, with a content security policy") {
    auto c = corpus_server().client();
    const auto page = c.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").rfind("text/html", 0) == 0);
    CHECK(page->body.find("app.js") != std::string::npos);
    CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
    const auto script = c.Get("/app.js");
    REQUIRE(script);
    CHECK(script->get_header_value("Content-Type").rfind("text/javascript", 0) == 0);
    CHECK(script->body.find("innerHTML") == std::string::npos);  // document text never parsed as HTML
    CHECK(c.Get("/style.css")->status == 200);
    // Every request was logged with its timings.
    CHECK(c.Get("/api/search?q=Putin")->status == 200);
    CHECK(corpus_server().log().find("GET /api/search?q=Putin") != std::string::npos);
    CHECK(corpus_server().log().find("search;dur=") != std::string::npos);
}

}  // TEST_SUITE
