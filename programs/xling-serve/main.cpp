// xling-serve: the HTTP search API and the search page over xling indexes (http_service.hpp for
// the routes). Listens on loopback unless --allow-remote is given with another address; stops
// cleanly on SIGINT or SIGTERM (exit 0). Exit 2 when it cannot start (bad option, missing
// index, data folder or page, address in use).
#include <CLI/CLI.hpp>
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "programs/common/cli.hpp"
#include "programs/common/data_location.hpp"
#include "programs/xling-serve/http_service.hpp"
#include "programs/xling-serve/listen_address.hpp"
#include "programs/xling-serve/search_pool.hpp"
#include "programs/xling-serve/web_files.hpp"
#include "xling/error.hpp"
#include "xling/searcher.hpp"

// Set by programs/xling-serve/meson.build: the page's files in the source tree, used when the
// data folder has no web/ (a program run from the build folder).
#ifndef XLING_SOURCE_WEB_DIR
#error "XLING_SOURCE_WEB_DIR must be defined"
#endif

namespace {

std::filesystem::path web_dir(const std::string& given, const std::filesystem::path& data) {
    if (!given.empty()) return given;
    std::error_code ec;
    if (std::filesystem::is_directory(data / "web", ec)) return data / "web";
    return XLING_SOURCE_WEB_DIR;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"xling-serve: the xling search API and search page over HTTP"};
    std::string data_dir_option;
    std::string web_dir_option;
    app.set_version_flag("--version", [&] {
        std::string text = xling::cli::version_text("xling-serve");
        try {
            text += "\npage: " + web_dir(web_dir_option, xling::cli::data_dir(data_dir_option)).string();
        } catch (const xling::Error&) {
        }
        return text;
    });
    std::vector<std::filesystem::path> databases;
    std::string listen = "127.0.0.1:8080";
    bool allow_remote = false;
    std::vector<std::string> allowed_hosts;
    std::size_t threads = std::max(1U, std::thread::hardware_concurrency());
    std::size_t queue = 0;
    std::size_t connections = 0;
    std::size_t budget_ms = 5000;
    std::vector<std::filesystem::path> alias_files;
    bool no_aliases = false;
    std::string dict;
    bool quiet = false;
    xling::cli::ServiceOptions options;
    app.add_option("--db", databases, "Index folder or Xapian stub file (repeat to search several)")
        ->required()->allow_extra_args(false);
    app.add_option("--listen", listen, "Address and port, e.g. 127.0.0.1:8080, [::1]:8080, :0 (any free port)")
        ->capture_default_str();
    app.add_flag("--allow-remote", allow_remote,
                 "Allow a --listen address that is not loopback (the service has no authentication)");
    app.add_option("--allow-host", allowed_hosts,
                   "Host header value to answer besides loopback names (repeat; e.g. the machine's name)")
        ->allow_extra_args(false);
    app.add_option("--threads", threads, "Searches run at once, each with its own Searcher, on the thread that read the request (default: one per core)")
        ->check(xling::cli::whole_number());
    app.add_option("--queue", queue, "Searches waiting for a Searcher before 503 (default: 4 per --threads)")
        ->check(xling::cli::whole_number());
    app.add_option("--connections", connections,
                   "Connections served at once, keep-alive ones included (default: 8 per worker, at least 16)")
        ->check(xling::cli::whole_number());
    app.add_option("--time-budget-ms", budget_ms, "Longest a request may take, queueing included: a search still running near it returns the hits "
                   "found so far, marked \"partial\"; 503 when none could be answered in time")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--max-limit", options.bounds.max_limit, "Most hits one request may ask for")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--max-offset", options.bounds.max_offset, "Deepest offset a request may ask for")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--max-query-bytes", options.bounds.query.max_query_bytes, "Longest query accepted, in bytes")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--max-query-words", options.bounds.query.max_query_words, "Most words a query may search")
        ->capture_default_str()->check(xling::cli::whole_number());
    app.add_option("--aliases", alias_files, "Alias table file (repeat; default: <data>/aliases/default.aliases)")
        ->allow_extra_args(false);
    app.add_flag("--no-aliases", no_aliases, "Load no alias table");
    app.add_option("--dict", dict,
                   "Translation table built by xling-dict (default: $XLING_DICT, else <data>/translation/xling.table if present)");
    app.add_option("--data-dir", data_dir_option,
                   "Data folder (default: $XLING_DATA_DIR, else the installed or build-tree data; see --version)");
    app.add_option("--web-dir", web_dir_option, "Folder of the page's files (default: <data>/web)");
    app.add_flag("-q,--quiet", quiet, "No request log on stderr");
    if (const auto exit = xling::cli::parse(app, argc, argv)) return *exit;

    xling::cli::ListenAddress address;
    try {
        address = xling::cli::parse_listen_address(listen);
    } catch (const std::invalid_argument& e) {
        std::cerr << "xling-serve: " << e.what() << '\n';
        return xling::cli::kUsageError;
    }
    const bool loopback = xling::cli::is_loopback(address.host);
    if (!loopback && !allow_remote) {
        std::cerr << "xling-serve: " << address.host
                  << " is not a loopback address, and the service has no authentication: add --allow-remote to listen on it\n";
        return xling::cli::kUsageError;
    }
    threads = std::max<std::size_t>(threads, 1);
    if (app.count("--queue") == 0) queue = 4 * threads;
    if (connections == 0) connections = std::max<std::size_t>(16, 8 * threads);
    options.time_budget = std::chrono::milliseconds(budget_ms);
    options.loopback_hosts_only = loopback;
    options.allowed_hosts = allowed_hosts;
    for (auto& h : options.allowed_hosts) h = xling::cli::host_of_header(h);
    options.log_requests = !quiet;

    // SIGINT and SIGTERM are taken by one thread (blocked everywhere else before any starts).
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    xling::ResourceOptions resource_options;
    resource_options.alias_files = alias_files;
    resource_options.default_aliases = !no_aliases;
    xling::cli::choose_dict(resource_options, dict);
    try {
        const std::filesystem::path data = xling::cli::data_dir(data_dir_option);
        const auto resources = xling::Resources::load(data, resource_options);
        const std::size_t documents = xling::Searcher(databases, resources).document_count();  // fails now, not per request
        xling::cli::WebFiles web;
        try {
            web = xling::cli::WebFiles::load(web_dir(web_dir_option, data));
        } catch (const std::runtime_error& e) {
            if (!web_dir_option.empty()) throw xling::ConfigError(e.what());
            std::cerr << "xling-serve: no page (" << e.what() << "): serving the API only\n";
        }
        xling::cli::SearchPool pool(databases, resources, threads, queue);
        xling::cli::HttpService service(pool, databases, std::move(web), options);
        httplib::Server server;
        service.install(server);
        server.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
        // Headers and body go out in two writes: with Nagle's algorithm the body waits for the
        // client's delayed ACK, 40 ms per request (measured with bench/serve-wrk: 48 ms at p50).
        server.set_tcp_nodelay(true);
        server.set_keep_alive_max_count(1000);
        server.set_keep_alive_timeout(5);
        // SO_REUSEADDR only: cpp-httplib's default SO_REUSEPORT would let a second server bind a
        // port already in use and silently take half of its connections.
        server.set_socket_options([](socket_t sock) {
            const int yes = 1;
            setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        });
        server.set_payload_max_length(options.bounds.query.max_query_bytes * 2 + 4096);
        int port = address.port;
        const bool bound = port == 0 ? (port = server.bind_to_any_port(address.host)) > 0
                                     : server.bind_to_port(address.host, port);
        if (!bound) {
            std::cerr << "xling-serve: cannot listen on " << listen << " (address in use, or not this machine's)\n";
            return 2;
        }
        const std::string host = address.host.find(':') != std::string::npos ? "[" + address.host + "]" : address.host;
        std::cerr << "xling-serve: " << documents << " documents, " << threads << (threads == 1 ? " worker" : " workers")
                  << "; listening on http://" << host << ":" << port << "/  (Ctrl-C stops)" << std::endl;
        std::atomic<bool> signalled{false};
        std::thread stopper([&server, &signalled, stop_signals] {
            int received = 0;
            sigwait(&stop_signals, &received);
            signalled = true;
            server.stop();
        });
        const bool served = server.listen_after_bind();
        // The server ended by itself: wake the stopper (the signal stays pending for sigwait).
        if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
        stopper.join();
        std::cerr << "xling-serve: stopped" << std::endl;
        return served ? 0 : 2;
    } catch (const xling::Error& e) {
        std::cerr << "xling-serve: " << e.what() << '\n';
        return 2;
    }
}
