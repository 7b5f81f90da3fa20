#include "searcher/query_parser.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "analysis/utf8.hpp"
#include "xling/error.hpp"

namespace xling::searcher {
namespace {

struct Lexeme {
    enum class Type { Word, Phrase, Field, Open, Close, Or, And, Not, Near, Plus, Minus, End };
    Lexeme(Type t, std::string s, std::size_t pos) : type(t), text(std::move(s)), position(pos) {}

    Type type = Type::End;
    std::string text;
    std::size_t position = 0;
    bool exact = false;
    bool wildcard = false;
    unsigned window = 0;
    std::string field;
};

constexpr unsigned kDefaultNearWindow = 10;

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string at(std::size_t position) { return " at position " + std::to_string(position); }

bool is_known_field(std::string_view name) {
    return std::any_of(std::begin(kQueryFields), std::end(kQueryFields), [&](const char* f) { return name == f; });
}

// Opening quote at i: " or „ (German, Hungarian, Lithuanian). Returns its length, 0 if none.
std::size_t quote_open_length(std::string_view q, std::size_t i) {
    if (q[i] == '"') return 1;
    if (q.substr(i, 3) == "\xE2\x80\x9E") return 3;
    return 0;
}

// Reads a quoted string starting at `open`; returns its text and moves `i` past the closing quote.
std::string read_quoted(std::string_view q, std::size_t open, std::size_t& i) {
    i = open + quote_open_length(q, open);
    for (std::size_t j = i; j < q.size(); ++j) {
        std::size_t close_len = 0;
        if (q[j] == '"') close_len = 1;
        else if (q.substr(j, 3) == "\xE2\x80\x9C" || q.substr(j, 3) == "\xE2\x80\x9D") close_len = 3;
        if (close_len == 0) continue;
        std::string text(q.substr(i, j - i));
        i = j + close_len;
        return text;
    }
    throw QueryError("unbalanced quote" + at(open), open);
}

bool is_word_byte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) != 0;
}

// Throws when the query is longer than the limit: before lexing, whose lexemes would cost
// about a hundred bytes per query byte.
void check_query_bytes(std::string_view q, const SearchLimits& limits) {
    if (q.size() <= limits.max_query_bytes) return;
    const std::size_t position = limits.max_query_bytes;
    throw QueryError("query too long: more than " + std::to_string(limits.max_query_bytes) + " bytes" + at(position) +
                         " (the limit is SearchLimits::max_query_bytes, xling-search --max-query-bytes)",
                     position);
}

// Throws at the first byte that is not UTF-8: the analysis chain and CLD2 (which reads past the
// end of a truncated sequence: found by fuzzing) take valid UTF-8 only.
void check_query_utf8(std::string_view q) {
    if (const auto bad = analysis::find_invalid_utf8(q)) {
        throw QueryError("query is not valid UTF-8" + at(*bad), *bad);
    }
}

// Counts the words of each searched lexeme as it is lexed, and throws at the first one past
// the limit: the query builder's work grows with every word in every document language.
class WordBudget {
  public:
    explicit WordBudget(std::size_t limit) : limit_(limit) {}
    void spend(std::size_t words, std::size_t position) {
        used_ += words;
        if (used_ <= limit_) return;
        throw QueryError("query has too many words: more than " + std::to_string(limit_) + at(position) +
                             " (the limit is SearchLimits::max_query_words, xling-search --max-query-words)",
                         position);
    }

  private:
    std::size_t limit_;
    std::size_t used_ = 0;
};

bool ends_word(char c) { return is_space(c) || c == '(' || c == ')' || c == '"'; }

std::size_t searched_words(const Lexeme& lexeme) {
    switch (lexeme.type) {
        case Lexeme::Type::Word:
        case Lexeme::Type::Phrase: return count_query_words(lexeme.text);
        case Lexeme::Type::Field: return lexeme.field == "title" || lexeme.field == "author" ? count_query_words(lexeme.text) : 1;
        default: return 0;
    }
}

std::vector<Lexeme> lex_all(std::string_view q);

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// A NEAR window or "a b"~n proximity: 1 to 9999 words.
unsigned window_number(std::string_view n, std::string_view what, std::size_t position) {
    if (n.size() > 4 || !all_digits(n) || std::stoul(std::string(n)) == 0) {
        throw QueryError(std::string(what) + " window '" + std::string(n) + "'" + at(position) +
                             " must be a number from 1 to 9999",
                         position);
    }
    return static_cast<unsigned>(std::stoul(std::string(n)));
}

// Elasticsearch/Lucene syntax after a closing quote at i: "a b"~5 is a proximity window (the
// words within 5 words of each other, any order: NEAR/5); "a b"^2 (a boost) is an error.
// Returns the window (0: none) and moves i past it.
unsigned read_proximity(std::string_view q, std::size_t& i) {
    if (i >= q.size() || (q[i] != '~' && q[i] != '^')) return 0;
    const std::size_t mark = i;
    std::size_t end = i + 1;
    while (end < q.size() && !ends_word(q[end])) ++end;
    const std::string_view n = q.substr(mark + 1, end - mark - 1);
    if (q[mark] == '^') {
        throw QueryError("boost '^" + std::string(n) + "'" + at(mark) +
                             " is not supported (xling ranks by BM25; +word requires a word, -word excludes it)",
                         mark);
    }
    if (n.empty()) {
        throw QueryError("'~'" + at(mark) + " after a phrase needs a number of words: \"a b\"~5 (the words within 5 words of each other)",
                         mark);
    }
    i = end;
    return window_number(n, "proximity", mark);
}

// word~ and word~2 (fuzzy) and word^2 (boost) are Lucene syntax that would otherwise be searched
// as other words: a clear error instead. Xapian 1.4 has no edit-distance matching to offer.
void reject_unsupported_suffix(std::string_view word, std::size_t start) {
    const std::size_t tilde = word.rfind('~');
    if (tilde != std::string_view::npos && tilde > 0) {
        const std::string_view n = word.substr(tilde + 1);
        if (n.empty() || all_digits(n) || (n.front() == '0' && n.size() > 1 && n[1] == '.')) {
            throw QueryError("fuzzy match '" + std::string(word) + "'" + at(start + tilde) +
                                 " is not supported: xling matches the inflections of a word by itself; use " +
                                 std::string(word.substr(0, tilde)) + "* for words beginning with it",
                             start + tilde);
        }
    }
    const std::size_t caret = word.rfind('^');
    if (caret != std::string_view::npos && caret > 0) {
        const std::string_view n = word.substr(caret + 1);
        if (all_digits(n) || (!n.empty() && n.find_first_not_of("0123456789.") == std::string_view::npos)) {
            throw QueryError("boost '" + std::string(word) + "'" + at(start + caret) +
                                 " is not supported (xling ranks by BM25; +word requires a word, -word excludes it)",
                             start + caret);
        }
    }
}

std::vector<Lexeme> lex(std::string_view q, const SearchLimits& limits) {
    check_query_bytes(q, limits);
    check_query_utf8(q);
    std::vector<Lexeme> out = lex_all(q);
    WordBudget budget(limits.max_query_words);
    for (const Lexeme& lexeme : out) budget.spend(searched_words(lexeme), lexeme.position);
    return out;
}

std::vector<Lexeme> lex_all(std::string_view q) {
    std::vector<Lexeme> out;
    std::size_t i = 0;
    bool word_start = true;  // + - = are operators only where a word may start
    while (i < q.size()) {
        const char c = q[i];
        if (is_space(c)) {
            ++i;
            word_start = true;
            continue;
        }
        if (c == '(' || c == ')') {
            out.push_back({c == '(' ? Lexeme::Type::Open : Lexeme::Type::Close, std::string(1, c), i++});
            word_start = true;
            continue;
        }
        if (quote_open_length(q, i) > 0) {
            const std::size_t open = i;
            Lexeme phrase{Lexeme::Type::Phrase, read_quoted(q, open, i), open};
            phrase.window = read_proximity(q, i);
            out.push_back(std::move(phrase));
            word_start = false;
            continue;
        }
        if ((c == '-' || c == '+') && word_start && i + 1 < q.size() && !is_space(q[i + 1]) && q[i + 1] != ')') {
            out.push_back({c == '-' ? Lexeme::Type::Minus : Lexeme::Type::Plus, std::string(1, c), i++});
            continue;
        }
        if (c == '=' && word_start && i + 1 < q.size() && (!ends_word(q[i + 1]) || quote_open_length(q, i + 1) > 0)) {
            const std::size_t start = i++;
            if (quote_open_length(q, i) > 0) {
                Lexeme phrase{Lexeme::Type::Phrase, read_quoted(q, i, i), start};
                phrase.exact = true;
                phrase.window = read_proximity(q, i);
                out.push_back(std::move(phrase));
            } else {
                const std::size_t word_begin = i;
                while (i < q.size() && !ends_word(q[i])) ++i;
                Lexeme word{Lexeme::Type::Word, std::string(q.substr(word_begin, i - word_begin)), start};
                word.exact = true;
                out.push_back(std::move(word));
            }
            word_start = false;
            continue;
        }
        const std::size_t start = i;
        while (i < q.size() && !ends_word(q[i])) ++i;
        std::string word(q.substr(start, i - start));
        word_start = false;
        // field:value (value may be quoted: source:"Example Wire")
        const auto colon = word.find(':');
        if (colon != std::string::npos && colon > 0 &&
            std::all_of(word.begin(), word.begin() + static_cast<std::ptrdiff_t>(colon),
                        [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) != 0; })) {
            const std::string name = word.substr(0, colon);
            if (!is_known_field(name)) {
                throw QueryError("unknown field '" + name + "'" + at(start) + " (fields: lang, date, source, url, title, author, id)",
                                 start);
            }
            Lexeme field{Lexeme::Type::Field, word.substr(colon + 1), start};
            field.field = name;
            if (field.text.empty() && i < q.size() && quote_open_length(q, i) > 0) field.text = read_quoted(q, i, i);
            if (field.text.empty()) throw QueryError("field '" + name + "'" + at(start) + " has no value", start);
            out.push_back(std::move(field));
            continue;
        }
        if (word == "OR" || word == "AND" || word == "NOT") {
            out.push_back({word == "OR" ? Lexeme::Type::Or : word == "AND" ? Lexeme::Type::And : Lexeme::Type::Not, word, start});
            continue;
        }
        if (word == "NEAR" || word.rfind("NEAR/", 0) == 0) {
            Lexeme near{Lexeme::Type::Near, word, start};
            near.window = kDefaultNearWindow;
            if (word.size() > 5) near.window = window_number(word.substr(5), "NEAR", start);
            out.push_back(std::move(near));
            continue;
        }
        reject_unsupported_suffix(word, start);
        Lexeme lexeme{Lexeme::Type::Word, word, start};
        if (word.size() > 1 && word.back() == '*') {
            lexeme.wildcard = true;
            lexeme.text.pop_back();
        }
        out.push_back(std::move(lexeme));
    }
    out.push_back({Lexeme::Type::End, "", q.size()});
    return out;
}

// One level of parentheses, counted before the parser recurses into it (each level costs a few
// stack frames here and in every later walk over the tree).
class NestingLevel {
  public:
    NestingLevel(std::size_t& depth, std::size_t position) : depth_(depth) {
        if (depth_ >= kMaxQueryNesting) {
            throw QueryError("parentheses nested too deeply: more than " + std::to_string(kMaxQueryNesting) + " levels" +
                                 at(position),
                             position);
        }
        ++depth_;
    }
    ~NestingLevel() { --depth_; }
    NestingLevel(const NestingLevel&) = delete;
    NestingLevel& operator=(const NestingLevel&) = delete;

  private:
    std::size_t& depth_;
};

class Parser {
  public:
    Parser(std::vector<Lexeme> lexemes, DefaultOperator op) : lx_(std::move(lexemes)), op_(op) {}

    QueryNode parse() {
        QueryNode node = parse_or();
        if (peek().type == Lexeme::Type::Close) throw QueryError("unbalanced ')'" + at(peek().position), peek().position);
        return node;
    }

  private:
    const Lexeme& peek() const { return lx_[pos_]; }
    const Lexeme& take() { return lx_[pos_++]; }

    static QueryNode combine(QueryNode::Kind kind, std::vector<QueryNode> items) {
        if (items.size() == 1) return std::move(items.front());
        const std::size_t position = items.front().position;
        return QueryNode{kind, "", position, std::move(items)};
    }

    static bool starts_operand(Lexeme::Type t) {
        return t == Lexeme::Type::Word || t == Lexeme::Type::Phrase || t == Lexeme::Type::Open || t == Lexeme::Type::Field ||
               t == Lexeme::Type::Not || t == Lexeme::Type::Plus || t == Lexeme::Type::Minus;
    }

    // Filters found anywhere in the alternatives restrict the whole group.
    QueryNode parse_or() {
        std::vector<QueryNode> alternatives;
        std::vector<QueryNode> filters;
        alternatives.push_back(parse_sequence(filters));
        while (peek().type == Lexeme::Type::Or) {
            const Lexeme& op = take();
            if (!starts_operand(peek().type)) throw QueryError("OR" + at(op.position) + " has nothing after it", op.position);
            alternatives.push_back(parse_sequence(filters));
        }
        const bool everything = std::any_of(alternatives.begin(), alternatives.end(),
                                            [](const QueryNode& n) { return n.kind == QueryNode::Kind::All; });
        QueryNode result = everything ? QueryNode{QueryNode::Kind::All, "", alternatives.front().position, {}}
                                      : combine(QueryNode::Kind::Or, std::move(alternatives));
        if (filters.empty()) return result;
        QueryNode filter{QueryNode::Kind::Filter, "", result.position, {}};
        filter.children.push_back(std::move(result));
        for (auto& f : filters) filter.children.push_back(std::move(f));
        return filter;
    }

    // item (AND? item)* : positives combine with the default operator (explicit AND binds the
    // neighbours together), +items are required, -items and NOT items are excluded, fields filter.
    QueryNode parse_sequence(std::vector<QueryNode>& filters) {
        const std::size_t start = peek().position;
        if (!starts_operand(peek().type)) {
            if (peek().type == Lexeme::Type::End) throw QueryError("empty query", start);
            throw QueryError("'" + peek().text + "'" + at(start) + " needs a word before it", start);
        }
        std::vector<std::vector<QueryNode>> groups;  // AND-joined runs, combined with the default operator
        std::vector<QueryNode> required, excluded;
        const std::size_t filters_before = filters.size();
        bool joined = false;
        while (starts_operand(peek().type)) {
            const Lexeme& lead = peek();
            if (lead.type == Lexeme::Type::Minus || lead.type == Lexeme::Type::Not) {
                take();
                if (!starts_operand(peek().type) || peek().type == Lexeme::Type::Not) {
                    throw QueryError("'" + lead.text + "'" + at(lead.position) + " has no word after it", lead.position);
                }
                excluded.push_back(parse_near());
            } else if (lead.type == Lexeme::Type::Plus) {
                take();
                required.push_back(parse_near());
            } else if (lead.type == Lexeme::Type::Field) {
                filters.push_back(parse_near());
            } else {
                QueryNode item = parse_near();
                if (joined && !groups.empty()) groups.back().push_back(std::move(item));
                else groups.push_back({std::move(item)});
            }
            joined = false;
            if (peek().type == Lexeme::Type::And) {
                const Lexeme& op = take();
                if (!starts_operand(peek().type)) throw QueryError("AND" + at(op.position) + " has nothing after it", op.position);
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
        if (!result && filters.size() > filters_before) result = QueryNode{QueryNode::Kind::All, "", start, {}};
        if (!excluded.empty()) {
            if (!result) throw QueryError("a query cannot only exclude" + at(start), start);
            result = QueryNode{QueryNode::Kind::AndNot, "", start, {std::move(*result), combine(QueryNode::Kind::Or, std::move(excluded))}};
        }
        return std::move(*result);
    }

    // primary (NEAR/n primary)*
    QueryNode parse_near() {
        QueryNode first = parse_primary();
        if (peek().type != Lexeme::Type::Near) return first;
        QueryNode near{QueryNode::Kind::Near, "", first.position, {}};
        near.window = peek().window;
        near.children.push_back(std::move(first));
        while (peek().type == Lexeme::Type::Near) {
            const Lexeme& op = take();
            if (op.window != near.window) {
                throw QueryError("NEAR windows differ in one chain" + at(op.position) + "; use parentheses", op.position);
            }
            if (peek().type != Lexeme::Type::Word && peek().type != Lexeme::Type::Phrase) {
                throw QueryError(op.text + at(op.position) + " needs a word or phrase on both sides", op.position);
            }
            near.children.push_back(parse_primary());
        }
        for (const QueryNode& child : near.children) {
            if (child.kind != QueryNode::Kind::Word && child.kind != QueryNode::Kind::Phrase) {
                throw QueryError("NEAR" + at(child.position) + " needs a word or phrase on both sides", child.position);
            }
        }
        return near;
    }

    QueryNode parse_primary() {
        const Lexeme& lexeme = take();
        switch (lexeme.type) {
            case Lexeme::Type::Word:
            case Lexeme::Type::Phrase: {
                QueryNode node{lexeme.type == Lexeme::Type::Word ? QueryNode::Kind::Word : QueryNode::Kind::Phrase, lexeme.text,
                               lexeme.position, {}};
                node.exact = lexeme.exact;
                node.wildcard = lexeme.wildcard;
                node.window = lexeme.window;
                return node;
            }
            case Lexeme::Type::Field: {
                QueryNode node{QueryNode::Kind::Field, lexeme.text, lexeme.position, {}};
                node.field = lexeme.field;
                return node;
            }
            case Lexeme::Type::Open: {
                if (peek().type == Lexeme::Type::Close) throw QueryError("empty parentheses" + at(lexeme.position), lexeme.position);
                const NestingLevel level(depth_, lexeme.position);
                QueryNode inner = parse_or();
                if (peek().type != Lexeme::Type::Close) throw QueryError("unbalanced '('" + at(lexeme.position), lexeme.position);
                take();
                return inner;
            }
            default: throw QueryError("unexpected '" + lexeme.text + "'" + at(lexeme.position), lexeme.position);
        }
    }

    std::vector<Lexeme> lx_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;  ///< parentheses open around the current position
    DefaultOperator op_;
};

}  // namespace

QueryNode parse_query(std::string_view query, DefaultOperator default_operator, const SearchLimits& limits) {
    return Parser(lex(query, limits), default_operator).parse();
}

std::size_t count_query_words(std::string_view text) {
    std::size_t words = 0;
    bool inside = false;
    for (const char c : text) {
        const bool word = is_word_byte(c);
        if (word && !inside) ++words;
        inside = word;
    }
    return words;
}

std::string describe(const QueryNode& node) {
    switch (node.kind) {
        case QueryNode::Kind::Word:
            return std::string(node.exact ? "exact:" : "word:") + node.text + (node.wildcard ? "*" : "");
        case QueryNode::Kind::Phrase:
            return std::string(node.exact ? "exact-phrase:\"" : "phrase:\"") + node.text + "\"" +
                   (node.window > 0 ? "~" + std::to_string(node.window) : "");
        case QueryNode::Kind::Field: return node.field + ":" + node.text;
        default: break;
    }
    if (node.kind == QueryNode::Kind::All) return "ALL";
    static constexpr const char* kNames[] = {"", "", "AND", "OR", "AND_NOT", "AND_MAYBE", "NEAR", "", "FILTER", "ALL"};
    std::string out = kNames[static_cast<int>(node.kind)];
    if (node.kind == QueryNode::Kind::Near) out += "/" + std::to_string(node.window);
    out += '(';
    for (std::size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += describe(node.children[i]);
    }
    return out + ')';
}

}  // namespace xling::searcher
