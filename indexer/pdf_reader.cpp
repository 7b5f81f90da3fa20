#include "indexer/pdf_reader.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <ctime>
#include <memory>
#include <mutex>

#include "analysis/text.hpp"

namespace xling::indexer {
namespace {

void ignore_message(const std::string& /*message*/, void* /*closure*/) {}

// Poppler reports through one process-wide callback; it is set once, to silence.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(ignore_message, nullptr); });
}

std::string utf8(const poppler::ustring& text) {
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

std::string iso_utc(std::time_t t) {
    std::tm tm{};
    if (t <= 0 || gmtime_r(&t, &tm) == nullptr) return {};
    char out[32];
    return std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0 ? out : "";
}

}  // namespace

std::variant<PdfText, std::string> read_pdf(std::string_view bytes) {
    silence_poppler();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return std::string("PDF too large");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return std::string("not a PDF or damaged beyond repair");
    if (doc->is_locked()) return std::string("encrypted PDF (a password is needed)");
    PdfText out;
    out.title = std::string(analysis::trim(utf8(doc->info_key("Title"))));
    out.author = std::string(analysis::trim(utf8(doc->info_key("Author"))));
    out.date = iso_utc(doc->info_date_t("CreationDate"));
    if (out.date.empty()) out.date = iso_utc(doc->info_date_t("ModDate"));
    for (int i = 0; i < doc->pages(); ++i) {
        const std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        const std::string text(analysis::trim(utf8(page->text())));
        if (text.empty()) continue;
        if (!out.text.empty()) out.text += "\n\n";
        out.text += text;
    }
    if (out.text.empty()) return std::string("no text in the PDF (scanned pages?)");
    return out;
}

}  // namespace xling::indexer
