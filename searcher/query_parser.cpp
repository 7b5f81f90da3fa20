#include "searcher/query_parser.hpp"

#include <cctype>
#include <optional>

#include "xling/error.hpp"

namespace xling::searcher {
namespace {

struct Lexeme {
    enum class Type { Word, Phrase, Open, Close, Or, And, Not, Plus, Minus, End };
    Type type = Type::End;
    std::string text;
    std::size_t position = 0;
};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::vector<Lexeme> lex(std::string_view q) {
    std::vector<Lexeme> out;
    std::size_t i = 0;
    bool word_start = true;  // + and - are operators only where a word may start
    while (i < q.size()) {
        const char c = q[i];
        if (is_space(c)) {
            ++i;
            word_start = true;
            continue;
        }
        if (c == '(') {
            out.push_back({Lexeme::Type::Open, "(", i++});
            word_start = true;
        } else if (c == ')') {
            out.push_back({Lexeme::Type::Close, ")", i++});
            word_start = true;
        } else if (c == '"' || (c == '\xE2' && q.substr(i, 3) == "\xE2\x80\x9E")) {  // " or „ (de, hu, lt)
            const std::size_t open = i;
            i += c == '"' ? 1 : 3;
            std::size_t close = std::string_view::npos;
            std::size_t close_len = 1;
            for (std::size_t j = i; j < q.size(); ++j) {
                if (q[j] == '"') { close = j; close_len = 1; break; }
                if (q.substr(j, 3) == "\xE2\x80\x9C" || q.substr(j, 3) == "\xE2\x80\x9D") { close = j; close_len = 3; break; }
            }
            if (close == std::string_view::npos) throw QueryError("unbalanced quote at position " + std::to_string(open), open);
            out.push_back({Lexeme::Type::Phrase, std::string(q.substr(i, close - i)), open});
            i = close + close_len;
            word_start = false;
        } else if ((c == '-' || c == '+') && word_start && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != ')') {
            out.push_back({c == '-' ? Lexeme::Type::Minus : Lexeme::Type::Plus, std::string(1, c), i++});
            word_start = false;
        } else {
            const std::size_t start = i;
            while (i < q.size() && !is_space(q[i]) && q[i] != '(' && q[i] != ')' && q[i] != '"') ++i;
            std::string word(q.substr(start, i - start));
            Lexeme::Type type = Lexeme::Type::Word;
            if (word == "OR") type = Lexeme::Type::Or;
            else if (word == "AND") type = Lexeme::Type::And;
            else if (word == "NOT") type = Lexeme::Type::Not;
            out.push_back({type, std::move(word), start});
            word_start = false;
        }
    }
    out.push_back({Lexeme::Type::End, "", q.size()});
    return out;
}

class Parser {
  public:
    Parser(std::vector<Lexeme> lexemes, DefaultOperator op) : lx_(std::move(lexemes)), op_(op) {}

    QueryNode parse() {
        QueryNode node = parse_or();
        if (peek().type == Lexeme::Type::Close) {
            throw QueryError("unbalanced ')' at position " + std::to_string(peek().position), peek().position);
        }
        return node;
    }

  private:
    const Lexeme& peek() const { return lx_[pos_]; }
    const Lexeme& take() { return lx_[pos_++]; }

    static QueryNode combine(QueryNode::Kind kind, std::vector<QueryNode> items) {
        if (items.size() == 1) return std::move(items.front());
        QueryNode node{kind, "", items.front().position, std::move(items)};
        return node;
    }

    QueryNode parse_or() {
        std::vector<QueryNode> alternatives;
        alternatives.push_back(parse_sequence());
        while (peek().type == Lexeme::Type::Or) {
            const Lexeme& op = take();
            if (starts_operand(peek().type) == false) {
                throw QueryError("OR at position " + std::to_string(op.position) + " has nothing after it", op.position);
            }
            alternatives.push_back(parse_sequence());
        }
        return combine(QueryNode::Kind::Or, std::move(alternatives));
    }

    static bool starts_operand(Lexeme::Type t) {
        return t == Lexeme::Type::Word || t == Lexeme::Type::Phrase || t == Lexeme::Type::Open ||
               t == Lexeme::Type::Not || t == Lexeme::Type::Plus || t == Lexeme::Type::Minus;
    }

    // item (AND? item)* : positives combine with the default operator (explicit AND binds the
    // neighbours together), +items are required, -items and NOT items are excluded.
    QueryNode parse_sequence() {
        const std::size_t start = peek().position;
        if (!starts_operand(peek().type)) {
            if (peek().type == Lexeme::Type::End) throw QueryError("empty query", start);
            throw QueryError("'" + peek().text + "' at position " + std::to_string(start) + " needs a word before it", start);
        }
        std::vector<std::vector<QueryNode>> groups;  // AND-joined runs, combined with the default operator
        std::vector<QueryNode> required;
        std::vector<QueryNode> excluded;
        bool joined = false;
        while (starts_operand(peek().type)) {
            const Lexeme& lead = peek();
            if (lead.type == Lexeme::Type::Minus || lead.type == Lexeme::Type::Not) {
                take();
                if (!starts_operand(peek().type) || peek().type == Lexeme::Type::Not) {
                    throw QueryError("'" + lead.text + "' at position " + std::to_string(lead.position) + " has no word after it",
                                     lead.position);
                }
                excluded.push_back(parse_primary());
            } else if (lead.type == Lexeme::Type::Plus) {
                take();
                required.push_back(parse_primary());
            } else {
                QueryNode item = parse_primary();
                if (joined && !groups.empty()) groups.back().push_back(std::move(item));
                else groups.push_back({std::move(item)});
            }
            joined = false;
            if (peek().type == Lexeme::Type::And) {
                const Lexeme& op = take();
                if (!starts_operand(peek().type)) {
                    throw QueryError("AND at position " + std::to_string(op.position) + " has nothing after it", op.position);
                }
                joined = true;
            }
        }
        std::optional<QueryNode> positive;
        if (!groups.empty()) {
            std::vector<QueryNode> parts;
            for (auto& g : groups) parts.push_back(combine(QueryNode::Kind::And, std::move(g)));
            positive = combine(op_ == DefaultOperator::And ? QueryNode::Kind::And : QueryNode::Kind::Or, std::move(parts));
        }
        std::optional<QueryNode> result;
        if (!required.empty()) {
            QueryNode must = combine(QueryNode::Kind::And, std::move(required));
            result = positive ? QueryNode{QueryNode::Kind::AndMaybe, "", start, {std::move(must), std::move(*positive)}} : must;
        } else {
            result = std::move(positive);
        }
        if (!excluded.empty()) {
            if (!result) throw QueryError("a query cannot only exclude (position " + std::to_string(start) + ")", start);
            result = QueryNode{QueryNode::Kind::AndNot, "", start,
                               {std::move(*result), combine(QueryNode::Kind::Or, std::move(excluded))}};
        }
        return std::move(*result);
    }

    QueryNode parse_primary() {
        const Lexeme& lexeme = take();
        switch (lexeme.type) {
            case Lexeme::Type::Word: return {QueryNode::Kind::Word, lexeme.text, lexeme.position, {}};
            case Lexeme::Type::Phrase: return {QueryNode::Kind::Phrase, lexeme.text, lexeme.position, {}};
            case Lexeme::Type::Open: {
                if (peek().type == Lexeme::Type::Close) {
                    throw QueryError("empty parentheses at position " + std::to_string(lexeme.position), lexeme.position);
                }
                QueryNode inner = parse_or();
                if (peek().type != Lexeme::Type::Close) {
                    throw QueryError("unbalanced '(' at position " + std::to_string(lexeme.position), lexeme.position);
                }
                take();
                return inner;
            }
            default:
                throw QueryError("unexpected '" + lexeme.text + "' at position " + std::to_string(lexeme.position),
                                 lexeme.position);
        }
    }

    std::vector<Lexeme> lx_;
    std::size_t pos_ = 0;
    DefaultOperator op_;
};

}  // namespace

QueryNode parse_query(std::string_view query, DefaultOperator default_operator) {
    return Parser(lex(query), default_operator).parse();
}

std::string describe(const QueryNode& node) {
    switch (node.kind) {
        case QueryNode::Kind::Word: return "word:" + node.text;
        case QueryNode::Kind::Phrase: return "phrase:\"" + node.text + "\"";
        default: break;
    }
    static constexpr const char* kNames[] = {"", "", "AND", "OR", "AND_NOT", "AND_MAYBE"};
    std::string out = kNames[static_cast<int>(node.kind)];
    out += '(';
    for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += describe(node.children[i]);
    }
    return out + ')';
}

}  // namespace xling::searcher
