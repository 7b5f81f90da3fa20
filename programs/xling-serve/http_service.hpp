// xling-serve's HTTP routes on a cpp-httplib server: the JSON API (/api/search, /api/doc/ID,
// /api/stats, /api/health), the page (/, /app.js, /style.css), JSON errors for everything else,
// a Host check against DNS rebinding, security headers, and one log line per request with its
// timings (also sent as a Server-Timing header).
//
//   GET|POST /api/search   SearchResults as xling-search --json writes them (api_request.hpp for
//                          the fields); snippets mark matches with U+E000 ... U+E001; "partial":
//                          true (and "partial_reason") when the time budget cut the search short
//   GET /api/doc/ID[?q=]   {"id", "lang", "title", "date", "url", "source", "author", "text",
//                           "highlighted": bool, "highlighted_text": str|null, "matched": [...]}
//   GET /api/stats         documents per language, date range, generation of each index
//   GET /api/health        {"status": "ok", "workers": N, "queued": N}
// Errors: {"status": N, "error": "message"[, "position": N]}: 400 bad request or malformed query
// (position = byte offset in q), 404 no such document or route, 413/414 request too large,
// 503 overloaded, out of time or index unavailable. Details that name files go to the log only.
#pragma once

#include <httplib.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "programs/xling-serve/api_request.hpp"
#include "programs/xling-serve/search_pool.hpp"
#include "programs/xling-serve/web_files.hpp"

namespace xling::cli {

struct ServiceOptions {
    RequestBounds bounds;
    /// Longest a request may take, queueing included. The search gets what is left of it when a
    /// Searcher is free for it, less a reserve for writing the answer (a fifth, 1 to 200 ms), as its
    /// SearchRequest::time_limit, and answers 200 with "partial": true when it ran out; only a
    /// request that waited in the queue past it, or whose answer still was not ready at it (one
    /// long snippet, a match Xapian cannot cut short), gets 503.
    std::chrono::milliseconds time_budget{5000};
    /// Answer only requests whose Host is a loopback name or address or one of allowed_hosts
    /// (a loopback service must not be reachable from a web page through DNS rebinding).
    bool loopback_hosts_only = true;
    std::vector<std::string> allowed_hosts;
    bool log_requests = true;
};

class HttpService {
  public:
    /// The service for the indexes `databases` (for /api/stats and /api/health) answered by `pool`.
    HttpService(SearchPool& pool, std::vector<std::filesystem::path> databases, WebFiles web, ServiceOptions options);

    /// Registers the routes and handlers on `server`.
    void install(httplib::Server& server);

  private:
    struct Outcome {
        int status = 200;
        std::string body;
        double queue_ms = 0;
        double work_ms = 0;
    };
    /// Answers a request with the searcher and the time left for its search.
    using Work = std::function<std::string(Searcher&, std::chrono::milliseconds)>;

    Outcome run(const Work& work);
    void answer(httplib::Response& res, const Outcome& outcome, double total_ms) const;
    void search(const httplib::Request& req, httplib::Response& res, bool from_body);
    void document(const httplib::Request& req, httplib::Response& res);
    void stats(httplib::Response& res);
    void health(httplib::Response& res) const;
    bool host_allowed(const httplib::Request& req) const;
    void log(const httplib::Request& req, const httplib::Response& res) const;

    SearchPool& pool_;
    const std::vector<std::filesystem::path> databases_;
    const WebFiles web_;
    const ServiceOptions options_;
    mutable std::mutex log_mutex_;
    std::mutex stats_mutex_;
    IndexIdentity stats_identity_;
    std::string stats_indexes_;  // JSON array of per-index statistics at stats_identity_
};

}  // namespace xling::cli
