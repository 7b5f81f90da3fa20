#include "searcher/phrase_bound.hpp"

#include <algorithm>
#include <numeric>

namespace xling::searcher {

std::vector<std::string> bounded_phrase_forms(const std::vector<std::string>& forms, std::string_view lang,
                                              std::string_view word, const IndexForms& index, QueryConcept& info) {
    if (forms.size() <= kMaxPhraseWordForms) return forms;
    std::vector<std::pair<Xapian::doccount, std::size_t>> by_frequency;  // (frequency, position in forms)
    by_frequency.reserve(forms.size());
    for (std::size_t i = 0; i < forms.size(); ++i) by_frequency.emplace_back(index.term_frequency(forms[i]), i);
    // Most frequent first; equal frequencies in their original order, so the choice is stable.
    std::stable_sort(by_frequency.begin(), by_frequency.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    by_frequency.resize(kMaxPhraseWordForms);
    std::sort(by_frequency.begin(), by_frequency.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<std::string> kept;
    kept.reserve(kMaxPhraseWordForms);
    for (const auto& [frequency, i] : by_frequency) kept.push_back(forms[i]);
    info.notes.push_back("'" + std::string(word) + "' in " + std::string(lang) + ": the " +
                         std::to_string(kMaxPhraseWordForms) + " most frequent of its " + std::to_string(forms.size()) +
                         " forms in the index are searched in the phrase");
    return kept;
}

}  // namespace xling::searcher
