#include "searcher/index_snippet.hpp"

#include <algorithm>
#include <set>

#include "xling/schema.hpp"

namespace xling::searcher {
namespace {

// Words a fragment is assumed to hold when choosing passages by position (the rendering then
// measures code points exactly): about seven code points per word and space.
std::uint64_t words_per_fragment(std::size_t code_points) { return std::max<std::uint64_t>(6, code_points / 7); }

struct Window {
    std::uint64_t first = 0;  // positions [first, last]
    std::uint64_t last = 0;
};

// Candidate passages by position: greedily the window holding the most distinct matched words
// not yet taken, starting a few words before a match. Twice as many as fragments are wanted:
// word counts only estimate code points, so render_passage() makes the final choice on the words.
std::vector<Window> choose_windows(const DocumentMatches& matches, const SnippetOptions& options) {
    const std::size_t wanted = 2 * std::max<std::size_t>(1, options.max_fragments);
    const std::size_t budget = std::max<std::size_t>(40, options.length);
    std::vector<Window> chosen;
    const auto& pos = matches.positions;
    std::vector<bool> covered(pos.size(), false);
    while (chosen.size() < wanted) {
        const std::uint64_t span = words_per_fragment(budget);
        Window best{};
        std::size_t best_score = 0;
        for (std::size_t i = 0; i < pos.size(); ++i) {
            if (covered[i]) continue;
            const Window w{pos[i].first > 3 ? pos[i].first - 3 : 1, (pos[i].first > 3 ? pos[i].first - 3 : 1) + span};
            const bool overlaps = std::any_of(chosen.begin(), chosen.end(),
                                              [&](const Window& c) { return w.first <= c.last && c.first <= w.last; });
            if (overlaps) continue;
            std::set<std::size_t> distinct;
            for (std::size_t j = i; j < pos.size() && pos[j].first <= w.last; ++j) {
                if (!covered[j]) distinct.insert(pos[j].second);
            }
            if (distinct.size() > best_score) {
                best_score = distinct.size();
                best = w;
            }
        }
        if (best_score == 0) break;
        for (std::size_t j = 0; j < pos.size(); ++j) {
            if (pos[j].first >= best.first && pos[j].first <= best.last) covered[j] = true;
        }
        chosen.push_back(best);
    }
    return chosen;
}

struct ByteRange {
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
};

// The bytes to segment for each window: from the skip point at or before its first position (a
// word's start) to the skip point after its last, which the window's words end before; overlapping
// ranges merged.
std::vector<ByteRange> byte_ranges(const std::vector<Window>& windows, const indexer::TextMap& map,
                                   const SnippetOptions& options) {
    // Two bytes per code point covers Latin, Greek and Cyrillic text; a fragment never needs the
    // whole budget (the first gets half, later ones share the rest), so CJK text fits too.
    const std::uint64_t slack = 2 * std::max<std::size_t>(40, options.length) + 64;
    std::vector<ByteRange> ranges;
    for (const Window& w : windows) {
        const std::uint64_t begin = map.offset_before(w.first);
        const std::uint64_t next_skip = w.first + schema::kPositionSkip;
        const std::uint64_t after = next_skip <= map.positions ? map.offset_before(next_skip) : map.text_bytes;
        const std::uint64_t past_last = w.last + 1 + schema::kPositionSkip;
        const std::uint64_t window_end = past_last <= map.positions ? map.offset_before(past_last) : map.text_bytes;
        ranges.push_back({begin, std::min({map.text_bytes, after + slack, window_end})});
    }
    if (ranges.empty()) ranges.push_back({0, std::min(map.text_bytes, slack)});  // no visible match: the opening
    std::sort(ranges.begin(), ranges.end(), [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
    std::vector<ByteRange> merged;
    for (const ByteRange& r : ranges) {
        if (!merged.empty() && r.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, r.end);
        else merged.push_back(r);
    }
    return merged;
}

// Drops a code point cut by the end of a slice that does not reach the end of the text.
void trim_cut_code_point(std::string& slice) {
    std::size_t end = slice.size();
    while (end > 0 && (static_cast<unsigned char>(slice[end - 1]) & 0xC0) == 0x80) --end;
    if (end > 0 && (static_cast<unsigned char>(slice[end - 1]) & 0x80) != 0) --end;
    slice.resize(end);
}

// `w` as the text writes it at its first position, when no passage shows it: the words from the
// skip point before that position, read only when its block is decompressed already (a text up
// to kTextBlockBytes always is), so that `matched` keeps the document's case ("Artikels", not
// "artikels") at the cost of segmenting one skip interval. Empty when it cannot tell.
std::string written_form(const MatchedWord& w, StoredText& text, const indexer::TextMap& map,
                         analysis::Analyzer& analyzer) {
    const std::uint64_t p = w.first_position;
    if (p < 1 || p > map.positions) return {};
    const std::uint64_t skip = 1 + (p - 1) / schema::kPositionSkip * schema::kPositionSkip;
    const std::uint64_t next = skip + schema::kPositionSkip;
    const std::uint64_t begin = map.offset_before(p);
    const std::uint64_t end = next <= map.positions ? map.offset_before(next) : map.text_bytes;
    if (begin >= end || !text.has_block_at(begin) || !text.has_block_at(end - 1)) return {};
    const std::string slice = text.slice(begin, end);
    std::vector<analysis::AnalyzedToken> tokens;
    analyzer.words(slice, tokens);
    const std::size_t at = p - skip;
    if (at >= tokens.size() || tokens[at].word != w.word) return {};
    return slice.substr(tokens[at].begin, tokens[at].end - tokens[at].begin);
}

}  // namespace

Snippet make_index_snippet(const DocumentMatches& matches, StoredText& text, const indexer::TextMap& map,
                           std::string_view lang, const MatchTerms& terms, const SnippetOptions& options,
                           analysis::Analyzer& analyzer) {
    Snippet snippet;
    if (map.text_bytes == 0) return snippet;

    // The passages' text, one run per byte range, and its words.
    // A text no longer than its candidate passages would be together is segmented whole (its
    // snippet is then exactly the whole-text one); a longer text only around those passages.
    constexpr std::uint64_t kWholeTextBytes = 4096;
    const std::vector<ByteRange> ranges = map.text_bytes <= kWholeTextBytes
                                              ? std::vector<ByteRange>{{0, map.text_bytes}}
                                              : byte_ranges(choose_windows(matches, options), map, options);
    std::string joined;
    Passage passage;
    std::vector<analysis::AnalyzedToken> tokens;
    for (std::size_t r = 0; r < ranges.size(); ++r) {
        std::string slice = text.slice(ranges[r].begin, ranges[r].end);
        const bool reaches_end = ranges[r].end >= map.text_bytes;
        if (!reaches_end) trim_cut_code_point(slice);
        analyzer.words(slice, tokens);
        if (!reaches_end && !tokens.empty() && tokens.back().end == slice.size()) tokens.pop_back();  // a cut word
        if (r + 1 == ranges.size()) passage.closes_text = reaches_end;
        if (r == 0) passage.opens_text = ranges[r].begin == 0;
        const std::size_t base = joined.size();
        joined += slice;
        for (analysis::AnalyzedToken& t : tokens) {
            t.begin += base;
            t.end += base;
            passage.tokens.push_back(std::move(t));
            passage.runs.push_back(r);
        }
    }
    passage.text = joined;

    // Highlights: the passage's words that the index says matched (a name-key match only when
    // written with a capital, as the key was made from capitalised words).
    std::map<std::string_view, std::size_t, std::less<>> word_index;
    for (std::size_t i = 0; i < matches.words.size(); ++i) word_index.emplace(matches.words[i].word, i);
    const auto matched_group = [&](const analysis::AnalyzedToken& token, const MatchedWord& w, std::size_t k) {
        return !w.needs_capital[k] || token.capitalized;
    };
    std::vector<bool> hit(passage.tokens.size(), false);
    // Surface forms per matched word as the passages write them, in text order.
    std::vector<std::vector<std::string>> surfaces(matches.words.size());
    for (std::size_t i = 0; i < passage.tokens.size(); ++i) {
        const analysis::AnalyzedToken& token = passage.tokens[i];
        const auto it = word_index.find(token.word);
        if (it == word_index.end()) continue;
        const MatchedWord& w = matches.words[it->second];
        for (std::size_t k = 0; k < w.groups.size() && !hit[i]; ++k) hit[i] = matched_group(token, w, k);
        if (!hit[i]) continue;
        std::string form(joined.substr(token.begin, token.end - token.begin));
        auto& list = surfaces[it->second];
        if (std::find(list.begin(), list.end(), form) == list.end()) list.push_back(std::move(form));
    }

    // Matched forms and concepts from every match in the document, shown or not.
    snippet.concepts.resize(terms.groups.size());
    std::set<std::string, std::less<>> seen;
    std::vector<std::set<std::string, std::less<>>> seen_by_group(terms.groups.size());
    for (std::size_t i = 0; i < matches.words.size(); ++i) {
        const MatchedWord& w = matches.words[i];
        if (surfaces[i].empty()) {
            if (std::string written = written_form(w, text, map, analyzer); !written.empty()) surfaces[i].push_back(std::move(written));
        }
        const std::vector<std::string> own{w.word};
        const std::vector<std::string>& forms = surfaces[i].empty() ? own : surfaces[i];
        for (const std::string& form : forms) {
            for (const std::size_t g : w.groups) {
                if (seen_by_group[g].insert(form).second) snippet.concepts[g].forms.push_back(form);
                if (!w.stem.empty()) note_translation(terms.groups[g], lang, w.stem, form, snippet.concepts[g]);
                note_accent(terms.groups[g], lang, w.word, w.stem, form, snippet.concepts[g]);
            }
            if (seen.insert(form).second) snippet.matched.push_back(form);
        }
    }
    finish_concepts(terms, snippet.concepts);
    snippet.text = render_passage(passage, hit, options);
    return snippet;
}

}  // namespace xling::searcher
