#include "indexer/text_title.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "analysis/text.hpp"

namespace xling::indexer {
namespace {

using analysis::trim;

// The first non-empty line, trimmed (Markdown: without its leading '#'s).
std::string_view first_line(std::string_view text, TitleStyle style) {
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = trim(text.substr(0, nl));
        if (style == TitleStyle::Markdown) {
            while (!line.empty() && line.front() == '#') line.remove_prefix(1);
            line = trim(line);
        }
        if (!line.empty()) return line;
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return {};
}

// Longest prefix of at most `max` bytes that does not end inside a UTF-8 sequence.
std::size_t utf8_prefix_length(std::string_view s, std::size_t max) {
    if (s.size() <= max) return s.size();
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

struct UTextCloser {
    void operator()(UText* t) const noexcept { utext_close(t); }
};

// Calls `use(iterator)` with an ICU break iterator (`sentences` or words) set on `line`, whose
// boundaries are then byte offsets into it; returns `fallback` when ICU cannot make one.
template <class Use>
std::size_t with_breaks(std::string_view line, bool sentences, std::size_t fallback, Use use) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale& root = icu::Locale::getRoot();
    std::unique_ptr<icu::BreakIterator> it(sentences ? icu::BreakIterator::createSentenceInstance(root, status)
                                                     : icu::BreakIterator::createWordInstance(root, status));
    std::unique_ptr<UText, UTextCloser> ut(
        utext_openUTF8(nullptr, line.data(), static_cast<int64_t>(line.size()), &status));
    if (U_FAILURE(status) || !it || !ut) return fallback;
    it->setText(ut.get(), status);
    const std::size_t out = U_SUCCESS(status) ? use(*it) : fallback;
    it->setText(icu::UnicodeString());  // detach before the UText is closed
    return out;
}

}  // namespace

std::string file_title(std::string_view text, TitleStyle style) {
    std::string_view title = first_line(text, style);
    if (style == TitleStyle::Text) {
        const std::size_t end = with_breaks(title, true, title.size(), [](icu::BreakIterator& it) {
            it.first();
            const int32_t next = it.next();
            return static_cast<std::size_t>(next == icu::BreakIterator::DONE ? 0 : next);
        });
        if (end > 0) title = trim(title.substr(0, end));
    }
    if (title.size() <= kMaxTitleBytes) return std::string(title);
    // The word boundary at or before the limit: preceding(n) is the last one before n.
    const std::size_t cut = with_breaks(title, false, 0, [](icu::BreakIterator& it) {
        const int32_t b = it.preceding(static_cast<int32_t>(kMaxTitleBytes) + 1);
        return static_cast<std::size_t>(b == icu::BreakIterator::DONE ? 0 : b);
    });
    const std::string_view words = trim(title.substr(0, cut));
    if (!words.empty()) return std::string(words);
    return std::string(title.substr(0, utf8_prefix_length(title, kMaxTitleBytes)));  // one word over the limit
}

}  // namespace xling::indexer
