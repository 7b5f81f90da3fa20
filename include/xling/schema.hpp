// xling/schema.hpp — how xling lays documents out in a Xapian database.
//
// Other programs (and xapian-delve) can read an xling index directly; this header is its contract.
//
// Terms (all text terms are ICU NFKC-casefolded, segmented by ICU word boundaries):
//   <word>              unstemmed normalized word, WITH positions (phrases, exact-form search).
//                       Stopwords are indexed here too, so phrases containing them still match.
//   Z<lang>:<stem>      Snowball stem in the document's own language, no positions, wdf = count.
//                       Documents of language "und" get Zund:<word> (identity). A stem term exists
//                       only in documents of that language, so a German stem can never match a
//                       Hungarian document. Stopwords get no stem term.
//   M<lang>:<lemma>     dictionary lemma (Hunspell, normalized) of a word of a language whose lemma
//                       mode uses lemmas (xling/language.hpp), no positions: Hungarian lát,
//                       láthatjuk, lásd -> Mhu:lát. Words the dictionary lacks get none.
//   C<lang>:<part>      lemma of a compound's part (German Sicherheitsrat -> Cde:sicherheit,
//                       Cde:rat), no positions; a query word meets it at a lower weight.
//   N<key>              name key of a capitalised word (no positions): the same name in any
//                       script or transcription gets one key (analysis/name_key.hpp), e.g.
//                       Шойгу, Shoigu, Sojgu -> Nshoygu. Inflected forms also get their bases' keys.
//                       The keys follow data/namerules/ (schema version 6: the transcription
//                       conventions of issue 19, Хрущёв, Hruscsov, Chruschtschow -> Nhrushchev);
//                       a version-5 index holds keys of the older rules.
//   S<word>             unstemmed title word (no positions).
//   XA<word>            unstemmed word of the author field (no positions; schema version 7):
//                       the query field author: needs each of its words here.
//   L<lang>             boolean: document language ("Lhu", "Lund").
//   Q<id>               boolean: unique document id (replace_document key).
//   H<source>           boolean: source name, ASCII-lowercased, when at most kMaxFilterTermBytes.
//   U<host>             boolean: the URL's host and each parent domain ("news.example.org",
//                       "example.org"), lowercased, without "www.".
//
// Value slots:
//   0  date as "YYYYMMDD" (string order == date order; range filters and sorting)
//   1  month as "YYYY-MM" (facets)
//   2  language code
//   3  source
//
// Document data (schema version 7; indexer/stored_record.hpp): a binary record, decoded in one
// pass without touching the text: byte 0x07, the LEB128 number of fields (7), then id, lang,
// title, date ("YYYY-MM-DD" or ""), url, source, author, each as a LEB128 length and UTF-8 bytes
// (a reader skips fields after those it knows, so a later field needs no new layout); then
// LEB128 text length in bytes, number
// of positions (words), number of skips and the skips as deltas: the byte offset of the word at
// position 1, 1 + kPositionSkip, 1 + 2 * kPositionSkip, ... (Lucene's offsets in postings, one in
// kPositionSkip), so a passage around a matched position is located without reading what precedes.
// Value slots kTextBlockSlot + k: the original text in blocks of kTextBlockBytes bytes (the last
// shorter; a block may end inside a UTF-8 sequence), each one zstd frame. The text is not in the
// document data because Xapian reads a document's data tag whole (glass get_exact_entry), so a
// snippet of a megabyte law would read the megabyte; a value is read from its own chunk. Values
// also avoid Xapian deflating compressed bytes again (it tries zlib on docdata tags, not on the
// postlist table holding values). Versions 5 and 6 wrote byte 0x05 and the six fields before
// author, without their number; the searcher still reads them (author empty). Version 4 (and earlier) document data is a JSON object
// {"id","title","lang","date","url","source","text"}; the searcher still reads it.
//   synonym "N<key>" -> <word>   every unstemmed word that got the name key N<key> (but the word
//                       equal to the key itself), so that a snippet finds a name-key match's words
//                       (and their positions) in the index.
#pragma once

#include <string>
#include <string_view>
#include <xapian.h>

namespace xling::schema {

inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kLemmaPrefix = "M";
inline constexpr std::string_view kCompoundPartPrefix = "C";
inline constexpr std::string_view kTitlePrefix = "S";
inline constexpr std::string_view kAuthorPrefix = "XA";
inline constexpr std::string_view kNameKeyPrefix = "N";
inline constexpr std::string_view kLanguagePrefix = "L";
inline constexpr std::string_view kIdPrefix = "Q";
inline constexpr std::string_view kSourcePrefix = "H";
inline constexpr std::string_view kHostPrefix = "U";

/// Longest source name that gets an H term (Xapian terms are limited to 245 bytes).
inline constexpr std::size_t kMaxFilterTermBytes = 200;

inline constexpr Xapian::valueno kDateSlot = 0;
inline constexpr Xapian::valueno kMonthSlot = 1;
inline constexpr Xapian::valueno kLanguageSlot = 2;
inline constexpr Xapian::valueno kSourceSlot = 3;

/// Metadata key holding the schema version of an index.
inline constexpr std::string_view kSchemaVersionKey = "xling.schema";
inline constexpr std::string_view kSchemaVersion = "7";

/// First value slot of the text blocks (block k is in kTextBlockSlot + k).
inline constexpr Xapian::valueno kTextBlockSlot = 256;
/// Bytes of original text per block: a snippet decompresses the blocks of its passages only.
inline constexpr std::size_t kTextBlockBytes = 16384;
/// One byte offset is stored per this many positions (the record's skips).
inline constexpr std::size_t kPositionSkip = 32;

/// Synonym-table key listing the words that have name key `key` ("N" + key).
[[nodiscard]] inline std::string name_key_synonym(std::string_view key) {
    return std::string(kNameKeyPrefix) + std::string(key);
}

// --- Index lifecycle (docs/index-lifecycle.md) ---------------------------------------------------
// Version 4 added what incremental updates need. Version 5 changed the document data (above).
// Version 6 changed the name keys (N<key> terms and their synonym links: the transcription rules
// of data/namerules/, issue 19); the document data is version 5's. The indexer refuses to extend
// an older index that holds documents (rebuild it: xling-index --rebuild), so one index never
// mixes keys of two rule sets; the searcher still reads version-4 JSON records (and re-analyses
// their text for snippets) and searches a version-5 index, whose older keys then meet fewer
// transcriptions until it is rebuilt.
// Version 7 added the author field (the record's seventh field and the XA terms); an index of
// version 5 or 6 is searched as before, its documents without authors (author: finds none of
// them) until it is rebuilt.
//   F<source>           boolean: the input file a document was read from (absent for documents
//                       added through the API): its absolute, lexically normal path, or "#" and 16
//                       hex digits of the path's FNV-1a 64 hash when longer than kMaxSourcePathBytes.
//   value slot 4        content hash of the document's input (16 lowercase hex digits, FNV-1a 64 of
//                       the source key, a newline and the file's bytes or the JSONL line): equal
//                       hashes mean unchanged input, so a re-run skips the document.
//   metadata "src:<source>"  one record per input file: "size:mtime_ns:hash:documents:path"
//                       (hash over the whole decompressed file, documents in it, absolute path), so an
//                       unchanged file is skipped by stat() alone, without reading it.
// An index folder holds a Xapian stub file XAPIANDB ("auto gen-NNNNNN") naming the live generation
// folder beside it; a rebuild writes the next generation and renames a new stub over the old one.
inline constexpr std::string_view kSourceFilePrefix = "F";
inline constexpr Xapian::valueno kContentHashSlot = 4;
inline constexpr std::string_view kSourceRecordPrefix = "src:";
/// Longest absolute path used as a source key as it is; longer ones become "#" + hash.
inline constexpr std::size_t kMaxSourcePathBytes = 200;

// --- Word tables (schema version 5) --------------------------------------------------------------
// Version 5 adds two of Xapian's per-word tables (indexer/word_tables.hpp says why these tables);
// an index without them still searches, only without accent folding and spelling suggestions
// until its documents are indexed again.
//   synonym "A<lang>:<folded>" -> <word>   every indexed word of a document of <lang> that has
//                       diacritics, under each spelling it takes typed without them
//                       (analysis/accent_folding.hpp: "Alt:siaures" -> "šiaurės", German also
//                       "Ade:mueller" -> "müller"). The searcher checks that an entry's word is still
//                       indexed (entries outlive deleted documents until a rebuild).
//   synonym "A<lang>~<stem of the folded word>" -> <stem of the word>   so that an inflection
//                       the documents never wrote still meets them: "korėja" (stem "kor") folds to
//                       "koreja", stem "korej", as the query "Korejos" stems: "Alt~korej" -> "kor".
//   spelling <word>     capitalised words of 4 or more letters, not stopwords, no digits (names),
//                       normalized as indexed, frequency = documents containing them: the
//                       candidates of "did you mean" (Database::get_spelling_suggestion).
inline constexpr std::string_view kAccentSynonymPrefix = "A";

/// "A<lang>:<folded>", the synonym key of an accent-free spelling in documents of `lang`.
[[nodiscard]] inline std::string accent_key(std::string_view lang, std::string_view folded) {
    return std::string(kAccentSynonymPrefix).append(lang).append(":").append(folded);
}

/// "A<lang>~<folded stem>", the synonym key of an accent-free stem in documents of `lang`.
[[nodiscard]] inline std::string accent_stem_key(std::string_view lang, std::string_view folded_stem) {
    return std::string(kAccentSynonymPrefix).append(lang).append("~").append(folded_stem);
}

/// "Z<lang>:<stem>"
[[nodiscard]] inline std::string stem_term(std::string_view lang, std::string_view stem) {
    std::string t;
    t.reserve(kStemPrefix.size() + lang.size() + 1 + stem.size());
    t.append(kStemPrefix).append(lang).push_back(':');
    t.append(stem);
    return t;
}

/// "M<lang>:<lemma>"
[[nodiscard]] inline std::string lemma_term(std::string_view lang, std::string_view lemma) {
    return std::string(kLemmaPrefix).append(lang).append(":").append(lemma);
}

/// "C<lang>:<part>"
[[nodiscard]] inline std::string compound_part_term(std::string_view lang, std::string_view part) {
    return std::string(kCompoundPartPrefix).append(lang).append(":").append(part);
}

/// Lowercases ASCII letters (source names and hosts compare case-insensitively).
[[nodiscard]] inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

/// The host of a URL ("https://www.Example.org:8080/a" -> "example.org"), or "" when none.
[[nodiscard]] inline std::string url_host(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
    url = url.substr(0, url.find_first_of("/?#"));
    if (const auto at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
    url = url.substr(0, url.find(':'));
    std::string host = ascii_lower(url);
    if (host.rfind("www.", 0) == 0) host.erase(0, 4);
    return host;
}

/// "L<lang>"
[[nodiscard]] inline std::string language_term(std::string_view lang) {
    return std::string(kLanguagePrefix) + std::string(lang);
}

/// "Q<id>"
[[nodiscard]] inline std::string id_term(std::string_view id) {
    return std::string(kIdPrefix) + std::string(id);
}

}  // namespace xling::schema
