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
