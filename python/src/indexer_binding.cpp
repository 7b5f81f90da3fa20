// xling.Indexer: building and updating an index from Python.
//
// The C++ Indexer commits once, in finish(); a Python commit() therefore finishes it and opens
// the next one at once, so the object keeps the write lock for its whole life. Calls hold a mutex
// (taken after the GIL is released), since a C++ Indexer must be driven by one thread at a time.
#include <pybind11/stl.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "conversions.hpp"
#include "errors.hpp"
#include "resources_binding.hpp"
#include "xling/indexer.hpp"

namespace py = pybind11;

namespace xling::python {
namespace {

class PythonIndexer {
  public:
    explicit PythonIndexer(IndexOptions options) : options_(std::move(options)) { open(); }

    /// Runs `work` on the C++ Indexer without the GIL, one caller at a time.
    template <typename Work>
    auto with_indexer(Work&& work) {
        py::gil_scoped_release nogil;
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!indexer_) throw RequestError("the Indexer is closed");
        return work(*indexer_);
    }

    /// finish(): commits, then (unless `reopen` is false) opens the next Indexer.
    IndexSummary commit(bool reopen) {
        py::gil_scoped_release nogil;
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!indexer_) throw RequestError("the Indexer is closed");
        IndexSummary summary = indexer_->finish();
        indexer_.reset();  // releases the write lock before the next Indexer takes it
        if (reopen) open();
        return summary;
    }

    /// Drops the C++ Indexer without finish(): batches committed so far stay, and Xapian writes
    /// the documents still pending when it closes the database (it never discards them).
    void abandon() {
        py::gil_scoped_release nogil;
        const std::lock_guard<std::mutex> lock(mutex_);
        indexer_.reset();
    }

    [[nodiscard]] bool closed() {
        const std::lock_guard<std::mutex> lock(mutex_);
        return !indexer_;
    }

    [[nodiscard]] std::vector<Notice> notices() {
        py::gil_scoped_release nogil;
        const std::lock_guard<std::mutex> lock(mutex_);
        return notices_;
    }

    [[nodiscard]] const IndexOptions& options() const noexcept { return options_; }

  private:
    void open() {
        indexer_ = std::make_unique<Indexer>(options_);
        // Called on the thread driving the Indexer, which holds mutex_.
        indexer_->on_notice([this](const Notice& notice) { notices_.push_back(notice); });
    }

    const IndexOptions options_;
    std::mutex mutex_;
    std::unique_ptr<Indexer> indexer_;
    std::vector<Notice> notices_;  // every notice since the Indexer was made, across commits
};

InvalidUtf8Policy invalid_utf8_argument(const std::string& value) {
    if (value == "skip") return InvalidUtf8Policy::Skip;
    if (value == "replace") return InvalidUtf8Policy::Replace;
    throw raise_error("RequestError", "invalid_utf8: '" + value + "' is not one of 'skip', 'replace'");
}

std::size_t mebibytes(long long value, const char* what) {
    if (value <= 0) throw raise_error("RequestError", std::string(what) + ": must be at least 1, got " + std::to_string(value));
    return static_cast<std::size_t>(value) << 20U;
}

// An optional text field: None, or NaN as pandas writes a missing value, is "not given".
std::string optional_text(const py::handle& value, const char* field) {
    if (value.is_none()) return {};
    if (py::isinstance<py::float_>(value) && std::isnan(value.cast<double>())) return {};
    if (!py::isinstance<py::str>(value)) {
        throw py::type_error(std::string(field) + ": expected a str or None, got " +
                             py::str(py::type::of(value).attr("__name__")).cast<std::string>());
    }
    return value.cast<std::string>();
}

std::string required_text(const py::handle& value, const char* field) {
    if (!py::isinstance<py::str>(value)) {
        throw py::type_error(std::string(field) + ": expected a str, got " +
                             py::str(py::type::of(value).attr("__name__")).cast<std::string>());
    }
    return value.cast<std::string>();
}

std::string optional_date(const py::handle& value) {
    if (py::isinstance<py::float_>(value) && std::isnan(value.cast<double>())) return {};
    // pandas.NaT is a datetime that is not a date: treat it as missing too.
    if (py::hasattr(value, "isoformat") && py::str(value).cast<std::string>() == "NaT") return {};
    return to_iso_date(value, "date");
}

SourceDocument document_from(const py::handle& id, const py::handle& text, const py::handle& lang,
                             const py::handle& title, const py::handle& date, const py::handle& url,
                             const py::handle& source, const py::handle& author) {
    SourceDocument doc;
    doc.id = required_text(id, "id");
    doc.text = required_text(text, "text");
    doc.lang = optional_text(lang, "lang");
    doc.title = optional_text(title, "title");
    doc.date = optional_date(date);
    doc.url = optional_text(url, "url");
    doc.source = optional_text(source, "source");
    doc.author = optional_text(author, "author");
    return doc;
}

// One mapping of add_many(): the keys of add(), id and text required, no others (a misspelt
// "titel" would otherwise be lost without a word).
SourceDocument document_from_mapping(const py::handle& item, std::size_t number) {
    if (!py::isinstance<py::dict>(item) && !py::hasattr(item, "keys")) {
        throw py::type_error("add_many: item " + std::to_string(number) + " is not a mapping (a dict with id, text, ...)");
    }
    static const char* const kFields[] = {"id", "text", "lang", "title", "date", "url", "source", "author"};
    const py::object keys = item.attr("keys")();
    for (const py::handle key : keys) {
        const std::string name = py::str(key).cast<std::string>();
        if (std::find(std::begin(kFields), std::end(kFields), name) == std::end(kFields)) {
            throw py::type_error("add_many: item " + std::to_string(number) + " has an unknown field '" + name +
                                 "' (fields: id, text, lang, title, date, url, source, author)");
        }
    }
    const auto field = [&](const char* name) -> py::object {
        const py::object get = item.attr("get");
        return get(name, py::none());
    };
    if (field("id").is_none() || field("text").is_none()) {
        throw py::type_error("add_many: item " + std::to_string(number) + " needs 'id' and 'text'");
    }
    SourceDocument doc =
        document_from(field("id"), field("text"), field("lang"), field("title"), field("date"), field("url"), field("source"),
                      field("author"));
    doc.origin = "add_many item " + std::to_string(number);
    return doc;
}

py::dict notice_dict(const Notice& n) {
    return py::dict(py::arg("kind") = n.kind == Notice::Kind::Skipped ? "skipped" : "warning",
                    py::arg("where") = n.where, py::arg("message") = n.message);
}

py::dict summary_dict(const IndexSummary& s) {
    py::list notices;
    for (const auto& n : s.notices) notices.append(notice_dict(n));
    return py::dict(py::arg("documents") = s.documents, py::arg("per_language") = s.per_language,
                    py::arg("unchanged") = s.unchanged, py::arg("deleted") = s.deleted, py::arg("skipped") = s.skipped,
                    py::arg("warnings") = s.warnings, py::arg("commits") = s.commits, py::arg("notices") = notices);
}

}  // namespace

void bind_indexer(py::module_& m) {
    py::class_<PythonIndexer, std::shared_ptr<PythonIndexer>>(m, "Indexer", R"doc(
Adds documents to an xling index (created when missing), as xling-index does.

Documents are written in batches (batch_size documents or memory_mb of pending changes), and
commit() makes everything added visible to searchers. An Indexer holds the index's write lock
from creation until close(): a second writer fails at once with xling.IndexLockedError, while
searchers keep running and see every committed batch.

As a context manager it commits and closes on success; when the block raises, the exception goes
on and nothing already committed is lost (documents still pending are written too, as Xapian
does when a writer closes: xling never discards indexed data).

Args:
    db: the index folder: missing, empty, or an xling index.
    data_dir: the data folder (stopwords, name rules); default: see xling.Resources.
    resources: an xling.Resources to share instead of loading one.
    batch_size: commit after this many documents ...
    memory_mb: ... or this many MiB of pending changes, whichever comes first.
    invalid_utf8: "skip" or "replace" (with U+FFFD) documents read by add_path() with bad bytes.
    max_record_mb: largest record add_path() reads (a JSONL line or a whole text file).
    follow_symlinks: follow symbolic links inside folders given to add_path().
    prune: add_path() also deletes the documents of files gone from under the path.

Raises:
    xling.IndexLockedError: another writer holds the lock.
    xling.DatabaseError: the folder is not an index, or the index cannot be opened or created.

Thread-safe: calls from several threads are serialised; the GIL is released while indexing.
)doc")
        .def(py::init([](const py::object& db, const py::object& data_dir, const py::object& resources,
                         long long batch_size, long long memory_mb, const std::string& invalid_utf8,
                         long long max_record_mb, bool follow_symlinks, bool prune) {
                 IndexOptions options;
                 options.database = to_path(db, "db");
                 if (batch_size <= 0) throw raise_error("RequestError", "batch_size: must be at least 1, got " + std::to_string(batch_size));
                 options.batch_documents = static_cast<std::size_t>(batch_size);
                 options.memory_bytes = mebibytes(memory_mb, "memory_mb");
                 options.max_record_bytes = mebibytes(max_record_mb, "max_record_mb");
                 options.invalid_utf8 = invalid_utf8_argument(invalid_utf8);
                 options.follow_symlinks = follow_symlinks;
                 options.prune = prune;
                 // Indexing needs stopwords and name rules only: no alias or translation table.
                 options.resources = resources.is_none()
                                         ? load_resources(data_dir, py::bool_(false), py::bool_(false))
                                         : resources_argument(resources, data_dir, py::none(), py::none());
                 py::gil_scoped_release nogil;
                 return std::make_shared<PythonIndexer>(std::move(options));
             }),
             py::arg("db"), py::kw_only(), py::arg("data_dir") = py::none(), py::arg("resources") = py::none(),
             py::arg("batch_size") = 10000, py::arg("memory_mb") = 512, py::arg("invalid_utf8") = "skip",
             py::arg("max_record_mb") = 32, py::arg("follow_symlinks") = false, py::arg("prune") = false)
        .def(
            "add",
            [](PythonIndexer& self, const py::object& id, const py::object& text, const py::object& lang,
               const py::object& title, const py::object& date, const py::object& url, const py::object& source,
               const py::object& author) {
                SourceDocument doc = document_from(id, text, lang, title, date, url, source, author);
                return self.with_indexer([&](Indexer& indexer) { return indexer.add_document(std::move(doc)); });
            },
            py::arg("id"), py::arg("text"), py::kw_only(), py::arg("lang") = py::none(), py::arg("title") = py::none(),
            py::arg("date") = py::none(), py::arg("url") = py::none(), py::arg("source") = py::none(),
            py::arg("author") = py::none(), R"doc(
Adds one document, or replaces the document with the same id.

Args:
    id: unique id.
    text: the body text.
    lang: ISO 639-1 code; None: identified with CLD2 (unsupported languages are indexed as 'und').
    title, url, source, author: optional fields, stored and searchable (title:, url:, source:, author:).
    date: a datetime.date (or datetime) or an ISO 8601 string.

Returns:
    False when the document was skipped (empty text, id too long; see notices), else True.
)doc")
        .def(
            "add_many",
            [](PythonIndexer& self, const py::iterable& documents) {
                std::size_t added = 0;
                std::size_t number = 0;
                for (const py::handle item : documents) {
                    SourceDocument doc = document_from_mapping(item, ++number);
                    if (self.with_indexer([&](Indexer& indexer) { return indexer.add_document(std::move(doc)); })) ++added;
                }
                return added;
            },
            py::arg("documents"), R"doc(
Adds documents from an iterable of mappings with the keys of add() (id and text required; None or
NaN, as pandas writes a missing value, means not given; an unknown key is a TypeError), e.g.
``indexer.add_many(frame.to_dict("records"))``. Returns how many were added (not skipped).
)doc")
        .def(
            "add_path",
            [](PythonIndexer& self, const py::object& path) {
                const auto file = to_path(path, "path");
                self.with_indexer([&](Indexer& indexer) { indexer.add_path(file); });
            },
            py::arg("path"), R"doc(
Indexes a file or, recursively, a folder as xling-index does: .txt/.md (one document each, the
title its first line, the id its path relative to the folder) and .jsonl (one document per line),
optionally .gz or .zst compressed. Unchanged files are skipped; bad inputs become notices.

Raises:
    xling.InputError: the path does not exist or is not a regular file or folder.
)doc")
        .def(
            "delete",
            [](PythonIndexer& self, const std::string& id) {
                const RemoveResult result =
                    self.with_indexer([&](Indexer& indexer) { return indexer.remove(std::vector<std::string>{id}); });
                return !result.removed.empty();
            },
            py::arg("id"), "Deletes the document with this id (at the next commit). Returns False when there was none.")
        .def(
            "commit", [](PythonIndexer& self) { return summary_dict(self.commit(true)); }, R"doc(
Commits everything added and deleted so far, so searchers see it, and returns what happened since
the last commit: {"documents", "per_language", "unchanged", "deleted", "skipped", "warnings",
"commits", "notices"}. The Indexer stays open for more.
)doc")
        .def(
            "close", [](PythonIndexer& self) { return self.closed() ? py::object(py::none()) : py::object(summary_dict(self.commit(false))); },
            "Commits (as commit()) and releases the write lock; later calls raise xling.RequestError. "
            "Returns the summary, or None when already closed.")
        .def_property_readonly(
            "notices",
            [](PythonIndexer& self) {
                py::list list;
                for (const auto& n : self.notices()) list.append(notice_dict(n));
                return list;
            },
            "Every skipped input and warning so far: dicts with 'kind' ('skipped' or 'warning'), 'where' and 'message'.")
        .def_property_readonly("closed", &PythonIndexer::closed, "True after close().")
        .def_property_readonly("db", [](const PythonIndexer& self) { return self.options().database.string(); }, "The index folder.")
        .def("__enter__", [](const py::object& self) { return self; })
        .def(
            "__exit__",
            [](PythonIndexer& self, const py::object& type, const py::object&, const py::object&) {
                if (type.is_none()) {
                    if (!self.closed()) (void)self.commit(false);
                } else {
                    self.abandon();
                }
                return false;
            },
            "Commits and closes when the block succeeded; otherwise closes without committing and lets the exception go on.")
        .def("__repr__", [](PythonIndexer& self) {
            return "<xling.Indexer db=" + py::repr(py::str(self.options().database.string())).cast<std::string>() +
                   (self.closed() ? " closed>" : ">");
        });
}

}  // namespace xling::python
