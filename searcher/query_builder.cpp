#include "searcher/query_builder.hpp"

#include "xling/schema.hpp"

namespace xling::searcher {

bool MatchTerms::matches(const analysis::AnalyzedToken& token, std::string_view lang) const {
    if (words.count(token.word) != 0) return true;
    if (token.stopword) return false;
    const auto it = stems.find(lang);
    return it != stems.end() && it->second.count(token.stem) != 0;
}

QueryBuilder::QueryBuilder(analysis::Analyzer& analyzer, std::vector<std::string> languages)
    : analyzer_(analyzer), languages_(std::move(languages)) {}

BuiltQuery QueryBuilder::build(const QueryNode& root) {
    BuiltQuery out;
    out.query = node_query(root, out, false);
    if (out.query.empty() && !out.ignored.empty()) {
        out = BuiltQuery{};
        out.query = node_query(root, out, true);
    }
    return out;
}

Xapian::Query QueryBuilder::node_query(const QueryNode& node, BuiltQuery& out, bool keep_stopwords) {
    using Kind = QueryNode::Kind;
    switch (node.kind) {
        case Kind::Word: return word_query(node, out, keep_stopwords);
        case Kind::Phrase: {
            std::vector<analysis::AnalyzedToken> tokens;
            analyzer_.words(node.text, tokens);
            return phrase_query(tokens, out);
        }
        case Kind::And:
        case Kind::Or: {
            std::vector<Xapian::Query> parts;
            for (const auto& child : node.children) {
                Xapian::Query q = node_query(child, out, keep_stopwords);
                if (!q.empty()) parts.push_back(std::move(q));
            }
            return Xapian::Query(node.kind == Kind::And ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, parts.begin(),
                                 parts.end());
        }
        case Kind::AndNot:
        case Kind::AndMaybe: {
            Xapian::Query left = node_query(node.children[0], out, keep_stopwords);
            Xapian::Query right = node_query(node.children[1], out, keep_stopwords);
            if (left.empty() || right.empty()) return left.empty() && node.kind == Kind::AndMaybe ? right : left;
            return Xapian::Query(node.kind == Kind::AndNot ? Xapian::Query::OP_AND_NOT : Xapian::Query::OP_AND_MAYBE,
                                 left, right);
        }
    }
    return {};
}

Xapian::Query QueryBuilder::word_query(const QueryNode& node, BuiltQuery& out, bool keep_stopwords) {
    analyzer_.words(node.text, tokens_);
    if (tokens_.empty()) return {};
    // "Jong-un", "észak-koreai": the index holds the parts at consecutive positions.
    if (tokens_.size() > 1) return phrase_query(tokens_, out);
    const std::string& word = tokens_.front().word;
    std::vector<Xapian::Query> stems;
    for (const std::string& lang : languages_) {
        const std::string stem = analyzer_.stem(lang, word);
        if (stem.empty()) continue;  // a stopword in this language
        stems.emplace_back(schema::stem_term(lang, stem));
        out.terms.stems[lang].insert(stem);
    }
    if (stems.empty()) {
        if (!keep_stopwords) {
            out.ignored.push_back(word);
            return {};
        }
        out.terms.words.insert(word);
        return Xapian::Query(word);
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, stems.begin(), stems.end());
}

Xapian::Query QueryBuilder::phrase_query(const std::vector<analysis::AnalyzedToken>& tokens, BuiltQuery& out) {
    std::vector<Xapian::Query> words;
    for (const auto& token : tokens) {
        words.emplace_back(token.word);
        out.terms.words.insert(token.word);
    }
    if (words.size() == 1) return words.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), static_cast<Xapian::termcount>(words.size()));
}

}  // namespace xling::searcher
