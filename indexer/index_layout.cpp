#include "indexer/index_layout.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "xling/error.hpp"

namespace xling::indexer {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStubName = "XAPIANDB";
constexpr std::string_view kGenerationPrefix = "gen-";

// The generation number of a folder name exactly as generation_name() writes it ("gen-000042",
// at least six digits, no leading zero beyond the padding), or 0. Anything else ("gen-1.txt",
// "gen-7") is not a name xling gives a folder, so never one it deletes.
unsigned generation_of(std::string_view name) {
    if (name.substr(0, kGenerationPrefix.size()) != kGenerationPrefix) return 0;
    const std::string_view digits = name.substr(kGenerationPrefix.size());
    if (digits.size() < 6 || digits.size() > 9) return 0;
    unsigned n = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + static_cast<unsigned>(c - '0');
    }
    return n != 0 && generation_name(n) == name ? n : 0;
}

// Written into every generation folder when xling creates it: what proves a gen-NNNNNN folder is
// xling's to delete. (A gen-NNNNNN.parts work folder is recognised by holding only shard-N folders.)
constexpr const char* kGenerationMarker = "xling-generation";
constexpr std::string_view kPartsSuffix = ".parts";

bool is_real_directory(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(fs::symlink_status(path, ec));
}

// Whether `folder` (named gen-NNNNNN or gen-NNNNNN.parts) is one xling made: it holds the marker,
// or (made by a version before the marker) a Xapian database, or only shard-N folders.
bool is_own_generation_folder(const fs::path& folder, bool parts) {
    std::error_code ec;
    if (!is_real_directory(folder)) return false;
    if (fs::exists(folder / kGenerationMarker, ec)) return true;
    if (!parts) return fs::exists(folder / "iamglass", ec);
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind("shard-", 0) != 0 || !is_real_directory(it->path())) return false;
    }
    return !ec;
}

// Whether the entry `path` of an index folder is something an xling build left there: a
// generation folder it made (see above) or its temporary stub.
bool is_own_debris(const fs::path& path) {
    const std::string name = path.filename().string();
    if (name == std::string(kStubName) + ".tmp") return true;
    const bool parts = name.size() > kPartsSuffix.size() &&
                       std::string_view(name).substr(name.size() - kPartsSuffix.size()) == kPartsSuffix;
    const std::string base = parts ? name.substr(0, name.size() - kPartsSuffix.size()) : name;
    return generation_of(base) != 0 && is_own_generation_folder(path, parts);
}

// One database line of a Xapian stub file: "auto PATH", "glass PATH", "remote HOST:PORT", ...
struct StubEntry {
    std::string kind;
    std::string target;
};

// A stub file is a few lines (one per shard); a larger "stub" is refused rather than read whole.
constexpr std::size_t kMaxStubBytes = 1u << 20;

// The database lines of a stub file, split exactly as Xapian splits them (so the check below sees
// the paths Xapian will open): lines that are empty or start with '#' are skipped, the kind runs
// to the first space, the target is the rest of the line.
std::vector<StubEntry> stub_entries(const fs::path& stub) {
    std::error_code ec;
    if (!fs::is_regular_file(stub, ec)) return {};  // never opened: a FIFO would block
    const std::uintmax_t size = fs::file_size(stub, ec);
    if (ec) return {};
    if (size > kMaxStubBytes) throw IndexError(stub.string() + ": stub file larger than 1 MiB");
    std::ifstream in(stub, std::ios::binary);
    std::string content(static_cast<std::size_t>(size), '\0');
    in.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<std::size_t>(in.gcount()));
    std::vector<StubEntry> entries;
    for (std::size_t start = 0; start < content.size();) {
        const std::size_t end = std::min(content.find('\n', start), content.size());
        const std::string_view line(content.data() + start, end - start);
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        const std::size_t space = std::min(line.find(' '), line.size());
        StubEntry e;
        e.kind = std::string(line.substr(0, space));
        if (space < line.size()) e.target = std::string(line.substr(space + 1));
        entries.push_back(std::move(e));
    }
    return entries;
}

// Stub files may name stub files; deeper chains than this are refused (xling writes depth 1).
constexpr std::size_t kMaxStubDepth = 16;
// Databases a stub chain may reach in all (a stub listing one stub twice, nested, doubles them).
constexpr std::size_t kMaxStubDatabases = 4096;

// Follows stub files from `path` as Xapian will, but with cycle detection and limits: Xapian 1.4
// recurses without either, so a stub naming itself overflows the stack (SIGSEGV).
class StubWalker {
  public:
    explicit StubWalker(const fs::path& root) : root_(root) {}

    void walk(const fs::path& path) {
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (fs::is_regular_file(status)) {
            read_stub(path);
        } else if (fs::is_directory(status) && !is_database_folder(path) && fs::is_regular_file(path / kStubName, ec)) {
            read_stub(path / kStubName);
        } else {
            local(path);  // a database folder, or something Xapian reports itself
        }
    }

    std::vector<fs::path> locals;  // database folders reached
    std::uint64_t remotes = 0;     // remote databases listed

  private:
    static bool is_database_folder(const fs::path& dir) {
        std::error_code ec;
        for (const char* version_file : {"iamglass", "iamchert", "iamhoney", "iamflint"}) {
            if (fs::exists(dir / version_file, ec)) return true;
        }
        return false;
    }

    void local(const fs::path& path) {
        if (locals.size() + remotes >= kMaxStubDatabases) {
            throw IndexError(root_.string() + ": stub files list more than " + std::to_string(kMaxStubDatabases) +
                             " databases");
        }
        locals.push_back(path);
    }

    void read_stub(const fs::path& stub) {
        std::error_code ec;
        fs::path id = fs::weakly_canonical(stub, ec);
        if (ec) id = fs::absolute(stub, ec).lexically_normal();
        if (std::find(chain_ids_.begin(), chain_ids_.end(), id) != chain_ids_.end()) {
            throw IndexError(root_.string() + ": stub file refers to itself (" + describe_chain(stub) + ")");
        }
        if (chain_ids_.size() >= kMaxStubDepth) {
            throw IndexError(root_.string() + ": stub files nested deeper than " + std::to_string(kMaxStubDepth) +
                             " (" + describe_chain(stub) + ")");
        }
        chain_ids_.push_back(id);
        chain_.push_back(stub);
        for (const StubEntry& e : stub_entries(stub)) {
            if (e.kind == "remote") {
                ++remotes;
                continue;
            }
            if (e.kind == "inmemory") continue;
            const bool direct = e.kind == "glass" || e.kind == "chert" || e.kind == "honey" || e.kind == "flint";
            if (e.kind != "auto" && !direct) break;  // Xapian stops at a bad line ("Bad line in stub file")
            if (e.target.empty()) continue;
            // Relative targets are relative to the stub file's folder, as in Xapian.
            const fs::path target =
                (fs::path(e.target).is_absolute() ? fs::path(e.target) : stub.parent_path() / e.target).lexically_normal();
            if (direct) {
                local(target);  // "glass PATH": a database folder, opened without looking for stubs
            } else {
                walk(target);
            }
        }
        chain_.pop_back();
        chain_ids_.pop_back();
    }

    std::string describe_chain(const fs::path& again) const {
        std::string out;
        for (const auto& stub : chain_) out += stub.string() + " -> ";
        return out + again.string();
    }

    fs::path root_;
    std::vector<fs::path> chain_;     // the stub files being read, outermost first
    std::vector<fs::path> chain_ids_; // the same, canonical
};

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

void check_stub_chain(const fs::path& path) { StubWalker(path).walk(path); }

void create_generation_folder(const fs::path& folder) {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(folder, ec))) {
        // Left by a crashed run (reused: the database lock decides who writes), or not ours.
        if (!is_own_generation_folder(folder, false)) {
            throw IndexError(folder.string() + ": exists but was not made by xling; refusing to write into it");
        }
    } else {
        fs::create_directory(folder, ec);
        if (ec) throw IndexError(folder.string() + ": cannot create: " + ec.message());
    }
    const fs::path marker = folder / kGenerationMarker;
    const Fd fd(::open(marker.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (fd.get() < 0) throw_errno(marker.string() + ": cannot write");
    static constexpr std::string_view kText = "A generation folder made by xling-index; removed with it.\n";
    if (::write(fd.get(), kText.data(), kText.size()) != static_cast<ssize_t>(kText.size())) {
        throw_errno(marker.string() + ": cannot write");
    }
}

Xapian::WritableDatabase create_generation_layout(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw IndexError(dir.string() + ": cannot create index folder: " + ec.message());
    // Only an empty folder (or the debris of an xling build that crashed here) becomes an index:
    // a folder of the user's files is never written into, so none of them can later be taken
    // for debris and deleted.
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        if (!is_own_debris(it->path())) {
            throw IndexError(dir.string() + ": folder is not empty and is not an xling index (it holds " +
                             it->path().filename().string() + "); give a new or empty folder");
        }
    }
    if (ec) throw IndexError(dir.string() + ": cannot read index folder: " + ec.message());
    // No debris is removed here: without the lock, it may be a racing writer's gen-000001.
    const std::string first = generation_name(1);
    create_generation_folder(dir / first);
    // Locks gen-000001 before the stub makes it visible: a second writer racing to create the same
    // index fails on the lock instead of writing into it.
    Xapian::WritableDatabase db((dir / first).string(), Xapian::DB_CREATE_OR_OPEN);
    write_stub(dir, first);
    return db;
}

void remove_stale_generations(const fs::path& dir, const std::string& keep) {
    std::error_code ec;
    std::vector<fs::path> stale;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // "gen-000007" and its work folder "gen-000007.parts", when xling made them.
        if (name != keep && is_own_debris(it->path())) {
            stale.push_back(it->path());
        }
    }
    for (const auto& path : stale) {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
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

namespace {
std::uint64_t folder_bytes(const fs::path& path) {
    std::error_code ec;
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
}  // namespace

std::uint64_t disk_usage(const fs::path& path, std::uint64_t* remote_shards) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return folder_bytes(path);
    // A Xapian stub file: the size of the local shards it lists (relative to the stub's folder);
    // remote shards are counted, not sized.
    StubWalker walker(path);
    walker.walk(path);
    std::uint64_t total = 0;
    for (const auto& shard : walker.locals) {
        if (fs::is_directory(shard, ec)) total += folder_bytes(shard);
    }
    if (remote_shards != nullptr) *remote_shards += walker.remotes;
    return total;
}

}  // namespace xling::indexer
