#include "indexer/word_tables.hpp"

#include <algorithm>
#include <utility>

#include "analysis/utf8.hpp"
#include "xling/schema.hpp"

namespace xling::indexer {

void WordTableBatch::add(const WordTableEntries& entries) {
    for (const auto& [key, word] : entries.synonyms) add_synonym(key, word);
    for (const auto& word : entries.spellings) ++spellings_[word];
}

// Each entry is freed as soon as Xapian has its copy: written all at once, the batch and Xapian's
// change maps were both whole at the commit's peak (+8 MB of 128 on the 20 MB sample).
void WordTableBatch::write_to(Xapian::WritableDatabase& db) {
    try {
        while (!synonyms_.empty()) {
            const auto node = synonyms_.extract(synonyms_.begin());
            for (const auto& word : node.mapped()) db.add_synonym(node.key(), word);
        }
        while (!spellings_.empty()) {
            const auto node = spellings_.extract(spellings_.begin());
            db.add_spelling(node.key(), node.mapped());
        }
    } catch (...) {
        synonyms_.clear();
        spellings_.clear();
        throw;
    }
}

std::size_t WordTableEntries::estimated_bytes() const noexcept {
    // A synonym entry is a key and a word in Xapian's change map; a spelling word a frequency
    // entry and, when new, its fragments (about one per letter).
    constexpr std::size_t kPerSynonym = 120;
    constexpr std::size_t kPerSpelling = 60;
    return synonyms.size() * kPerSynonym + spellings.size() * kPerSpelling;
}

bool WordTableCollector::spelling_word(const analysis::AnalyzedToken& token) {
    constexpr std::size_t kMinLetters = 4;
    if (!token.capitalized || token.stopword) return false;
    if (std::any_of(token.word.begin(), token.word.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    return analysis::code_point_count(token.word) >= kMinLetters;
}

namespace {
// "Belousov's" is indexed as one word; its spelling word is the name: "belousov".
std::string without_possessive(const std::string& word) {
    if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) return word.substr(0, word.size() - 2);
    if (word.size() > 1 && word.back() == '\'') return word.substr(0, word.size() - 1);
    return word;
}
}  // namespace

std::string WordTableCollector::spelling_of(const analysis::AnalyzedToken& token) {
    return spelling_word(token) ? without_possessive(token.word) : std::string();
}

void WordTableCollector::add_form(std::string_view lang, const analysis::AnalyzedToken& token) {
    // ASCII words have no accents to drop: skip the set lookup for them (most words).
    if (std::all_of(token.word.begin(), token.word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return;
    const std::vector<std::string> folded_forms = folder_.folded_forms(lang, token.word);
    for (const std::string& folded : folded_forms) pending_.synonyms.emplace_back(schema::accent_key(lang, folded), token.word);
    if (token.stopword) return;
    // Snowball's suffix rules differ with and without accents ("korėja" -> "kor", "koreja" and
    // "korejos" -> "korej"), so the key is the stem of the folded word, as a query typed without
    // accents stems. Many words share a stem: Xapian's change map merges the repeats of a batch.
    for (const std::string& folded : folded_forms) {
        const std::string folded_stem = analyzer_.stem(lang, folded);
        if (!folded_stem.empty() && folded_stem != token.stem) {
            pending_.synonyms.emplace_back(schema::accent_stem_key(lang, folded_stem), token.stem);
        }
    }
}

WordTableEntries WordTableCollector::finish_document() {
    pending_.spellings.assign(document_spellings_.begin(), document_spellings_.end());
    std::sort(pending_.spellings.begin(), pending_.spellings.end());  // the same input, the same calls
    document_spellings_.clear();
    WordTableEntries out = std::move(pending_);
    pending_ = {};
    return out;
}

}  // namespace xling::indexer
