// PDF files: the pages' text and the metadata's title and date, through poppler. The PDFs are
// written at test time by make_test_pdf.py (cairo); without python3-cairo the tests are skipped.
#include <doctest/doctest.h>

#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <variant>

#include "indexer/pdf_reader.hpp"
#include "indexer_helpers.hpp"
#include "stored_json.hpp"
#include "support/test_support.hpp"
#include "xling/schema.hpp"

namespace fs = std::filesystem;
using xling::indexer::PdfText;
using xling::indexer::read_pdf;
using xling::test::describe;
using xling::test::index_path;
using xling::test::options_for;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

const std::string kPage1 = "The harbour board of Bristol agreed on Thursday\nto rebuild the old swing bridge.";
const std::string kPage2 = "Москва и Петербург";

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Writes the test PDF to `out`; false when the generator cannot run here (no python3-cairo).
bool make_pdf(const fs::path& out, const std::string& title, const std::string& date, const std::string& author = "") {
    const std::string command = "/usr/bin/python3 " + quoted(XLING_TEST_PDF_SCRIPT) + " --author " + quoted(author) + " " + quoted(out.string()) + " " +
                                quoted(title) + " " + quoted(date) + " " + quoted(kPage1) + " " + quoted(kPage2);
    const int status = std::system(command.c_str());
    if (status != 0) {
        MESSAGE("skipped: " << XLING_TEST_PDF_SCRIPT << " could not write a PDF (needs /usr/bin/python3 and python3-cairo)");
        return false;
    }
    return true;
}

std::string bytes_of(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("read_pdf: the text of every page in order, the title and creation date of the metadata") {
    TempDir dir;
    if (!make_pdf(dir / "a.pdf", "Bridge report", "2024-11-29T10:00:00Z", "Jane Rowe")) return;
    auto parsed = read_pdf(bytes_of(dir / "a.pdf"));
    if (auto* error = std::get_if<std::string>(&parsed)) FAIL("read_pdf: " << *error);
    const auto& pdf = std::get<PdfText>(parsed);
    CHECK(pdf.title == "Bridge report");
    CHECK(pdf.author == "Jane Rowe");
    CHECK(pdf.date == "2024-11-29T10:00:00Z");
    CHECK(pdf.text.find("The harbour board of Bristol agreed on Thursday") == 0);
    const auto second = pdf.text.find("Москва и Петербург");
    REQUIRE(second != std::string::npos);
    CHECK(pdf.text.substr(second - 2, 2) == "\n\n");  // pages separated by a blank line
}

TEST_CASE("read_pdf: what is not a readable PDF is a reason, never a crash") {
    CHECK(std::get<std::string>(read_pdf("")) == "not a PDF or damaged beyond repair");
    CHECK(std::get<std::string>(read_pdf("%PDF-1.4\nnothing else")) == "not a PDF or damaged beyond repair");
    TempDir dir;
    if (!make_pdf(dir / "a.pdf", "", "")) return;
    const std::string bytes = bytes_of(dir / "a.pdf");
    // Cut in half: poppler repairs what it can or gives up; either way no crash.
    const auto cut = read_pdf(bytes.substr(0, bytes.size() / 2));
    CHECK((cut.index() == 0 || !std::get<std::string>(cut).empty()));
}

TEST_CASE(".pdf files are indexed: text, title, date and author; without a title the first sentence") {
    TempDir dir;
    const fs::path corpus = dir / "corpus";
    fs::create_directories(corpus);
    if (!make_pdf(corpus / "report.PDF", "Bridge report", "2024-11-29T23:30:00-05:00", "Jane Rowe")) return;
    if (!make_pdf(corpus / "untitled.pdf", "", "")) return;
    write_file(corpus / "broken.pdf", "%PDF-1.4 not really");
    const auto summary = index_path(options_for(dir), corpus);
    INFO(describe(summary.notices));
    CHECK(summary.documents == 2);
    CHECK(summary.skipped == 1);
    REQUIRE(summary.notices.size() == 1);
    CHECK(summary.notices[0].where == (corpus / "broken.pdf").string());
    Xapian::Database db((dir / "index").string());
    const auto report = xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term("report.PDF"))));
    CHECK(report["title"] == "Bridge report");
    CHECK(report["date"] == "2024-11-30");  // stored as the UTC day
    CHECK(report["author"] == "Jane Rowe");
    CHECK(report["text"].get<std::string>().find("swing bridge") != std::string::npos);
    const auto untitled = xling::test::stored_json(db.get_document(*db.postlist_begin(xling::schema::id_term("untitled.pdf"))));
    CHECK(untitled["title"].get<std::string>().rfind("The harbour board of Bristol", 0) == 0);
    CHECK_FALSE(untitled.contains("author"));
    CHECK(db.term_exists("XArowe"));  // author:rowe finds it
}
