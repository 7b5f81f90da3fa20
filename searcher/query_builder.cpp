#include "searcher/query_builder.hpp"

#include "searcher/key_neighbours.hpp"

#include <algorithm>
#include <map>

#include "analysis/conflation_terms.hpp"
#include "analysis/iso_date.hpp"
#include "searcher/phrase_bound.hpp"
#include "searcher/accent_forms.hpp"
#include "searcher/inflected_names.hpp"
#include "searcher/query_translator.hpp"
#include "searcher/stem_guard.hpp"
#include "searcher/synonym_members.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"
#include "xling/schema.hpp"

namespace xling::searcher {
namespace {

Xapian::Query phrase_of(std::vector<Xapian::Query> positions) {
    if (positions.size() == 1) return positions.front();
    const auto window = static_cast<Xapian::termcount>(positions.size());
    return Xapian::Query(Xapian::Query::OP_PHRASE, positions.begin(), positions.end(), window);
}

bool highlightable(const std::string& word) { return word.size() > 1; }

}  // namespace

QueryBuilder::QueryBuilder(analysis::Analyzer& analyzer, analysis::NameKeyer& keyer, IndexForms& forms,
                           const AliasTable* aliases, std::vector<std::string> languages)
    : analyzer_(analyzer), keyer_(keyer), forms_(forms), aliases_(aliases), languages_(std::move(languages)) {}

BuiltQuery QueryBuilder::build(const QueryNode& root, const BuildOptions& options) {
    options_ = options;
    BuiltQuery out;
    out.query = node_part(root, out).query;
    return out;
}

QueryBuilder::Part QueryBuilder::node_part(const QueryNode& node, BuiltQuery& out) {
    using Kind = QueryNode::Kind;
    switch (node.kind) {
        case Kind::Word: {
            auto parts = sequence_parts({node}, out);
            if (parts.empty()) return Part{};
            // Alone, a stopword of L ("что", "the") has nothing else to match L's documents by.
            parts.front().query = with_stopword_matches(parts.front(), parts.front().stop_languages);
            return std::move(parts.front());
        }
        case Kind::Phrase: {
            std::vector<analysis::AnalyzedToken> tokens;
            analyzer_.words(node.text, tokens);
            if (tokens.empty()) return {};
            if (node.window > 0) return proximity_part(node, tokens, out);
            if (node.exact) return phrase_part(tokens, node.text, out);
            if (const auto entities = lookup(tokens); !entities.empty()) return entity_part(entities, node.text, out);
            std::vector<const analysis::AnalyzedToken*> phrase_tokens;
            for (const auto& t : tokens) phrase_tokens.push_back(&t);
            if (const auto entities = inflected_lookup(phrase_tokens); !entities.empty()) {
                return entity_part(entities, node.text, out);
            }
            return stemmed_phrase_part(tokens, node.text, out);
        }
        case Kind::Near: return near_part(node, out);
        case Kind::Field: return Part{field_query(node), {}, false, true};
        case Kind::Filter: return filter_part(node, out);
        case Kind::All: return Part{Xapian::Query::MatchAll, {}, false};
        case Kind::And: return Part{and_query(sequence_parts(node.children, out)), {}, false};
        case Kind::Or: {
            std::vector<Xapian::Query> alternatives;
            for (auto& part : sequence_parts(node.children, out)) {
                if (!part.query.empty()) alternatives.push_back(std::move(part.query));
            }
            alternatives = matchable(std::move(alternatives));
            return Part{Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()), {}, false};
        }
        case Kind::AndNot:
        case Kind::AndMaybe: {
            Xapian::Query left = node_part(node.children[0], out).query;
            Xapian::Query right = node_part(node.children[1], out).query;
            if (left.empty() || right.empty()) return Part{left.empty() && node.kind == Kind::AndMaybe ? right : left, {}, false};
            return Part{Xapian::Query(node.kind == Kind::AndNot ? Xapian::Query::OP_AND_NOT : Xapian::Query::OP_AND_MAYBE,
                                      left, right),
                        {}, false};
        }
    }
    return {};
}

// The alternatives of an OR (words, or the exclusions of -a -b -c) without those that can match
// nothing in this index: Xapian 1.4 folds an OR into a binary tree by term frequency, and many
// equal (zero) frequencies make that tree a chain whose estimates it recomputes at every step,
// quadratic in the alternatives (10,000 exclusions of unindexed words took 31.7 s). One is kept
// when none can match, so that the OR still matches nothing instead of becoming empty (which
// the builder reads as "no constraint").
std::vector<Xapian::Query> QueryBuilder::matchable(std::vector<Xapian::Query> alternatives) const {
    if (alternatives.size() < 2) return alternatives;
    std::vector<Xapian::Query> kept;
    for (auto& q : alternatives) {
        if (forms_.can_match(q)) kept.push_back(std::move(q));
    }
    if (kept.empty()) kept.push_back(std::move(alternatives.front()));
    return kept;
}

// Children of an AND/OR: runs of bare words are scanned for the longest alias-table names first
// ("Kim Jong Un" typed without quotes is one entity, not three words).
std::vector<QueryBuilder::Part> QueryBuilder::sequence_parts(const std::vector<QueryNode>& children, BuiltQuery& out) {
    std::vector<Part> parts;
    AnalysedChildren analysed(children.size());
    for (std::size_t i = 0; i < children.size();) {
        if (children[i].kind != QueryNode::Kind::Word) {
            parts.push_back(node_part(children[i], out));
            ++i;
            continue;
        }
        if (children[i].wildcard) {
            parts.push_back(wildcard_part(children[i], out));
            ++i;
            continue;
        }
        if (children[i].exact) {
            std::vector<analysis::AnalyzedToken> exact_tokens;
            analyzer_.words(children[i].text, exact_tokens);
            if (!exact_tokens.empty()) parts.push_back(phrase_part(exact_tokens, "=" + children[i].text, out));
            ++i;
            continue;
        }
        if (options_.expand_aliases && aliases_ != nullptr) {
            i += entity_run_parts(children, i, analysed, parts, out);
        } else {
            std::vector<analysis::AnalyzedToken> tokens;
            analyzer_.words(children[i].text, tokens);
            parts.push_back(word_part(tokens, children[i].text, out));
            ++i;
        }
    }
    return parts;
}

// The bare word children[first] (`tokens`, analysed) with the bare words after it: the longest
// run that names an entity becomes its part, else the word alone (nothing when it has no words).
// Returns how many children the part stands for.
std::size_t QueryBuilder::entity_run_parts(const std::vector<QueryNode>& children, std::size_t first,
                                           AnalysedChildren& analysed, std::vector<Part>& parts, BuiltQuery& out) {
    const auto tokens_of = [&](std::size_t j) -> const std::vector<analysis::AnalyzedToken>& {
        if (!analysed[j]) analyzer_.words(children[j].text, analysed[j].emplace());
        return *analysed[j];
    };
    // Collect the following words, then try the longest run that names an entity.
    std::vector<const std::vector<analysis::AnalyzedToken>*> run{&tokens_of(first)};
    for (std::size_t j = first + 1; j < children.size() && children[j].kind == QueryNode::Kind::Word && !children[j].exact &&
                                    !children[j].wildcard && j - first < aliases_->max_name_words();
         ++j) {
        run.push_back(&tokens_of(j));
    }
    const std::vector<analysis::AnalyzedToken>& tokens = *run.front();
    // keys[k]: the alias-table key of the first k + 1 words (join_words of their tokens), built
    // once rather than by copying the tokens for every length tried.
    std::vector<std::string> keys;
    std::string key;
    for (const auto* words : run) {
        for (const auto& token : *words) {
            if (!key.empty()) key.push_back(' ');
            key += token.word;
        }
        keys.push_back(key);
    }
    // The tokens of the first k + 1 words, for names typed inflected or without diacritics.
    std::vector<const analysis::AnalyzedToken*> run_tokens;
    std::vector<std::size_t> token_counts;
    for (const auto* words : run) {
        for (const auto& token : *words) run_tokens.push_back(&token);
        token_counts.push_back(run_tokens.size());
    }
    for (std::size_t length = run.size(); length >= 1; --length) {
        if (keys[length - 1].empty()) continue;
        auto entities = aliases_->lookup(keys[length - 1]);
        if (entities.empty()) {
            entities = inflected_lookup({run_tokens.begin(), run_tokens.begin() + static_cast<std::ptrdiff_t>(token_counts[length - 1])});
        }
        if (!entities.empty()) {
            std::string text;
            for (std::size_t k = 0; k < length; ++k) text += (k > 0 ? " " : "") + children[first + k].text;
            parts.push_back(entity_part(entities, text, out));
            return length;
        }
        if (length == 1) parts.push_back(word_part(tokens, children[first].text, out));
    }
    return 1;
}

std::vector<const Entity*> QueryBuilder::lookup(const std::vector<analysis::AnalyzedToken>& tokens) const {
    if (!options_.expand_aliases || aliases_ == nullptr) return {};
    return aliases_->lookup(analysis::join_words(tokens));
}

std::vector<const Entity*> QueryBuilder::inflected_lookup(const std::vector<const analysis::AnalyzedToken*>& tokens) const {
    if (!options_.expand_aliases || aliases_ == nullptr || options_.inflected_names == nullptr || tokens.empty()) return {};
    std::vector<std::string> words;
    for (const auto* t : tokens) {
        // A lower-case word is read as a word: Lithuanian `trumpas` ("short") is no form of Trump.
        if (!t->capitalized) return {};
        words.push_back(t->word);
    }
    return options_.inflected_names->lookup(words, options_.accents != nullptr);
}

// The inflected forms of a one-word name, restricted to documents of its language, as that
// language's stem terms: one posting list per stem instead of a FILTER over an OR of forms, and
// every child of the entity's OP_SYNONYM a plain term. Xapian 1.4 estimates a synonym's term
// frequency by folding its children pairwise, rounding at each node, in an order taken from each
// shard's local frequencies; fewer and simpler children keep sharded scores closest to the merged
// index's (docs/index-lifecycle.md, "Sharded collections"). A stopword form has no stem term and
// keeps the FILTER.
void QueryBuilder::add_forms_in_language(const std::string& lang, const std::vector<std::string>& forms,
                                         std::vector<Xapian::Query>& alternatives) const {
    std::set<std::string> stems;
    std::vector<std::string> unstemmed;
    for (const auto& f : forms) {
        if (std::string stem = analyzer_.stem(lang, f); !stem.empty()) {
            stems.insert(schema::stem_term(lang, stem));
        } else {
            unstemmed.push_back(f);
        }
    }
    for (const auto& t : stems) alternatives.emplace_back(t);
    if (!unstemmed.empty()) {
        alternatives.emplace_back(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_OR, unstemmed.begin(), unstemmed.end()),
                                  Xapian::Query(schema::language_term(lang)));
    }
}

// A compound's part (`Rat` in `Sicherheitsrat`) matches at this share of a word's own weight:
// a document about the Security Council is about a council, but less than one saying `Rat`.
constexpr double kCompoundPartWeight = 0.5;

bool QueryBuilder::add_lemmas(const std::string& lang, analysis::AnalyzedToken& in_lang, bool stem_ok, MatchGroup& group,
                              std::vector<Xapian::Query>& alternatives, std::vector<Xapian::Query>& part_matches) {
    const std::size_t before = alternatives.size() + part_matches.size();
    analyzer_.add_lemmas(lang, in_lang);
    // A dictionary of one language reads another language's word too (Hungarian finds `ki` in
    // `Kim`): a lemma is kept as the stem guard keeps stems (length, not a stopword).
    in_lang.lemmas.resize(analysis::used_lemma_count(lang, in_lang.lemmas.size()));
    std::erase_if(in_lang.lemmas, [&](const std::string& l) { return !stem_keeps_a_word(analyzer_, lang, in_lang.word, l); });
    const std::string stem_term = schema::stem_term(lang, in_lang.stem);
    for (const std::string& term : analysis::conflation_terms(in_lang, lang)) {
        if (term == stem_term) {
            if (!stem_ok) continue;
            alternatives.emplace_back(term);
            group.stems[lang].insert(in_lang.stem);
            group.concept_info.stems[lang] = in_lang.stem;
        } else if (term == in_lang.word) {
            add_unstemmed(lang, {term}, group, alternatives);  // lemma mode, a word the dictionary lacks
        } else {
            alternatives.emplace_back(term);
        }
    }
    auto& listed = group.concept_info.lemmas[lang];  // --explain
    if (analysis::lemma_mode(lang) != LemmaMode::snowball) {
        for (const std::string& lemma : in_lang.lemmas) {
            group.lemmas[lang].insert(lemma);
            listed.push_back(lemma);
        }
    }
    // Compounds holding the word (or its lemma) as a part: `Rat` meets `Sicherheitsrat`.
    const std::vector<std::string>& heads = in_lang.lemmas.empty() ? std::vector<std::string>{in_lang.word} : in_lang.lemmas;
    for (const std::string& head : heads) {
        const std::string term = schema::compound_part_term(lang, head);
        if (!forms_.has_term(term)) continue;
        part_matches.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), kCompoundPartWeight);
        group.lemmas[lang].insert(head);
        listed.push_back("+" + head);
    }
    if (listed.empty()) group.concept_info.lemmas.erase(lang);
    return alternatives.size() + part_matches.size() > before;
}

void QueryBuilder::add_stems(const analysis::AnalyzedToken& token, MatchGroup& group, std::vector<Xapian::Query>& alternatives,
                             std::set<std::string, std::less<>>& stop_languages, std::vector<Xapian::Query>& part_matches) {
    const std::string& word = token.word;
    const bool function_word = is_function_word(word);
    for (const std::string& lang : languages_) {
        const std::string stem = analyzer_.stem(lang, word);
        if (stem.empty() || (function_word && leaves_out_function_word(lang, stem))) {
            stop_languages.insert(lang);
            continue;
        }
        analysis::AnalyzedToken in_lang = token;
        in_lang.stem = stem;
        if (!plausible_stem(analyzer_, lang, word, stem)) {
            // `Kim` is no form of Hungarian `ki`: searched there as written, or as a name, unless
            // the dictionary knows the word (Hungarian `lát`, stem `lá`: its lemma is searched).
            if (!add_lemmas(lang, in_lang, false, group, alternatives, part_matches)) {
                add_unstemmed(lang, unstemmed_forms(forms_, lang, word, token.capitalized), group, alternatives);
            }
            continue;
        }
        add_lemmas(lang, in_lang, true, group, alternatives, part_matches);
    }
}

// A stopword of the query language (`and`, `der`, `és`), or of some searched language when the
// query language is not known.
bool QueryBuilder::is_function_word(const std::string& word) const {
    if (!options_.query_language.empty()) return analyzer_.is_stopword(options_.query_language, word);
    return std::any_of(languages_.begin(), languages_.end(), [&](const std::string& lang) { return analyzer_.is_stopword(lang, word); });
}

// Whether a function word (`stem` its stem in `lang`, where it is no stopword) is left out in
// `lang` too: always when it is a stopword of the query language (`Putin and Kim` asks for two
// names in every language), and when the query language is not known, where `lang`'s documents
// do not have it as a word (German documents have no `and` to require; before, a lower-case
// `and` restricted the query to English documents).
bool QueryBuilder::leaves_out_function_word(const std::string& lang, const std::string& stem) const {
    if (!options_.query_language.empty()) return true;
    return !forms_.has_term(schema::stem_term(lang, stem));
}

void QueryBuilder::add_unstemmed(const std::string& lang, const std::vector<std::string>& forms, MatchGroup& group,
                                 std::vector<Xapian::Query>& alternatives) {
    if (forms.empty()) return;
    alternatives.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, forms.begin(), forms.end()),
                              Xapian::Query(schema::language_term(lang)));
    group.lang_words[lang].insert(forms.begin(), forms.end());
    auto& listed = group.concept_info.forms[lang];  // --explain: what stands in for the refused stem
    listed.insert(listed.end(), forms.begin(), forms.end());
}

Xapian::Query QueryBuilder::with_stopword_matches(const Part& part, const std::set<std::string, std::less<>>& langs) {
    if (part.word.empty() || langs.empty()) return part.query;
    std::vector<Xapian::Query> language_terms;
    for (const auto& lang : langs) language_terms.emplace_back(schema::language_term(lang));
    const Xapian::Query as_written(Xapian::Query::OP_FILTER, Xapian::Query(part.word),
                                   Xapian::Query(Xapian::Query::OP_OR, language_terms.begin(), language_terms.end()));
    return part.query.empty() ? as_written : Xapian::Query(Xapian::Query::OP_OR, part.query, as_written);
}

QueryBuilder::Part QueryBuilder::word_part(const std::vector<analysis::AnalyzedToken>& tokens, const std::string& text,
                                           BuiltQuery& out) {
    if (tokens.empty()) return {};
    // "Jong-un", "észak-koreai": the index holds the parts at consecutive positions.
    if (tokens.size() > 1) {
        Part part = phrase_part(tokens, text, out);
        if (options_.translator == nullptr) return part;
        // The table keys "észak-koreai" as the phrase "észak koreai": translate it as one.
        std::vector<Xapian::Query> alternatives{part.query};
        options_.translator->add_phrase(tokens, out.terms.groups.back(), alternatives);
        part.query = synonym_of(alternatives, forms_, out.terms.groups.back().concept_info);
        return part;
    }
    const analysis::AnalyzedToken& token = tokens.front();
    MatchGroup group;
    group.concept_info.query = text;
    Part part;
    part.is_word = true;
    part.is_name = token.capitalized && !token.stopword;
    part.word = token.word;
    std::vector<Xapian::Query> alternatives;
    std::vector<Xapian::Query> part_matches;
    add_stems(token, group, alternatives, part.stop_languages, part_matches);
    if (!part.stop_languages.empty()) out.has_stopwords = true;
    group.concept_info.stopword_in.assign(part.stop_languages.begin(), part.stop_languages.end());
    if (options_.keep_stopwords && !part.stop_languages.empty()) {
        // Stopwords have no stem term; their unstemmed (positional) term is always indexed.
        alternatives.emplace_back(token.word);
        group.words.insert(token.word);
        part.stop_languages.clear();
    }
    std::vector<Xapian::Query> tolerant;
    if (options_.name_keys && token.capitalized && !alternatives.empty()) add_name_keys(token.word, group, alternatives, tolerant);
    // Translations join the group only beside the word's own stems: a word that is a stopword
    // everywhere stays ignored.
    if (options_.translator != nullptr && !alternatives.empty()) options_.translator->add_word(token, group, alternatives);
    if (alternatives.empty()) out.ignored.push_back(token.word);
    const std::vector<Xapian::Query> members = synonym_members(alternatives, forms_, group.concept_info);
    part.query = Xapian::Query(Xapian::Query::OP_SYNONYM, members.begin(), members.end());
    if (options_.accents != nullptr && !alternatives.empty()) {
        part.query = with_accented(members, options_.accents->word_alternatives(token.word, languages_, group));
    }
    if (!tolerant.empty() && !part.query.empty()) {
        // Beside the exact alternatives, not inside their OP_SYNONYM (which would weigh them as
        // one), and as OP_MAX rather than OP_OR: a document that has the exact name and also a
        // neighbour (Hungarian Putyin and Putyinnak, keys putin and putinak) scores by its exact
        // match, so a tolerant key never lifts it above a document with the exact name alone.
        part.query = Xapian::Query(Xapian::Query::OP_MAX, part.query,
                                   Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                 Xapian::Query(Xapian::Query::OP_SYNONYM, tolerant.begin(), tolerant.end()),
                                                 kTolerantKeyWeight));
    }
    if (!part.query.empty() && !part_matches.empty()) {
        part_matches.insert(part_matches.begin(), part.query);
        part.query = Xapian::Query(Xapian::Query::OP_OR, part_matches.begin(), part_matches.end());
    }
    if (!part.query.empty()) out.terms.groups.push_back(std::move(group));
    return part;
}

// An unknown name: meets its other scripts and transcriptions through name keys, read with each
// language's rules (the query's own language is not known).
void QueryBuilder::add_name_keys(const std::string& word, MatchGroup& group, std::vector<Xapian::Query>& alternatives,
                                 std::vector<Xapian::Query>& tolerant) {
    // The word is read with every language's transcription rules, not only the searched
    // languages': a German query "Chruschtschow" searched in Russian documents needs the German
    // reading (tsch, sch) to meet "Хрущёв".
    std::map<std::string, std::vector<std::string>> keys;  // key -> the languages whose rules read the word so
    for (const std::string& lang : keyer_.data().name_rule_languages()) {
        for (const std::string& stem : keyer_.data().name_rules(lang).stems(word)) {
            if (std::string k = keyer_.key(lang, stem); !k.empty()) {
                auto& langs = keys[std::move(k)];
                if (langs.empty() || langs.back() != lang) langs.push_back(lang);
            }
        }
    }
    for (const auto& [k, langs] : keys) {
        alternatives.emplace_back(std::string(schema::kNameKeyPrefix) + k);
        group.keys.insert(k);
        group.concept_info.name_keys.push_back(k);
        group.concept_info.name_key_languages[k] = langs;
    }
    for (const auto& [k, langs] : keys) {
        for (std::string& near : key_neighbours(forms_.database(), k)) {
            if (keys.count(near) != 0 || group.keys.count(near) != 0) continue;
            tolerant.emplace_back(std::string(schema::kNameKeyPrefix) + near);
            group.keys.insert(near);
            group.concept_info.tolerant_name_keys[near] = k;
        }
    }
}

QueryBuilder::Part QueryBuilder::phrase_part(const std::vector<analysis::AnalyzedToken>& tokens, const std::string& text,
                                             BuiltQuery& out) {
    MatchGroup group;
    group.concept_info.query = text;
    std::vector<Xapian::Query> words;
    for (const auto& token : tokens) {
        words.emplace_back(token.word);
        group.words.insert(token.word);
    }
    out.terms.groups.push_back(std::move(group));
    return Part{phrase_of(std::move(words)), {}, false};
}

// Every name of the entities analysed once, in entity and name order. The stopwords of a
// longer name are marked (`of` in "Democratic People's Republic of Korea"): they stay in its
// phrase but are not highlighted or reported as matched on their own.
std::vector<std::vector<analysis::AnalyzedToken>> QueryBuilder::analysed_names(const std::vector<const Entity*>& entities) {
    std::vector<std::vector<analysis::AnalyzedToken>> analysed;
    for (const Entity* entity : entities) {
        for (const EntityName& name : entity->names) {
            auto& tokens = analysed.emplace_back();
            analyzer_.words(name.name, tokens);
            if (tokens.size() < 2) continue;
            for (auto& t : tokens) t.stopword = is_name_stopword(name.lang, t.word);
        }
    }
    return analysed;
}

// A stopword of the name's language; for a name of every language ("*") or of one xling does not
// analyse, of any searched language.
bool QueryBuilder::is_name_stopword(const std::string& lang, const std::string& word) const {
    if (find_language(lang) != nullptr) return analyzer_.is_stopword(lang, word);
    return std::any_of(languages_.begin(), languages_.end(), [&](const std::string& l) { return analyzer_.is_stopword(l, word); });
}

namespace {

// The words that are on their own a full (not weak) name of one of the entities; `analysed` as
// from analysed_names.
std::set<std::string, std::less<>> single_word_names(const std::vector<const Entity*>& entities,
                                                     const std::vector<std::vector<analysis::AnalyzedToken>>& analysed) {
    std::set<std::string, std::less<>> single_names;
    std::size_t next_name = 0;
    for (const Entity* entity : entities) {
        for (const EntityName& name : entity->names) {
            const std::vector<analysis::AnalyzedToken>& name_tokens = analysed[next_name++];
            if (!name.weak && name_tokens.size() == 1) single_names.insert(name_tokens.front().word);
        }
    }
    return single_names;
}

// "Vladimir Putin" adds nothing to a concept that already holds "Putin": the same documents, and
// its occurrences would count twice in the synonym's wdf.
bool covered_by_single_name(const std::vector<analysis::AnalyzedToken>& name_tokens,
                            const std::set<std::string, std::less<>>& single_names) {
    return name_tokens.size() > 1 && std::any_of(name_tokens.begin(), name_tokens.end(), [&](const auto& t) {
               return single_names.count(t.word) != 0;
           });
}

// The name as written, in any document (names often travel unchanged between languages); each
// spelling once (`exact_seen`), however many entities or languages list it.
void add_exact_name(const std::vector<analysis::AnalyzedToken>& name_tokens, MatchGroup& group,
                    std::set<std::string>& exact_seen, std::vector<Xapian::Query>& alternatives) {
    std::vector<Xapian::Query> exact;
    for (const auto& t : name_tokens) {
        exact.emplace_back(t.word);
        if (highlightable(t.word) && !t.stopword) group.words.insert(t.word);
    }
    if (exact_seen.insert(analysis::join_words(name_tokens)).second) {
        alternatives.push_back(phrase_of(std::move(exact)));
    }
}

// The entity's concept: one synonym of its names, the weak names adding weight only where it
// matched.
Xapian::Query entity_query(const std::vector<Xapian::Query>& alternatives, const std::vector<Xapian::Query>& weak_alternatives,
                           const IndexForms& forms, QueryConcept& info) {
    Xapian::Query query = synonym_of(alternatives, forms, info);
    if (weak_alternatives.empty() || query.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, synonym_of(weak_alternatives, forms, info));
}

}  // namespace

// Weak names (German "Kims") add weight and highlighting where a full name matched: a one-word
// weak name's forms in the index, in documents of its language.
void QueryBuilder::add_weak_name(const EntityName& name, const std::vector<analysis::AnalyzedToken>& name_tokens,
                                 MatchGroup& group, std::vector<Xapian::Query>& weak_alternatives) const {
    if (find_language(name.lang) == nullptr || name_tokens.size() != 1) return;
    const std::vector<std::string>& found = forms_.forms(name.lang, name_tokens.front().word);
    if (found.empty()) return;
    for (const auto& f : found) group.lang_words[name.lang].insert(f);
    add_forms_in_language(name.lang, found, weak_alternatives);
}

// A name's inflected forms are searched in its own language only, when that language is
// searched and analysed.
bool QueryBuilder::searches_inflections_in(const std::string& lang) const {
    return find_language(lang) != nullptr && std::find(languages_.begin(), languages_.end(), lang) != languages_.end();
}

// The index forms of one word of a name in `lang`. Words of a multi-word name also inflect as
// ordinary words ("Schwarzes Meer" -> "im Schwarzen Meer", "Juodoji jūra" -> "Juodojoje jūroje"):
// their Snowball relatives join, and the name's phrase keeps them precise.
std::vector<std::string> QueryBuilder::name_word_forms(const std::string& lang, const std::string& word,
                                                       bool in_longer_name) const {
    std::vector<std::string> found = forms_.forms(lang, word);
    if (in_longer_name) {
        for (const auto& f : forms_.stem_forms(lang, word)) {
            if (std::find(found.begin(), found.end(), f) == found.end()) found.push_back(f);
        }
    }
    return found;
}

// The name's inflected forms, in documents of its language: a one-word name's stem terms, a
// longer name's phrase over each word's forms. Nothing is added when some word has no form in
// the index, or when no form differs from the name as written (its exact phrase covers it); the
// forms seen are highlighted and listed for --explain either way.
void QueryBuilder::add_inflected_name(const std::string& lang, const std::vector<analysis::AnalyzedToken>& name_tokens,
                                      MatchGroup& group, std::vector<Xapian::Query>& alternatives) const {
    std::vector<Xapian::Query> positions;
    bool inflected = false;
    for (const auto& t : name_tokens) {
        const std::vector<std::string> found = name_word_forms(lang, t.word, name_tokens.size() > 1);
        if (found.empty()) return;
        for (const auto& f : found) {
            inflected = inflected || f != t.word;
            if (highlightable(f) && !t.stopword) group.lang_words[lang].insert(f);
            auto& listed = group.concept_info.forms[lang];
            if (f != t.word && std::find(listed.begin(), listed.end(), f) == listed.end()) listed.push_back(f);
        }
        positions.emplace_back(Xapian::Query::OP_OR, found.begin(), found.end());
    }
    if (!inflected || positions.empty()) return;
    if (name_tokens.size() == 1) {
        add_forms_in_language(lang, forms_.forms(lang, name_tokens.front().word), alternatives);
    } else {
        alternatives.emplace_back(Xapian::Query::OP_FILTER, phrase_of(std::move(positions)),
                                  Xapian::Query(schema::language_term(lang)));
    }
}

// An alias-table name: every full name of each entity, exactly and inflected, and the weak
// names beside them (see the functions above for what each contributes).
QueryBuilder::Part QueryBuilder::entity_part(const std::vector<const Entity*>& entities, const std::string& text,
                                             BuiltQuery& out) {
    MatchGroup group;
    QueryConcept& info = group.concept_info;
    info.query = text;
    std::vector<Xapian::Query> alternatives;
    std::vector<Xapian::Query> weak_alternatives;
    std::set<std::string> exact_seen;
    const auto analysed = analysed_names(entities);
    const auto single_names = single_word_names(entities, analysed);
    std::size_t next_name = 0;
    for (const Entity* entity : entities) {
        info.entities.push_back(entity->id);
        info.entity_types.emplace_back(to_string(entity->type));
        for (const EntityName& name : entity->names) {
            info.names[name.lang].push_back((name.weak ? "~" : "") + name.name);
            const std::vector<analysis::AnalyzedToken>& name_tokens = analysed[next_name++];
            if (name_tokens.empty()) continue;
            if (name.weak) {
                add_weak_name(name, name_tokens, group, weak_alternatives);
            } else if (!covered_by_single_name(name_tokens, single_names)) {
                add_exact_name(name_tokens, group, exact_seen, alternatives);
                if (searches_inflections_in(name.lang)) add_inflected_name(name.lang, name_tokens, group, alternatives);
            }
        }
    }
    // No stems of the query word itself: an entity expands through its names and their
    // inflections only (Hungarian would stem `Kim` to `ki`, "who").
    Part part{entity_query(alternatives, weak_alternatives, forms_, group.concept_info), {}, false};
    out.terms.groups.push_back(std::move(group));
    return part;
}

// In an AND, a word left out as a stopword of language L must not stop L's documents from
// matching: its clause also accepts documents of L (weight 0), provided another clause still
// constrains L's documents (otherwise "die der" would match every German document).
bool QueryBuilder::is_optional_patronymic(const std::vector<Part>& parts, std::size_t i) const {
    if (!options_.name_keys || i == 0 || i + 1 >= parts.size() || !parts[i].is_name || !parts[i - 1].is_name ||
        !parts[i + 1].is_name) {
        return false;
    }
    const auto& data = keyer_.data();
    for (const std::string& lang : data.name_rule_languages()) {
        if (data.name_rules(lang).is_patronymic(parts[i].word)) return true;
    }
    return false;
}

Xapian::Query QueryBuilder::and_query(std::vector<Part> parts) const {
    std::vector<Xapian::Query> clauses;
    std::vector<Xapian::Query> optional;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (is_optional_patronymic(parts, i)) {
            if (!parts[i].query.empty()) optional.push_back(parts[i].query);
            continue;
        }
        if (parts[i].is_filter) {
            clauses.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, parts[i].query, 0.0);
            continue;
        }
        std::vector<Xapian::Query> relaxed;
        std::set<std::string, std::less<>> unconstrained;
        for (const std::string& lang : parts[i].stop_languages) {
            const bool constrained_elsewhere = std::any_of(parts.begin(), parts.end(), [&](const Part& other) {
                return &other != &parts[i] && !other.query.empty() && other.stop_languages.count(lang) == 0;
            });
            if (constrained_elsewhere) {
                relaxed.emplace_back(schema::language_term(lang));
            } else {
                unconstrained.insert(lang);
            }
        }
        Xapian::Query clause = unconstrained.empty() ? parts[i].query : with_stopword_matches(parts[i], unconstrained);
        if (!relaxed.empty()) {
            const Xapian::Query any_of(Xapian::Query::OP_SCALE_WEIGHT,
                                       Xapian::Query(Xapian::Query::OP_OR, relaxed.begin(), relaxed.end()), 0.0);
            clause = clause.empty() ? any_of : Xapian::Query(Xapian::Query::OP_OR, clause, any_of);
        }
        if (!clause.empty()) clauses.push_back(std::move(clause));
    }
    const Xapian::Query required(Xapian::Query::OP_AND, clauses.begin(), clauses.end());
    if (optional.empty()) return required;
    optional.insert(optional.begin(), required);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, optional.begin(), optional.end());
}

}  // namespace xling::searcher

namespace xling::searcher {

QueryBuilder::Part QueryBuilder::wildcard_part(const QueryNode& node, BuiltQuery& out) {
    std::vector<analysis::AnalyzedToken> tokens;
    analyzer_.words(node.text, tokens);
    if (tokens.size() != 1) {
        throw QueryError("'" + node.text + "*' at position " + std::to_string(node.position) +
                             ": a wildcard needs one word before the *",
                         node.position);
    }
    MatchGroup group;
    group.concept_info.query = node.text + "*";
    group.prefixes.push_back(tokens.front().word);
    if (forms_.count_terms(tokens.front().word, kMaxWildcardExpansion) > kMaxWildcardExpansion) {
        group.concept_info.notes.push_back(node.text + "*: the " + std::to_string(kMaxWildcardExpansion) +
                                           " most frequent of more than " + std::to_string(kMaxWildcardExpansion) +
                                           " words (a longer prefix finds the others)");
    }
    out.terms.groups.push_back(std::move(group));
    return Part{Xapian::Query(Xapian::Query::OP_WILDCARD, tokens.front().word, kMaxWildcardExpansion,
                              Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT),
                {}, true};
}

// Unstemmed index terms that stand for `word` in documents of `lang`: its forms with the same
// stem, and for a one-word alias-table name the inflected forms of the entity's one-word names.
std::vector<std::string> QueryBuilder::positional_forms(std::string_view lang, const std::string& word) {
    std::vector<std::string> forms = forms_.stem_forms(lang, word);
    if (!options_.expand_aliases || aliases_ == nullptr) return forms;
    std::vector<analysis::AnalyzedToken> name_tokens;
    for (const Entity* entity : aliases_->lookup(word)) {
        for (const EntityName& name : entity->names) {
            analyzer_.words(name.name, name_tokens);
            if (name_tokens.size() != 1) continue;
            const std::vector<std::string>& found = name.lang == lang ? forms_.forms(lang, name_tokens.front().word)
                                                                        : std::vector<std::string>{name_tokens.front().word};
            forms.insert(forms.end(), found.begin(), found.end());
        }
    }
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    return forms;
}

// "military cooperation" matches the words in sequence in any inflection: per language, a phrase
// over the index forms sharing each word's stem (only unstemmed terms carry positions).
QueryBuilder::Part QueryBuilder::stemmed_phrase_part(const std::vector<analysis::AnalyzedToken>& tokens,
                                                     const std::string& text, BuiltQuery& out) {
    if (tokens.size() == 1) return word_part(tokens, text, out);
    MatchGroup group;
    group.concept_info.query = text;
    std::vector<Xapian::Query> per_language;
    for (const std::string& lang : languages_) {
        std::vector<Xapian::Query> positions;
        for (const auto& token : tokens) {
            const std::vector<std::string> forms =
                bounded_phrase_forms(forms_.stem_forms(lang, token.word), lang, token.word, forms_, group.concept_info);
            if (forms.empty()) {
                positions.clear();
                break;
            }
            positions.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
            const std::string stem = analyzer_.stem(lang, token.word);
            if (stem.empty()) group.words.insert(token.word);
            else group.stems[lang].insert(stem);
        }
        if (positions.empty()) continue;
        per_language.emplace_back(Xapian::Query::OP_FILTER, phrase_of(std::move(positions)),
                                  Xapian::Query(schema::language_term(lang)));
    }
    if (options_.translator != nullptr) options_.translator->add_phrase(tokens, group, per_language);
    std::vector<Xapian::Query> accented;
    if (options_.accents != nullptr) accented = options_.accents->phrase_alternatives(tokens, languages_, group);
    const std::vector<Xapian::Query> members = synonym_members(per_language, forms_, group.concept_info);
    out.terms.groups.push_back(std::move(group));
    if (members.empty() && accented.empty()) return Part{Xapian::Query::MatchNothing, {}, false};
    return Part{with_accented(members, accented), {}, false};
}

QueryBuilder::Part QueryBuilder::near_part(const QueryNode& node, BuiltQuery& out) {
    std::vector<NearOperand> operands;
    std::string label;
    for (const QueryNode& child : node.children) {
        std::vector<analysis::AnalyzedToken> words;
        analyzer_.words(child.text, words);
        if (words.size() != 1) {
            throw QueryError("NEAR at position " + std::to_string(child.position) + " takes single words, not '" +
                                 child.text + "'",
                             child.position);
        }
        operands.push_back({words.front().word, child.exact});
        label += (label.empty() ? "" : " NEAR ") + child.text;
    }
    return near_words(operands, node.window, label, out);
}

// "a b c"~n: the phrase's words as NEAR/n operands.
QueryBuilder::Part QueryBuilder::proximity_part(const QueryNode& node, const std::vector<analysis::AnalyzedToken>& tokens,
                                                BuiltQuery& out) {
    std::vector<NearOperand> operands;
    for (const auto& t : tokens) operands.push_back({t.word, node.exact});
    if (operands.size() == 1) return node.exact ? phrase_part(tokens, node.text, out) : word_part(tokens, node.text, out);
    return near_words(operands, node.window, "\"" + node.text + "\"~" + std::to_string(node.window), out);
}

// Xapian's OP_NEAR window is the span of positions all the terms must fit in; `a NEAR/n b`
// means "within n words of each other" as in Xapian's own QueryParser (queryparser.lemony,
// as_near_query): n plus one position per further term.
QueryBuilder::Part QueryBuilder::near_words(const std::vector<NearOperand>& operands, unsigned within,
                                            const std::string& label, BuiltQuery& out) {
    MatchGroup group;
    group.concept_info.query = label;
    const auto window = static_cast<Xapian::termcount>(within + operands.size() - 1);
    std::vector<Xapian::Query> per_language;
    for (const std::string& lang : languages_) {
        std::vector<Xapian::Query> positions;
        for (std::size_t k = 0; k < operands.size(); ++k) {
            const std::string& word = operands[k].word;
            const std::vector<std::string> forms =
                operands[k].exact ? std::vector<std::string>{word}
                                  : bounded_phrase_forms(positional_forms(lang, word), lang, word, forms_, group.concept_info);
            if (forms.empty()) {
                positions.clear();
                break;
            }
            for (const auto& f : forms) group.lang_words[lang].insert(f);
            positions.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
        }
        if (positions.empty()) continue;
        per_language.emplace_back(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_NEAR, positions.begin(), positions.end(), window),
                                  Xapian::Query(schema::language_term(lang)));
    }
    out.terms.groups.push_back(std::move(group));
    if (per_language.empty()) return Part{Xapian::Query::MatchNothing, {}, false};
    return Part{Xapian::Query(Xapian::Query::OP_OR, per_language.begin(), per_language.end()), {}, false};
}

Xapian::Query QueryBuilder::field_query(const QueryNode& field) const {
    const auto fail = [&](const std::string& why) {
        throw QueryError(field.field + ":" + field.text + " at position " + std::to_string(field.position) + ": " + why,
                         field.position);
    };
    if (field.field == "lang") {
        std::vector<Xapian::Query> langs;
        std::string_view rest = field.text;
        while (!rest.empty()) {
            const std::string code = schema::ascii_lower(rest.substr(0, rest.find(',')));
            rest.remove_prefix(std::min(rest.size(), code.size() + 1));
            if (!is_known_language_code(code)) fail("unknown language '" + code + "' (" + language_list(", ", true) + ")");
            langs.emplace_back(schema::language_term(code));
        }
        return Xapian::Query(Xapian::Query::OP_OR, langs.begin(), langs.end());
    }
    if (field.field == "date") {
        const auto dots = field.text.find("..");
        const std::string from = dots == std::string::npos ? field.text : field.text.substr(0, dots);
        const std::string to = dots == std::string::npos ? field.text : field.text.substr(dots + 2);
        if (from.empty() && to.empty()) fail("needs a date or a range (2024-06..2024-12, 2024.., ..2024-12)");
        std::optional<std::pair<std::string, std::string>> low, high;
        if (!from.empty() && !(low = analysis::iso_period(from))) fail("'" + from + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        if (!to.empty() && !(high = analysis::iso_period(to))) fail("'" + to + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        if (low && high && low->first > high->second) fail("the range ends before it starts");
        if (low && high) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low->first, high->second);
        if (low) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, low->first);
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, high->second);
    }
    if (field.field == "source") return Xapian::Query(std::string(schema::kSourcePrefix) + schema::ascii_lower(field.text));
    if (field.field == "url") {
        const std::string host = schema::url_host(field.text);
        if (host.empty()) fail("needs a site such as example.org");
        return Xapian::Query(std::string(schema::kHostPrefix) + host);
    }
    if (field.field == "id") return Xapian::Query(schema::id_term(field.text));
    // title: and author: every word of the value must be in the field (exact normalized form),
    // in any order: "author:Smith" finds "Jo Smith", "author:"Smith Jo"" too.
    std::vector<analysis::AnalyzedToken> tokens;
    analyzer_.words(field.text, tokens);
    if (tokens.empty()) fail("needs a word");
    const std::string_view prefix = field.field == "author" ? schema::kAuthorPrefix : schema::kTitlePrefix;
    std::vector<Xapian::Query> words;
    for (const auto& t : tokens) words.emplace_back(std::string(prefix) + t.word);
    return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

// Filters restrict the group they stand in: values of one field are alternatives (lang:hu
// lang:de), different fields all apply. Without other words they select documents unranked.
QueryBuilder::Part QueryBuilder::filter_part(const QueryNode& node, BuiltQuery& out) {
    Xapian::Query positive = Xapian::Query::MatchAll;
    std::map<std::string, std::vector<Xapian::Query>> by_field;
    for (const QueryNode& child : node.children) {
        if (child.kind == QueryNode::Kind::Field) {
            by_field[child.field].push_back(field_query(child));
        } else {
            positive = node_part(child, out).query;
        }
    }
    std::vector<Xapian::Query> filters;
    for (auto& [field, alternatives] : by_field) {
        filters.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    }
    if (positive.empty()) return {};
    return Part{Xapian::Query(Xapian::Query::OP_FILTER, positive,
                              Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end())),
                {}, false};
}

}  // namespace xling::searcher
