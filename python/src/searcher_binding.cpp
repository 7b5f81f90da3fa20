// xling.Searcher, xling.Results, xling.Hit and xling.Document: searching from Python.
//
// A C++ Searcher is not thread-safe, and a Python Searcher may be shared by threads that run
// searches with the GIL released. So the Python object keeps a small pool of C++ Searchers over
// the same indexes and Resources: a search takes an idle one or opens another (cheap: the data is
// in the shared Resources), and gives it back. Threads sharing one xling.Searcher thus search in
// parallel, and every C++ Searcher reopens the index at each search, so they all see the latest
// committed batch.
#include <pybind11/stl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "conversions.hpp"
#include "errors.hpp"
#include "resources_binding.hpp"
#include "xling/searcher.hpp"

namespace py = pybind11;

namespace xling::python {
namespace {

class SearcherPool {
  public:
    SearcherPool(std::vector<std::filesystem::path> paths, std::shared_ptr<const Resources> resources,
                 std::vector<std::filesystem::path> glossaries)
        : paths_(std::move(paths)), resources_(std::move(resources)), glossaries_(std::move(glossaries)) {
        idle_.push_back(open());  // a missing or unusable index is an error now, not at the first search
    }

    /// A C++ Searcher lent to one caller, given back when the lease ends.
    class Lease {
      public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher) : pool_(pool), searcher_(std::move(searcher)) {}
        ~Lease() { pool_.give_back(std::move(searcher_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Searcher& operator*() const noexcept { return *searcher_; }
        Searcher* operator->() const noexcept { return searcher_.get(); }

      private:
        SearcherPool& pool_;
        std::unique_ptr<Searcher> searcher_;
    };

    /// Called without the GIL. @throws RequestError when closed, IndexError when opening fails.
    Lease lease() {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (closed_) throw RequestError("the Searcher is closed");
            if (!idle_.empty()) {
                auto searcher = std::move(idle_.back());
                idle_.pop_back();
                return Lease(*this, std::move(searcher));
            }
        }
        return Lease(*this, open());
    }

    /// Closes the index handles; searches after it fail.
    void close() {
        std::vector<std::unique_ptr<Searcher>> idle;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
            idle.swap(idle_);
        }
    }

    [[nodiscard]] const std::vector<std::filesystem::path>& paths() const noexcept { return paths_; }
    [[nodiscard]] const std::shared_ptr<const Resources>& resources() const noexcept { return resources_; }
    [[nodiscard]] const std::vector<std::filesystem::path>& glossaries() const noexcept { return glossaries_; }

  private:
    std::unique_ptr<Searcher> open() const { return std::make_unique<Searcher>(paths_, resources_); }

    void give_back(std::unique_ptr<Searcher> searcher) {
        if (!searcher) return;
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!closed_) idle_.push_back(std::move(searcher));
    }

    const std::vector<std::filesystem::path> paths_;
    const std::shared_ptr<const Resources> resources_;
    const std::vector<std::filesystem::path> glossaries_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Searcher>> idle_;
    bool closed_ = false;
};

/// What a search returned, and which optional parts were asked for.
struct ResultSet {
    SearchResults results;
    bool facets = false;
    bool explain = false;
};

// ---- Python arguments -> SearchRequest ---------------------------------------------------------

std::vector<std::string> languages_argument(const py::object& lang) {
    std::vector<std::string> languages;
    const auto add = [&](const std::string& list) {
        std::size_t start = 0;
        while (start <= list.size()) {
            const std::size_t comma = std::min(list.find(',', start), list.size());
            std::string code = list.substr(start, comma - start);
            code.erase(0, code.find_first_not_of(' '));
            code.erase(code.find_last_not_of(' ') + 1);
            if (!code.empty()) languages.push_back(code);
            start = comma + 1;
        }
    };
    if (lang.is_none()) return languages;
    if (py::isinstance<py::str>(lang)) {
        add(lang.cast<std::string>());
        return languages;
    }
    if (!py::isinstance<py::iterable>(lang)) throw py::type_error("lang: expected None, a str or a list of str");
    for (const py::handle item : lang) {
        if (!py::isinstance<py::str>(item)) throw py::type_error("lang: expected None, a str or a list of str");
        add(item.cast<std::string>());
    }
    return languages;
}

SortOrder sort_argument(const std::string& sort) {
    if (sort == "relevance") return SortOrder::Relevance;
    if (sort == "date") return SortOrder::DateAscending;
    if (sort == "-date") return SortOrder::DateDescending;
    throw raise_error("RequestError", "sort: '" + sort + "' is not one of 'relevance', 'date', '-date'");
}

std::size_t count_argument(long long value, const char* what) {
    if (value < 0) throw raise_error("RequestError", std::string(what) + ": must be 0 or more, got " + std::to_string(value));
    return static_cast<std::size_t>(value);
}

// ---- C++ results -> plain Python data ----------------------------------------------------------

py::dict matched_dict(const MatchedConcept& m) {
    py::list translations;
    for (const auto& t : m.translations) {
        translations.append(py::dict(py::arg("lang") = t.lang, py::arg("text") = t.text, py::arg("forms") = to_list(t.forms)));
    }
    return py::dict(py::arg("query") = m.query, py::arg("entities") = to_list(m.entities),
                    py::arg("forms") = to_list(m.forms), py::arg("translations") = translations);
}

py::dict string_lists(const std::map<std::string, std::vector<std::string>>& map) {
    py::dict dict;
    for (const auto& [key, values] : map) dict[py::str(key)] = to_list(values);
    return dict;
}

py::dict concept_dict(const QueryConcept& c) {
    py::dict translations;
    for (const auto& [lang, list] : c.translations) {
        py::list items;
        for (const auto& t : list) {
            items.append(py::dict(py::arg("text") = t.text, py::arg("weight") = t.weight, py::arg("via") = t.via,
                                  py::arg("from_lang") = t.from_lang, py::arg("stems") = to_list(t.stems),
                                  py::arg("phrase") = t.phrase));
        }
        translations[py::str(lang)] = items;
    }
    py::dict stems;
    for (const auto& [lang, stem] : c.stems) stems[py::str(lang)] = stem;
    return py::dict(py::arg("query") = c.query, py::arg("entities") = to_list(c.entities),
                    py::arg("entity_types") = to_list(c.entity_types), py::arg("names") = string_lists(c.names),
                    py::arg("forms") = string_lists(c.forms), py::arg("stems") = stems,
                    py::arg("name_keys") = to_list(c.name_keys), py::arg("stopword_in") = to_list(c.stopword_in),
                    py::arg("translations") = translations, py::arg("translation_note") = c.translation_note);
}

py::object explain_data(const ResultSet& set) {
    if (!set.explain) return py::none();
    const SearchResults& r = set.results;
    py::list concepts;
    for (const auto& c : r.concepts) concepts.append(concept_dict(c));
    const py::dict language(py::arg("code") = str_or_none(r.query_language.code),
                            py::arg("method") = r.query_language.method,
                            py::arg("evidence") = r.query_language.evidence);
    return py::dict(py::arg("parsed") = r.parsed, py::arg("concepts") = concepts,
                    py::arg("translation") = r.translation, py::arg("query_language") = language,
                    py::arg("ignored") = to_list(r.ignored));
}

py::object facets_data(const ResultSet& set) {
    if (!set.facets) return py::none();
    py::dict facets;
    for (const auto& [name, counts] : set.results.facets) {
        py::dict values;
        for (const auto& [value, count] : counts) values[py::str(value)] = count;
        facets[py::str(name)] = values;
    }
    // Every facet is present even when nothing matched, so callers need not test for keys.
    for (const char* name : {"lang", "month", "source"}) {
        if (!facets.contains(name)) facets[name] = py::dict();
    }
    return facets;
}

py::list matched_list(const Hit& hit) {
    py::list matched;
    for (const auto& m : hit.matched) matched.append(matched_dict(m));
    return matched;
}

py::dict hit_dict(const Hit& hit) {
    return py::dict(py::arg("rank") = hit.rank, py::arg("id") = hit.id, py::arg("lang") = hit.lang,
                    py::arg("title") = hit.title, py::arg("date") = to_date(hit.date),
                    py::arg("url") = str_or_none(hit.url), py::arg("source") = str_or_none(hit.source),
                    py::arg("author") = str_or_none(hit.author),
                    py::arg("score") = hit.score, py::arg("snippet") = hit.snippet,
                    py::arg("matched_forms") = to_list(hit.matched_forms), py::arg("matched") = matched_list(hit));
}

py::object to_pandas(const ResultSet& set) {
    py::module_ pandas;
    try {
        pandas = py::module_::import("pandas");
    } catch (py::error_already_set& e) {
        if (!e.matches(PyExc_ImportError)) throw;
        const py::object error = py::module_::import("builtins").attr("ImportError")(
            "Results.to_pandas() needs pandas, which is not installed: apt-get install python3-pandas "
            "(Debian's Python) or pip install pandas; Results.to_dicts() gives the same rows as dicts");
        error.attr("__cause__") = e.value();
        PyErr_SetObject(PyExc_ImportError, error.ptr());
        throw py::error_already_set();
    }
    py::list rows;
    for (const auto& hit : set.results.hits) rows.append(hit_dict(hit));
    const py::list columns = py::cast(std::vector<std::string>{"rank", "id", "lang", "title", "date", "url", "source", "author",
                                                               "score", "snippet", "matched_forms", "matched"});
    py::object frame = pandas.attr("DataFrame").attr("from_records")(rows, py::arg("columns") = columns);
    // datetime64 (NaT when undated), so that resampling by month and date arithmetic work at once.
    frame[py::str("date")] = pandas.attr("to_datetime")(frame[py::str("date")]);
    return frame;
}

std::string results_repr(const ResultSet& set) {
    const SearchResults& r = set.results;
    return "<xling.Results query=" + py::repr(py::str(r.query)).cast<std::string>() + " total=" +
           std::to_string(r.total) + (r.total_exact ? "" : " (estimate)") + " hits=" + std::to_string(r.hits.size()) + ">";
}

// ---- The search itself --------------------------------------------------------------------------

struct SearchArguments {
    std::string query;
    py::object lang, since, until;
    std::string sort;
    long long limit = 10, offset = 0;
    bool facets = false, explain = false;
    std::string default_op;
    bool translate = true;
    py::object query_lang;
    long long snippet_length = 240;
    std::pair<std::string, std::string> highlight;
    py::object time_limit;  // seconds (float) or None
    bool feedback = false;
};

/// Python's timeouts are seconds as a float; the request's budget is whole milliseconds, and a
/// positive budget below one millisecond becomes one (0 would mean "no limit").
std::chrono::milliseconds time_limit_argument(const py::object& value) {
    if (value.is_none()) return std::chrono::milliseconds(0);
    const bool number = (py::isinstance<py::int_>(value) || py::isinstance<py::float_>(value)) && !py::isinstance<py::bool_>(value);
    const double seconds = number ? value.cast<double>() : 0.0;
    if (!(seconds > 0) || seconds > 1e9) {
        throw raise_error("RequestError", "time_limit: expected a positive number of seconds or None, got " +
                                              py::repr(value).cast<std::string>());
    }
    return std::chrono::milliseconds(std::max<long long>(1, std::llround(seconds * 1000.0)));
}

SearchRequest make_request(const SearcherPool& pool, const SearchArguments& a) {
    SearchRequest request;
    request.query = a.query;
    request.languages = languages_argument(a.lang);
    request.since = to_iso_date(a.since, "since");
    request.until = to_iso_date(a.until, "until");
    request.sort = sort_argument(a.sort);
    request.limit = count_argument(a.limit, "limit");
    request.offset = count_argument(a.offset, "offset");
    request.facets = a.facets;
    if (a.default_op == "and") {
        request.default_operator = DefaultOperator::And;
    } else if (a.default_op == "or") {
        request.default_operator = DefaultOperator::Or;
    } else {
        throw raise_error("RequestError", "default_op: '" + a.default_op + "' is not one of 'and', 'or'");
    }
    request.translation.enabled = a.translate;
    if (!a.query_lang.is_none()) request.translation.query_language = a.query_lang.cast<std::string>();
    request.translation.glossaries = pool.glossaries();
    request.snippet.length = count_argument(a.snippet_length, "snippet_length");
    request.snippet.highlight_open = a.highlight.first;
    request.snippet.highlight_close = a.highlight.second;
    request.time_limit = time_limit_argument(a.time_limit);
    request.feedback.enabled = a.feedback;
    return request;
}

ResultSet run_search(SearcherPool& pool, const SearchArguments& arguments) {
    const SearchRequest request = make_request(pool, arguments);
    ResultSet set;
    set.facets = arguments.facets;
    set.explain = arguments.explain;
    try {
        py::gil_scoped_release nogil;
        auto searcher = pool.lease();
        set.results = searcher->search(request);
    } catch (const QueryError& e) {
        throw raise_query_error(e, request.query);  // the GIL is back: `nogil` has ended
    }
    return set;
}

const char* const kSearchDoc = R"doc(
Runs one query and returns its Results.

The query language is xling-search's (README, "Query language"): words match every inflection in
every document language, names every spelling in every script, keywords their translations;
"phrases", OR, AND, NOT, -word, +word, (groups), a NEAR/5 b, prefix*, =exact, and the filters
lang:, date:, source:, url:, title:, id:.

Args:
    q: the query.
    lang: only documents in these languages: "hu", "hu,de" or ["hu", "de"].
    since: only documents dated from then on: a datetime.date, "2024-06-19", "2024-06", "2024"
        or a year as int.
    until: only documents dated until the end of that day, month or year (same forms).
    sort: "relevance" (BM25, best first), "date" (oldest first) or "-date" (newest first).
    limit: hits to return (more than the index holds means all of them).
    offset: hits to skip (paging).
    facets: also count matches per language, month and source over the whole match set
        (Results.facets).
    explain: also return how the query was expanded (Results.explain).
    default_op: how bare words combine: "and" or "or".
    translate: translate keywords with the translation table and glossaries.
    query_lang: the query's language (ISO code) for translation; default: detected.
    snippet_length: snippet length in characters; 0 skips snippets and matched forms (faster).
    highlight: the (open, close) markers around matches in snippets, e.g. ("<mark>", "</mark>").
    time_limit: a time budget in seconds (None: none). At the deadline the search returns what it
        has, with Results.partial set: the page's hits are all there, the total and facets may
        cover only the documents counted, late hits lack snippets, no suggestion is looked for.
    feedback: expand each language's part of the query with the most distinctive terms of its
        best documents and search again (pseudo-relevance feedback; Results.feedback lists them).

Raises:
    xling.QueryError: the query is empty, malformed or over a limit (.position says where).
    xling.RequestError: an invalid option (sort, since/until, query_lang, a negative limit,
        a time_limit that is not a positive number).
    xling.ConfigError: a glossary cannot be read or is malformed.
    xling.DatabaseError: the index cannot be read.

The GIL is released while the search runs, so threads search in parallel (also through one
shared Searcher).
)doc";

}  // namespace

void bind_searcher(py::module_& m) {
    py::class_<Hit>(m, "Hit", "One search hit: a document's stored fields, its score and where the query matched.")
        .def_readonly("rank", &Hit::rank, "1-based rank over the whole result list (offset included).")
        .def_readonly("id", &Hit::id, "The document's id.")
        .def_readonly("lang", &Hit::lang, "Language code of the document ('und' when not analysed).")
        .def_readonly("title", &Hit::title, "Title ('' when none).")
        .def_property_readonly("date", [](const Hit& h) { return to_date(h.date); }, "datetime.date, or None when undated.")
        .def_property_readonly("url", [](const Hit& h) { return str_or_none(h.url); }, "URL, or None.")
        .def_property_readonly("source", [](const Hit& h) { return str_or_none(h.source); }, "Publisher or feed, or None.")
        .def_property_readonly("author", [](const Hit& h) { return str_or_none(h.author); }, "Author(s), or None.")
        .def_readonly("score", &Hit::score, "BM25 weight.")
        .def_readonly("snippet", &Hit::snippet, "Passage(s) of the text with matches between the highlight markers.")
        .def_readonly("matched_forms", &Hit::matched_forms, "Distinct surface forms that matched, in text order.")
        .def_property_readonly("matched", &matched_list,
                               "Per query concept, the forms that matched: a list of dicts with 'query', "
                               "'entities', 'forms' and 'translations' (each {'lang', 'text', 'forms'}).")
        .def("to_dict", &hit_dict, "The hit as a dict of plain values (the keys are the attribute names).")
        .def("__repr__", [](const Hit& h) {
            return "<xling.Hit rank=" + std::to_string(h.rank) + " id=" + py::repr(py::str(h.id)).cast<std::string>() +
                   " lang=" + h.lang + " score=" + py::repr(py::float_(h.score)).cast<std::string>() + ">";
        });

    py::class_<ResultSet, std::shared_ptr<ResultSet>>(m, "Results", R"doc(
What a search returned: totals, the hits of the page asked for (iterate, index or len()), and on
request the facets and the explanation.
)doc")
        .def_property_readonly("query", [](const ResultSet& s) { return s.results.query; }, "The query as given.")
        .def_property_readonly("total", [](const ResultSet& s) { return s.results.total; },
                               "Number of matching documents (an estimate unless total_exact).")
        .def_property_readonly("total_exact", [](const ResultSet& s) { return s.results.total_exact; },
                               "True when total is exact.")
        .def_property_readonly("total_lower", [](const ResultSet& s) { return s.results.total_lower; },
                               "Lower bound of the total.")
        .def_property_readonly("total_upper", [](const ResultSet& s) { return s.results.total_upper; },
                               "Upper bound of the total.")
        .def_property_readonly("ignored", [](const ResultSet& s) { return to_list(s.results.ignored); },
                               "Query words left out (stopwords in every language).")
        .def_property_readonly("hits", [](const ResultSet& s) { return s.results.hits; }, "The hits, as a list.")
        .def_property_readonly("suggestion", [](const ResultSet& s) { return str_or_none(s.results.suggestion); },
                               "'Did you mean': the query with better-known spellings, or None.")
        .def_property_readonly("partial", [](const ResultSet& s) { return s.results.partial; },
                               "True when the search reached its time_limit and returned what it had.")
        .def_property_readonly("partial_reason", [](const ResultSet& s) { return str_or_none(s.results.partial_reason); },
                               "Why the results are partial ('time limit: ...' parts joined by '; '), or None.")
        .def_property_readonly("feedback", [](const ResultSet& s) { return s.results.feedback; },
                               "With feedback=True: document language -> the index terms the query gained "
                               "from its best documents ('Z<lang>:<stem>', 'N<key>'); {} otherwise.")
        .def_property_readonly("facets", &facets_data, R"doc(
With facets=True: {"lang": {code: n}, "month": {"YYYY-MM": n}, "source": {name: n}}, counted over
the whole match set (not only this page); None otherwise.
)doc")
        .def_property_readonly("explain", &explain_data, R"doc(
With explain=True, how the query was expanded, as plain data: {"parsed": the Xapian query,
"concepts": [{"query", "entities", "entity_types", "names", "forms", "stems", "name_keys",
"stopword_in", "translations", "translation_note"}], "translation": the table's state,
"query_language": {"code", "method", "evidence"}, "ignored": [...]}; None otherwise.
)doc")
        .def("__len__", [](const ResultSet& s) { return s.results.hits.size(); }, "Number of hits returned.")
        .def("__getitem__",
             [](const ResultSet& s, long long i) {
                 const auto n = static_cast<long long>(s.results.hits.size());
                 if (i < 0) i += n;
                 if (i < 0 || i >= n) throw py::index_error("hit index out of range");
                 return s.results.hits[static_cast<std::size_t>(i)];
             },
             "The hit at this position of the page (negative: from the end).")
        .def("__iter__", [](const ResultSet& s) { return py::iter(py::cast(s.results.hits)); }, "The hits, in rank order.")
        .def("to_dicts",
             [](const ResultSet& s) {
                 py::list rows;
                 for (const auto& hit : s.results.hits) rows.append(hit_dict(hit));
                 return rows;
             },
             "The hits as a list of dicts (Hit.to_dict()), e.g. for json.dumps or a DataFrame.")
        .def("to_pandas", &to_pandas, R"doc(
The hits as a pandas DataFrame, one row per hit: rank, id, lang, title, date (datetime64, NaT when
undated), url, source, score, snippet, matched_forms, matched.

Raises:
    ImportError: pandas is not installed (the message says how to install it).
)doc")
        .def("__repr__", &results_repr);

    py::class_<StoredDocument>(m, "Document", "A document as the index stores it: its fields and whole text.")
        .def_readonly("id", &StoredDocument::id, "The document's id.")
        .def_readonly("lang", &StoredDocument::lang, "Language code ('und' when not analysed).")
        .def_readonly("title", &StoredDocument::title, "Title ('' when none).")
        .def_property_readonly("date", [](const StoredDocument& d) { return to_date(d.date); }, "datetime.date, or None.")
        .def_property_readonly("url", [](const StoredDocument& d) { return str_or_none(d.url); }, "URL, or None.")
        .def_property_readonly("source", [](const StoredDocument& d) { return str_or_none(d.source); }, "Source, or None.")
        .def_property_readonly("author", [](const StoredDocument& d) { return str_or_none(d.author); }, "Author(s), or None.")
        .def_readonly("text", &StoredDocument::text, "The original text, as it was indexed.")
        .def("__repr__", [](const StoredDocument& d) {
            return "<xling.Document id=" + py::repr(py::str(d.id)).cast<std::string>() + " lang=" + d.lang + ">";
        });

    py::class_<SearcherPool, std::shared_ptr<SearcherPool>>(m, "Searcher", R"doc(
Cross-lingual search over one or several xling indexes (built by xling.Indexer or xling-index).

Args:
    db: an index folder or Xapian stub file, or a list of them (searched as one collection).
    aliases: None for the data folder's alias table, False for none, or alias table path(s).
    dict: None for the default translation table, False for none, or a table's path.
    data_dir: the data folder (default: see xling.Resources).
    resources: an xling.Resources to share instead of loading one (then leave data_dir, aliases
        and dict unset).
    glossaries: glossary file(s) applied to every search (re-read when they change).

Raises:
    xling.DatabaseError: an index is missing or is not an xling index.
    xling.ConfigError: a data file is missing or malformed.

Thread-safe: threads may share one Searcher (each search borrows an index handle of its own).
Usable as a context manager, which closes it.
)doc")
        .def(py::init([](const py::object& db, const py::object& aliases, const py::object& dict, const py::object& data_dir,
                         const py::object& resources, const py::object& glossaries) {
                 auto paths = to_paths(db, "db");
                 if (paths.empty()) throw raise_error("RequestError", "db: no index given");
                 std::vector<std::filesystem::path> glossary_paths;
                 if (!glossaries.is_none()) glossary_paths = to_paths(glossaries, "glossaries");
                 auto shared = resources_argument(resources, data_dir, aliases, dict);
                 py::gil_scoped_release nogil;
                 return std::make_shared<SearcherPool>(std::move(paths), std::move(shared), std::move(glossary_paths));
             }),
             py::arg("db"), py::arg("aliases") = py::none(), py::arg("dict") = py::none(), py::kw_only(),
             py::arg("data_dir") = py::none(), py::arg("resources") = py::none(), py::arg("glossaries") = py::none())
        .def(
            "search",
            [](SearcherPool& pool, const std::string& q, const py::object& lang, const py::object& since,
               const py::object& until, const std::string& sort, long long limit, long long offset, bool facets,
               bool explain, const std::string& default_op, bool translate, const py::object& query_lang,
               long long snippet_length, std::pair<std::string, std::string> highlight, const py::object& time_limit,
               bool feedback) {
                const SearchArguments arguments{q,         lang,      since,      until,          sort,
                                                limit,     offset,    facets,     explain,        default_op,
                                                translate, query_lang, snippet_length, std::move(highlight),
                                                time_limit, feedback};
                return std::make_shared<ResultSet>(run_search(pool, arguments));
            },
            kSearchDoc, py::arg("q"), py::arg("lang") = py::none(), py::arg("since") = py::none(),
            py::arg("until") = py::none(), py::arg("sort") = "relevance", py::arg("limit") = 10, py::arg("offset") = 0,
            py::arg("facets") = false, py::arg("explain") = false, py::kw_only(), py::arg("default_op") = "and",
            py::arg("translate") = true, py::arg("query_lang") = py::none(), py::arg("snippet_length") = 240,
            py::arg("highlight") = std::make_pair(std::string("["), std::string("]")), py::arg("time_limit") = py::none(),
            py::arg("feedback") = false)
        .def(
            "document",
            [](SearcherPool& pool, const std::string& id) {
                py::gil_scoped_release nogil;
                return pool.lease()->document(id);
            },
            py::arg("id"), R"doc(
The stored fields and whole text of the document with this id (xling.Document), or None when the
index holds no such document. Raises xling.DatabaseError when the index cannot be read.
)doc")
        .def_property_readonly(
            "languages",
            [](SearcherPool& pool) {
                py::gil_scoped_release nogil;
                return pool.lease()->languages();
            },
            "Language codes of the indexed documents, in xling's language order ('und' last).")
        .def(
            "__len__",
            [](SearcherPool& pool) {
                py::gil_scoped_release nogil;
                return pool.lease()->document_count();
            },
            "Number of documents in the index (at the last search).")
        .def_property_readonly(
            "resources", [](const SearcherPool& pool) { return std::const_pointer_cast<Resources>(pool.resources()); },
            "The xling.Resources in use (share it with other Searchers).")
        .def_property_readonly(
            "db", [](const SearcherPool& pool) {
                std::vector<std::string> paths;
                for (const auto& p : pool.paths()) paths.push_back(p.string());
                return paths;
            },
            "The index paths searched.")
        .def("close", [](SearcherPool& pool) { pool.close(); }, "Closes the index handles; later searches raise xling.RequestError.")
        .def("__enter__", [](const py::object& self) { return self; })
        .def(
            "__exit__", [](SearcherPool& pool, const py::args&) { pool.close(); return false; },
            "Closes the Searcher.")
        .def("__repr__", [](const SearcherPool& pool) {
            std::vector<std::string> paths;
            for (const auto& p : pool.paths()) paths.push_back(p.string());
            return "<xling.Searcher db=" + py::repr(py::cast(paths)).cast<std::string>() + ">";
        });
}

}  // namespace xling::python
