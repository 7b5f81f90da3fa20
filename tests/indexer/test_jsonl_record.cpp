// parse_jsonl_record: one JSON Lines record -> SourceDocument or a one-line error.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <variant>

#include "indexer/jsonl_record.hpp"
#include "support/test_support.hpp"

using xling::SourceDocument;
using xling::indexer::parse_jsonl_record;

namespace {

SourceDocument parse_ok(std::string_view line) {
    auto result = parse_jsonl_record(line);
    if (const auto* error = std::get_if<std::string>(&result)) {
        FAIL_CHECK("unexpected error: " << *error << " for " << line);
        return {};
    }
    return std::get<SourceDocument>(result);
}

std::string parse_error(std::string_view line) {
    auto result = parse_jsonl_record(line);
    if (const auto* error = std::get_if<std::string>(&result)) return *error;
    FAIL_CHECK("expected an error for " << line);
    return {};
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

TEST_SUITE("jsonl_record") {

TEST_CASE("id and text are enough") {
    const auto doc = parse_ok(R"({"id": "wire-1", "text": "Der Hafen wird modernisiert."})");
    CHECK(doc.id == "wire-1");
    CHECK(doc.text == "Der Hafen wird modernisiert.");
    CHECK(doc.title.empty());
    CHECK(doc.lang.empty());
    CHECK(doc.date.empty());
    CHECK(doc.url.empty());
    CHECK(doc.source.empty());
    CHECK(doc.origin.empty());
}

TEST_CASE("every optional field is read") {
    const auto doc = parse_ok(
        R"({"id": "a1", "text": "Szöveg \"idézettel\"\nés új sorral", "title": "Cím", "lang": "hu",)"
        R"( "date": "2024-11-29", "url": "https://example.org/a1", "source": "Example Wire", "author": "Kovács Anna"})");
    CHECK(doc.id == "a1");
    CHECK(doc.text == "Szöveg \"idézettel\"\nés új sorral");
    CHECK(doc.title == "Cím");
    CHECK(doc.lang == "hu");
    CHECK(doc.date == "2024-11-29");
    CHECK(doc.url == "https://example.org/a1");
    CHECK(doc.source == "Example Wire");
    CHECK(doc.author == "Kovács Anna");
}

TEST_CASE("JSON escapes are decoded") {
    const auto doc = parse_ok(R"({"id": "e", "text": "caf\u00e9 \u2013 \ud83d\ude00 tab\tend"})");
    CHECK(doc.text == "caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x98\x80 tab\tend");
}

TEST_CASE("a numeric id is accepted as text") {
    CHECK(parse_ok(R"({"id": 42, "text": "x"})").id == "42");
    CHECK(parse_ok(R"({"id": -7, "text": "x"})").id == "-7");
    CHECK(parse_ok(R"({"id": 18446744073709551615, "text": "x"})").id == "18446744073709551615");
}

TEST_CASE("a missing required field is named") {
    SUBCASE("id") {
        const auto error = parse_error(R"({"text": "no id here"})");
        CHECK(contains(error, "\"id\""));
        CHECK(contains(error, "missing"));
    }
    SUBCASE("text") {
        const auto error = parse_error(R"({"id": "x1", "title": "no text"})");
        CHECK(contains(error, "\"text\""));
        CHECK(contains(error, "missing"));
    }
    SUBCASE("null counts as missing") {
        CHECK(contains(parse_error(R"({"id": null, "text": "t"})"), "\"id\""));
        CHECK(contains(parse_error(R"({"id": "x", "text": null})"), "\"text\""));
    }
    SUBCASE("an empty string counts as missing") {
        CHECK(contains(parse_error(R"({"id": "", "text": "t"})"), "\"id\""));
        CHECK(contains(parse_error(R"({"id": "x", "text": ""})"), "\"text\""));
    }
}

TEST_CASE("null optional fields are treated as absent") {
    const auto doc = parse_ok(R"({"id": "n", "text": "t", "title": null, "lang": null, "date": null})");
    CHECK(doc.title.empty());
    CHECK(doc.lang.empty());
    CHECK(doc.date.empty());
}

TEST_CASE("a field of the wrong type is an error naming the field") {
    SUBCASE("array title") {
        const auto error = parse_error(R"({"id": "a", "text": "t", "title": ["x"]})");
        CHECK(contains(error, "\"title\""));
        CHECK(contains(error, "string"));
    }
    SUBCASE("object text") {
        const auto error = parse_error(R"({"id": "a", "text": {"body": "t"}})");
        CHECK(contains(error, "\"text\""));
        CHECK(contains(error, "string"));
    }
    SUBCASE("boolean id") {
        CHECK(contains(parse_error(R"({"id": true, "text": "t"})"), "\"id\""));
    }
    SUBCASE("fractional id") {
        CHECK(contains(parse_error(R"({"id": 1.5, "text": "t"})"), "\"id\""));
    }
    SUBCASE("numeric date") {
        CHECK(contains(parse_error(R"({"id": "a", "text": "t", "date": 20241129.5})"), "\"date\""));
    }
    SUBCASE("object source") {
        CHECK(contains(parse_error(R"({"id": "a", "text": "t", "source": {}})"), "\"source\""));
    }
}

TEST_CASE("a line that is not a JSON object is an error") {
    for (const char* line : {"[1, 2, 3]", "\"just a string\"", "42", "null", "true"}) {
        CAPTURE(line);
        CHECK(contains(parse_error(line), "JSON object"));
    }
}

TEST_CASE("broken JSON reports a parse error with its column") {
    SUBCASE("missing value") {
        const auto error = parse_error(R"({"id": "a", "text": })");
        CHECK(contains(error, "parse error"));
        CHECK(contains(error, "column"));
        CHECK(error.find('\n') == std::string::npos);
    }
    SUBCASE("truncated line") {
        const auto error = parse_error(R"({"id": "a", "text": "unterminated)");
        CHECK(contains(error, "parse error"));
        CHECK(contains(error, "column"));
    }
    SUBCASE("trailing garbage") {
        const auto error = parse_error(R"({"id": "a", "text": "t"} extra)");
        CHECK(contains(error, "parse error"));
        CHECK(contains(error, "column"));
    }
    SUBCASE("empty line") {
        CHECK(contains(parse_error(""), "parse error"));
    }
}

TEST_CASE("unknown keys are ignored") {
    const auto doc = parse_ok(
        R"({"id": "u", "extra": {"nested": [1, 2]}, "text": "body", "score": 0.5, "tags": ["a"], "title": "T"})");
    CHECK(doc.id == "u");
    CHECK(doc.text == "body");
    CHECK(doc.title == "T");
}

TEST_CASE("a number no double can hold is a one-line error, not an exception") {
    // nlohmann reports it as out_of_range, which the indexer did not catch (it aborted, rc 134).
    for (const char* line : {R"({"id": "a", "text": "b", "x": 1e400})", R"({"id": 1e400, "text": "b"})",
                             R"({"id": "a", "text": "b", "deep": [[{"n": -1e999}]]})"}) {
        CAPTURE(line);
        const auto error = parse_error(line);
        CHECK(contains(error, "number overflow"));
        CHECK(contains(error, "column"));
        CHECK(error.find('\n') == std::string::npos);
    }
}

TEST_CASE("values of unknown keys are skipped however deeply they nest") {
    // A tree is never built for them: 200,000 nested arrays cost a depth counter, not 200,000 nodes.
    const std::string deep = std::string(200'000, '[') + std::string(200'000, ']');
    const auto doc = parse_ok(R"({"id": "d", "skip": )" + deep + R"(, "text": "body"})");
    CHECK(doc.id == "d");
    CHECK(doc.text == "body");
    SUBCASE("unbalanced deep nesting is a parse error") {
        CHECK(contains(parse_error(R"({"id": "d", "text": "t", "x": )" + std::string(100'000, '[')), "parse error"));
    }
}

TEST_CASE("nested keys named like fields do not set them; a repeated key takes its last value") {
    const auto doc = parse_ok(R"({"id": "outer", "meta": {"id": "inner", "text": 5}, "text": "t", "title": "a", "title": "b"})");
    CHECK(doc.id == "outer");
    CHECK(doc.text == "t");
    CHECK(doc.title == "b");
}

}  // TEST_SUITE
