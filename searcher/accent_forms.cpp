#include "searcher/accent_forms.hpp"

#include <algorithm>

#include "analysis/utf8.hpp"
#include "xling/schema.hpp"

namespace xling::searcher {

AccentForms::AccentForms(const Xapian::Database& db, analysis::AccentFolder& folder, analysis::Analyzer& analyzer,
                         IndexForms& forms)
    : db_(db), folder_(folder), analyzer_(analyzer), forms_(forms) {}

const std::vector<std::string>& AccentForms::words(std::string_view lang, std::string_view word) {
    std::string cache_key(lang);
    cache_key.push_back('\0');
    cache_key += word;
    if (const auto it = cache_.find(cache_key); it != cache_.end()) return it->second;
    std::vector<std::string> found;
    const std::string key = schema::accent_key(lang, folder_.fold(word));
    for (auto it = db_.synonyms_begin(key); it != db_.synonyms_end(key); ++it) {
        const std::string real = *it;
        // Entries outlive deleted documents (schema.hpp): only words still indexed count.
        if (real != word && folder_.completes(lang, word, real) && forms_.has_term(real)) found.push_back(real);
    }
    return cache_.emplace(std::move(cache_key), std::move(found)).first->second;
}

const std::vector<std::string>& AccentForms::stems(std::string_view lang, std::string_view word) {
    std::string cache_key(lang);
    cache_key.push_back('\0');
    cache_key += word;
    if (const auto it = stem_cache_.find(cache_key); it != stem_cache_.end()) return it->second;
    std::vector<std::string> found;
    const std::string stem = analyzer_.stem(lang, folder_.fold(word));
    if (!stem.empty()) {
        const std::string key = schema::accent_stem_key(lang, stem);
        for (auto it = db_.synonyms_begin(key); it != db_.synonyms_end(key); ++it) {
            const std::string real = *it;
            // A stem is the start of its words: the letters typed there must agree with it
            // ("kör" does not reach the stem "kór").
            const std::string typed = analysis::first_code_points(word, analysis::code_point_count(real));
            if (real != stem && folder_.completes(lang, typed, real) && forms_.has_term(schema::stem_term(lang, real))) {
                found.push_back(real);
            }
        }
    }
    return stem_cache_.emplace(std::move(cache_key), std::move(found)).first->second;
}

void AccentForms::note(const std::string& lang, const std::string& word, MatchGroup& group) const {
    auto& listed = group.concept_info.accent_forms[lang];
    if (std::find(listed.begin(), listed.end(), word) == listed.end()) listed.push_back(word);
}

std::vector<Xapian::Query> AccentForms::word_alternatives(const std::string& word, const std::vector<std::string>& languages,
                                                          MatchGroup& group) {
    std::vector<Xapian::Query> out;
    for (const std::string& lang : languages) {
        const std::vector<std::string>& accented = words(lang, word);
        const std::vector<std::string>& accented_stems = stems(lang, word);
        if (accented.empty() && accented_stems.empty()) continue;
        const auto exact = group.stems.find(lang);
        std::vector<std::string> new_stems;
        std::vector<std::string> stopwords;
        const auto is_new = [&](const std::string& stem) {
            return (exact == group.stems.end() || exact->second.count(stem) == 0) &&
                   std::find(new_stems.begin(), new_stems.end(), stem) == new_stems.end();
        };
        for (const std::string& real : accented) {
            const std::string stem = analyzer_.stem(lang, real);
            if (stem.empty()) {
                stopwords.push_back(real);  // no stem term: the word itself, in documents of lang
            } else if (is_new(stem)) {
                new_stems.push_back(stem);
            } else {
                continue;
            }
            note(lang, real, group);
        }
        // Stems of inflections the documents wrote otherwise, listed as "stem*".
        for (const std::string& stem : accented_stems) {
            if (!is_new(stem)) continue;
            new_stems.push_back(stem);
            note(lang, stem + "*", group);
        }
        for (const std::string& stem : new_stems) {
            out.emplace_back(schema::stem_term(lang, stem));
            group.accent_stems[lang].insert(stem);
            group.stems[lang].insert(stem);
        }
        if (!stopwords.empty()) {
            out.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, stopwords.begin(), stopwords.end()),
                             Xapian::Query(schema::language_term(lang)));
            group.accent_words[lang].insert(stopwords.begin(), stopwords.end());
            group.lang_words[lang].insert(stopwords.begin(), stopwords.end());
        }
    }
    return out;
}

std::vector<Xapian::Query> AccentForms::phrase_alternatives(const std::vector<analysis::AnalyzedToken>& tokens,
                                                            const std::vector<std::string>& languages, MatchGroup& group) {
    std::vector<Xapian::Query> out;
    for (const std::string& lang : languages) {
        std::vector<Xapian::Query> positions;
        std::vector<std::string> accented_forms;
        for (const auto& token : tokens) {
            std::vector<std::string> forms = forms_.stem_forms(lang, token.word);
            std::vector<std::string> accented = words(lang, token.word);
            // A stem is (nearly always) its own stem: its index forms are those of its words.
            const std::vector<std::string>& accented_stems = stems(lang, token.word);
            accented.insert(accented.end(), accented_stems.begin(), accented_stems.end());
            for (const std::string& real : accented) {
                for (const std::string& f : forms_.stem_forms(lang, real)) {
                    if (std::find(forms.begin(), forms.end(), f) != forms.end()) continue;
                    forms.push_back(f);
                    accented_forms.push_back(f);
                }
            }
            if (forms.empty()) {
                positions.clear();
                break;
            }
            positions.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
        }
        if (positions.empty() || accented_forms.empty()) continue;
        for (const std::string& f : accented_forms) {
            note(lang, f, group);
            group.accent_words[lang].insert(f);
            group.lang_words[lang].insert(f);
        }
        const auto window = static_cast<Xapian::termcount>(positions.size());
        out.emplace_back(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_PHRASE, positions.begin(), positions.end(), window),
                         Xapian::Query(schema::language_term(lang)));
    }
    return out;
}

Xapian::Query with_accented(const std::vector<Xapian::Query>& exact, const std::vector<Xapian::Query>& accented) {
    Xapian::Query exact_query(Xapian::Query::OP_SYNONYM, exact.begin(), exact.end());
    if (accented.empty()) return exact_query;
    std::vector<Xapian::Query> all(exact);
    all.insert(all.end(), accented.begin(), accented.end());
    const Xapian::Query widened(Xapian::Query::OP_SCALE_WEIGHT,
                                Xapian::Query(Xapian::Query::OP_SYNONYM, all.begin(), all.end()), kAccentWeight);
    if (exact_query.empty()) return widened;
    return Xapian::Query(Xapian::Query::OP_MAX, exact_query, widened);
}

}  // namespace xling::searcher
