#include "searcher/stem_guard.hpp"

#include <algorithm>
#include <cstdint>

#include "analysis/utf8.hpp"
#include "xling/schema.hpp"

namespace xling::searcher {

namespace {
// Where a 3-letter stem of a long word was measured to conflate unrelated words (see the header).
bool short_stems_overreach(std::string_view lang) { return lang == "lt" || lang == "ru"; }
}  // namespace

bool stem_keeps_a_word(const analysis::Analyzer& analyzer, std::string_view lang, std::string_view word,
                       std::string_view stem) {
    if (stem == word) return true;
    return analysis::code_point_count(stem) >= kMinStemLetters && !analyzer.is_stopword(lang, stem);
}

bool plausible_stem(const analysis::Analyzer& analyzer, std::string_view lang, std::string_view word,
                    std::string_view stem) {
    if (stem == word) return true;
    if (!stem_keeps_a_word(analyzer, lang, word, stem)) return false;
    const std::size_t stem_letters = analysis::code_point_count(stem);
    return !short_stems_overreach(lang) || stem_letters > kMinStemLetters ||
           2 * stem_letters > analysis::code_point_count(word);
}

bool too_frequent(const Xapian::Database& db, std::string_view lang, std::string_view stem) {
    const Xapian::doccount documents = db.get_termfreq(schema::language_term(lang));
    if (documents < kMinDocumentsForShare) return false;
    return 2 * static_cast<std::uint64_t>(db.get_termfreq(schema::stem_term(lang, stem))) > documents;
}

bool stem_mostly_other_words(const Xapian::Database& db, std::string_view lang, const std::string& word,
                             std::string_view stem) {
    if (stem == word || analysis::code_point_count(stem) > kMinStemLetters + 1) return false;
    const Xapian::doccount own = std::max<Xapian::doccount>(1, db.get_termfreq(word));
    return db.get_termfreq(schema::stem_term(lang, stem)) > kShortStemDominance * static_cast<std::uint64_t>(own);
}

std::vector<std::string> unstemmed_forms(IndexForms& forms, std::string_view lang, const std::string& word,
                                         bool capitalized) {
    if (capitalized) return forms.forms(lang, word);
    if (forms.has_term(word)) return {word};
    return {};
}

}  // namespace xling::searcher
