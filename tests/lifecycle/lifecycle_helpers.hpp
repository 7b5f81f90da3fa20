// Helpers for the index lifecycle tests: real processes started in the background (to kill or
// interrupt them mid-run), TCP ports for xapian-tcpsrv, generated inputs.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../e2e/cli_helpers.hpp"

extern char** environ;

namespace xling::test {

/// A program running in the background, its stdout and stderr going to files. Killed (SIGKILL)
/// and reaped at scope exit if still running, so a failing test leaves no process behind.
class ChildProcess {
  public:
    ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log_dir) {
        out_ = log_dir / ("out-" + std::to_string(counter()));
        err_ = log_dir / ("err-" + std::to_string(counter()++));
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        // Its own process group: a server that signals its group on exit must not hit the test.
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attributes, 0);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        if (posix_spawnp(&pid_, args[0], &actions, &attributes, args.data(), environ) != 0) pid_ = -1;
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attributes);
    }
    ~ChildProcess() {
        if (running()) {
            ::kill(pid_, SIGKILL);
            (void)wait();
        }
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    [[nodiscard]] bool started() const { return pid_ > 0; }
    [[nodiscard]] bool running() {
        if (pid_ <= 0 || status_) return false;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            status_ = status;
            return false;
        }
        return true;
    }
    void signal(int sig) const {
        if (pid_ > 0) ::kill(pid_, sig);
    }
    /// Waits for the process; its exit code, or 128 + signal number when killed by a signal.
    int wait() {
        if (!status_ && pid_ > 0) {
            int status = 0;
            ::waitpid(pid_, &status, 0);
            status_ = status;
        }
        if (!status_) return -1;
        if (WIFEXITED(*status_)) return WEXITSTATUS(*status_);
        if (WIFSIGNALED(*status_)) return 128 + WTERMSIG(*status_);
        return -1;
    }
    [[nodiscard]] std::string err() const { return read(err_); }
    [[nodiscard]] std::string out() const { return read(out_); }

  private:
    static int& counter() {
        static int n = 0;
        return n;
    }
    static std::string read(const std::filesystem::path& p) {
        std::ifstream in(p, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    pid_t pid_ = -1;
    std::optional<int> status_;
    std::filesystem::path out_;
    std::filesystem::path err_;
};

/// Polls `condition` every 20 ms until it holds or `seconds` pass; returns whether it held.
inline bool wait_until(const std::function<bool()>& condition, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return condition();
}

/// Documents in the index at `db` as a reader sees it now, or nullopt when it cannot be opened.
inline std::optional<Xapian::doccount> doc_count_now(const std::filesystem::path& db) {
    try {
        return Xapian::Database(db.string()).get_doccount();
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
}

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A free TCP port on 127.0.0.1 (bound and released: another process could take it meanwhile,
/// which a test then reports as a server that did not start).
inline int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    int port = -1;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

inline bool can_connect(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

/// `count` short English JSONL records ("doc-0" ...), each with a word of its own ("uniqN").
inline void write_generated_jsonl(const std::filesystem::path& path, std::size_t count) {
    static const char* const kWords[] = {"grain", "harbour", "council", "minister", "railway", "bridge",
                                         "winter", "budget", "museum", "festival", "election", "river"};
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += "{\"id\": \"doc-" + std::to_string(i) + "\", \"lang\": \"en\", \"date\": \"2024-0" +
               std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "\", \"text\": \"The " +
               kWords[i % 12] + " report number " + std::to_string(i) + " says the " + kWords[(i / 12) % 12] +
               " and the " + kWords[(i / 7) % 12] + " were discussed again, uniq" + std::to_string(i) + ".\"}\n";
    }
    write_file(path, out);
}

}  // namespace xling::test
