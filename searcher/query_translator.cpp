#include "searcher/query_translator.hpp"

#include <algorithm>

#include "analysis/text.hpp"
#include "searcher/stem_guard.hpp"
#include "xling/language.hpp"
#include "xling/schema.hpp"

namespace xling::searcher {
namespace {

// Candidates fetched per language before the selection: a few more than kept, so the relative
// cut-off and the merging of several source languages see the runners-up.
constexpr std::size_t kExtraCandidates = 4;

Xapian::Query in_language(const std::string& lang, Xapian::Query query) {
    return Xapian::Query(Xapian::Query::OP_FILTER, std::move(query), Xapian::Query(schema::language_term(lang)));
}

// The --explain note of a phrase: the languages it was translated into as a whole and word by
// word (`content_words` the words that took part).
std::string phrase_note(const std::vector<std::string>& as_whole, const std::vector<std::string>& by_word,
                        std::size_t content_words) {
    const auto list = [](const std::vector<std::string>& langs) { return analysis::join(langs, ","); };
    std::string note;
    if (!as_whole.empty()) note += "phrase translated as a whole into " + list(as_whole);
    if (!by_word.empty()) {
        note += std::string(note.empty() ? "" : "; ") + "word by word (within " + std::to_string(content_words + 2) +
                " words, any order) into " + list(by_word);
    }
    return note.empty() ? "phrase not translated (a word has no translation)" : note;
}

bool contains_term(const std::vector<Xapian::Query>& alternatives, const std::string& term) {
    return std::any_of(alternatives.begin(), alternatives.end(), [&](const Xapian::Query& q) {
        return q.get_type() == Xapian::Query::LEAF_TERM && *q.get_terms_begin() == term;
    });
}

}  // namespace

QueryTranslator::QueryTranslator(const TranslationTable& table, analysis::Analyzer& analyzer, IndexForms& forms,
                                 std::vector<std::string> target_languages, std::string source_lang,
                                 TranslationRequest limits, AccentForms* accents)
    : table_(table),
      analyzer_(analyzer),
      forms_(forms),
      targets_(std::move(target_languages)),
      source_(std::move(source_lang)),
      limits_(std::move(limits)),
      accents_(accents) {
    std::erase_if(targets_, [](const std::string& l) { return find_language(l) == nullptr; });  // "und": no stemmer
    for (const auto& l : table_.languages()) {
        if (find_language(l) != nullptr) table_languages_.push_back(l);
    }
}

// The query language, or when it is undetermined every table language that knows the key and
// where it is not a stopword.
std::vector<std::string> QueryTranslator::sources(std::string_view key, bool phrase) {
    if (!source_.empty()) return {source_};
    std::vector<std::string> out;
    TranslationOptions probe;
    probe.max_per_language = 1;
    for (const auto& l : table_languages_) {
        if (!phrase && analyzer_.is_stopword(l, key)) continue;
        if (!table_.lookup(l, key, phrase ? std::vector<std::string>{} : lookup_keys(l, key), probe).empty()) out.push_back(l);
    }
    return out;
}

// The keys by which the table may find `key`'s headword in `lang` (LookupKeyFunction): the
// lemmas an analysis gives (none yet: Snowball only), then the stem unless that stem is no
// plausible form of the word there (Hungarian `ki` for `Kim` would bring `kiad` "ausgeben").
std::vector<std::string> QueryTranslator::lookup_keys(const std::string& lang, std::string_view key) {
    std::vector<std::string> keys = lemma_keys_ ? lemma_keys_(lang, key) : std::vector<std::string>{};
    const std::string stem = analyzer_.stem(lang, key);
    if (!stem.empty() && stem_keeps_a_word(analyzer_, lang, key, stem)) keys.push_back(stem);
    return keys;
}

QueryTranslator::Selection QueryTranslator::select(std::string_view key, bool phrase) {
    const std::vector<std::string> from = sources(key, phrase);
    Selection out;
    if (from.empty()) return out;
    const float share = 1.0F / static_cast<float>(from.size());
    for (const auto& src : from) {
        TranslationOptions options;
        options.max_per_language = limits_.max_per_language + kExtraCandidates;
        options.min_weight = 0;
        for (const auto& t : targets_) {
            if (t != src) options.target_languages.push_back(t);
        }
        if (options.target_languages.empty()) continue;
        const std::vector<std::string> keys = phrase ? std::vector<std::string>{} : lookup_keys(src, key);
        for (const TargetTranslations& target : table_.lookup(src, key, keys, options)) {
            auto& list = out[target.lang];
            for (const Translation& t : target.translations) {
                const float weight = t.weight * share;
                const auto same = std::find_if(list.begin(), list.end(), [&](const auto& c) { return c.text == t.text; });
                if (same == list.end()) {
                    list.push_back({t.text, weight, t.via, src, {}, false});
                } else if (weight > same->weight) {
                    same->weight = weight, same->via = t.via, same->from_lang = src;
                }
            }
        }
    }
    for (auto& [lang, list] : out) {
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
        const float best = list.empty() ? 0.0F : list.front().weight;
        std::erase_if(list, [&](const ConceptTranslation& c) {
            return c.weight < limits_.min_weight || c.weight < limits_.min_relative_weight * best;
        });
        if (list.size() > limits_.max_per_language) list.resize(limits_.max_per_language);
    }
    std::erase_if(out, [](const auto& entry) { return entry.second.empty(); });
    return out;
}

void QueryTranslator::note_stem(const std::string& lang, const std::string& stem, const std::string& text, MatchGroup& group) {
    group.stems[lang].insert(stem);
    auto& texts = group.translated[lang][stem];
    if (std::find(texts.begin(), texts.end(), text) == texts.end()) texts.push_back(text);
}

// One translation into `lang`: its stem term, or a phrase over its words' index forms.
// False when it cannot match (a stopword, or a phrase word the index never saw).
bool QueryTranslator::add_translation(const std::string& lang, ConceptTranslation translation, MatchGroup& group,
                                      std::vector<Xapian::Query>& alternatives) {
    std::vector<analysis::AnalyzedToken> words;
    analyzer_.words(translation.text, words);
    if (words.empty()) return false;
    if (words.size() == 1) {
        const std::string stem = analyzer_.stem(lang, words.front().word);
        // A stem the translation reaches by losing most of itself matches other words of the
        // language (Lithuanian `parama` -> `par`: paros, parą, pardavus): dropped.
        if (stem.empty() || !plausible_stem(analyzer_, lang, words.front().word, stem)) return false;
        if (too_frequent(forms_.database(), lang, stem)) return false;
        if (stem_mostly_other_words(forms_.database(), lang, words.front().word, stem)) {
            const std::string& word = words.front().word;
            if (!forms_.has_term(word)) return false;
            alternatives.push_back(in_language(lang, Xapian::Query(word)));
            group.lang_words[lang].insert(word);
            group.concept_info.translations[lang].push_back(std::move(translation));
            return true;
        }
        // The word's own stem in this language (or another translation's) may be in the group
        // already: a second copy would count its occurrences twice.
        if (const std::string term = schema::stem_term(lang, stem); !contains_term(alternatives, term)) {
            alternatives.emplace_back(term);
        }
        note_stem(lang, stem, translation.text, group);
        translation.stems.push_back(schema::stem_term(lang, stem));
    } else {
        std::vector<Xapian::Query> positions;
        for (const auto& w : words) {
            const std::vector<std::string>& found = forms_.stem_forms(lang, w.word);
            if (found.empty()) return false;
            positions.emplace_back(Xapian::Query::OP_OR, found.begin(), found.end());
        }
        for (const auto& w : words) {
            const std::string stem = analyzer_.stem(lang, w.word);
            if (stem.empty()) continue;
            note_stem(lang, stem, translation.text, group);
            translation.stems.push_back(schema::stem_term(lang, stem));
        }
        const auto window = static_cast<Xapian::termcount>(positions.size());
        alternatives.push_back(in_language(lang, Xapian::Query(Xapian::Query::OP_PHRASE, positions.begin(), positions.end(), window)));
        translation.phrase = true;
    }
    group.concept_info.translations[lang].push_back(std::move(translation));
    return true;
}

QueryTranslator::Selection QueryTranslator::select_accented(const std::string& word, std::vector<std::string>& completed) {
    Selection merged;
    if (accents_ == nullptr) return merged;
    const std::vector<std::string> langs = source_.empty() ? table_languages_ : std::vector<std::string>{source_};
    for (const std::string& lang : langs) {
        for (const std::string& real : accents_->words(lang, word)) {
            if (std::find(completed.begin(), completed.end(), real) != completed.end()) continue;
            Selection found = select(real, false);
            if (found.empty()) continue;
            completed.push_back(real);
            for (auto& [target, list] : found) {
                auto& into = merged[target];
                for (auto& t : list) {
                    const auto same = std::find_if(into.begin(), into.end(), [&](const auto& c) { return c.text == t.text; });
                    if (same == into.end()) {
                        into.push_back(std::move(t));
                    } else if (t.weight > same->weight) {
                        *same = std::move(t);
                    }
                }
            }
        }
    }
    for (auto& [target, list] : merged) {
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.weight > b.weight; });
        if (list.size() > limits_.max_per_language) list.resize(limits_.max_per_language);
    }
    return merged;
}

void QueryTranslator::add_word(const analysis::AnalyzedToken& token, MatchGroup& group, std::vector<Xapian::Query>& alternatives) {
    if (!source_.empty() && analyzer_.is_stopword(source_, token.word)) {
        group.concept_info.translation_note = "stopword in " + source_ + ": not translated";
        return;
    }
    if (source_.empty()) {
        // With the query language unknown, a word that is a function word of one of the
        // languages is taken as that (English `and` is no misspelt Andes).
        for (const auto& l : table_languages_) {
            if (analyzer_.is_stopword(l, token.word)) {
                group.concept_info.translation_note = "stopword in " + l + ": not translated";
                return;
            }
        }
    }
    Selection selection = select(token.word, false);
    if (selection.empty()) {
        // Typed without its diacritics, the word is no headword ("egyuttmukodes"): the words of
        // the index it completes to are (issue 15: accent-free NTREX queries lost 0.03-0.08 MRR).
        std::vector<std::string> completed;
        selection = select_accented(token.word, completed);
        if (!selection.empty()) {
            std::string listed;
            for (const auto& w : completed) listed += (listed.empty() ? "" : ", ") + w;
            group.concept_info.translation_note = "translated as " + listed + " (diacritics completed)";
        }
    }
    if (selection.empty()) {
        group.concept_info.translation_note =
            source_.empty() ? "in no language's table: not translated" : "not in the " + source_ + " table: not translated";
        return;
    }
    for (const auto& [lang, list] : selection) {
        for (const auto& t : list) add_translation(lang, t, group, alternatives);
    }
}

// Index forms of the single-word translations of `word` into `lang` (one slot of a
// word-by-word phrase), noted in `record` and the group's highlights.
std::vector<std::string> QueryTranslator::slot_forms(const std::string& lang, const std::vector<ConceptTranslation>& list,
                                                     MatchGroup& group, ConceptTranslation& record) {
    std::vector<std::string> forms;
    std::string texts;
    for (const auto& t : list) {
        std::vector<analysis::AnalyzedToken> words;
        analyzer_.words(t.text, words);
        if (words.size() != 1) continue;
        const std::string stem = analyzer_.stem(lang, words.front().word);
        if (stem.empty() || !plausible_stem(analyzer_, lang, words.front().word, stem)) continue;
        const std::vector<std::string>& found = forms_.stem_forms(lang, words.front().word);
        if (found.empty()) continue;
        forms.insert(forms.end(), found.begin(), found.end());
        note_stem(lang, stem, t.text, group);
        record.stems.push_back(schema::stem_term(lang, stem));
        texts += (texts.empty() ? "" : " | ") + t.text;
        record.weight = std::max(record.weight, t.weight);
        record.from_lang = t.from_lang;
    }
    if (!forms.empty()) record.text += (record.text.empty() ? "" : " NEAR ") + ("(" + texts + ")");
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    return forms;
}

// The phrase word by word into `lang`: one slot per content word (the forms of its single-word
// translations, see slot_forms), the slots NEAR each other in documents of `lang`. False when a
// word has no such translation: the phrase cannot be rendered, and the highlights of `lang` noted
// on the way are taken back.
bool QueryTranslator::add_word_by_word(const std::string& lang, const std::vector<Selection>& per_word, MatchGroup& group,
                                       std::vector<Xapian::Query>& alternatives) {
    const auto saved_stems = group.stems[lang];
    const auto saved_translated = group.translated[lang];
    ConceptTranslation record;
    record.via = "word by word";
    record.phrase = true;
    std::vector<Xapian::Query> slots;
    for (const Selection& word : per_word) {
        const auto it = word.find(lang);
        if (it == word.end()) break;
        std::vector<std::string> forms = slot_forms(lang, it->second, group, record);
        if (forms.empty()) break;
        slots.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
    }
    if (slots.size() != per_word.size()) {
        group.stems[lang] = saved_stems;
        group.translated[lang] = saved_translated;
        return false;
    }
    const auto window = static_cast<Xapian::termcount>(slots.size() + 2);
    alternatives.push_back(in_language(
        lang, slots.size() == 1 ? slots.front() : Xapian::Query(Xapian::Query::OP_NEAR, slots.begin(), slots.end(), window)));
    group.concept_info.translations[lang].push_back(std::move(record));
    return true;
}

void QueryTranslator::add_phrase(const std::vector<analysis::AnalyzedToken>& tokens, MatchGroup& group,
                                 std::vector<Xapian::Query>& alternatives) {
    const Selection whole = select(analysis::join_words(tokens), true);
    std::vector<Selection> per_word;
    for (const auto& token : tokens) {
        // Stopwords inside a phrase ("head of state") need no slot: NEAR does not keep order anyway.
        if (!source_.empty() && analyzer_.is_stopword(source_, token.word)) continue;
        per_word.push_back(select(token.word, false));
    }
    std::vector<std::string> as_whole, by_word;
    for (const auto& lang : targets_) {
        if (lang == source_) continue;
        if (const auto it = whole.find(lang); it != whole.end()) {
            bool any = false;
            for (const auto& t : it->second) any = add_translation(lang, t, group, alternatives) || any;
            if (any) {
                as_whole.push_back(lang);
                continue;
            }
        }
        if (!per_word.empty() && add_word_by_word(lang, per_word, group, alternatives)) by_word.push_back(lang);
    }
    group.concept_info.translation_note = phrase_note(as_whole, by_word, per_word.size());
}

}  // namespace xling::searcher
