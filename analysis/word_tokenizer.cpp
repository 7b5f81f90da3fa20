#include "analysis/word_tokenizer.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <string>

#include "xling/error.hpp"

namespace xling::analysis {

WordTokenizer::WordTokenizer() {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words_) {
        throw ConfigError(std::string("cannot create ICU word break iterator: ") + u_errorName(status));
    }
}

WordTokenizer::~WordTokenizer() = default;
WordTokenizer::WordTokenizer(WordTokenizer&&) noexcept = default;
WordTokenizer& WordTokenizer::operator=(WordTokenizer&&) noexcept = default;

void WordTokenizer::split(std::string_view text, std::vector<WordSpan>& out) {
    out.clear();
    UErrorCode status = U_ZERO_ERROR;
    // A UTF-8 UText makes the iterator's boundaries byte offsets into `text` (no UTF-16 copy).
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) return;
    words_->setText(ut, status);
    if (U_SUCCESS(status)) {
        int32_t start = words_->first();
        for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
            if (words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
                out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
            }
        }
    }
    // Detach the iterator from the UText before closing it.
    words_->setText(icu::UnicodeString());
    utext_close(ut);
}

}  // namespace xling::analysis
