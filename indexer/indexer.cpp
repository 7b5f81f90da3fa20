#include "xling/indexer.hpp"

#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <initializer_list>
#include <set>
#include <unordered_set>

#include "analysis/analysis_data.hpp"
#include "analysis/language_identifier.hpp"
#include "analysis/text.hpp"
#include "analysis/utf8.hpp"
#include "indexer/archive_reader.hpp"
#include "indexer/byte_source.hpp"
#include "indexer/content_hash.hpp"
#include "indexer/csv_reader.hpp"
#include "indexer/csv_record.hpp"
#include "indexer/document_analysis.hpp"
#include "indexer/feed_reader.hpp"
#include "indexer/front_matter.hpp"
#include "indexer/html_reader.hpp"
#include "indexer/http_response.hpp"
#include "indexer/index_store.hpp"
#include "indexer/index_writer.hpp"
#include "indexer/json_array_reader.hpp"
#include "indexer/jsonl_record.hpp"
#include "indexer/pdf_reader.hpp"
#include "indexer/sequential_writer.hpp"
#include "indexer/sharded_writer.hpp"
#include "indexer/source_changes.hpp"
#include "indexer/source_record.hpp"
#include "indexer/text_title.hpp"
#include "indexer/warc_reader.hpp"
#include "library/resource_data.hpp"
#include "xling/error.hpp"
#include "xling/schema.hpp"

namespace xling {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using indexer::Job;
using indexer::SequencedNotice;

// Xapian terms are limited to 245 bytes; "Q" + id must fit.
constexpr std::size_t kMaxIdBytes = 240;
// Buffers of a record larger than this are freed once the record is parsed, not kept for the next.
constexpr std::size_t kKeepRecordBuffer = 4u << 20;
enum class FileKind { Text, Markdown, Html, Feed, JsonLines, JsonArray, Csv, Tsv, Archive, Warc, WarcGzip, Pdf, Unsupported };

// By extension, in any case (".TXT" is a text file too).
FileKind kind_of(const fs::path& path) {
    if (indexer::is_archive_name(path)) return FileKind::Archive;
    const auto ext = indexer::lower_extension(indexer::without_compression_extension(path));
    if (ext == ".txt") return FileKind::Text;
    if (ext == ".md") return FileKind::Markdown;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::Html;
    if (ext == ".rss" || ext == ".atom" || ext == ".xml") return FileKind::Feed;
    if (ext == ".jsonl" || ext == ".ndjson") return FileKind::JsonLines;
    if (ext == ".json") return FileKind::JsonArray;
    if (ext == ".pdf") return FileKind::Pdf;
    if (ext == ".csv") return FileKind::Csv;
    if (ext == ".tsv" || ext == ".tab") return FileKind::Tsv;
    // A .warc.gz is read member by member (indexer/warc_reader.hpp), a .warc.zst as a stream.
    if (ext == ".warc") return indexer::compression_of(path) == indexer::Compression::Gzip ? FileKind::WarcGzip : FileKind::Warc;
    return FileKind::Unsupported;
}

// A stream's kind; a WARC stream's gzip is told by its first bytes (`gzip`).
FileKind kind_of(StreamFormat format, bool gzip) {
    switch (format) {
        case StreamFormat::JsonArray: return FileKind::JsonArray;
        case StreamFormat::Csv: return FileKind::Csv;
        case StreamFormat::Tsv: return FileKind::Tsv;
        case StreamFormat::Text: return FileKind::Text;
        case StreamFormat::Markdown: return FileKind::Markdown;
        case StreamFormat::Html: return FileKind::Html;
        case StreamFormat::Feed: return FileKind::Feed;
        case StreamFormat::Pdf: return FileKind::Pdf;
        case StreamFormat::Warc: return gzip ? FileKind::WarcGzip : FileKind::Warc;
        case StreamFormat::JsonLines: break;
    }
    return FileKind::JsonLines;
}

// A stream whose first bytes were read (to tell its format) and are handed out again first.
class PrefixedSource final : public indexer::ByteSource {
  public:
    PrefixedSource(std::string prefix, indexer::ByteSource& inner) : prefix_(std::move(prefix)), inner_(inner) {}
    std::size_t read(char* buffer, std::size_t size) override {
        if (pos_ == prefix_.size()) return inner_.read(buffer, size);
        const std::size_t n = std::min(size, prefix_.size() - pos_);
        std::memcpy(buffer, prefix_.data() + pos_, n);
        pos_ += n;
        return n;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return inner_.consumed(); }

  private:
    std::string prefix_;
    std::size_t pos_ = 0;
    indexer::ByteSource& inner_;
};

// Up to `size` first bytes of `source` (fewer only at its end).
std::string first_bytes(indexer::ByteSource& source, std::size_t size) {
    std::string out(size, '\0');
    std::size_t have = 0;
    while (have < size) {
        const std::size_t n = source.read(out.data() + have, size - have);
        if (n == 0) break;
        have += n;
    }
    out.resize(have);
    return out;
}

using analysis::trim;  // of kWhitespace, what std::isspace accepts

bool is_blank(std::string_view s) { return trim(s).empty(); }

// An error's message for a notice naming `where`: without `where` when the message starts with it.
std::string message_of(const InputError& e, const std::string& where) {
    const std::string what = e.what();
    return what.rfind(where + ": ", 0) == 0 ? what.substr(where.size() + 2) : what;
}

constexpr std::string_view kUnsupportedReason =
    "not a .txt, .md, .html, .rss/.atom/.xml feed, .jsonl, .ndjson, .json, .csv, .tsv, .warc, .pdf file (optionally .gz/.zst) "
    "or a .tar/.tar.gz/.tar.zst/.zip archive";

// Hashes what passes through, so a file's record gets the hash of its whole content in one read.
class HashingSource final : public indexer::ByteSource {
  public:
    explicit HashingSource(indexer::ByteSource& inner) : inner_(inner) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = inner_.read(buffer, size);
        hash_.update(std::string_view(buffer, n));
        return n;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return inner_.consumed(); }
    [[nodiscard]] std::string hash() const { return indexer::to_hex(hash_.value()); }

  private:
    indexer::ByteSource& inner_;
    indexer::Fnv1a64 hash_;
};

// One input file being read: what its src: record and --prune need at its end.
struct FileRun {
    std::string key;                   // source key
    std::string path;                  // absolute path
    indexer::FileStamp stamp;
    std::size_t documents = 0;         // documents the file holds (written or unchanged)
    std::size_t skipped = 0;           // its records left out
    std::vector<Xapian::docid> kept;   // its documents that stay (written or unchanged)
};

// The document with unique id term `id_term` in `db`, if any.
std::optional<Xapian::docid> find_document(const Xapian::Database& db, const std::string& id_term) {
    auto it = db.postlist_begin(id_term);
    if (it == db.postlist_end(id_term)) return std::nullopt;
    return *it;
}

std::vector<Xapian::docid> documents_with(const Xapian::Database& db, const std::string& term) {
    std::vector<Xapian::docid> out;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) out.push_back(*it);
    return out;
}

// The source key of a stored document (its F term), or "".
std::string source_key_of(const Xapian::Document& doc) {
    const std::string prefix(schema::kSourceFilePrefix);
    auto it = doc.termlist_begin();
    it.skip_to(prefix);
    if (it == doc.termlist_end()) return {};
    const std::string term = *it;
    return term.rfind(prefix, 0) == 0 ? term.substr(prefix.size()) : std::string();
}

IndexOptions checked(IndexOptions options) {
    options.threads = std::max<std::size_t>(options.threads, 1);
    options.batch_documents = std::max<std::size_t>(options.batch_documents, 1);
    options.memory_bytes = std::max<std::size_t>(options.memory_bytes, 1);
    options.max_record_bytes = std::max<std::size_t>(options.max_record_bytes, 1);
    return options;
}

// The analysis part of the resources the indexer was given (it needs no aliases or translations).
std::shared_ptr<const analysis::AnalysisData> analysis_data(const std::shared_ptr<const Resources>& resources) {
    if (!resources) throw ConfigError("no resources given to the indexer (xling::Resources::load)");
    return resources->data().analysis;
}

}  // namespace

// Reads inputs, validates them and decides what changed; an IndexWriter, chosen once here,
// does the writing (indexer/index_writer.hpp).
class Indexer::Impl final : private indexer::WriteListener {
  public:
    explicit Impl(IndexOptions options)
        : options_(checked(std::move(options))),
          // Before the store: bad stopword data must fail before an index is created.
          data_(analysis_data(options_.resources)),
          store_(options_.database, !options_.rebuild),
          started_(Clock::now()),
          last_progress_(started_),
          writer_(make_writer()) {}

    std::function<void(const Notice&)> notice_callback;
    std::function<void(const IndexProgress&)> progress_callback;

    void add_path(const fs::path& path) {
        // fs::status follows a symlink: a path given here is what the caller asked for.
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) throw InputError(path.string() + ": no such file or folder");
        if (fs::is_directory(status)) {
            add_folder(path);
        } else if (fs::is_regular_file(status)) {
            add_file(path, path.lexically_normal().generic_string());
        } else {
            throw InputError(path.string() + ": not a regular file (" +
                             std::string(indexer::file_type_name(status.type())) + ")");
        }
        if (options_.prune && !stopping()) prune_gone_sources(indexer::absolute_path(path));
    }

    // A stream has no file stamp, so it gets no src: record: its records are compared by content
    // hash, under the source key "<name>".
    void add_stream(int fd, StreamFormat format, const std::string& name) {
        current_ = name;
        FileRun file;
        file.key = name;
        file.path = name;
        try {
            auto source = indexer::open_descriptor_source(fd, name);
            std::string head = first_bytes(*source, 2);
            const bool gzip = head == "\x1f\x8b";
            PrefixedSource stream(std::move(head), *source);
            read_input(kind_of(format, gzip), stream, name, name, file);
            bytes_done_ += source->consumed();
            summary_.bytes = bytes_done_;
        } catch (const InputError& e) {
            skip(name, message_of(e, name));
        }
    }

    bool add_document(SourceDocument doc) {
        if (stopping() || !validate(doc)) return false;
        (void)first_in_run(doc);
        submit(Job{next_seq_++, std::move(doc), {}, {}});
        return true;
    }

    RemoveResult remove(const std::vector<std::string>& ids) {
        if (!writer_->writes_live_index()) throw IndexError("removing documents needs a one-thread, incremental run");
        const Xapian::Database& db = *writer_->baseline();  // the live index, which sees every change at once
        RemoveResult result;
        try {
            for (const auto& id : ids) {
                auto docids = documents_with(db, schema::id_term(id));
                if (docids.empty()) {
                    result.unknown.push_back(id);
                    continue;
                }
                writer_->apply(removal(db, std::move(docids)));
                result.removed.push_back(id);
            }
        } catch (const Xapian::Error& e) {
            throw IndexError(options_.database.string() + ": cannot delete: " + e.get_description());
        }
        return result;
    }

    IndexSummary finish() {
        add_totals(writer_->finish([this] { return stopping(); }));
        summary_.elapsed_seconds = seconds_since_start();
        summary_.interrupted = stopping();
        std::stable_sort(notices_.begin(), notices_.end(),
                         [](const SequencedNotice& a, const SequencedNotice& b) { return a.seq < b.seq; });
        for (auto& n : notices_) summary_.notices.push_back(std::move(n.notice));
        notices_.clear();
        report_progress();
        return summary_;
    }

  private:
    // ---- The writer ---------------------------------------------------------------------------

    // Several threads when asked for and the result can be switched to (a Xapian stub that xling
    // did not write cannot be): the one place that knows there are two ways of writing.
    std::unique_ptr<indexer::IndexWriter> make_writer() {
        indexer::WriteListener& listener = *this;
        if (options_.threads > 1 && (options_.rebuild || store_.can_switch())) {
            return std::make_unique<indexer::ShardedWriter>(store_, options_, data_, listener);
        }
        if (options_.threads > 1) {
            warn(options_.database.string(), "a parallel build needs an index folder written by xling (not a Xapian "
                                             "stub); indexing with one thread");
        }
        return std::make_unique<indexer::SequentialWriter>(store_, options_, data_, listener);
    }

    // What the writer reports (indexer::WriteListener), on this thread.
    void notice(SequencedNotice n) override { notify(std::move(n)); }
    void indexed(const std::string& lang, std::size_t count) override { summary_.per_language[lang] += count; }

    void add_totals(const indexer::WriteTotals& totals) {
        // A repeated id replaced its earlier version: the index holds one document per id.
        summary_.documents = totals.documents - std::min(totals.documents, summary_.repeated);
        summary_.commits = totals.commits;
        summary_.deleted = totals.deleted;
        summary_.switched = totals.switched;
        summary_.discarded = totals.discarded;
    }

    // Removing documents by id: their files lose their records, so they are read again next
    // time (the index follows its sources). @throws Xapian::Error.
    static indexer::SourceChanges removal(const Xapian::Database& db, std::vector<Xapian::docid> docids) {
        indexer::SourceChanges changes;
        for (const auto docid : docids) {
            const std::string key = source_key_of(db.get_document(docid));
            if (!key.empty()) changes.dropped_records.push_back(indexer::record_key(key));
        }
        changes.pruned = std::move(docids);
        return changes;
    }

    // ---- Notices ------------------------------------------------------------------------------

    bool stopping() const {
        return options_.stop_requested != nullptr && options_.stop_requested->load(std::memory_order_relaxed);
    }

    void notify(SequencedNotice n) {
        (n.notice.kind == Notice::Kind::Skipped ? summary_.skipped : summary_.warnings) += 1;
        if (notice_callback) notice_callback(n.notice);
        notices_.push_back(std::move(n));
    }
    bool skip(const std::string& where, std::string message) {
        notify({next_seq_++, {Notice::Kind::Skipped, where, std::move(message)}});
        return false;
    }
    void warn(const std::string& where, std::string message) {
        notify({next_seq_++, {Notice::Kind::Warning, where, std::move(message)}});
    }

    // Applies the invalid-UTF-8 policy to one field; false when the document must be skipped.
    bool check_utf8(std::string& field, const std::string& where) {
        const auto bad = analysis::find_invalid_utf8(field);
        if (!bad) return true;
        const std::string what = "invalid UTF-8 at byte " + std::to_string(*bad);
        if (options_.invalid_utf8 == InvalidUtf8Policy::Skip) return skip(where, what);
        warn(where, what + "; replaced with U+FFFD");
        field = analysis::replace_invalid_utf8(field);
        return true;
    }

    // The cheap checks, on the reading thread; false (with a notice) when the document is left out.
    bool validate(SourceDocument& doc) {
        const std::string where = indexer::where_of(doc);
        if (doc.id.empty()) return skip(where, "document has no id");
        if (doc.id.size() > kMaxIdBytes) return skip(where, "id longer than " + std::to_string(kMaxIdBytes) + " bytes");
        if (!check_utf8(doc.text, where)) return false;
        for (std::string* field : {&doc.id, &doc.title, &doc.lang, &doc.date, &doc.url, &doc.source, &doc.author}) {
            if (!check_utf8(*field, where)) return false;
        }
        if (is_blank(doc.text)) return skip(where, "empty document");
        return true;
    }

    // ---- Reading inputs -----------------------------------------------------------------------

    // Folders already walked, by device and inode: a symlink loop (or a second link to the same
    // folder) is walked once.
    using FolderId = std::pair<dev_t, ino_t>;

    void add_folder(const fs::path& root) {
        std::vector<fs::path> files;
        std::set<FolderId> walked;
        std::vector<fs::path> pending{root};
        while (!pending.empty()) {
            if (stopping()) return;  // a stop request need not wait for a large tree to be listed
            const fs::path folder = std::move(pending.back());
            pending.pop_back();
            if (!first_walk(folder, walked)) continue;
            list_folder(folder, files, pending);
        }
        std::sort(files.begin(), files.end());  // deterministic order, hence deterministic docids
        for (const auto& file : files) {
            if (stopping()) return;
            add_file(file, file.lexically_relative(root).generic_string());
        }
    }

    // False (with a notice) when `folder` was walked already: reached again through a symlink.
    bool first_walk(const fs::path& folder, std::set<FolderId>& walked) {
        struct stat st {};
        if (::stat(folder.c_str(), &st) != 0) {
            return skip(folder.string(), std::string("cannot read folder: ") + std::strerror(errno));
        }
        if (walked.insert({st.st_dev, st.st_ino}).second) return true;
        return skip(folder.string(), "symbolic link to a folder already read, not followed again (a loop, or a second link)");
    }

    // Adds the regular files of `folder` to `files` and its sub-folders to `pending`; everything
    // else it holds (except hidden names: .git, editor swap files) gets a skipped notice.
    void list_folder(const fs::path& folder, std::vector<fs::path>& files, std::vector<fs::path>& pending) {
        std::error_code ec;
        fs::directory_iterator it(folder, ec);
        if (ec) {
            skip(folder.string(), "cannot read folder: " + ec.message());
            return;
        }
        std::vector<fs::directory_entry> entries;
        for (; it != fs::directory_iterator(); it.increment(ec)) {
            const auto name = it->path().filename().string();
            if (name.empty() || name.front() != '.') entries.push_back(*it);
        }
        if (ec) skip(folder.string(), "cannot read folder completely: " + ec.message());
        // In name order, so the notices come in the same order on every file system.
        std::sort(entries.begin(), entries.end());
        const std::size_t first_sub_folder = pending.size();
        for (const auto& entry : entries) {
            const fs::path& path = entry.path();
            std::error_code type_ec;
            fs::file_status status = entry.symlink_status(type_ec);
            if (!type_ec && fs::is_symlink(status)) {
                if (!options_.follow_symlinks) {
                    skip(path.string(), "symbolic link, not followed (--follow-symlinks follows it)");
                    continue;
                }
                status = fs::status(path, type_ec);
                if (type_ec) {
                    skip(path.string(), "broken symbolic link: " + type_ec.message());
                    continue;
                }
            }
            if (type_ec) {
                skip(path.string(), "cannot read: " + type_ec.message());
            } else if (fs::is_directory(status)) {
                pending.push_back(path);
            } else if (fs::is_regular_file(status)) {
                files.push_back(path);
            } else {
                skip(path.string(), "not a regular file (" + std::string(indexer::file_type_name(status.type())) + ")");
            }
        }
        // `pending` is a stack: reversed, the sub-folders are walked in name order.
        std::reverse(pending.begin() + static_cast<std::ptrdiff_t>(first_sub_folder), pending.end());
    }

    void add_file(const fs::path& path, const std::string& id) {
        current_ = path.string();
        const FileKind kind = kind_of(path);
        if (kind == FileKind::Unsupported) {
            skip(path.string(), std::string(kUnsupportedReason));
            return;
        }
        FileRun file;
        file.path = indexer::absolute_path(path);
        file.key = indexer::source_key(file.path);
        const auto stamp = indexer::stamp_of(path);
        if (stamp && is_unchanged_file(file.key, *stamp)) return;
        if (stamp) file.stamp = *stamp;
        try {
            std::string hash;
            bool complete = false;
            if (kind == FileKind::Archive) {
                complete = add_archive(path, id, file, hash);
            } else {
                auto source = kind == FileKind::WarcGzip ? indexer::open_raw_byte_source(path) : indexer::open_byte_source(path);
                HashingSource hashing(*source);
                complete = read_input(kind, hashing, path.string(), id, file);
                bytes_done_ += source->consumed();
                hash = hashing.hash();
            }
            summary_.bytes = bytes_done_;
            // A file with problems gets no record: it is read (and its problems reported) again.
            if (complete && stamp && file.skipped == 0) file_done(file, hash);
        } catch (const InputError& e) {
            skip(path.string(), message_of(e, path.string()));
        }
    }

    // One input of a known kind, from `source`: a file, or a member of an archive. `name` names it
    // in notices and origins; `id` is the id of a one-document input. False when it was not read
    // to its end.
    bool read_input(FileKind kind, indexer::ByteSource& source, const std::string& name, const std::string& id,
                    FileRun& file) {
        switch (kind) {
            case FileKind::Html: return add_html_file(source, name, id, file);
            case FileKind::Feed: return add_feed_file(source, name, file);
            case FileKind::Text: return add_text_file(source, name, id, false, file);
            case FileKind::Markdown: return add_text_file(source, name, id, true, file);
            case FileKind::Pdf: return add_pdf_file(source, name, id, file);
            case FileKind::Warc: return add_warc(source, false, name, file);
            case FileKind::WarcGzip: return add_warc(source, true, name, file);
            default: return read_records(kind, source, name, id, file);
        }
    }

    // An archive read as a folder: each member by its own type, named "ARCHIVE: member M" in
    // notices and ARCHIVE_ID/M as a document id. Members are streamed; one read whole (a page,
    // a text) larger than max_record_bytes is skipped unread. `hash` gets a hash of every member's
    // bytes. False when the archive was not read to its end.
    bool add_archive(const fs::path& path, const std::string& id, FileRun& file, std::string& hash) {
        indexer::ArchiveReader archive(path);
        indexer::ArchiveMember member;
        indexer::Fnv1a64 members_hash;
        bool complete = true;
        try {
            while (archive.next(member)) {
                if (stopping()) return false;
                if (!member.regular || is_hidden_member(member.name)) continue;
                const std::string where = path.string() + ": member " + member.name;
                current_ = where;
                HashingSource hashing(archive.data());
                complete = add_member(hashing, member, where, id + "/" + member.name, file) && complete;
                members_hash.update(member.name).update(hashing.hash());
                in_flight_bytes_ = archive.consumed();
                maybe_report_progress();
            }
        } catch (const InputError& e) {
            // The members before the broken part are kept; the archive is read again next time.
            skip(path.string(), e.what());
            ++file.skipped;
        }
        bytes_done_ += archive.consumed();
        in_flight_bytes_ = 0;
        hash = indexer::to_hex(members_hash.value());
        return complete && !stopping();
    }

    // False when the member was not read to its end. A member that is no input xling reads gets
    // a notice but leaves the archive complete: reading it again would not change that.
    bool add_member(indexer::ByteSource& data, const indexer::ArchiveMember& member, const std::string& where,
                    const std::string& id, FileRun& file) {
        const fs::path name(member.name);
        const FileKind kind = kind_of(name);
        if (kind == FileKind::Unsupported) {
            skip(where, std::string(kUnsupportedReason));
            return true;
        }
        if (kind == FileKind::Archive) {
            skip(where, "an archive inside an archive is not read (unpack it first)");
            return true;
        }
        if (reads_whole(kind) && member.size && *member.size > options_.max_record_bytes) {
            ++file.skipped;
            return skip(where, "member larger than " + indexer::size_text(options_.max_record_bytes) + ", not read");
        }
        try {
            // A compressed member (a.jsonl.zst, b.txt.gz) is read as the same file on disk: undone
            // as it streams. A .warc.gz is not: its reader takes it member by member.
            const auto compression = indexer::compression_of(name);
            if (kind == FileKind::WarcGzip || compression == indexer::Compression::None) {
                return read_input(kind, data, where, id, file);
            }
            const auto plain = indexer::decompressing(data, compression, where);
            return read_input(kind, *plain, where, id, file);
        } catch (const InputError& e) {
            ++file.skipped;
            return skip(where, message_of(e, where));
        }
    }

    // Inputs held in memory whole while they are read (the others are streamed record by record).
    static bool reads_whole(FileKind kind) {
        return kind == FileKind::Text || kind == FileKind::Markdown || kind == FileKind::Html || kind == FileKind::Feed ||
               kind == FileKind::Pdf;
    }

    // As a folder's hidden files (.git, editor swap files), and the resource forks macOS adds to zips.
    static bool is_hidden_member(const std::string& name) {
        if (name.rfind("__MACOSX/", 0) == 0) return true;
        const auto slash = name.find_last_of('/');
        const std::string_view base = slash == std::string::npos ? std::string_view(name) : std::string_view(name).substr(slash + 1);
        return !base.empty() && base.front() == '.';
    }

    // Returns false when the file was not read to its end or not indexed.
    bool add_text_file(indexer::ByteSource& source, const std::string& name, const std::string& id, bool markdown,
                       FileRun& file) {
        SourceDocument doc;
        // Read whole, so capped: a larger text is not a document a search result can point to,
        // and analysing it would cost ~15x its size.
        doc.text = indexer::read_all(source, options_.max_record_bytes);
        if (doc.text.empty()) return skip(name, "empty file");
        if (analysis::looks_binary(doc.text)) {
            return skip(name, "binary file (NUL byte at " + std::to_string(doc.text.find('\0')) + ")");
        }
        doc.id = id;
        doc.origin = name;
        const std::string hash = indexer::content_hash(file.key, doc.text);
        if (!check_utf8(doc.text, doc.origin)) return false;
        if (markdown) apply_front_matter(doc, name);
        if (doc.title.empty()) {
            doc.title = indexer::file_title(doc.text, markdown ? indexer::TitleStyle::Markdown : indexer::TitleStyle::Text);
        }
        return add_record(std::move(doc), hash, file);
    }

    // One page: its fields from the page itself (indexer/html_reader.hpp).
    bool add_html_file(indexer::ByteSource& source, const std::string& name, const std::string& id, FileRun& file) {
        const std::string bytes = indexer::read_all(source, options_.max_record_bytes);
        if (bytes.empty()) return skip(name, "empty file");
        auto doc = html_document(bytes, {}, id, name);
        if (!doc) return false;
        return add_record(std::move(*doc), indexer::content_hash(file.key, bytes), file);
    }

    // A PDF: one document, its pages' text in order; title, date and author from its metadata.
    bool add_pdf_file(indexer::ByteSource& source, const std::string& name, const std::string& id, FileRun& file) {
        const std::string bytes = indexer::read_all(source, options_.max_record_bytes);
        if (bytes.empty()) return skip(name, "empty file");
        auto parsed = indexer::read_pdf(bytes);
        if (auto* error = std::get_if<std::string>(&parsed)) return skip(name, *error);
        auto& pdf = std::get<indexer::PdfText>(parsed);
        SourceDocument doc;
        doc.id = id;
        doc.origin = name;
        doc.text = std::move(pdf.text);
        doc.title = document_title(pdf.title, doc.text);
        doc.date = std::move(pdf.date);
        doc.author = std::move(pdf.author);
        return add_record(std::move(doc), indexer::content_hash(file.key, bytes), file);
    }

    // A title the input declares (shortened when too long), else the text's first sentence, as
    // for a .txt file.
    static std::string document_title(const std::string& declared, const std::string& text) {
        if (declared.empty()) return indexer::file_title(text, indexer::TitleStyle::Text);
        return declared.size() <= indexer::kMaxTitleBytes ? declared : indexer::file_title(declared, indexer::TitleStyle::Markdown);
    }

    // The document of one HTML page (`charset`: what an HTTP header says, else ""), or nullopt
    // with a notice naming `where`.
    std::optional<SourceDocument> html_document(std::string_view bytes, std::string_view charset, const std::string& id,
                                                const std::string& where) {
        auto parsed = indexer::read_html(bytes, charset);
        if (auto* error = std::get_if<std::string>(&parsed)) {
            skip(where, *error);
            return std::nullopt;
        }
        auto& page = std::get<indexer::HtmlPage>(parsed);
        SourceDocument doc;
        doc.id = id;
        doc.origin = where;
        doc.text = std::move(page.text);
        doc.title = document_title(page.title, doc.text);
        doc.lang = checked_page_language(doc, page.lang);
        doc.date = std::move(page.date);
        doc.url = std::move(page.url);
        doc.source = std::move(page.source);
        doc.author = std::move(page.author);
        return doc;
    }

    // A feed: each item one document, hashed on its own (as a JSONL record). Read whole (capped
    // by max_record_bytes): libxml2 builds its tree in memory.
    bool add_feed_file(indexer::ByteSource& source, const std::string& name, FileRun& file) {
        const std::string bytes = indexer::read_all(source, options_.max_record_bytes);
        if (bytes.empty()) return skip(name, "empty file");
        auto parsed = indexer::read_feed(bytes);
        if (auto* error = std::get_if<std::string>(&parsed)) return skip(name, *error);
        auto& feed = std::get<indexer::Feed>(parsed);
        for (auto& item : feed.items) {
            if (stopping()) return false;
            const std::string where = name + ":" + std::to_string(item.line);
            if (!item.error.empty()) {
                skip(where, item.error);
                ++file.skipped;
                continue;
            }
            const SourceDocument& d = item.doc;
            const std::string content = d.id + '\x1f' + d.title + '\x1f' + d.url + '\x1f' + d.date + '\x1f' + d.lang +
                                        '\x1f' + d.source + '\x1f' + d.author + '\x1f' + d.text;
            item.doc.origin = where;
            if (!add_record(std::move(item.doc), indexer::content_hash(file.key, content), file)) ++file.skipped;
        }
        if (!feed.broken.empty()) {
            skip(name + ":" + std::to_string(feed.broken_line), feed.broken + " (the items before it are indexed)");
            ++file.skipped;
        }
        return !stopping();
    }

    // A web archive: each response record with an HTML payload one document, as an .html file
    // would be (the HTTP header's charset first), id and url = WARC-Target-URI, date = the page's
    // own, else WARC-Date. Requests, metadata, non-HTML and non-2xx responses are counted in one
    // warning; a record that cannot be read is a notice naming its byte offset.
    bool add_warc(indexer::ByteSource& source, bool gzip, const std::string& name, FileRun& file) {
        indexer::WarcReader records(source, gzip, options_.max_record_bytes);
        indexer::WarcRecord record;
        std::map<std::string, std::size_t> passed;  // what was not indexed, by what it was
        while (records.next(record)) {
            if (stopping()) return false;
            in_flight_bytes_ = source.consumed();
            const std::string where = name + ": record at byte " + std::to_string(record.offset);
            if (!record.error.empty()) {
                skip(where, record.error);
                ++file.skipped;
            } else if (record.type != "response") {
                ++passed[record.type.empty() ? "untyped" : record.type];
            } else if (record.too_long) {
                skip(where, "record larger than " + indexer::size_text(options_.max_record_bytes));
                ++file.skipped;
            } else if (!add_warc_response(record, where, passed, file)) {
                ++file.skipped;
            }
        }
        in_flight_bytes_ = 0;
        if (!passed.empty()) {
            std::string what;
            std::size_t total = 0;
            for (const auto& [kind, count] : passed) {
                what += (what.empty() ? "" : ", ") + std::to_string(count) + " " + kind;
                total += count;
            }
            warn(name, std::to_string(total) + " records not indexed (" + what + ")");
        }
        return !stopping();
    }

    // False when the record was skipped with a notice; one that is not an HTML page is counted.
    bool add_warc_response(indexer::WarcRecord& record, const std::string& where, std::map<std::string, std::size_t>& passed,
                           FileRun& file) {
        auto parsed = indexer::parse_http_response(record.block, options_.max_record_bytes);
        if (auto* error = std::get_if<std::string>(&parsed)) return skip(where, *error);
        auto& http = std::get<indexer::HttpResponse>(parsed);
        if (http.status < 200 || http.status > 299) {
            ++passed["non-2xx responses"];
            return true;
        }
        const bool html = http.media_type == "text/html" || http.media_type == "application/xhtml+xml" ||
                          (http.media_type.empty() && http.body.find("<html") != std::string::npos);
        if (!html) {
            ++passed["non-HTML responses"];
            return true;
        }
        if (record.target_uri.empty()) return skip(where, "response without WARC-Target-URI");
        const std::string uri = record.target_uri;
        auto page = html_document(http.body, http.charset, uri, where);
        if (!page) return false;
        page->url = uri;
        if (page->date.empty()) page->date = record.date;
        return add_record(std::move(*page), indexer::content_hash(file.key, record.block), file);
    }

    // A page's declared language is often its template's default: CLD2's reliable answer wins,
    // the declaration decides only where CLD2 is unsure. Without a declaration the analysis
    // identifies the language as for any document (CLD2 runs once either way).
    static std::string checked_page_language(const SourceDocument& doc, const std::string& declared) {
        if (declared.empty()) return {};
        const auto detected = analysis::identify_language(doc.title + "\n" + doc.text);
        return detected.reliable && detected.code != "und" ? detected.code : declared;
    }

    // A Markdown file's front matter gives its fields, and is not part of its text.
    void apply_front_matter(SourceDocument& doc, const std::string& name) {
        std::string error;
        const auto front = indexer::split_front_matter(doc.text, error);
        if (!front) {
            if (!error.empty()) warn(name + ":1", error + "; indexed as plain text");
            return;
        }
        const auto field = [&](std::initializer_list<const char*> names) {
            for (const char* name : names) {
                if (const auto it = front->fields.find(name); it != front->fields.end()) return it->second;
            }
            return std::string();
        };
        doc.title = field({"title"});
        doc.date = field({"date", "published", "pubdate"});
        doc.lang = field({"lang", "language"});
        doc.url = field({"url", "link", "canonical"});
        doc.source = field({"source", "site", "publisher"});
        doc.author = field({"author", "authors", "byline"});
        doc.text = std::string(front->body);
    }

    // A file of many records (JSON lines or a JSON array, CSV/TSV rows), each compared by its own
    // content hash. `id` is the input's own id (a CSV file without a header row is one document).
    bool read_records(FileKind kind, indexer::ByteSource& source, const std::string& name, const std::string& id,
                      FileRun& file) {
        if (kind == FileKind::JsonArray) return add_json_array(source, name, file);
        if (kind == FileKind::Csv || kind == FileKind::Tsv) {
            return add_csv(source, kind == FileKind::Csv ? ',' : '\t', name, id, file);
        }
        return add_jsonl(source, name, file);
    }

    bool add_json_array(indexer::ByteSource& source, const std::string& name, FileRun& file) {
        indexer::JsonArrayReader elements(source, options_.max_record_bytes);
        std::string element;
        try {
            while (elements.next(element)) {
                if (stopping()) return false;
                in_flight_bytes_ = source.consumed();
                add_json_record(element, elements.too_long(), name + ":" + std::to_string(elements.line()), file);
            }
        } catch (const InputError& e) {
            // The records before the broken part are kept; the file is read again next time.
            skip(name + ":" + std::to_string(elements.error_line()), e.what());
            ++file.skipped;
        }
        in_flight_bytes_ = 0;
        return !stopping();
    }

    // A header row naming the columns, then one document per row, each hashed on its own. Without
    // a header row (no known column name) the file is one document.
    bool add_csv(indexer::ByteSource& source, char delimiter, const std::string& name, const std::string& id,
                 FileRun& file) {
        indexer::CsvReader rows(source, delimiter, options_.max_record_bytes);
        std::vector<std::string> row;
        if (!rows.next(row)) return skip(name, "empty file");
        const std::string header_where = name + ":" + std::to_string(rows.line());
        if (rows.too_long()) return skip(header_where, "header row larger than " + indexer::size_text(options_.max_record_bytes));
        if (!rows.error().empty()) return skip(header_where, "header row: " + rows.error());
        auto columns = indexer::csv_columns(row, options_.csv_fields);
        if (auto* error = std::get_if<std::string>(&columns)) return skip(header_where, *error);
        const auto& mapping = std::get<indexer::CsvColumns>(columns);
        if (mapping.headerless) return add_headerless_table(rows, row, name, id, file);
        while (rows.next(row)) {
            if (stopping()) return false;
            in_flight_bytes_ = source.consumed();
            const std::string where = name + ":" + std::to_string(rows.line());
            if (!add_csv_row(row, rows, mapping, where, file)) ++file.skipped;
        }
        in_flight_bytes_ = 0;
        return !stopping();
    }

    // A CSV/TSV file without a header row (its first row, in `row`, names no column): a list
    // (WMT's sources.tsv: a path and a checksum per line), not a table of documents, so one
    // document as a .txt file would be: its rows as lines, fields tab-separated, id `id`. Capped
    // by max_record_bytes like any input read whole.
    bool add_headerless_table(indexer::CsvReader& rows, std::vector<std::string>& row, const std::string& name,
                              const std::string& id, FileRun& file) {
        warn(name, "no header row (no column named id, text, title, date, lang, url, source or author): indexed as one "
                   "text document (--field names the columns of a header row)");
        std::string text;
        do {
            if (stopping()) return false;
            const std::string where = name + ":" + std::to_string(rows.line());
            if (rows.too_long()) {
                skip(where, "record larger than " + indexer::size_text(options_.max_record_bytes));
                ++file.skipped;
                continue;
            }
            if (!rows.error().empty()) {
                skip(where, rows.error());
                ++file.skipped;
                continue;
            }
            for (std::size_t i = 0; i < row.size(); ++i) (text += i == 0 ? "" : "\t") += row[i];
            text += '\n';
            if (text.size() > options_.max_record_bytes) {
                return skip(name, "file larger than " + indexer::size_text(options_.max_record_bytes));
            }
        } while (rows.next(row));
        SourceDocument doc;
        doc.id = id;
        doc.origin = name;
        doc.title = indexer::file_title(text, indexer::TitleStyle::Text);
        doc.text = std::move(text);
        const std::string hash = indexer::content_hash(file.key, doc.text);
        return add_record(std::move(doc), hash, file);
    }

    // False when the row was skipped (a blank line is not: it is no record).
    bool add_csv_row(std::vector<std::string>& row, const indexer::CsvReader& rows, const indexer::CsvColumns& columns,
                     const std::string& where, FileRun& file) {
        if (rows.too_long()) return skip(where, "record larger than " + indexer::size_text(options_.max_record_bytes));
        if (!rows.error().empty()) return skip(where, rows.error());
        if (row.size() == 1 && is_blank(row[0])) return true;
        std::string joined;  // the row's content, for its hash
        for (const auto& field : row) (joined += field) += '\x1f';
        auto parsed = indexer::csv_document(row, columns);
        if (auto* error = std::get_if<std::string>(&parsed)) return skip(where, *error);
        auto& doc = std::get<SourceDocument>(parsed);
        doc.origin = where;
        return add_record(std::move(doc), indexer::content_hash(file.key, joined), file);
    }

    // One JSON object of a multi-record file; a problem is a notice naming `where`.
    void add_json_record(std::string& text, bool too_long, const std::string& where, FileRun& file) {
        if (too_long) {
            skip(where, "record larger than " + indexer::size_text(options_.max_record_bytes));
            ++file.skipped;
            return;
        }
        if (!check_utf8(text, where)) {
            ++file.skipped;
            return;
        }
        auto parsed = indexer::parse_jsonl_record(text);
        if (auto* error = std::get_if<std::string>(&parsed)) {
            skip(where, *error);
            ++file.skipped;
            return;
        }
        auto& doc = std::get<SourceDocument>(parsed);
        doc.origin = where;
        std::string hash = indexer::content_hash(file.key, text);
        // A record of megabytes is not held a second time while it is analysed (the document has
        // its text); small ones keep the buffer for the next line.
        if (text.capacity() > kKeepRecordBuffer) std::string().swap(text);
        if (!add_record(std::move(doc), std::move(hash), file)) ++file.skipped;
    }

    bool add_jsonl(indexer::ByteSource& source, const std::string& name, FileRun& file) {
        // The cap applies while reading: an oversized line is never held in memory.
        indexer::LineReader lines(source, options_.max_record_bytes);
        std::string line;
        for (std::size_t number = 1; lines.next(line); ++number) {
            if (stopping()) return false;
            in_flight_bytes_ = source.consumed();
            if (!lines.too_long() && is_blank(line)) continue;
            add_json_record(line, lines.too_long(), name + ":" + std::to_string(number), file);
        }
        in_flight_bytes_ = 0;
        return !stopping();
    }

    // ---- Change detection ---------------------------------------------------------------------

    // A file whose size and mtime match its record is skipped without being opened.
    bool is_unchanged_file(const std::string& key, const indexer::FileStamp& stamp) {
        const Xapian::Database* baseline = writer_->baseline();
        if (baseline == nullptr) return false;
        std::optional<indexer::SourceRecord> record;
        try {
            record = indexer::decode_record(baseline->get_metadata(indexer::record_key(key)));
        } catch (const Xapian::Error& e) {
            throw IndexError(options_.database.string() + ": cannot read index: " + e.get_description());
        }
        if (!record || record->stamp != stamp) return false;
        // A run without --prune may have re-read this file and kept records gone from it; the
        // count of documents still pointing at the file (one term frequency) tells, and then
        // --prune has to read the file to find them.
        if (options_.prune && baseline->get_termfreq(indexer::source_term(key)) != record->documents) return false;
        summary_.unchanged += record->documents;
        ++summary_.unchanged_files;
        return true;
    }

    // Indexes a document read from `file` unless the index already holds this very input.
    // False when it was skipped.
    bool add_record(SourceDocument doc, std::string hash, FileRun& file) {
        if (stopping() || !validate(doc)) return false;
        // A repeat is always written: the baseline may not see this run's version (a shard), and
        // comparing with it could keep an older one.
        const bool repeat = !first_in_run(doc);
        if (!repeat) ++file.documents;
        if (const auto stored = repeat ? std::nullopt : stored_unchanged(doc.id, hash)) {
            ++summary_.unchanged;
            file.kept.push_back(*stored);
            maybe_report_progress();
            return true;
        }
        const auto docid = submit(Job{next_seq_++, std::move(doc), std::move(hash), file.key});
        if (docid) file.kept.push_back(*docid);
        return true;
    }

    // The stored document with this id when it holds this very input (same content hash).
    std::optional<Xapian::docid> stored_unchanged(const std::string& id, const std::string& hash) const {
        const Xapian::Database* baseline = writer_->baseline();
        if (baseline == nullptr) return std::nullopt;
        try {
            const auto stored = find_document(*baseline, schema::id_term(id));
            if (!stored) return std::nullopt;
            const auto doc = baseline->get_document(*stored, Xapian::DOC_ASSUME_VALID);
            return doc.get_value(schema::kContentHashSlot) == hash ? stored : std::nullopt;
        } catch (const Xapian::Error& e) {
            throw IndexError(options_.database.string() + ": cannot read index: " + e.get_description());
        }
    }

    // ---- Writing ------------------------------------------------------------------------------

    // False (with a warning, counted in IndexSummary::repeated) when an earlier record of this
    // run had the same id: this one replaces it. Ids are remembered as 64-bit hashes (a collision
    // only miscounts: a repeat is written like any record).
    bool first_in_run(const SourceDocument& doc) {
        if (ids_in_run_.insert(indexer::Fnv1a64().update(doc.id).value()).second) return true;
        ++summary_.repeated;
        warn(indexer::where_of(doc), "id '" + doc.id + "' repeats an earlier record of this run, which this one replaces");
        return false;
    }

    // Hands one document to the writer. Returns its docid when known.
    std::optional<Xapian::docid> submit(Job job) {
        const auto docid = writer_->write(std::move(job));
        maybe_report_progress();
        return docid;
    }

    // A file was read completely: record it, and with --prune delete its records that are gone.
    void file_done(FileRun& file, const std::string& file_hash) {
        indexer::SourceChanges changes;
        changes.records.emplace_back(indexer::record_key(file.key),
                                     indexer::encode({file.stamp, file_hash, file.documents, file.path}));
        try {
            if (options_.prune) changes.pruned = gone_from(file);
            writer_->apply(std::move(changes));
        } catch (const Xapian::Error& e) {
            throw IndexError(options_.database.string() + ": cannot update index: " + e.get_description());
        }
    }

    // The baseline's documents from `file` that the file no longer holds. @throws Xapian::Error.
    std::vector<Xapian::docid> gone_from(FileRun& file) const {
        const Xapian::Database* baseline = writer_->baseline();
        if (baseline == nullptr) return {};
        std::sort(file.kept.begin(), file.kept.end());
        std::vector<Xapian::docid> gone;
        for (const auto d : documents_with(*baseline, indexer::source_term(file.key))) {
            if (!std::binary_search(file.kept.begin(), file.kept.end(), d)) gone.push_back(d);
        }
        return gone;
    }

    // --prune: deletes the documents of recorded files under `root` that no longer exist.
    void prune_gone_sources(const std::string& root) {
        const Xapian::Database* baseline = writer_->baseline();
        if (baseline == nullptr) return;
        try {
            indexer::SourceChanges changes;
            for (const auto& key : gone_sources(*baseline, root)) {
                const auto docids = documents_with(*baseline, indexer::source_term(key));
                changes.pruned.insert(changes.pruned.end(), docids.begin(), docids.end());
                changes.dropped_records.push_back(indexer::record_key(key));
            }
            writer_->apply(std::move(changes));
        } catch (const Xapian::Error& e) {
            throw IndexError(options_.database.string() + ": cannot prune: " + e.get_description());
        }
    }

    // The source keys of the files recorded in `db` under `root` that no longer exist.
    // @throws Xapian::Error.
    static std::vector<std::string> gone_sources(const Xapian::Database& db, const std::string& root) {
        std::vector<std::string> gone;
        const std::string prefix(schema::kSourceRecordPrefix);
        for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
            const auto record = indexer::decode_record(db.get_metadata(*it));
            std::error_code ec;
            if (record && indexer::is_under(record->path, root) && !fs::exists(record->path, ec) && !ec) {
                gone.push_back((*it).substr(prefix.size()));
            }
        }
        return gone;
    }

    // ---- Progress -----------------------------------------------------------------------------

    double seconds_since_start() const { return std::chrono::duration<double>(Clock::now() - started_).count(); }

    void maybe_report_progress() {
        const auto now = Clock::now();
        if (now - last_progress_ < std::chrono::milliseconds(200)) return;
        last_progress_ = now;
        writer_->poll();
        report_progress();
    }

    void report_progress() {
        if (!progress_callback) return;
        progress_callback(
            IndexProgress{writer_->documents(), bytes_done_ + in_flight_bytes_, seconds_since_start(), current_});
    }

    IndexOptions options_;
    std::shared_ptr<const analysis::AnalysisData> data_;
    indexer::IndexStore store_;

    IndexSummary summary_;
    std::vector<SequencedNotice> notices_;
    std::size_t next_seq_ = 0;
    Clock::time_point started_;
    Clock::time_point last_progress_;
    std::uint64_t bytes_done_ = 0;
    std::uint64_t in_flight_bytes_ = 0;
    std::string current_;
    std::unordered_set<std::uint64_t> ids_in_run_;  // hashes of the ids written or found unchanged
    // Last: it is made by the constructor using the members above (warn() may be called), and it
    // is destroyed first, so its threads stop before the store removes their shard folders and a
    // half-built generation is closed before the store removes it.
    std::unique_ptr<indexer::IndexWriter> writer_;
};

Indexer::Indexer(IndexOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

void Indexer::on_notice(std::function<void(const Notice&)> callback) { impl_->notice_callback = std::move(callback); }
void Indexer::on_progress(std::function<void(const IndexProgress&)> callback) {
    impl_->progress_callback = std::move(callback);
}
void Indexer::add_path(const std::filesystem::path& path) { impl_->add_path(path); }
void Indexer::add_stream(int fd, StreamFormat format, const std::string& name) { impl_->add_stream(fd, format, name); }
bool Indexer::add_document(SourceDocument doc) { return impl_->add_document(std::move(doc)); }
RemoveResult Indexer::remove(const std::vector<std::string>& ids) { return impl_->remove(ids); }
IndexSummary Indexer::finish() { return impl_->finish(); }

}  // namespace xling
