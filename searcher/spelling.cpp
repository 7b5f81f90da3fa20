#include "searcher/spelling.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

#include "analysis/utf8.hpp"

namespace xling::searcher {
namespace {

struct Edit {
    std::size_t begin = 0;  // byte range of the query replaced
    std::size_t end = 0;
    std::string text;
};

// The words a user typed to be searched: bare words, phrases, NEAR operands (not field values,
// =exact forms or wildcards, which say the user meant them as written).
void collect(const QueryNode& node, std::vector<const QueryNode*>& out) {
    using Kind = QueryNode::Kind;
    if ((node.kind == Kind::Word || node.kind == Kind::Phrase) && !node.exact && !node.wildcard) out.push_back(&node);
    if (node.kind == Kind::Field) return;
    for (const QueryNode& child : node.children) collect(child, out);
}

std::string capitalised(const std::string& word) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
    if (u.isEmpty()) return word;
    const UChar32 first = u.char32At(0);
    u.replace(0, U16_LENGTH(first), u_totitle(first));
    std::string out;
    u.toUTF8String(out);
    return out;
}

}  // namespace

std::string spelling_suggestion(const Xapian::Database& db, std::string_view query, const QueryNode& tree,
                                analysis::Analyzer& analyzer) {
    constexpr std::size_t kMinLetters = 4;      // shorter words have too many neighbours at distance 1-2
    constexpr unsigned kMaxEditDistance = 2;
    std::vector<const QueryNode*> nodes;
    collect(tree, nodes);
    std::vector<Edit> edits;
    std::vector<analysis::AnalyzedToken> tokens;
    for (const QueryNode* node : nodes) {
        const std::size_t at = query.find(node->text, node->position);
        if (at == std::string_view::npos) continue;
        analyzer.words(node->text, tokens);
        for (const auto& token : tokens) {
            if (analysis::code_point_count(token.word) < kMinLetters) continue;
            const std::string better = db.get_spelling_suggestion(token.word, kMaxEditDistance);
            // A word indexed as often as its suggestion is a word of its own, not a typo. (Xapian
            // 1.4 has no public spelling frequency; the word's own is checked by Xapian itself.)
            const Xapian::doccount typed = db.get_termfreq(token.word);
            if (better.empty() || better == token.word || (typed > 0 && typed >= db.get_termfreq(better))) continue;
            edits.push_back({at + token.begin, at + token.end, token.capitalized ? capitalised(better) : better});
        }
    }
    if (edits.empty()) return {};
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
    std::string out;
    std::size_t done = 0;
    for (const Edit& e : edits) {
        if (e.begin < done) continue;  // overlapping (the same text reached twice): first wins
        out.append(query.substr(done, e.begin - done)).append(e.text);
        done = e.end;
    }
    out.append(query.substr(done));
    return out;
}

}  // namespace xling::searcher
