#include "searcher/inflected_names.hpp"

#include <algorithm>

#include "analysis/utf8.hpp"

namespace xling::searcher {

InflectedNames::InflectedNames(const AliasTable& aliases, std::shared_ptr<const analysis::AnalysisData> data,
                               analysis::Analyzer& analyzer, analysis::AccentFolder& folder)
    : aliases_(aliases), data_(std::move(data)), analyzer_(analyzer), folder_(folder) {}

void InflectedNames::read_names() {
    read_ = true;
    rule_languages_ = data_->name_rule_languages();
    std::vector<analysis::AnalyzedToken> tokens;
    const auto& entities = aliases_.entities();
    for (std::size_t e = 0; e < entities.size(); ++e) {
        for (const EntityName& name : entities[e].names) {
            if (name.weak) continue;
            analyzer_.words(name.name, tokens);
            if (tokens.empty()) continue;
            Name n{e, name.lang, {}, {}};
            for (const auto& t : tokens) {
                n.words.push_back(t.word);
                n.folded.push_back(folder_.fold(t.word));
            }
            by_initial_[analysis::first_code_points(n.folded.front(), 1)].push_back(names_.size());
            names_.push_back(std::move(n));
        }
    }
}

const analysis::NameRules& InflectedNames::folded_rules(const std::string& lang) {
    auto it = folded_rules_.find(lang);
    if (it == folded_rules_.end()) {
        it = folded_rules_.emplace(lang, data_->name_rules(lang).folded([&](const std::string& s) { return folder_.fold(s); }))
                 .first;
    }
    return it->second;
}

// `word` is `name_word` inflected by the rules of `lang` (both folded when `folded`).
bool InflectedNames::form_in(const std::string& lang, const std::string& name_word, const std::string& word, bool folded) {
    const auto in = [&](const std::string& l) {
        return folded ? folded_rules(l).is_form_of(name_word, word) : data_->name_rules(l).is_form_of(name_word, word);
    };
    if (lang != "*") return in(lang);
    return std::any_of(rule_languages_.begin(), rule_languages_.end(), in);
}

bool InflectedNames::word_matches(const Name& name, std::size_t i, const std::string& word, const std::string& folded_word) {
    if (word == name.words[i] || form_in(name.lang, name.words[i], word, false)) return true;
    if (folded_word.empty()) return false;
    return folded_word == name.folded[i] || form_in(name.lang, name.folded[i], folded_word, true);
}

std::vector<const Entity*> InflectedNames::lookup(const std::vector<std::string>& words, bool fold) {
    std::vector<const Entity*> found;
    if (words.empty() || (words.size() == 1 && analysis::code_point_count(words.front()) < kMinInflectedNameWord)) return found;
    if (!read_) read_names();
    std::vector<std::string> folded;
    for (const auto& w : words) folded.push_back(fold ? folder_.fold(w) : std::string());
    const std::string initial = analysis::first_code_points(fold ? folded.front() : folder_.fold(words.front()), 1);
    const auto bucket = by_initial_.find(initial);
    if (bucket == by_initial_.end()) return found;
    const auto& entities = aliases_.entities();
    for (const std::size_t index : bucket->second) {
        const Name& name = names_[index];
        if (name.words.size() != words.size()) continue;
        const Entity* entity = &entities[name.entity];
        if (std::find(found.begin(), found.end(), entity) != found.end()) continue;
        bool all = true;
        for (std::size_t i = 0; i < words.size() && all; ++i) all = word_matches(name, i, words[i], folded[i]);
        if (all) found.push_back(entity);
    }
    return found;
}

}  // namespace xling::searcher
