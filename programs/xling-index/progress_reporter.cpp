#include "programs/xling-index/progress_reporter.hpp"

#include <algorithm>
#include <string>

namespace xling::cli {

std::uint64_t total_input_bytes(const std::vector<std::filesystem::path>& paths) {
    std::uint64_t total = 0;
    std::error_code ec;
    for (const auto& path : paths) {
        if (std::filesystem::is_regular_file(path, ec)) {
            total += std::filesystem::file_size(path, ec);
            continue;
        }
        for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            // Its own error code: a broken or looping link must not end the count.
            std::error_code entry_ec;
            if (it->is_regular_file(entry_ec)) total += it->file_size(entry_ec);
        }
    }
    return total;
}

ProgressReporter::ProgressReporter(std::FILE* out, bool live, std::uint64_t total_bytes)
    : out_(out), live_(live), total_bytes_(total_bytes) {}

void ProgressReporter::update(const IndexProgress& p) {
    const double secs = std::max(p.elapsed_seconds, 1e-9);
    const double docs_per_s = static_cast<double>(p.documents) / secs;
    const double mb_per_s = static_cast<double>(p.bytes) / 1e6 / secs;
    if (live_) {
        const double fraction =
            total_bytes_ == 0 ? 0.0 : std::min(1.0, static_cast<double>(p.bytes) / static_cast<double>(total_bytes_));
        constexpr int kWidth = 28;
        const int filled = static_cast<int>(fraction * kWidth);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(kWidth - filled), '.');
        std::fprintf(out_, "\r\033[K[%s] %5.1f%%  %zu docs  %.0f docs/s  %.1f MB/s", bar.c_str(), fraction * 100.0,
                     p.documents, docs_per_s, mb_per_s);
        line_drawn_ = true;
    } else if (p.elapsed_seconds - last_plain_ >= 10.0) {
        last_plain_ = p.elapsed_seconds;
        std::fprintf(out_, "xling-index: %zu docs, %.1f MB read, %.0f docs/s, %.1f MB/s, %.0f s\n", p.documents,
                     static_cast<double>(p.bytes) / 1e6, docs_per_s, mb_per_s, p.elapsed_seconds);
    }
    std::fflush(out_);
}

void ProgressReporter::clear_line() {
    if (live_ && line_drawn_) {
        std::fputs("\r\033[K", out_);
        line_drawn_ = false;
    }
}

void ProgressReporter::summary(const IndexSummary& s) {
    clear_line();
    const double secs = std::max(s.elapsed_seconds, 1e-9);
    const char* what = "indexed";
    if (s.discarded) {
        what = "interrupted; the rebuild was discarded and the live index is unchanged, after analysing";
    } else if (s.interrupted) {
        what = "interrupted after committing";
    }
    std::fprintf(out_, "xling-index: %s %zu documents in %.2f s (%.0f docs/s, %.1f MB/s)", what, s.documents,
                 s.elapsed_seconds, static_cast<double>(s.documents) / secs,
                 static_cast<double>(s.bytes) / 1e6 / secs);
    const char* sep = ": ";
    for (const auto& [lang, count] : s.per_language) {
        std::fprintf(out_, "%s%s %zu", sep, lang.c_str(), count);
        sep = ", ";
    }
    std::fprintf(out_, "\n");
    if (s.unchanged > 0 || s.unchanged_files > 0) {
        std::fprintf(out_, "xling-index: %zu unchanged (%zu files not read again)\n", s.unchanged, s.unchanged_files);
    }
    if (s.repeated > 0) {
        std::fprintf(out_, "xling-index: %zu records repeated an id of this run and replaced its earlier version\n",
                     s.repeated);
    }
    if (s.deleted > 0) std::fprintf(out_, "xling-index: %zu deleted\n", s.deleted);
    if (s.switched) std::fprintf(out_, "xling-index: switched to the new index generation\n");
    if (s.skipped > 0 || s.warnings > 0) {
        std::fprintf(out_, "xling-index: %zu inputs skipped, %zu warnings:\n", s.skipped, s.warnings);
        constexpr std::size_t kShown = 50;  // the rest is in IndexSummary::notices for programs
        for (std::size_t i = 0; i < std::min(kShown, s.notices.size()); ++i) {
            const Notice& n = s.notices[i];
            std::fprintf(out_, "  %s %s: %s\n", n.kind == Notice::Kind::Skipped ? "skipped" : "warning",
                         n.where.c_str(), n.message.c_str());
        }
        if (s.notices.size() > kShown) std::fprintf(out_, "  ... and %zu more\n", s.notices.size() - kShown);
    }
    std::fflush(out_);
}

}  // namespace xling::cli
