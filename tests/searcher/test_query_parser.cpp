#include <doctest/doctest.h>

#include "searcher/query_parser.hpp"
#include "xling/error.hpp"

using xling::DefaultOperator;
using xling::QueryError;
using xling::searcher::describe;
using xling::searcher::parse_query;

namespace {
std::string tree(std::string_view q, DefaultOperator op = DefaultOperator::And) { return describe(parse_query(q, op)); }

std::size_t error_position(std::string_view q) {
    try {
        (void)parse_query(q, DefaultOperator::And);
    } catch (const QueryError& e) {
        return e.position();
    }
    FAIL("no QueryError for: " << q);
    return 0;
}
}  // namespace

TEST_CASE("bare words combine with the default operator") {
    CHECK(tree("Putin") == "word:Putin");
    CHECK(tree("Putin Pyongyang") == "AND(word:Putin, word:Pyongyang)");
    CHECK(tree("Putin Pyongyang", DefaultOperator::Or) == "OR(word:Putin, word:Pyongyang)");
}

TEST_CASE("OR binds looser than juxtaposition and AND") {
    CHECK(tree("a b OR c") == "OR(AND(word:a, word:b), word:c)");
    CHECK(tree("a OR b AND c") == "OR(word:a, AND(word:b, word:c))");
    CHECK(tree("a AND b c", DefaultOperator::Or) == "OR(AND(word:a, word:b), word:c)");
}

TEST_CASE("phrases keep their words, with ASCII and typographic quotes") {
    CHECK(tree("\"Kim Jong Un\"") == "phrase:\"Kim Jong Un\"");
    CHECK(tree("„katonai együttműködés”") == "phrase:\"katonai együttműködés\"");
    CHECK(tree("„militärische Zusammenarbeit“ Moskau") == "AND(phrase:\"militärische Zusammenarbeit\", word:Moskau)");
}

TEST_CASE("exclusion with minus and NOT, requirement with plus") {
    CHECK(tree("Putin -Moscow") == "AND_NOT(word:Putin, word:Moscow)");
    CHECK(tree("Putin NOT Moscow") == "AND_NOT(word:Putin, word:Moscow)");
    CHECK(tree("Putin -\"Kim Jong Un\"") == "AND_NOT(word:Putin, phrase:\"Kim Jong Un\")");
    CHECK(tree("+Putin Moscow", DefaultOperator::Or) == "AND_MAYBE(word:Putin, word:Moscow)");
}

TEST_CASE("a hyphen inside a word is not an operator") {
    CHECK(tree("Jong-un") == "word:Jong-un");
    CHECK(tree("észak-koreai") == "word:észak-koreai");
}

TEST_CASE("parentheses group") {
    CHECK(tree("(Putin OR Путин) Pyongyang") == "AND(OR(word:Putin, word:Путин), word:Pyongyang)");
    CHECK(tree("((a))") == "word:a");
}

TEST_CASE("lower-case and/or/not are words") {
    CHECK(tree("rock and roll") == "AND(word:rock, word:and, word:roll)");
}

TEST_CASE("malformed queries report the position of the problem") {
    CHECK(error_position("") == 0);
    CHECK(error_position("   ") == 3);
    CHECK(error_position("Putin \"Kim Jong") == 6);
    CHECK(error_position("(Putin OR Kim") == 0);
    CHECK(error_position("Putin)") == 5);
    CHECK(error_position("Putin OR") == 6);
    CHECK(error_position("Putin AND") == 6);
    CHECK(error_position("OR Putin") == 0);
    CHECK(error_position("-Putin") == 0);
    CHECK(error_position("a ()") == 2);
}

TEST_CASE("NEAR with a window binds tighter than AND") {
    CHECK(tree("Putin NEAR/5 Pyongyang") == "NEAR/5(word:Putin, word:Pyongyang)");
    CHECK(tree("Putin NEAR Pyongyang") == "NEAR/10(word:Putin, word:Pyongyang)");
    CHECK(tree("a NEAR/3 b c") == "AND(NEAR/3(word:a, word:b), word:c)");
    CHECK(tree("a NEAR/3 b NEAR/3 c") == "NEAR/3(word:a, word:b, word:c)");
}

TEST_CASE("prefix wildcard and exact forms") {
    CHECK(tree("sankc*") == "word:sankc*");
    CHECK(tree("=Putin") == "exact:Putin");
    CHECK(tree("=\"Kim Jong Un\"") == "exact-phrase:\"Kim Jong Un\"");
    CHECK(tree("a = b") == "AND(word:a, word:=, word:b)");
}

TEST_CASE("field filters restrict the whole query or their parentheses, whatever the default operator") {
    CHECK(tree("Putin lang:hu") == "FILTER(word:Putin, lang:hu)");
    CHECK(tree("Putin Kim lang:hu", DefaultOperator::Or) == "FILTER(OR(word:Putin, word:Kim), lang:hu)");
    CHECK(tree("date:2024-06..2024-12 Putin") == "FILTER(word:Putin, date:2024-06..2024-12)");
    CHECK(tree("source:\"Example Wire\" grain") == "FILTER(word:grain, source:Example Wire)");
    CHECK(tree("lang:hu") == "FILTER(ALL, lang:hu)");
    CHECK(tree("Putin -lang:de") == "AND_NOT(word:Putin, lang:de)");
    CHECK(tree("lang:hu -Putin") == "FILTER(AND_NOT(ALL, word:Putin), lang:hu)");
    CHECK(tree("lang:hu OR lang:lt") == "FILTER(ALL, lang:hu, lang:lt)");
    CHECK(tree("Putin OR Kim lang:hu") == "FILTER(OR(word:Putin, word:Kim), lang:hu)");
    CHECK(tree("(Putin lang:hu) OR Kim") == "OR(FILTER(word:Putin, lang:hu), word:Kim)");
    CHECK(tree("title:Putin url:example.org id:x1") == "FILTER(ALL, title:Putin, url:example.org, id:x1)");
}

TEST_CASE("words with colons that are not field names stay words") {
    CHECK(tree("12:30") == "word:12:30");
}

TEST_CASE("Cyrillic works in every construct") {
    CHECK(tree("Путин NEAR/5 Пхеньян") == "NEAR/5(word:Путин, word:Пхеньян)");
    CHECK(tree("\"военное сотрудничество\" -санкции") == "AND_NOT(phrase:\"военное сотрудничество\", word:санкции)");
    CHECK(tree("сотруднич* lang:ru") == "FILTER(word:сотруднич*, lang:ru)");
}

TEST_CASE("errors in the new constructs point at their position") {
    CHECK(error_position("Putin foo:bar") == 6);
    CHECK(error_position("Putin lang:") == 6);
    CHECK(error_position("a NEAR/x b") == 2);
    CHECK(error_position("a NEAR/0 b") == 2);
    CHECK(error_position("a NEAR/5 (b OR c)") == 2);
    CHECK(error_position("a NEAR/5 b NEAR/3 c") == 11);
}

// Hardening (issue 11): nesting, length and word count are bounded before the work they cost.
namespace {
std::string nested(std::size_t depth, std::string_view inner = "word") {
    return std::string(depth, '(') + std::string(inner) + std::string(depth, ')');
}

QueryError parse_error(std::string_view q, const xling::SearchLimits& limits = {}) {
    try {
        (void)parse_query(q, DefaultOperator::And, limits);
    } catch (const QueryError& e) {
        return e;
    }
    FAIL("no QueryError for a query of " << q.size() << " bytes");
    return QueryError("", 0);
}
}  // namespace

TEST_CASE("parentheses nest up to kMaxQueryNesting levels; deeper is a QueryError at the offending '('") {
    CHECK(tree(nested(xling::kMaxQueryNesting)) == "word:word");
    const QueryError e = parse_error(nested(xling::kMaxQueryNesting + 1));
    CHECK(e.position() == xling::kMaxQueryNesting);
    CHECK(std::string(e.what()).find("nested too deeply: more than 100 levels at position 100") != std::string::npos);
    // What crashed the parser (a SIGSEGV near 3,300 levels) is now the same error, at once.
    CHECK(parse_error(std::string(5000, '(')).position() == xling::kMaxQueryNesting);
    CHECK(parse_error(nested(100000), {1 << 20, 1 << 20}).position() == xling::kMaxQueryNesting);
    // Levels that close again do not add up.
    std::string siblings;
    for (int i = 0; i < 300; ++i) siblings += nested(50, "w" + std::to_string(i % 10)) + " OR ";
    CHECK_NOTHROW((void)parse_query(siblings + "x", DefaultOperator::And, {8192 * 4, 1000}));
}

TEST_CASE("the deepest tree the parser accepts can be described (no walk recurses without bound)") {
    std::string q = "a";
    for (std::size_t i = 0; i < xling::kMaxQueryNesting; ++i) q = "(" + q + " -x" + std::to_string(i % 10) + " lang:en OR b)";
    const std::string text = describe(parse_query(q, DefaultOperator::And, {8192, 1000}));
    CHECK(text.rfind("FILTER(", 0) == 0);
}

TEST_CASE("a query longer than max_query_bytes is a QueryError at the first byte past the limit") {
    const xling::SearchLimits limits;  // defaults
    CHECK(limits.max_query_bytes == 8192);
    std::string q;
    while (q.size() < limits.max_query_bytes) q += "ab ";
    q.resize(limits.max_query_bytes);
    CHECK_NOTHROW((void)parse_query(q, DefaultOperator::Or, {limits.max_query_bytes, 100000}));
    q += "c";
    const QueryError e = parse_error(q, {limits.max_query_bytes, 100000});
    CHECK(e.position() == limits.max_query_bytes);
    CHECK(std::string(e.what()).find("query too long: more than 8192 bytes at position 8192") != std::string::npos);
    CHECK(parse_error(std::string(1 << 20, 'a')).position() == 8192);  // 1 MB: refused before lexing
}

TEST_CASE("words are counted as they would be searched; the word past max_query_words is reported") {
    using xling::searcher::count_query_words;
    CHECK(count_query_words("Kim Jong-un") == 3);
    CHECK(count_query_words("  ") == 0);
    CHECK(count_query_words("együttműködés") == 1);
    CHECK(count_query_words("a,b;c") == 3);
    const xling::SearchLimits limits{8192, 4};
    CHECK_NOTHROW((void)parse_query("a OR b AND (c -d)", DefaultOperator::And, limits));
    CHECK_NOTHROW((void)parse_query("\"a b\" lang:en date:2024-01..2024-12", DefaultOperator::And, limits));
    const QueryError words = parse_error("a b c d e", limits);
    CHECK(words.position() == 8);
    CHECK(std::string(words.what()).find("too many words: more than 4 at position 8") != std::string::npos);
    CHECK(parse_error("a \"b c d e\"", limits).position() == 2);  // the phrase that passes the limit
    CHECK(parse_error("a-b-c-d-e", limits).position() == 0);      // one lexeme, five searched words
    CHECK(parse_error("a title:\"b c d e\"", limits).position() == 2);
    // 10,000 exclusions (31.7 s before the limit) stop at the 257th word.
    std::string exclusions = "a";
    for (int i = 0; i < 10000; ++i) exclusions += " -w" + std::to_string(i);
    CHECK(parse_error(exclusions, {1 << 20, 256}).position() == exclusions.find(" -w255 ") + 2);
}

TEST_CASE("a query that is not UTF-8 is an error at its first bad byte, before any analysis") {
    CHECK(error_position("Putin \xF5lt") == 6);
    CHECK(error_position("\xFF") == 0);
    CHECK(error_position("Путин \xD0") == 11);  // a sequence cut short at the end
    CHECK(tree("Путин") == "word:Путин");
}

// Issue 15: Lucene/Elasticsearch syntax that users type is a proximity window or a clear error.
namespace {
std::string error_message(std::string_view q) {
    try {
        (void)parse_query(q, DefaultOperator::And);
    } catch (const QueryError& e) {
        return e.what();
    }
    FAIL("no QueryError for: " << q);
    return "";
}
}  // namespace

TEST_CASE("\"a b\"~n is a proximity window over the phrase's words") {
    CHECK(tree("\"Putin Pyongyang\"~5") == "phrase:\"Putin Pyongyang\"~5");
    CHECK(tree("=\"Putin Pyongyang\"~3 Kim") == "AND(exact-phrase:\"Putin Pyongyang\"~3, word:Kim)");
    CHECK(tree("\"Putin Pyongyang\" ~5") == "AND(phrase:\"Putin Pyongyang\", word:~5)");  // apart: a word
    CHECK(error_position("a \"b c\"~") == 7);
    CHECK(error_message("a \"b c\"~") == "'~' at position 7 after a phrase needs a number of words: \"a b\"~5 (the words within 5 words of each other)");
    CHECK(error_message("\"b c\"~0") == "proximity window '0' at position 5 must be a number from 1 to 9999");
    CHECK(error_message("\"b c\"~x") == "proximity window 'x' at position 5 must be a number from 1 to 9999");
}

TEST_CASE("word~ (fuzzy) and ^ (boost) are errors naming the supported syntax and their position") {
    CHECK(error_message("Putin Belousof~") ==
          "fuzzy match 'Belousof~' at position 14 is not supported: xling matches the inflections of a word by itself; "
          "use Belousof* for words beginning with it");
    CHECK(error_position("Belousof~2 Putin") == 8);
    CHECK(error_position("Belousof~0.8") == 8);
    CHECK(error_message("Putin^2 Kim") ==
          "boost 'Putin^2' at position 5 is not supported (xling ranks by BM25; +word requires a word, -word excludes it)");
    CHECK(error_position("Kim Putin^1.5") == 9);
    CHECK(error_message("\"Kim Jong Un\"^2") ==
          "boost '^2' at position 13 is not supported (xling ranks by BM25; +word requires a word, -word excludes it)");
    // Not Lucene syntax: left to the analysis as before.
    CHECK(tree("a~b") == "word:a~b");
    CHECK(tree("x^y") == "word:x^y");
}

TEST_CASE("lower-case and, or, not, near are words wherever they stand") {
    CHECK(tree("Putin and Pyongyang") == "AND(word:Putin, word:and, word:Pyongyang)");
    CHECK(tree("Putin or Kim", DefaultOperator::Or) == "OR(word:Putin, word:or, word:Kim)");
    CHECK(tree("not near") == "AND(word:not, word:near)");
    CHECK(tree("near/5") == "word:near/5");
}
