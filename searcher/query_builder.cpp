#include "searcher/query_builder.hpp"

#include <algorithm>

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

BuiltQuery QueryBuilder::build(const QueryNode& root, bool keep_stopwords) {
    keep_stopwords_ = keep_stopwords;
    BuiltQuery out;
    out.query = node_part(root, out).query;
    return out;
}

QueryBuilder::Part QueryBuilder::node_part(const QueryNode& node, BuiltQuery& out) {
    using Kind = QueryNode::Kind;
    switch (node.kind) {
        case Kind::Word: return word_part(node, out);
        case Kind::Phrase: {
            std::vector<analysis::AnalyzedToken> tokens;
            analyzer_.words(node.text, tokens);
            return Part{phrase_query(tokens, out), {}, false};
        }
        case Kind::And: {
            std::vector<Part> parts;
            for (const auto& child : node.children) parts.push_back(node_part(child, out));
            return Part{and_query(std::move(parts)), {}, false};
        }
        case Kind::Or: {
            std::vector<Xapian::Query> alternatives;
            for (const auto& child : node.children) {
                Xapian::Query q = node_part(child, out).query;
                if (!q.empty()) alternatives.push_back(std::move(q));
            }
            return Part{Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()), {}, false};
        }
        case Kind::AndNot:
        case Kind::AndMaybe: {
            Xapian::Query left = node_part(node.children[0], out).query;
            Xapian::Query right = node_part(node.children[1], out).query;
            if (left.empty() || right.empty()) return Part{left.empty() && node.kind == Kind::AndMaybe ? right : left, {}, false};
            return Part{Xapian::Query(node.kind == Kind::AndNot ? Xapian::Query::OP_AND_NOT : Xapian::Query::OP_AND_MAYBE,
                                      left, right),
                        {}, false};
        }
    }
    return {};
}

// In an AND, a word left out as a stopword of language L must not stop L's documents from
// matching: its clause also accepts documents of L (weight 0), provided another clause still
// constrains L's documents (otherwise "die der" would match every German document).
Xapian::Query QueryBuilder::and_query(std::vector<Part> parts) const {
    std::vector<Xapian::Query> clauses;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        std::vector<Xapian::Query> relaxed;
        for (const std::string& lang : parts[i].stop_languages) {
            const bool constrained_elsewhere = std::any_of(parts.begin(), parts.end(), [&](const Part& other) {
                return &other != &parts[i] && !other.query.empty() && other.stop_languages.count(lang) == 0;
            });
            if (constrained_elsewhere) relaxed.emplace_back(schema::language_term(lang));
        }
        Xapian::Query clause = parts[i].query;
        if (!relaxed.empty()) {
            Xapian::Query any_of(Xapian::Query::OP_OR, relaxed.begin(), relaxed.end());
            clause = clause.empty() ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any_of, 0.0)
                                    : Xapian::Query(Xapian::Query::OP_OR, clause,
                                                    Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, any_of, 0.0));
        }
        if (!clause.empty()) clauses.push_back(std::move(clause));
    }
    return Xapian::Query(Xapian::Query::OP_AND, clauses.begin(), clauses.end());
}

QueryBuilder::Part QueryBuilder::word_part(const QueryNode& node, BuiltQuery& out) {
    analyzer_.words(node.text, tokens_);
    if (tokens_.empty()) return {};
    // "Jong-un", "észak-koreai": the index holds the parts at consecutive positions.
    if (tokens_.size() > 1) return Part{phrase_query(tokens_, out), {}, true};
    const std::string word = tokens_.front().word;
    Part part;
    part.is_word = true;
    std::vector<Xapian::Query> stems;
    for (const std::string& lang : languages_) {
        const std::string stem = analyzer_.stem(lang, word);
        if (stem.empty()) {
            part.stop_languages.insert(lang);
            continue;
        }
        stems.emplace_back(schema::stem_term(lang, stem));
        out.terms.stems[lang].insert(stem);
    }
    if (!part.stop_languages.empty()) out.has_stopwords = true;
    if (keep_stopwords_ && !part.stop_languages.empty()) {
        // Stopwords have no stem term; their unstemmed (positional) term is always indexed.
        stems.emplace_back(word);
        out.terms.words.insert(word);
        part.stop_languages.clear();
    }
    if (stems.empty()) out.ignored.push_back(word);
    part.query = Xapian::Query(Xapian::Query::OP_SYNONYM, stems.begin(), stems.end());
    return part;
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
