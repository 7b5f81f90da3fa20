// xling-bench-inproc --data DIR --db DIR --queries FILE [--threads N] [--rounds R] [--results FILE]
//
// In-process query latency of the xling library: the data folder (--data) is loaded once into one
// xling::Resources, and every thread opens its own xling::Searcher on it (the class is not
// thread-safe; opening is outside the timing), then each round runs every query of
// FILE once, with the default SearchRequest (AND, 10 hits, snippets, aliases and name keys on: what
// `xling-search --batch` does, minus the JSON). Thread t starts at query t*n/threads so that
// threads do not ask the same query at the same moment. A warm-up pass (one thread, untimed) comes
// first; with --results its answers are written one line per query: total TAB id TAB id ...
// Prints one JSON object: {"threads", "rounds", "open_ms", "rounds_wall_s": [...],
// "latencies_us": [[...per round, all threads...]], "errors"}.
#include <barrier>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include <xling/xling.hpp>

namespace {

using Clock = std::chrono::steady_clock;

std::string result_line(const xling::SearchResults& r) {
    std::string line = std::to_string(r.total);
    for (const auto& h : r.hits) line += '\t' + h.id;
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    std::string data_dir, db, queries_file, results_file;
    int threads = 1, rounds = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "missing value for " << a << '\n';
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--data") data_dir = next();
        else if (a == "--db") db = next();
        else if (a == "--queries") queries_file = next();
        else if (a == "--threads") threads = std::stoi(next());
        else if (a == "--rounds") rounds = std::stoi(next());
        else if (a == "--results") results_file = next();
        else {
            std::cerr << "usage: xling-bench-inproc --data DIR --db DIR --queries FILE [--threads N] [--rounds R] [--results FILE]\n";
            return 2;
        }
    }
    if (data_dir.empty() || db.empty() || queries_file.empty() || threads < 1 || rounds < 1) {
        std::cerr << "xling-bench-inproc: --data, --db and --queries are required\n";
        return 2;
    }
    std::vector<std::string> queries;
    {
        std::ifstream in(queries_file);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) queries.push_back(line);
    }
    if (queries.empty()) {
        std::cerr << "xling-bench-inproc: no queries in " << queries_file << '\n';
        return 2;
    }
    std::size_t errors = 0;
    double open_ms = 0;
    std::shared_ptr<const xling::Resources> resources;
    try {
        // Warm-up (and the answers, for the hit-count comparison); open_ms includes loading the data.
        const auto t0 = Clock::now();
        resources = xling::Resources::load(data_dir);
        xling::Searcher warm({db}, resources);
        open_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        std::ofstream results;
        if (!results_file.empty()) results.open(results_file);
        for (const auto& q : queries) {
            xling::SearchRequest req;
            req.query = q;
            try {
                const auto r = warm.search(req);
                if (results) results << result_line(r) << '\n';
            } catch (const xling::Error& e) {
                ++errors;
                if (results) results << "ERROR\t" << e.what() << '\n';
            }
        }
    } catch (const xling::Error& e) {
        std::cerr << "xling-bench-inproc: " << e.what() << '\n';
        return 2;
    }

    const std::size_t n = queries.size();
    // per thread, per round: latencies
    std::vector<std::vector<std::vector<double>>> lat(threads, std::vector<std::vector<double>>(rounds));
    std::vector<double> round_wall(rounds, 0);
    std::vector<Clock::time_point> round_start(rounds);
    std::barrier sync(threads, []() noexcept {});
    std::vector<std::thread> pool;
    std::vector<std::string> thread_error(threads);
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t]() {
            std::unique_ptr<xling::Searcher> searcher;
            try {
                searcher = std::make_unique<xling::Searcher>(std::vector<std::filesystem::path>{db}, resources);
            } catch (const xling::Error& e) {
                thread_error[t] = e.what();
            }
            for (int r = 0; r < rounds; ++r) {
                sync.arrive_and_wait();
                if (t == 0) round_start[r] = Clock::now();
                sync.arrive_and_wait();
                if (searcher) {
                    const std::size_t first = static_cast<std::size_t>(t) * n / threads;
                    for (std::size_t k = 0; k < n; ++k) {
                        xling::SearchRequest req;
                        req.query = queries[(first + k) % n];
                        const auto s = Clock::now();
                        try {
                            (void)searcher->search(req);
                        } catch (const xling::Error&) {
                        }
                        lat[t][r].push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
                    }
                }
                sync.arrive_and_wait();
                if (t == 0)
                    round_wall[r] = std::chrono::duration<double>(Clock::now() - round_start[r]).count();
            }
        });
    }
    for (auto& th : pool) th.join();
    for (const auto& e : thread_error)
        if (!e.empty()) {
            std::cerr << "xling-bench-inproc: " << e << '\n';
            return 2;
        }
    nlohmann::json out;
    out["threads"] = threads;
    out["rounds"] = rounds;
    out["queries"] = n;
    out["open_ms"] = open_ms;
    out["errors"] = errors;
    out["rounds_wall_s"] = round_wall;
    nlohmann::json per_round = nlohmann::json::array();
    for (int r = 0; r < rounds; ++r) {
        std::vector<double> all;
        for (int t = 0; t < threads; ++t) all.insert(all.end(), lat[t][r].begin(), lat[t][r].end());
        per_round.push_back(all);
    }
    out["latencies_us"] = per_round;
    std::cout << out.dump() << '\n';
    return 0;
}
