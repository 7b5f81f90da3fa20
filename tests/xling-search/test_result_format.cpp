#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "programs/xling-search/result_format.hpp"

namespace {
xling::SearchResults sample() {
    xling::SearchResults r;
    r.query = "Putin \"Kim\"";
    r.total = 1;
    r.total_lower = r.total_upper = 1;
    r.total_exact = true;
    xling::Hit h;
    h.rank = 1;
    h.id = "de/02.txt";
    h.lang = "de";
    h.title = "Putin empfängt";
    h.date = "2024-12-12";
    h.score = 2.5;
    h.snippet = "[Putin] empfängt";
    r.hits.push_back(h);
    return r;
}
}  // namespace

TEST_CASE("JSON output has the documented fields in the documented order") {
    const auto json = nlohmann::ordered_json::parse(xling::cli::to_json(sample()));
    std::vector<std::string> keys;
    for (const auto& item : json.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"query", "total", "total_exact", "total_lower", "total_upper", "ignored", "suggestion", "partial",
                                             "partial_reason", "hits"});
    CHECK(json["suggestion"].is_null());
    CHECK(json["partial"] == false);
    CHECK(json["partial_reason"].is_null());
    CHECK(json["query"] == "Putin \"Kim\"");
    CHECK(json["total"] == 1);
    const auto& hit = json["hits"][0];
    std::vector<std::string> hit_keys;
    for (const auto& item : hit.items()) hit_keys.push_back(item.key());
    CHECK(hit_keys ==
          std::vector<std::string>{"rank", "id", "lang", "title", "date", "url", "source", "author", "score", "snippet", "matched"});
    CHECK(hit["title"] == "Putin empfängt");
    CHECK(hit["url"].is_null());
    CHECK(hit["score"] == doctest::Approx(2.5));
    CHECK(hit["author"].is_null());
}

TEST_CASE("a hit's author is a JSON field and a \"by\" line under the title") {
    xling::SearchResults r = sample();
    r.hits[0].author = "Jo Smith";
    CHECK(nlohmann::ordered_json::parse(xling::cli::to_json(r))["hits"][0]["author"] == "Jo Smith");
    std::ostringstream out;
    xling::cli::print_human(out, r, false);
    CHECK(out.str().find("   Putin empfängt\n   by Jo Smith\n") != std::string::npos);
    std::ostringstream none;
    xling::cli::print_human(none, sample(), false);
    CHECK(none.str().find("by ") == std::string::npos);
    xling::StoredDocument d;
    d.id = "x";
    d.author = "Jo Smith";
    CHECK(xling::cli::document_json(d)["author"] == "Jo Smith");
    CHECK(xling::cli::document_json(xling::StoredDocument{})["author"].is_null());
}

TEST_CASE("a spelling suggestion is printed as did you mean, and is the JSON suggestion") {
    xling::SearchResults r = sample();
    r.suggestion = "Belousov";
    std::ostringstream out;
    xling::cli::print_human(out, r, false);
    CHECK(out.str().find("\ndid you mean Belousov?\n") != std::string::npos);
    CHECK(nlohmann::ordered_json::parse(xling::cli::to_json(r))["suggestion"] == "Belousov");
    std::ostringstream none;
    xling::cli::print_human(none, sample(), false);
    CHECK(none.str().find("did you mean") == std::string::npos);
}

TEST_CASE("partial results say so, in the human output and in the JSON") {
    xling::SearchResults r = sample();
    r.partial = true;
    r.partial_reason = "time limit: snippets of 1 of 1 hits not made";
    std::ostringstream out;
    xling::cli::print_human(out, r, false);
    CHECK(out.str().find("\npartial results: time limit: snippets of 1 of 1 hits not made\n") != std::string::npos);
    const auto json = nlohmann::ordered_json::parse(xling::cli::to_json(r));
    CHECK(json["partial"] == true);
    CHECK(json["partial_reason"] == r.partial_reason);
    std::ostringstream whole;
    xling::cli::print_human(whole, sample(), false);
    CHECK(whole.str().find("partial") == std::string::npos);
}

TEST_CASE("human output shows rank, id, language, date, score, title and snippet without colour") {
    std::ostringstream out;
    xling::cli::print_human(out, sample(), false);
    const std::string text = out.str();
    CHECK(text.find("1 match for") != std::string::npos);
    CHECK(text.find("1. de/02.txt  de  2024-12-12  score 2.500") != std::string::npos);
    CHECK(text.find("Putin empfängt") != std::string::npos);
    CHECK(text.find("[Putin] empfängt") != std::string::npos);
    CHECK(text.find('\033') == std::string::npos);
}

TEST_CASE("colour output uses ANSI styles") {
    std::ostringstream out;
    xling::cli::print_human(out, sample(), true);
    CHECK(out.str().find("\033[1m") != std::string::npos);
}

TEST_CASE("estimated totals are labelled with their bounds") {
    auto r = sample();
    r.total_exact = false;
    r.total = 1200;
    r.total_lower = 1000;
    r.total_upper = 1500;
    std::ostringstream out;
    xling::cli::print_human(out, r, false);
    CHECK(out.str().find("about 1200 matches (between 1000 and 1500)") != std::string::npos);
}

TEST_CASE("JSON Lines output is one parseable hit object per line, with the query") {
    auto r = sample();
    r.hits.push_back(r.hits.front());
    r.hits.back().rank = 2;
    r.hits.back().id = "lt/01.txt";
    const std::string text = xling::cli::to_jsonl(r);
    std::istringstream lines(text);
    std::vector<nlohmann::ordered_json> parsed;
    for (std::string line; std::getline(lines, line);) parsed.push_back(nlohmann::ordered_json::parse(line));
    REQUIRE(parsed.size() == 2);
    CHECK(parsed[0]["query"] == "Putin \"Kim\"");
    CHECK(parsed[0]["rank"] == 1);
    CHECK(parsed[1]["id"] == "lt/01.txt");
    CHECK(parsed[1].begin().key() == "query");
}

TEST_CASE("--ids output is one id per line") {
    CHECK(xling::cli::to_ids(sample()) == "de/02.txt\n");
}

TEST_CASE("facets appear in JSON only when computed") {
    auto r = sample();
    CHECK(nlohmann::json::parse(xling::cli::to_json(r)).contains("facets") == false);
    r.facets["lang"]["de"] = 1;
    r.facets["month"]["2024-12"] = 1;
    const auto json = nlohmann::json::parse(xling::cli::to_json(r));
    CHECK(json["facets"]["lang"]["de"] == 1);
    CHECK(json["facets"]["month"]["2024-12"] == 1);
}

TEST_CASE("matched concepts are listed per hit with their entity") {
    auto r = sample();
    r.hits[0].matched.push_back({"Putin", {"putin"}, {"Putin", "Putins"}, {}, {}});
    const auto json = nlohmann::json::parse(xling::cli::to_json(r));
    const auto& m = json["hits"][0]["matched"][0];
    CHECK(m["query"] == "Putin");
    CHECK(m["entity"] == "putin");
    CHECK(m["forms"] == nlohmann::json::array({"Putin", "Putins"}));
}

// Hardening (issue 11): a document's control characters never reach a terminal as such.
namespace {
xling::SearchResults hostile() {
    auto r = sample();
    r.hits.front().id = "evil\nsecond-line\x1b]0;title\x07";
    r.hits.front().title = "Ti\x1b[2Jtle\r\x7f\xc2\x9b" "31m";
    r.hits.front().url = "https://x.example/\x1b[31m";
    r.hits.front().snippet = "\x1b[1;31m[Putin]\x1b[0m";  // xling's own highlight: already escaped text around it
    return r;
}
}  // namespace

TEST_CASE("human output shows control characters from documents as escapes; only xling's styles stay") {
    std::ostringstream out;
    xling::cli::print_human(out, hostile(), false);
    const std::string text = out.str();
    CHECK(text.find("1. evil\\nsecond-line\\x1b]0;title\\x07  de") != std::string::npos);
    CHECK(text.find("Ti\\x1b[2Jtle\\r\\x7f\\u009b31m") != std::string::npos);
    CHECK(text.find("https://x.example/\\x1b[31m") != std::string::npos);
    // The snippet is printed as made (escape_controls escapes the document's part of it).
    CHECK(text.find("\x1b[1;31m[Putin]\x1b[0m") != std::string::npos);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find('\x07') == std::string::npos);
    CHECK(text.find("\xc2\x9b") == std::string::npos);
}

TEST_CASE("--ids writes one line per id: controls as C escapes, backslashes doubled") {
    auto r = hostile();
    r.hits.push_back(r.hits.front());
    r.hits.back().id = "C:\\docs\\a\tb.txt";
    CHECK(xling::cli::to_ids(r) == "evil\\nsecond-line\\x1b]0;title\\x07\nC:\\\\docs\\\\a\\tb.txt\n");
}

TEST_CASE("JSON output escapes control characters itself and keeps the text") {
    const auto text = xling::cli::to_json(hostile());
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("\\u001b") != std::string::npos);
    CHECK(text.find('\n') == std::string::npos);
    const auto json = nlohmann::json::parse(text);
    CHECK(json["hits"][0]["id"] == "evil\nsecond-line\x1b]0;title\x07");
}

TEST_CASE("a failed --batch query is one valid JSON line, even when the query is not UTF-8") {
    const auto json = nlohmann::json::parse(xling::cli::to_error_json("Putin \xF5", "query is not valid UTF-8 at position 6"));
    CHECK(json["query"] == "Putin \xEF\xBF\xBD");
    CHECK(json["error"] == "query is not valid UTF-8 at position 6");
}
