#include "indexer/index_layout.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "xling/error.hpp"

namespace xling::indexer {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStubName = "XAPIANDB";
constexpr std::string_view kGenerationPrefix = "gen-";

// The generation number of a folder name "gen-NNNNNN", or 0.
unsigned generation_of(std::string_view name) {
    if (name.substr(0, kGenerationPrefix.size()) != kGenerationPrefix) return 0;
    name.remove_prefix(kGenerationPrefix.size());
    if (name.empty() || name.size() > 9) return 0;
    unsigned n = 0;
    for (const char c : name) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n;
}

// One database line of a Xapian stub file: "auto PATH", "glass PATH", "remote HOST:PORT", ...
struct StubEntry {
    std::string kind;
    std::string target;
};

// The database lines of a stub file (blank lines and # comments skipped).
std::vector<StubEntry> stub_entries(const fs::path& stub) {
    std::ifstream in(stub);
    std::vector<StubEntry> entries;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        StubEntry e;
        if (!(fields >> e.kind) || e.kind.front() == '#') continue;
        fields >> e.target;
        entries.push_back(std::move(e));
    }
    return entries;
}

// The generation named by a stub written by xling: exactly one "auto gen-NNNNNN" line.
unsigned stub_generation(const fs::path& stub) {
    const auto entries = stub_entries(stub);
    return entries.size() == 1 && entries.front().kind == "auto" ? generation_of(entries.front().target) : 0;
}

class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    [[nodiscard]] int get() const { return fd_; }

  private:
    int fd_;
};

[[noreturn]] void throw_errno(const std::string& what) {
    throw IndexError(what + ": " + std::strerror(errno));
}

// Makes a rename or unlink in `dir` durable.
void sync_folder(const fs::path& dir) {
    const Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY));
    if (fd.get() >= 0) (void)::fsync(fd.get());
}

void write_stub(const fs::path& dir, const std::string& generation) {
    const fs::path tmp = dir / (std::string(kStubName) + ".tmp");
    const std::string content = "auto " + generation + "\n";
    {
        const Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
        if (fd.get() < 0) throw_errno(tmp.string() + ": cannot write");
        if (::write(fd.get(), content.data(), content.size()) != static_cast<ssize_t>(content.size()) ||
            ::fsync(fd.get()) != 0) {
            throw_errno(tmp.string() + ": cannot write");
        }
    }
    if (::rename(tmp.c_str(), (dir / kStubName).c_str()) != 0) throw_errno((dir / kStubName).string() + ": cannot replace");
    sync_folder(dir);
}

}  // namespace

std::string generation_name(unsigned generation) {
    std::string digits = std::to_string(generation);
    if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
    return std::string(kGenerationPrefix) + digits;
}

Layout inspect_layout(const fs::path& dir) {
    std::error_code ec;
    const auto status = fs::status(dir, ec);
    if (ec || !fs::exists(status)) return {};
    if (fs::is_regular_file(status)) return {LayoutKind::OtherStub, 0};
    if (fs::exists(dir / "iamglass", ec) || fs::exists(dir / "iamchert", ec)) return {LayoutKind::Plain, 0};
    if (!fs::exists(dir / kStubName, ec)) return {};
    const unsigned generation = stub_generation(dir / kStubName);
    if (generation == 0) return {LayoutKind::OtherStub, 0};
    return {LayoutKind::Generations, generation};
}

Xapian::WritableDatabase create_generation_layout(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw IndexError(dir.string() + ": cannot create index folder: " + ec.message());
    const std::string first = generation_name(1);
    // Locks gen-000001 before the stub makes it visible: a second writer racing to create the same
    // index fails on the lock instead of writing into it.
    Xapian::WritableDatabase db((dir / first).string(), Xapian::DB_CREATE_OR_OPEN);
    write_stub(dir, first);
    return db;
}

void remove_stale_generations(const fs::path& dir, const std::string& keep) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // "gen-000007" and its work folders ("gen-000007.parts").
        const std::string base = name.substr(0, name.find('.'));
        if (generation_of(base) != 0 && name != keep) {
            std::error_code ignored;
            fs::remove_all(it->path(), ignored);
        }
    }
    fs::remove(dir / (std::string(kStubName) + ".tmp"), ec);
}

void switch_generation(const fs::path& dir, const Layout& old_layout, const std::string& generation) {
    write_stub(dir, generation);
    if (old_layout.kind == LayoutKind::Plain) {
        // Xapian prefers DIR/iamglass over DIR/XAPIANDB: removing it is the switch.
        if (::unlink((dir / "iamglass").c_str()) != 0 && errno != ENOENT) throw_errno((dir / "iamglass").string());
        sync_folder(dir);
    }
}

void remove_old_layout(const fs::path& dir, const Layout& old_layout) {
    std::error_code ec;
    if (old_layout.kind == LayoutKind::Generations) {
        fs::remove_all(dir / generation_name(old_layout.generation), ec);
        return;
    }
    if (old_layout.kind != LayoutKind::Plain) return;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const auto& path = it->path();
        if (it->is_regular_file() && (path.extension() == ".glass" || path.filename() == "flintlock")) {
            std::error_code ignored;
            fs::remove(path, ignored);
        }
    }
}

std::uint64_t disk_usage(const fs::path& path, std::uint64_t* remote_shards) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        // A Xapian stub file: the size of the local shards it lists ("auto"/"glass"/"chert" PATH,
        // relative to the stub's folder); remote shards are counted, not sized.
        std::uint64_t total = 0;
        for (const StubEntry& e : stub_entries(path)) {
            if (e.target.empty()) continue;
            if (e.kind == "remote") {
                if (remote_shards != nullptr) ++*remote_shards;
                continue;
            }
            const fs::path shard = fs::path(e.target).is_absolute() ? fs::path(e.target) : path.parent_path() / e.target;
            if (fs::is_directory(shard, ec)) total += disk_usage(shard, remote_shards);
        }
        return total;
    }
    std::uint64_t total = 0;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        std::error_code size_ec;
        if (it->is_regular_file(size_ec)) {
            const auto size = it->file_size(size_ec);
            if (!size_ec) total += size;
        }
    }
    return total;
}

}  // namespace xling::indexer
