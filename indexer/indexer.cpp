#include "xling/indexer.hpp"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>

#include "analysis/language_identifier.hpp"
#include "analysis/utf8.hpp"
#include "indexer/byte_source.hpp"
#include "indexer/document_builder.hpp"
#include "analysis/iso_date.hpp"
#include "indexer/jsonl_record.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"
#include "xling/schema.hpp"

namespace xling {
namespace {

using Clock = std::chrono::steady_clock;

// Xapian terms are limited to 245 bytes; "Q" + id must fit.
constexpr std::size_t kMaxIdBytes = 240;
// Titles taken from a file's first line are cut to this many bytes (on a character boundary).
constexpr std::size_t kMaxTitleBytes = 300;
// A single text/markdown file is one document and must fit in memory.
constexpr std::size_t kMaxFileBytes = 256u << 20;

enum class FileKind { Text, Markdown, JsonLines, Unsupported };

FileKind kind_of(const std::filesystem::path& path) {
    const auto ext = indexer::without_compression_extension(path).extension().string();
    if (ext == ".txt") return FileKind::Text;
    if (ext == ".md") return FileKind::Markdown;
    if (ext == ".jsonl") return FileKind::JsonLines;
    return FileKind::Unsupported;
}

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Longest prefix of at most `max` bytes that does not end inside a UTF-8 sequence.
std::size_t utf8_prefix_length(std::string_view s, std::size_t max) {
    if (s.size() <= max) return s.size();
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return n;
}

// Title of a text file: its first non-empty line (Markdown heading marks removed).
std::string first_line_title(std::string_view text, bool markdown) {
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = trim(text.substr(0, nl));
        if (markdown) {
            while (!line.empty() && line.front() == '#') line.remove_prefix(1);
            line = trim(line);
        }
        if (!line.empty()) return std::string(line.substr(0, utf8_prefix_length(line, kMaxTitleBytes)));
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return {};
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

std::string lowercase_ascii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

class Indexer::Impl {
  public:
    explicit Impl(IndexOptions options)
        : options_(std::move(options)),
          builder_(analysis::AnalysisData::load(analysis::resolve_data_dir(options_.data_dir))),
          db_(open_database(options_.database)),
          started_(Clock::now()),
          last_progress_(started_) {}

    std::function<void(const Notice&)> notice_callback;
    std::function<void(const IndexProgress&)> progress_callback;

    void add_path(const std::filesystem::path& path) {
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (ec || !std::filesystem::exists(status)) throw InputError(path.string() + ": no such file or folder");
        if (std::filesystem::is_directory(status)) {
            add_folder(path);
        } else {
            add_file(path, path.lexically_normal().generic_string());
        }
    }

    bool add_document(SourceDocument doc) {
        if (stopping()) return false;
        const std::string where = doc.origin.empty() ? doc.id : doc.origin;
        if (doc.id.empty()) return skip(where, "document has no id");
        if (doc.id.size() > kMaxIdBytes) return skip(where, "id longer than " + std::to_string(kMaxIdBytes) + " bytes");
        if (!check_utf8(doc.text, where)) return false;
        for (std::string* field : {&doc.id, &doc.title, &doc.lang, &doc.date, &doc.url, &doc.source}) {
            if (!check_utf8(*field, where)) return false;
        }
        if (is_blank(doc.text)) return skip(where, "empty document");

        if (doc.source.size() > schema::kMaxFilterTermBytes) {
            warn(where, "source longer than " + std::to_string(schema::kMaxFilterTermBytes) +
                            " bytes; stored, but not usable as a filter");
        }
        const std::string lang = choose_language(doc, where);
        std::optional<std::string> date;
        if (!doc.date.empty()) {
            date = analysis::parse_iso_date(doc.date);
            if (!date) warn(where, "date '" + doc.date + "' is not ISO 8601; stored without a date");
        }
        try {
            db_.replace_document(schema::id_term(doc.id), builder_.build(doc, lang, date));
        } catch (const Xapian::Error& e) {
            throw IndexError(options_.database.string() + ": cannot write document " + doc.id + ": " +
                             e.get_description());
        }
        ++summary_.documents;
        ++summary_.per_language[lang];
        ++pending_documents_;
        pending_bytes_ += doc.text.size();
        if (pending_documents_ >= options_.batch_documents || pending_bytes_ >= options_.batch_bytes) commit();
        maybe_report_progress();
        return true;
    }

    IndexSummary finish() {
        commit();
        summary_.elapsed_seconds = seconds_since_start();
        summary_.interrupted = stopping();
        report_progress();
        return summary_;
    }

  private:
    static Xapian::WritableDatabase open_database(const std::filesystem::path& path) {
        try {
            Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
            const std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
            if (version.empty() && db.get_doccount() > 0) {
                throw IndexError(path.string() + ": holds " + std::to_string(db.get_doccount()) +
                                 " documents but is not an xling index; refusing to write to it");
            }
            if (version.empty()) {
                db.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
                db.commit();
            } else if (version != schema::kSchemaVersion) {
                throw IndexError(path.string() + ": index has schema version " + version + ", this xling writes " +
                                 std::string(schema::kSchemaVersion) + "; rebuild it");
            }
            return db;
        } catch (const IndexError&) {
            throw;
        } catch (const Xapian::DatabaseLockError&) {
            throw IndexLockedError(path.string() + ": index is locked by another writer");
        } catch (const Xapian::Error& e) {
            throw IndexError(path.string() + ": cannot open index for writing: " + e.get_description());
        }
    }

    bool stopping() const {
        return options_.stop_requested != nullptr && options_.stop_requested->load(std::memory_order_relaxed);
    }

    void notify(Notice notice) {
        (notice.kind == Notice::Kind::Skipped ? summary_.skipped : summary_.warnings) += 1;
        if (notice_callback) notice_callback(notice);
        summary_.notices.push_back(std::move(notice));
    }
    bool skip(const std::string& where, std::string message) {
        notify({Notice::Kind::Skipped, where, std::move(message)});
        return false;
    }
    void warn(const std::string& where, std::string message) {
        notify({Notice::Kind::Warning, where, std::move(message)});
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

    std::string choose_language(const SourceDocument& doc, const std::string& where) {
        if (!doc.lang.empty()) {
            std::string code = lowercase_ascii(doc.lang);
            if (is_known_language_code(code)) return code;
            warn(where, "language '" + doc.lang + "' is not supported; indexed unstemmed as und");
            return std::string(kUndetermined);
        }
        const auto detected = analysis::identify_language(doc.title.empty() ? doc.text : doc.title + "\n" + doc.text);
        if (detected.code == kUndetermined) {
            warn(where, "language not supported or not identified (CLD2: " + detected.detected +
                            "); indexed unstemmed as und");
        }
        return detected.code;
    }

    void add_folder(const std::filesystem::path& root) {
        std::vector<std::filesystem::path> files;
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(
                 root, std::filesystem::directory_options::skip_permission_denied, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            const auto name = it->path().filename().string();
            if (!name.empty() && name.front() == '.') {  // hidden files and folders (.git, editor swap files)
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file()) files.push_back(it->path());
        }
        if (ec) warn(root.string(), "cannot read folder completely: " + ec.message());
        std::sort(files.begin(), files.end());  // deterministic order, hence deterministic docids
        for (const auto& file : files) {
            if (stopping()) return;
            add_file(file, file.lexically_relative(root).generic_string());
        }
    }

    void add_file(const std::filesystem::path& path, const std::string& id) {
        current_ = path.string();
        const FileKind kind = kind_of(path);
        if (kind == FileKind::Unsupported) {
            skip(path.string(), "not a .txt, .md or .jsonl file (optionally .gz/.zst)");
            return;
        }
        try {
            auto source = indexer::open_byte_source(path);
            if (kind == FileKind::JsonLines) {
                add_jsonl(*source, path);
            } else {
                add_text_file(*source, path, id, kind == FileKind::Markdown);
            }
            bytes_done_ += source->consumed();
            summary_.bytes = bytes_done_;
        } catch (const InputError& e) {
            const std::string what = e.what();
            const std::string prefix = path.string() + ": ";
            skip(path.string(), what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what);
        }
    }

    void add_text_file(indexer::ByteSource& source, const std::filesystem::path& path, const std::string& id,
                       bool markdown) {
        SourceDocument doc;
        doc.text = indexer::read_all(source, kMaxFileBytes);
        if (doc.text.empty()) {
            skip(path.string(), "empty file");
            return;
        }
        if (analysis::looks_binary(doc.text)) {
            skip(path.string(), "binary file (NUL byte at " + std::to_string(doc.text.find('\0')) + ")");
            return;
        }
        doc.id = id;
        doc.origin = path.string();
        if (!check_utf8(doc.text, doc.origin)) return;
        doc.title = first_line_title(doc.text, markdown);
        add_document(std::move(doc));
    }

    void add_jsonl(indexer::ByteSource& source, const std::filesystem::path& path) {
        indexer::LineReader lines(source);
        std::string line;
        for (std::size_t number = 1; lines.next(line); ++number) {
            if (stopping()) return;
            in_flight_bytes_ = source.consumed();
            if (is_blank(line)) continue;
            const std::string where = path.string() + ":" + std::to_string(number);
            if (!check_utf8(line, where)) continue;
            auto parsed = indexer::parse_jsonl_record(line);
            if (auto* error = std::get_if<std::string>(&parsed)) {
                skip(where, *error);
                continue;
            }
            auto& doc = std::get<SourceDocument>(parsed);
            doc.origin = where;
            add_document(std::move(doc));
        }
        in_flight_bytes_ = 0;
    }

    void commit() {
        if (pending_documents_ == 0) return;
        try {
            db_.commit();
        } catch (const Xapian::Error& e) {
            throw IndexError(options_.database.string() + ": commit failed: " + e.get_description());
        }
        ++summary_.commits;
        pending_documents_ = 0;
        pending_bytes_ = 0;
    }

    double seconds_since_start() const {
        return std::chrono::duration<double>(Clock::now() - started_).count();
    }

    void maybe_report_progress() {
        const auto now = Clock::now();
        if (now - last_progress_ < std::chrono::milliseconds(200)) return;
        last_progress_ = now;
        report_progress();
    }

    void report_progress() {
        if (!progress_callback) return;
        progress_callback(IndexProgress{summary_.documents, bytes_done_ + in_flight_bytes_, seconds_since_start(), current_});
    }

    IndexOptions options_;
    indexer::DocumentBuilder builder_;  // before db_: bad stopword data must fail before an index is created
    Xapian::WritableDatabase db_;
    IndexSummary summary_;
    Clock::time_point started_;
    Clock::time_point last_progress_;
    std::size_t pending_documents_ = 0;
    std::size_t pending_bytes_ = 0;
    std::uint64_t bytes_done_ = 0;
    std::uint64_t in_flight_bytes_ = 0;
    std::string current_;
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
bool Indexer::add_document(SourceDocument doc) { return impl_->add_document(std::move(doc)); }
IndexSummary Indexer::finish() { return impl_->finish(); }

}  // namespace xling
