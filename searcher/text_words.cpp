#include "searcher/text_words.hpp"

namespace xling::searcher {

void TextWords::words(std::string_view text, std::vector<analysis::AnalyzedToken>& out) {
    out.clear();
    analyzer_.split(text, spans_);
    out.reserve(spans_.size());
    for (const analysis::WordSpan& span : spans_) {
        key_.assign(text.substr(span.begin, span.end - span.begin));
        auto it = forms_.find(key_);
        if (it == forms_.end()) {
            if (forms_.size() >= kMaxEntries) forms_.clear();
            it = forms_.emplace(key_, analyzer_.word(key_)).first;
        }
        if (!it->second) continue;
        analysis::AnalyzedToken& token = out.emplace_back(*it->second);
        token.begin = span.begin;
        token.end = span.end;
    }
}

}  // namespace xling::searcher
