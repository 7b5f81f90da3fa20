#include "searcher/query_language.hpp"

#include <algorithm>
#include <cstdio>

#include "analysis/language_identifier.hpp"
#include "analysis/text.hpp"
#include "analysis/utf8.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"

namespace xling::searcher {
namespace {

// Votes of each kind of evidence; a letter outweighs a dictionary hit (the table holds many
// loanwords and shared spellings), CLD2's reliable answer counts as much as one word.
constexpr double kLetterVote = 2.0;
constexpr double kDictionaryVote = 1.0;
constexpr double kStopwordVote = 1.0;
constexpr double kCld2Vote = 1.0;
constexpr double kMargin = 0.25;  // the winner must lead by this much

// Code points above ASCII of valid UTF-8 `text`.
std::vector<char32_t> non_ascii_code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (const char32_t cp : analysis::code_points(text)) {
        if (cp >= 0x80) out.push_back(cp);
    }
    return out;
}

void collect(const QueryNode& node, std::vector<std::string>& out) {
    using Kind = QueryNode::Kind;
    if (node.kind == Kind::Field) return;
    if ((node.kind == Kind::Word && !node.wildcard) || node.kind == Kind::Phrase) out.push_back(node.text);
    for (const auto& child : node.children) collect(child, out);
}

std::string format_vote(double v) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

}  // namespace

std::vector<std::string> query_texts(const QueryNode& root) {
    std::vector<std::string> out;
    collect(root, out);
    return out;
}

QueryLanguageDetector::QueryLanguageDetector(const analysis::AnalysisData& data) {
    for (const LanguageInfo& lang : supported_languages()) {
        const auto& letters = data.stopwords(lang.code).letters();
        alphabets_[std::string(lang.code)].insert(letters.begin(), letters.end());
    }
}

QueryLanguage QueryLanguageDetector::detect(const std::vector<std::string>& words, std::string_view text,
                                            const std::vector<std::string>& candidates, const TranslationTable& table,
                                            analysis::Analyzer& analyzer) const {
    std::map<std::string, double> score;
    std::map<std::string, std::vector<std::string>> reasons;
    const auto vote = [&](const std::vector<std::string>& langs, double weight, const std::string& why) {
        for (const auto& l : langs) {
            score[l] += weight / static_cast<double>(langs.size());
            reasons[l].push_back(why);
        }
    };
    TranslationOptions probe;
    probe.max_per_language = 1;
    for (const std::string& word : words) {
        std::set<char32_t> letters;
        for (const char32_t cp : non_ascii_code_points(word)) letters.insert(cp);
        for (const char32_t cp : letters) {
            std::vector<std::string> fits;
            for (const auto& l : candidates) {
                const auto it = alphabets_.find(l);
                if (it != alphabets_.end() && it->second.count(cp) != 0) fits.push_back(l);
            }
            if (!fits.empty()) vote(fits, kLetterVote, "letters");
        }
        std::vector<std::string> in_dictionary;
        std::vector<std::string> stop_in;
        for (const auto& l : candidates) {
            if (analyzer.is_stopword(l, word)) {
                stop_in.push_back(l);
                continue;
            }
            if (!table.lookup(l, word, analyzer.stem(l, word), probe).empty()) in_dictionary.push_back(l);
        }
        if (!in_dictionary.empty()) vote(in_dictionary, kDictionaryVote, "dictionary");
        if (!stop_in.empty() && stop_in.size() < candidates.size()) vote(stop_in, kStopwordVote, "stopword");
    }
    const analysis::DetectedLanguage cld2 = analysis::identify_language(text);
    if (cld2.reliable && std::find(candidates.begin(), candidates.end(), cld2.code) != candidates.end()) {
        vote({cld2.code}, kCld2Vote, "cld2");
    }

    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [l, s] : score) ranked.emplace_back(s, l);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QueryLanguage out;
    for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) {
        auto& why = reasons[ranked[i].second];
        std::sort(why.begin(), why.end());
        why.erase(std::unique(why.begin(), why.end()), why.end());
        const std::string joined = analysis::join(why, "+");
        out.evidence += (out.evidence.empty() ? "" : ", ") + ranked[i].second + " " + format_vote(ranked[i].first) + " (" + joined + ")";
    }
    if (out.evidence.empty()) out.evidence = "no evidence";
    const bool leads = !ranked.empty() && (ranked.size() == 1 || ranked[0].first >= ranked[1].first + kMargin);
    if (leads) {
        out.code = ranked[0].second;
        out.method = "detected";
    } else {
        out.method = "undetermined";
    }
    return out;
}

}  // namespace xling::searcher
