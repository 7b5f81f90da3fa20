// xling/search_results.hpp — what xling::Searcher returns.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace xling {

/// A translation of a query concept that matched in a hit.
struct MatchedTranslation {
    std::string lang;                ///< language of the translation (the hit's language)
    std::string text;                ///< the translation as the dictionary writes it ("militärisch")
    std::vector<std::string> forms;  ///< its surface forms in this document, in text order ("militärische")
};

/// Which forms of one query concept a hit contains.
struct MatchedConcept {
    std::string query;                ///< the query words of the concept ("Belousov")
    std::vector<std::string> entities;  ///< alias-table entity ids it expanded to (several: ambiguous)
    std::vector<std::string> forms;   ///< surface forms in this document, in text order ("Beluszovval")
    std::vector<MatchedTranslation> translations;  ///< the forms that matched through a translation
    /// The forms that matched only through accent folding (the query typed them without some
    /// diacritics: "Siaures" -> "Šiaurės"), in text order; empty under AccentMatching::Strict.
    std::vector<std::string> accent_forms;
};

/// One translation a query concept was expanded with (for --explain).
struct ConceptTranslation {
    std::string text;       ///< as the dictionary or glossary writes it ("Zusammenarbeit", "military cooperation")
    float weight = 0;       ///< table weight in (0, 1] (scaled when the query language was not known)
    std::string via;        ///< "direct", a pivot path ("en", "en+de"), or "glossary"
    std::string from_lang;  ///< source language it was translated from
    std::vector<std::string> stems;  ///< Z<lang>:<stem> terms searched ("" entries never); a phrase lists each word's stem
    bool phrase = false;    ///< several words: searched as a phrase in documents of that language
};

/// How one concept of the query was expanded (for --explain).
struct QueryConcept {
    std::string query;                                          ///< query words it stands for
    std::vector<std::string> entities;                          ///< entity ids; more than one = ambiguous
    std::vector<std::string> entity_types;                      ///< type of each entity
    std::map<std::string, std::vector<std::string>> names;      ///< language -> names from the table
    std::map<std::string, std::vector<std::string>> forms;      ///< language -> inflected forms found in the index
    std::map<std::string, std::string> stems;                   ///< language -> stem of the query word
    /// Language -> dictionary lemmas of the query word searched there (Hunspell; M terms), and
    /// "+part" entries for compound parts matched at a lower weight. Empty where none.
    std::map<std::string, std::vector<std::string>> lemmas;
    std::vector<std::string> name_keys;                         ///< name keys searched (unknown capitalised names)
    /// Name key -> the languages whose transcription rules (namerules/<lang>.txt) read the word
    /// as that key ("hrushchov" -> en, de, hu, lt, ru).
    std::map<std::string, std::vector<std::string>> name_key_languages;
    /// Index name key within a few edits of a searched key -> that searched key (tolerant
    /// matching, searcher/key_neighbours.hpp; lower weight than an exact key).
    std::map<std::string, std::string> tolerant_name_keys;
    std::vector<std::string> stopword_in;                       ///< languages where the word is a stopword
    /// Language -> index words the concept also matches through accent folding, at a lower
    /// weight (SearchRequest::accents; "siaures" -> lt: "šiaurės"). Empty when none or strict.
    std::map<std::string, std::vector<std::string>> accent_forms;
    /// Target language -> translations searched (best first). Empty when not translated.
    std::map<std::string, std::vector<ConceptTranslation>> translations;
    std::string translation_note;  ///< why it was not translated, or how ("phrase as a whole", "word by word")
    /// Alternatives left out of the concept's query because no document of the index has them
    /// (Xapian terms such as "Zlt:putin", or a subquery's description): searching them would
    /// only cost time.
    std::vector<std::string> absent;
    /// Limits the expansion hit ("sankc*: the 1000 most frequent of more than 1000 words").
    std::vector<std::string> notes;
};

/// The language the query was read in, for translation.
struct QueryLanguage {
    std::string code;    ///< ISO code; empty when undetermined (then every language whose table has a word is a source)
    std::string method;  ///< "given" (--query-lang), "detected", "undetermined"
    std::string evidence;  ///< what decided it, e.g. "letters é,ö; dictionary 2/2; cld2 hu"
};

struct Hit {
    std::size_t rank = 0;    ///< 1-based rank over the whole result list (offset included)
    std::string id;
    std::string lang;
    std::string title;
    std::string date;        ///< "YYYY-MM-DD" or empty
    std::string url;
    std::string source;
    std::string author;      ///< as indexed; empty when none (or the index predates schema version 7)
    double score = 0;        ///< BM25 weight
    std::string snippet;     ///< passage(s) of the original text with matches highlighted
    std::vector<std::string> matched_forms;  ///< distinct surface forms that matched, in text order
    std::vector<MatchedConcept> matched;     ///< the same, per query concept
};

struct SearchResults {
    std::string query;                 ///< the query as given
    std::string parsed;                ///< the Xapian query, for --explain and debugging
    std::size_t total = 0;             ///< number of matching documents (estimate unless total_exact)
    std::size_t total_lower = 0;       ///< lower bound of the total
    std::size_t total_upper = 0;       ///< upper bound of the total
    bool total_exact = false;
    std::vector<std::string> ignored;  ///< query words left out (stopwords in every language)
    std::vector<QueryConcept> concepts;  ///< how each query concept was expanded
    /// Translation state: "table PATH (N keys)[ + K glossary entries]", "off (--no-translate)",
    /// "off (no translation table: ...)".
    std::string translation;
    QueryLanguage query_language;        ///< meaningful when translation is on
    /// With SearchRequest::facets: "lang", "month" ("YYYY-MM"), "source" -> value -> matching
    /// documents, counted over the whole match set (not only the returned page).
    std::map<std::string, std::map<std::string, std::size_t>> facets;
    std::vector<Hit> hits;
    /// "Did you mean": the query with each word the index's spelling table knows a better
    /// spelling of replaced by it ("Belousof" -> "Belousov"; capitalised as typed), offered when
    /// the query found fewer than kSuggestBelow documents and some replacement is more frequent
    /// in the index than the word typed. Empty otherwise.
    std::string suggestion;
    /// With SearchRequest::feedback: document language -> the terms the query gained from that
    /// language's documents among the first run's best, as index terms (stems "Z<lang>:<stem>",
    /// name keys "N<key>"), most distinctive first. Empty when feedback was off or added nothing.
    std::map<std::string, std::vector<std::string>> feedback;
    /// The search reached SearchRequest::time_limit and returned what it had (see there).
    bool partial = false;
    /// Why the results are partial, "" when they are not: "; "-separated parts, each starting
    /// "time limit: " ("time limit: counting stopped at the deadline (total and facets cover the
    /// documents seen)", "time limit: snippets of 37 of 100 hits not made").
    std::string partial_reason;
};

/// Below this many matching documents a spelling suggestion is looked for.
inline constexpr std::size_t kSuggestBelow = 3;

}  // namespace xling
