#include "analysis/language_identifier.hpp"

#include <cstdio>  // CLD2's public header uses FILE without including it
#include <cld2/public/compact_lang_det.h>

#include "analysis/utf8.hpp"
#include "xling/language.hpp"

namespace xling::analysis {

DetectedLanguage identify_language(std::string_view utf8_text) {
    // CLD2 looks at the whole buffer; 64 KiB is plenty to decide and bounds the cost on huge docs.
    constexpr std::size_t kSample = 64 * 1024;
    std::string_view sample = utf8_text.substr(0, kSample);
    // Do not cut a UTF-8 sequence in half at the sample boundary.
    while (sample.size() < utf8_text.size() && !sample.empty() &&
           (static_cast<unsigned char>(utf8_text[sample.size()]) & 0xC0) == 0x80) {
        sample.remove_suffix(1);
    }
    // CLD2 reads past the end of an ill-formed sequence (a fuzzed query found it): whatever a
    // caller hands in, CLD2 only ever sees valid UTF-8 (checked on the sample only: it is all
    // CLD2 reads, and documents were validated before).
    std::string repaired;
    if (find_invalid_utf8(sample)) {
        repaired = replace_invalid_utf8(sample);
        sample = repaired;
    }
    // ExtDetectLanguageSummary rather than DetectLanguage: the latter answers ENGLISH when it
    // cannot tell (for backwards compatibility), which would stem empty or numeric documents
    // as English; the extended call answers UNKNOWN_LANGUAGE.
    CLD2::Language top3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
    int percent3[3] = {0, 0, 0};
    int text_bytes = 0;
    bool reliable = false;
    const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(sample.data(), static_cast<int>(sample.size()), true,
                                                               top3, percent3, &text_bytes, &reliable);
    DetectedLanguage result;
    result.detected = CLD2::LanguageCode(lang);
    result.reliable = reliable;
    result.code = find_language(result.detected) != nullptr ? result.detected : std::string(kUndetermined);
    return result;
}

}  // namespace xling::analysis
