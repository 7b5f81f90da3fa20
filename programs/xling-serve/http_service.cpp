#include "programs/xling-serve/http_service.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "programs/common/result_json.hpp"
#include "programs/xling-serve/api_error.hpp"
#include "programs/xling-serve/listen_address.hpp"
#include "searcher/control_chars.hpp"
#include "xling/error.hpp"
#include "xling/index_stats.hpp"

namespace xling::cli {

std::string error_json(int status, const std::string& message, std::optional<std::size_t> position) {
    nlohmann::ordered_json out = {{"status", status}, {"error", message}};
    if (position) out["position"] = *position;
    return dump_json(out);
}

namespace {

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// The page may run only its own script and style, fetch only from this service, and be framed
// by nobody; the API's answers are data, never a document.
const httplib::Headers& security_headers() {
    static const httplib::Headers headers = {
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
         "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
    };
    return headers;
}

std::size_t code_points(const std::string& text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

// A log field: control characters escaped, cut at `max` bytes, so one request is one line.
std::string loggable(const std::string& text, std::size_t max = 300) {
    std::string out = searcher::escaped(text.size() > max ? text.substr(0, max) : text);
    if (text.size() > max) out += "...";
    return out;
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

// The document with matches highlighted: a search for the query within this document alone,
// with a snippet as long as its text (one fragment, so it is the whole text).
nlohmann::ordered_json highlighted_document(Searcher& searcher, const StoredDocument& doc, const std::string& query,
                                            const RequestBounds& bounds, std::chrono::milliseconds time_limit) {
    nlohmann::ordered_json out = document_json(doc);
    out["highlighted"] = false;
    out["highlighted_text"] = nullptr;
    out["matched"] = nlohmann::ordered_json::array();
    // An id holding a double quote cannot be written as an id: filter; it is shown unhighlighted.
    if (query.empty() || doc.id.find('"') != std::string::npos) return out;
    SearchRequest request;
    request.query = "(" + query + ") id:\"" + doc.id + "\"";
    request.limits = bounds.query;
    request.limits.max_query_bytes += request.query.size() - query.size();
    request.limits.max_query_words += 1;
    request.limit = 1;
    request.snippet.length = code_points(doc.text) + 1;
    request.snippet.max_fragments = 1;
    request.snippet.ellipsis.clear();
    request.snippet.highlight_open = kHighlightOpen;
    request.snippet.highlight_close = kHighlightClose;
    request.time_limit = time_limit;  // past it the text is shown unhighlighted
    SearchResults results;
    try {
        results = searcher.search(request);
    } catch (const QueryError& wrapped) {
        // The error as the query alone has it: a position in the query as given (an unbalanced
        // quote pairs with the filter's, and its message would point into the filter).
        SearchRequest alone = request;
        alone.query = query;
        alone.limits = bounds.query;
        alone.limit = 0;
        alone.snippet.length = 0;
        (void)searcher.search(alone);
        throw ApiError(400, wrapped.what(), std::min(wrapped.position(), query.size()));
    }
    if (results.hits.empty() || results.hits.front().id != doc.id) return out;
    if (results.partial && results.hits.front().snippet.empty()) return out;  // out of time: not highlighted
    const Hit& hit = results.hits.front();
    out["highlighted"] = true;
    out["highlighted_text"] = hit.snippet;
    nlohmann::ordered_json matched = nlohmann::ordered_json::array();
    for (const MatchedConcept& m : hit.matched) matched.push_back({{"query", m.query}, {"forms", m.forms}});
    out["matched"] = std::move(matched);
    return out;
}

nlohmann::ordered_json index_json(const IndexStats& s) {
    return {{"layout", s.layout},
            {"generation", s.generation.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.generation)},
            {"schema_version", s.schema_version},
            {"documents", s.documents},
            {"per_language", s.per_language},
            {"first_date", s.first_date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.first_date)},
            {"last_date", s.last_date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.last_date)}};
}

}  // namespace

HttpService::HttpService(SearchPool& pool, std::vector<std::filesystem::path> databases, WebFiles web,
                         ServiceOptions options)
    : pool_(pool), databases_(std::move(databases)), web_(std::move(web)), options_(std::move(options)) {}

HttpService::Outcome HttpService::run(const Work& work) {
    const Clock::time_point queued = Clock::now();
    const Clock::time_point deadline = queued + options_.time_budget;
    // What the search may take: the budget less a reserve for writing the answer, so that a
    // search cut short at its time limit is still answered within the budget.
    // A fifth: on a busy machine a thread waits tens of ms for a core (measured with the serve
    // suite at a load average of 17 on 2 cores: a tenth, 10 ms of 100, was often overrun).
    const auto reserve = std::clamp<std::chrono::milliseconds>(options_.time_budget / 5, std::chrono::milliseconds(1),
                                                               std::chrono::milliseconds(200));
    const Clock::time_point search_deadline = deadline - reserve;
    Outcome outcome;
    const auto job = [&](Searcher* searcher) {
        const Clock::time_point started = Clock::now();
        outcome.queue_ms = ms_between(queued, started);
        try {
            if (searcher == nullptr) throw ApiError(503, "index unavailable");
            // At least 1 ms: 0 would mean no limit at all.
            const auto left = std::max(std::chrono::ceil<std::chrono::milliseconds>(search_deadline - started),
                                       std::chrono::milliseconds(1));
            outcome.body = work(*searcher, left);
        } catch (const ApiError& e) {
            outcome = {e.status(), error_json(e.status(), e.what(), e.position()), outcome.queue_ms, 0};
        } catch (const QueryError& e) {
            outcome = {400, error_json(400, e.what(), e.position()), outcome.queue_ms, 0};
        } catch (const RequestError& e) {
            outcome = {400, error_json(400, e.what()), outcome.queue_ms, 0};
        } catch (const std::exception& e) {
            // IndexError and the like name files: the log gets them, the client does not.
            if (options_.log_requests) {
                const std::lock_guard lock(log_mutex_);
                std::fprintf(stderr, "xling-serve: %s\n", loggable(e.what(), 2000).c_str());
            }
            outcome = {503, error_json(503, "index unavailable"), outcome.queue_ms, 0};
        }
        outcome.work_ms = ms_between(started, Clock::now());
    };
    const auto budget = [this] { return std::to_string(options_.time_budget.count()) + " ms"; };
    switch (pool_.run(job, deadline)) {
        case SearchPool::Outcome::Full:
            return {503, error_json(503, "overloaded: every worker is busy and the queue is full; retry later"), 0, 0};
        case SearchPool::Outcome::Expired:
            return {503, error_json(503, "time budget of " + budget() + " spent waiting for a worker"),
                    ms_between(queued, Clock::now()), 0};
        case SearchPool::Outcome::Ran:
            break;
    }
    // A search the time limit could not cut short enough (one long snippet, a slow match).
    if (Clock::now() > deadline) {
        return {503, error_json(503, "time budget of " + budget() + " exceeded"), outcome.queue_ms, outcome.work_ms};
    }
    return outcome;
}

void HttpService::answer(httplib::Response& res, const Outcome& outcome, double total_ms) const {
    res.status = outcome.status;
    res.set_header("Cache-Control", "no-store");
    if (outcome.status == 503) res.set_header("Retry-After", "1");
    char timing[128];
    std::snprintf(timing, sizeof timing, "queue;dur=%.3f, search;dur=%.3f, total;dur=%.3f", outcome.queue_ms,
                  outcome.work_ms, total_ms);
    res.set_header("Server-Timing", timing);
    res.set_content(outcome.body, "application/json; charset=utf-8");
}

void HttpService::search(const httplib::Request& req, httplib::Response& res, bool from_body) {
    const Clock::time_point start = Clock::now();
    Outcome outcome;
    try {
        const httplib::Params& params = req.params;  // a std::multimap already: no copy
        if (from_body && !params.empty()) throw ApiError(400, "POST /api/search takes its fields in the JSON body, not the URL");
        const ApiSearch api = from_body ? search_from_json(req.body, options_.bounds) : search_from_params(params, options_.bounds);
        outcome = run([&api](Searcher& searcher, std::chrono::milliseconds left) {
            SearchRequest request = api.request;
            request.time_limit = left;
            return to_json(searcher.search(request), api.explain);
        });
    } catch (const ApiError& e) {
        outcome = {e.status(), error_json(e.status(), e.what(), e.position())};
    }
    answer(res, outcome, ms_between(start, Clock::now()));
}

void HttpService::document(const httplib::Request& req, httplib::Response& res) {
    const Clock::time_point start = Clock::now();
    Outcome outcome;
    try {
        for (const auto& [name, value] : req.params) {
            if (name != "q") throw ApiError(400, "unknown parameter '" + name.substr(0, 64) + "' (known: q)");
        }
        if (req.get_param_value_count("q") > 1) throw ApiError(400, "parameter 'q' given more than once");
        const std::string id = req.matches[1];
        const std::string query = req.get_param_value("q");
        const RequestBounds bounds = options_.bounds;
        outcome = run([&id, &query, &bounds](Searcher& searcher, std::chrono::milliseconds left) {
            const std::optional<StoredDocument> doc = searcher.document(id);
            if (!doc) throw ApiError(404, "no document with this id");
            return dump_json(highlighted_document(searcher, *doc, query, bounds, left));
        });
    } catch (const ApiError& e) {
        outcome = {e.status(), error_json(e.status(), e.what(), e.position())};
    }
    answer(res, outcome, ms_between(start, Clock::now()));
}

void HttpService::stats(httplib::Response& res) {
    const Clock::time_point start = Clock::now();
    const Outcome outcome = run([this](Searcher& searcher, std::chrono::milliseconds) {
        // index_stats() reads the whole term dictionary: done once per state of the index files.
        std::string indexes;
        {
            const std::lock_guard lock(stats_mutex_);
            const IndexIdentity now = IndexIdentity::of(databases_);
            if (stats_indexes_.empty() || !(now == stats_identity_)) {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const auto& path : databases_) list.push_back(index_json(index_stats(path)));
                stats_indexes_ = dump_json(list);
                stats_identity_ = now;
            }
            indexes = stats_indexes_;
        }
        nlohmann::ordered_json out = {{"documents", searcher.document_count()},
                                      {"languages", searcher.languages()},
                                      {"indexes", nlohmann::ordered_json::parse(indexes)}};
        return dump_json(out);
    });
    answer(res, outcome, ms_between(start, Clock::now()));
}

void HttpService::health(httplib::Response& res) const {
    bool present = true;
    for (const auto& path : databases_) {
        std::error_code ec;
        present = present && std::filesystem::exists(path, ec);
    }
    nlohmann::ordered_json out = {{"status", present ? "ok" : "unavailable"},
                                  {"workers", pool_.threads()},
                                  {"queued", pool_.queued()}};
    answer(res, {present ? 200 : 503, dump_json(out)}, 0);
}

bool HttpService::host_allowed(const httplib::Request& req) const {
    const std::size_t count = req.get_header_value_count("Host");
    if (count == 0) return true;  // HTTP/1.0 clients; every browser sends one
    if (count > 1) return false;
    const std::string host = host_of_header(req.get_header_value("Host"));
    if (host.empty()) return false;
    if (!options_.loopback_hosts_only || is_loopback(host)) return true;
    return std::find(options_.allowed_hosts.begin(), options_.allowed_hosts.end(), host) != options_.allowed_hosts.end();
}

void HttpService::log(const httplib::Request& req, const httplib::Response& res) const {
    if (!options_.log_requests) return;
    const std::string timing = res.get_header_value("Server-Timing");
    const std::string line = utc_now() + " " + loggable(req.remote_addr, 64) + " " + loggable(req.method, 16) + " " +
                             loggable(req.target.empty() ? req.path : req.target) + " " + std::to_string(res.status) + " " +
                             std::to_string(res.body.size()) + "B" + (timing.empty() ? "" : " " + timing) + "\n";
    const std::lock_guard lock(log_mutex_);
    std::fwrite(line.data(), 1, line.size(), stderr);
}

void HttpService::install(httplib::Server& server) {
    server.set_default_headers(security_headers());
    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (host_allowed(req)) return httplib::Server::HandlerResponse::Unhandled;
        res.status = 400;
        res.set_content(error_json(400, "Host header not accepted (a loopback service answers loopback names; see --allow-host)"),
                        "application/json; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    });
    server.Get("/api/search", [this](const httplib::Request& req, httplib::Response& res) { search(req, res, false); });
    server.Post("/api/search", [this](const httplib::Request& req, httplib::Response& res) { search(req, res, true); });
    server.Get("/api/doc/(.+)", [this](const httplib::Request& req, httplib::Response& res) { document(req, res); });
    server.Get("/api/stats", [this](const httplib::Request&, httplib::Response& res) { stats(res); });
    server.Get("/api/health", [this](const httplib::Request&, httplib::Response& res) { health(res); });
    server.Get("/[^/]*", [this](const httplib::Request& req, httplib::Response& res) {
        const WebFile* file = web_.find(req.path);
        if (file == nullptr) {
            res.status = 404;
            return;
        }
        res.set_header("Cache-Control", "no-cache");
        res.set_content(file->body, file->content_type.c_str());
    });
    // Every error answer is JSON, also those cpp-httplib makes itself (400, 404, 413, 414).
    server.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        const std::string message = res.status == 404   ? "not found"
                                    : res.status == 413 ? "request body too large"
                                    : res.status == 414 ? "request URI too long (a long query goes in a POST body)"
                                    : res.status == 416 ? "range not satisfiable"
                                    : res.status == 400 ? "bad request"
                                                        : "request failed";
        res.set_content(error_json(res.status, message), "application/json; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    }));
    server.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            if (options_.log_requests) {
                const std::lock_guard lock(log_mutex_);
                std::fprintf(stderr, "xling-serve: internal error: %s\n", loggable(e.what(), 2000).c_str());
            }
        } catch (...) {
        }
        res.status = 500;
        res.set_content(error_json(500, "internal error"), "application/json; charset=utf-8");
    });
    server.set_logger([this](const httplib::Request& req, const httplib::Response& res) { log(req, res); });
}

}  // namespace xling::cli
