#include "xling/searcher.hpp"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <string>

#include "analysis/accent_folding.hpp"
#include "analysis/analyzer.hpp"
#include "analysis/iso_date.hpp"
#include "analysis/name_key.hpp"
#include "indexer/index_layout.hpp"
#include "indexer/stored_record.hpp"
#include "library/resource_data.hpp"
#include "searcher/accent_forms.hpp"
#include "analysis/config_lines.hpp"
#include "searcher/dict_loader.hpp"
#include "searcher/feedback.hpp"
#include "searcher/index_forms.hpp"
#include "searcher/index_matches.hpp"
#include "searcher/index_snippet.hpp"
#include "searcher/inflected_names.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_language.hpp"
#include "searcher/query_parser.hpp"
#include "searcher/query_translator.hpp"
#include "searcher/snippet.hpp"
#include "searcher/spelling.hpp"
#include "searcher/stored_fields.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"
#include "xling/schema.hpp"

namespace xling {
namespace {

// Counting this many matches makes the total exact for most queries at little cost; past it,
// Xapian's estimate and bounds are reported (SearchResults::total_exact says which).
constexpr Xapian::doccount kCheckAtLeast = 1000;

Xapian::Database open_databases(const std::vector<std::filesystem::path>& paths) {
    if (paths.empty()) throw IndexError("no index given");
    Xapian::Database combined;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) throw IndexError(path.string() + ": no such index");
        indexer::check_stub_chain(path);  // Xapian would recurse forever on a stub naming itself
        try {
            Xapian::Database db(path.string());
            if (db.get_metadata(std::string(schema::kSchemaVersionKey)).empty() && db.get_doccount() > 0) {
                throw IndexError(path.string() + ": not an xling index (no schema version)");
            }
            combined.add_database(db);
        } catch (const Xapian::Error& e) {
            throw IndexError(path.string() + ": cannot open index: " + e.get_description());
        }
    }
    return combined;
}

// What a --rebuild changes: the stub file naming the live generation is renamed over (new inode)
// and the old generation removed. Xapian's reopen() moves a database to its latest revision but
// never re-reads the stub that chose the folder, so a long-lived Searcher would keep reading a
// deleted generation ("DatabaseNotFoundError: .../gen-000001/iamglass") for good.
std::string stub_identity(const std::vector<std::filesystem::path>& paths) {
    std::string out;
    for (const auto& path : paths) {
        std::error_code ec;
        const std::filesystem::path stub = std::filesystem::is_directory(path, ec) ? path / "XAPIANDB" : path;
        struct stat st {};
        if (::stat(stub.c_str(), &st) == 0) {
            out += std::to_string(st.st_dev) + ':' + std::to_string(st.st_ino) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
                   std::to_string(st.st_mtim.tv_nsec);
        }
        out.push_back('|');
    }
    return out;
}

}  // namespace

std::shared_ptr<const Resources> require(std::shared_ptr<const Resources> resources) {
    if (!resources) throw ConfigError("no resources given to the searcher (xling::Resources::load)");
    return resources;
}

class Searcher::Impl {
  public:
    Impl(const std::vector<std::filesystem::path>& paths, std::shared_ptr<const Resources> resources)
        : paths_(paths),
          stubs_(stub_identity(paths)),
          db_(open_databases(paths)),
          resources_(require(std::move(resources))),
          data_(resources_->data().analysis),
          analyzer_(data_),
          keyer_(data_),
          aliases_(resources_->aliases()),
          detector_(*data_) {}

    std::filesystem::path dict_path() const { return resources_->translation_path(); }

    std::vector<AmbiguousName> ambiguous_names() const { return aliases_.ambiguous_names(); }

    std::vector<std::string> languages() const {
        std::vector<std::string> present;
        for (const LanguageInfo& lang : supported_languages()) {
            if (db_.term_exists(schema::language_term(lang.code))) present.emplace_back(lang.code);
        }
        if (db_.term_exists(schema::language_term(kUndetermined))) present.emplace_back(kUndetermined);
        return present;
    }

    std::size_t document_count() const { return db_.get_doccount(); }

    std::optional<StoredDocument> document(const std::string& id) {
        try {
            refresh();
            const std::string term = schema::id_term(id);
            const auto posting = db_.postlist_begin(term);
            if (posting == db_.postlist_end(term)) return std::nullopt;
            return searcher::decode_stored(db_.get_document(*posting), searcher::StoredParts::FieldsAndText);
        } catch (const Xapian::Error& e) {
            throw IndexError("reading document '" + id + "' failed: " + e.get_description());
        }
    }

    SearchResults search(const SearchRequest& request) {
        const Deadline deadline = request.time_limit.count() > 0 ? Deadline(Clock::now() + request.time_limit) : std::nullopt;
        try {
            // Each search sees the latest committed batch (cheap when nothing changed).
            refresh();
            return run(request, deadline);
        } catch (const Xapian::DatabaseModifiedError&) {
            // An indexer committed while we read: reopen at the new revision and run again once.
            refresh();
            return run(request, deadline);
        } catch (const Xapian::DatabaseNotFoundError&) {
            // A rebuild switched generations between our stat() and Xapian's open: look again.
            refresh();
            return run(request, deadline);
        } catch (const Xapian::Error& e) {
            throw IndexError("search failed: " + e.get_description());
        }
    }

  private:
    using Clock = std::chrono::steady_clock;
    using Deadline = std::optional<Clock::time_point>;  // SearchRequest::time_limit from the call

    static bool passed(const Deadline& deadline) { return deadline && Clock::now() >= *deadline; }

    static void note_partial(SearchResults& results, const std::string& reason) {
        results.partial = true;
        results.partial_reason += (results.partial_reason.empty() ? "" : "; ") + ("time limit: " + reason);
    }

    // The table with the request's glossaries, the query language, and the status line.
    TranslationTable prepare_translation(const SearchRequest& request, const searcher::QueryNode& tree,
                                         SearchResults& results) {
        const TranslationRequest& tr = request.translation;
        if (!tr.query_language.empty() && find_language(tr.query_language) == nullptr) {
            throw RequestError("--query-lang '" + tr.query_language + "': unknown language (" + language_list() + ")");
        }
        if (!tr.enabled) {
            results.translation = "off (--no-translate)";
            return {};
        }
        TranslationTable table = glossaries_.get(resources_->translations(), tr.glossaries, analyzer_);
        for (const auto& file : tr.learned) {
            table.add_learned(analysis::read_config_file(file, "learned translations"), file.string(), analyzer_.stem_function());
        }
        if (table.empty()) {
            results.translation = "off (" + resources_->translation_note() + ")";
            return table;
        }
        results.translation = searcher::translation_status(*resources_, table);
        if (!tr.query_language.empty()) {
            results.query_language = {tr.query_language, "given", "--query-lang"};
            return table;
        }
        // Names say nothing about the language (they are spelled alike in many): they do not vote.
        std::vector<std::string> words;
        std::string text;
        std::vector<analysis::AnalyzedToken> tokens;
        for (const std::string& t : searcher::query_texts(tree)) {
            analyzer_.words(t, tokens);
            if (request.expand_aliases && !aliases_.lookup(analysis::join_words(tokens)).empty()) continue;
            text += (text.empty() ? "" : " ") + t;
            for (const auto& token : tokens) {
                if (!request.expand_aliases || aliases_.lookup(token.word).empty()) words.push_back(token.word);
            }
        }
        std::vector<std::string> candidates;
        for (const auto& l : table.languages()) {
            if (find_language(l) != nullptr) candidates.push_back(l);
        }
        results.query_language = detector_.detect(words, text, candidates, table, analyzer_);
        return table;
    }

    std::vector<std::string> target_languages(const SearchRequest& request) const {
        std::vector<std::string> present = languages();
        if (request.languages.empty()) return present;
        std::vector<std::string> wanted;
        for (const auto& code : request.languages) {
            if (!is_known_language_code(code)) {
                throw QueryError("unknown language '" + code + "' (known: " + language_list(", ", true) + ")", 0);
            }
            if (std::find(present.begin(), present.end(), code) != present.end()) wanted.push_back(code);
        }
        return wanted;
    }

    SearchResults run(const SearchRequest& request, const Deadline& deadline) {
        SearchResults results;
        results.query = request.query;
        const searcher::QueryNode tree = searcher::parse_query(request.query, request.default_operator, request.limits);
        const std::vector<std::string> langs = target_languages(request);
        searcher::IndexForms forms(db_, data_, analyzer_);
        searcher::QueryBuilder builder(analyzer_, keyer_, forms, &aliases_, langs);
        searcher::BuildOptions build_options;
        build_options.expand_aliases = request.expand_aliases;
        build_options.name_keys = request.name_keys;
        // Glossaries are checked per query (edits count at once) and re-read only when changed.
        const TranslationTable table = prepare_translation(request, tree, results);
        std::optional<searcher::AccentForms> accents;
        if (request.accents == AccentMatching::Fold) {
            accents.emplace(db_, folder_, analyzer_, forms);
            build_options.accents = &*accents;
        }
        std::optional<searcher::QueryTranslator> translator;
        if (!table.empty() && request.translation.enabled) {
            translator.emplace(table, analyzer_, forms, langs, results.query_language.code, request.translation,
                               accents ? &*accents : nullptr);
            build_options.translator = &*translator;
        }
        build_options.query_language = results.query_language.code;
        build_options.inflected_names = &inflected_names_;
        searcher::BuiltQuery built = builder.build(tree, build_options);
        Matches matches = run_query(built, request, langs, deadline);
        if (matches.mset.empty() && built.has_stopwords) {
            // Nothing found with stopwords left out ("to be or not to be", "the"): search them as words.
            build_options.keep_stopwords = true;
            built = builder.build(tree, build_options);
            matches = run_query(built, request, langs, deadline);
        }
        if (request.feedback.enabled && !matches.mset.empty() && !passed(deadline)) {
            add_feedback(built, request, langs, deadline, matches, results);
        }
        if (matches.counting_cut) note_partial(results, "counting stopped at the deadline (total and facets cover the documents seen)");
        const Xapian::MSet& mset = matches.mset;
        results.ignored = built.ignored;
        for (const auto& group : built.terms.groups) results.concepts.push_back(group.concept_info);
        results.parsed = std::move(matches.description);
        results.facets = std::move(matches.facets);
        results.total = mset.get_matches_estimated();
        results.total_lower = mset.get_matches_lower_bound();
        results.total_upper = mset.get_matches_upper_bound();
        results.total_exact = results.total_lower == results.total_upper;
        if (results.total < kSuggestBelow && !passed(deadline)) {
            results.suggestion = searcher::spelling_suggestion(db_, request.query, tree, analyzer_);
        }

        searcher::IndexMatches index_matches(db_, built.terms, analyzer_);  // caches the vocabulary for all hits
        std::size_t unsnipped = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            // Past the deadline the remaining hits keep their fields and lose only their snippets.
            const bool snippet = request.snippet.length > 0 && !passed(deadline);
            if (request.snippet.length > 0 && !snippet) ++unsnipped;
            results.hits.push_back(hit_of(it, built.terms, request.snippet, snippet, index_matches));
        }
        if (unsnipped > 0) {
            note_partial(results, "snippets of " + std::to_string(unsnipped) + " of " + std::to_string(results.hits.size()) +
                                      " hits not made");
        }
        return results;
    }

    // One match as a hit: the stored fields, and the snippet when one is asked for. A version-5
    // record is read without its text and its snippet made from the index; a version-4 record
    // (JSON, text included) is decoded whole and its text re-analysed.
    Hit hit_of(const Xapian::MSetIterator& it, const searcher::MatchTerms& terms, const SnippetOptions& snippet_options,
               bool snippets, searcher::IndexMatches& index_matches) {
        const Xapian::Document doc = it.get_document();
        const std::string data = doc.get_data();
        std::optional<indexer::StoredRecord> record = indexer::decode_stored_record(data);
        StoredDocument stored = record ? std::move(record->fields)
                                       : searcher::decode_json_record(data, snippets ? searcher::StoredParts::FieldsAndText
                                                                                     : searcher::StoredParts::Fields);
        Hit hit;
        hit.rank = static_cast<std::size_t>(it.get_rank()) + 1;
        hit.score = it.get_weight();
        hit.id = std::move(stored.id);
        hit.lang = std::move(stored.lang);
        hit.title = std::move(stored.title);
        hit.date = std::move(stored.date);
        hit.url = std::move(stored.url);
        hit.source = std::move(stored.source);
        hit.author = std::move(stored.author);
        if (snippets) {
            searcher::Snippet snippet;
            if (record) {
                searcher::StoredText text(doc, record->text);
                snippet = searcher::make_index_snippet(index_matches.find(*it, hit.lang), text, record->text, hit.lang,
                                                       terms, snippet_options, analyzer_);
            } else {
                snippet = searcher::make_snippet(stored.text, hit.lang, terms, snippet_options, analyzer_, keyer_);
            }
            hit.snippet = std::move(snippet.text);
            hit.matched_forms = std::move(snippet.matched);
            hit.matched = std::move(snippet.concepts);
        }
        return hit;
    }

    // What one run of a built query found: returned whole, so that no run leaves state behind
    // for the next (a search, or the retry with stopwords kept).
    struct Matches {
        Xapian::MSet mset;
        std::string description;  ///< the final Xapian query, filters included (--explain)
        std::map<std::string, std::map<std::string, std::size_t>> facets;  ///< empty unless asked for
        bool counting_cut = false;  ///< the deadline stopped counting beyond the page (set_time_limit)
    };

    Matches run_query(const searcher::BuiltQuery& built, const SearchRequest& request,
                      const std::vector<std::string>& langs, const Deadline& deadline) {
        if (built.query.empty()) {
            // Words none of which the collection holds ("согласно кивал") find nothing; a query
            // without a single word ("!!!") is an error.
            if (!built.terms.groups.empty()) return {};
            throw QueryError("query has no searchable words: '" + request.query + "'", 0);
        }
        Xapian::Query query = built.query;
        if (!request.languages.empty()) {
            std::vector<Xapian::Query> filters;
            for (const auto& code : langs) filters.emplace_back(schema::language_term(code));
            query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                  Xapian::Query(Xapian::Query::OP_OR, filters.begin(), filters.end()));
        }
        if (auto range = date_filter(request)) query = Xapian::Query(Xapian::Query::OP_FILTER, query, *range);
        Matches out;
        out.description = query.get_description();
        // Undated documents (no date value) come last in both directions: a value sort would put
        // their empty value first when ascending, so the key gives them one above every date.
        Xapian::MultiValueKeyMaker by_date;  // outlives the Enquire that points to it
        Xapian::Enquire enquire(db_);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        if (request.sort != SortOrder::Relevance) {
            const bool descending = request.sort == SortOrder::DateDescending;
            by_date.add_value(schema::kDateSlot, false, descending ? std::string() : db_.get_value_upper_bound(schema::kDateSlot) + "x");
            enquire.set_sort_by_key_then_relevance(&by_date, descending);
        }
        // Xapian counts documents in 32 bits: wider requests are clamped, never truncated (2^32 + 5
        // must not become 5), and the sum is taken before narrowing so it cannot wrap.
        constexpr std::size_t kMaxDoccount = std::numeric_limits<Xapian::doccount>::max();
        const Xapian::doccount documents = db_.get_doccount();
        const auto first = static_cast<Xapian::doccount>(std::min<std::size_t>(request.offset, kMaxDoccount));
        const auto count = static_cast<Xapian::doccount>(std::min<std::size_t>(request.limit, documents));
        Xapian::doccount check_at_least = static_cast<Xapian::doccount>(std::min<std::uint64_t>(
            kMaxDoccount, std::max<std::uint64_t>(kCheckAtLeast, std::uint64_t{first} + count)));
        // Facets count the whole match set, so every match must be seen.
        std::vector<std::pair<std::string, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies;
        if (request.facets) {
            check_at_least = std::max(check_at_least, documents);
            spies.emplace_back("lang", std::make_unique<Xapian::ValueCountMatchSpy>(schema::kLanguageSlot));
            spies.emplace_back("month", std::make_unique<Xapian::ValueCountMatchSpy>(schema::kMonthSlot));
            spies.emplace_back("source", std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSourceSlot));
            for (auto& [name, spy] : spies) enquire.add_matchspy(spy.get());
        }
        const Xapian::doccount page_end = static_cast<Xapian::doccount>(std::min<std::uint64_t>(kMaxDoccount, std::uint64_t{first} + count));
        bool timed = false;
        if (deadline && check_at_least > page_end) {
            // Xapian's time limit turns check_at_least off when it fires: the page is still the
            // best one, but matches past it are no longer counted (nor seen by the facet spies).
            const double seconds = std::chrono::duration<double>(*deadline - Clock::now()).count();
            if (seconds > 0) {
                enquire.set_time_limit(seconds);
                timed = true;
            } else {
                check_at_least = page_end;
                out.counting_cut = true;
            }
        }
        out.mset = enquire.get_mset(first, count, check_at_least);
        // Xapian does not say whether its timer fired: a match that ended after the deadline
        // counts as cut (a match that finished in the same instant is called partial too).
        if (timed && passed(deadline)) out.counting_cut = true;
        for (auto& [name, spy] : spies) {
            auto& counts = out.facets[name];
            for (auto v = spy->values_begin(); v != spy->values_end(); ++v) counts[*v] = v.get_termfreq();
        }
        return out;
    }

    // Pseudo-relevance feedback: the best documents by relevance (the page just found when it is
    // them) give their distinctive terms, and the query with them replaces `matches`.
    void add_feedback(searcher::BuiltQuery& built, const SearchRequest& request, const std::vector<std::string>& langs,
                      const Deadline& deadline, Matches& matches, SearchResults& results) {
        const bool page_is_best = request.offset == 0 && request.sort == SortOrder::Relevance &&
                                  request.limit >= request.feedback.documents;
        Xapian::MSet best = matches.mset;
        if (!page_is_best) {
            SearchRequest first = request;
            first.offset = 0;
            first.limit = request.feedback.documents;
            first.sort = SortOrder::Relevance;
            first.facets = false;
            best = run_query(built, first, langs, deadline).mset;
        }
        searcher::FeedbackTerms feedback =
            searcher::feedback_terms(db_, built.query, built.terms.groups.size(), best, request.feedback);
        if (feedback.query.empty()) return;
        built.query = searcher::with_feedback(built.query, feedback);
        matches = run_query(built, request, langs, deadline);
        results.feedback = std::move(feedback.by_language);
    }

    static std::optional<Xapian::Query> date_filter(const SearchRequest& request) {
        if (request.since.empty() && request.until.empty()) return std::nullopt;
        std::optional<std::pair<std::string, std::string>> since, until;
        if (!request.since.empty() && !(since = analysis::iso_period(request.since))) {
            throw RequestError("--since '" + request.since + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        if (!request.until.empty() && !(until = analysis::iso_period(request.until))) {
            throw RequestError("--until '" + request.until + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        if (since && until) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, since->first, until->second);
        if (since) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, since->first);
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, until->second);
    }

    // Moves to the latest committed revision, and to the new generation after a rebuild switched
    // the stub (one stat() per index path: cheap beside a query).
    void refresh() {
        std::string now = stub_identity(paths_);
        if (now != stubs_) {
            db_ = open_databases(paths_);
            stubs_ = std::move(now);
            return;
        }
        db_.reopen();
    }

    std::vector<std::filesystem::path> paths_;
    std::string stubs_;  // stub_identity() of paths_ when db_ was opened
    Xapian::Database db_;
    std::shared_ptr<const Resources> resources_;
    std::shared_ptr<const analysis::AnalysisData> data_;
    analysis::Analyzer analyzer_;
    analysis::NameKeyer keyer_;
    analysis::AccentFolder folder_;  // ICU rules compiled once per searcher, at the first accented word
    const AliasTable& aliases_;  // owned by resources_
    searcher::InflectedNames inflected_names_{aliases_, data_, analyzer_, folder_};  // names read at its first use
    searcher::GlossaryCache glossaries_;  // request glossaries, re-read only when a file changed
    searcher::QueryLanguageDetector detector_;
};

Searcher::Searcher(const std::vector<std::filesystem::path>& databases, std::shared_ptr<const Resources> resources)
    : impl_(std::make_unique<Impl>(databases, std::move(resources))) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

SearchResults Searcher::search(const SearchRequest& request) { return impl_->search(request); }
std::optional<StoredDocument> Searcher::document(const std::string& id) { return impl_->document(id); }
std::vector<std::string> Searcher::languages() const { return impl_->languages(); }
std::size_t Searcher::document_count() const { return impl_->document_count(); }
std::vector<AmbiguousName> Searcher::ambiguous_names() const { return impl_->ambiguous_names(); }
std::filesystem::path Searcher::dict_path() const { return impl_->dict_path(); }

}  // namespace xling
