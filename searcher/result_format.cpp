#include "searcher/result_format.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace xling::searcher {
namespace {
nlohmann::ordered_json or_null(const std::string& s) { return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s); }

std::string total_line(const SearchResults& r) {
    if (r.total_exact) return std::to_string(r.total) + (r.total == 1 ? " match" : " matches");
    return "about " + std::to_string(r.total) + " matches (between " + std::to_string(r.total_lower) + " and " +
           std::to_string(r.total_upper) + ")";
}
}  // namespace

std::string to_json(const SearchResults& r) {
    nlohmann::ordered_json hits = nlohmann::ordered_json::array();
    for (const Hit& h : r.hits) {
        hits.push_back({{"rank", h.rank},
                        {"id", h.id},
                        {"lang", h.lang},
                        {"title", h.title},
                        {"date", or_null(h.date)},
                        {"url", or_null(h.url)},
                        {"source", or_null(h.source)},
                        {"score", h.score},
                        {"snippet", h.snippet}});
    }
    const nlohmann::ordered_json out = {{"query", r.query},         {"total", r.total},
                                {"total_exact", r.total_exact}, {"total_lower", r.total_lower},
                                {"total_upper", r.total_upper}, {"ignored", r.ignored},
                                {"hits", std::move(hits)}};
    return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void print_human(std::ostream& out, const SearchResults& r, bool color) {
    const char* bold = color ? "\033[1m" : "";
    const char* dim = color ? "\033[2m" : "";
    const char* cyan = color ? "\033[36m" : "";
    const char* reset = color ? "\033[0m" : "";
    out << total_line(r) << " for \"" << r.query << "\"";
    if (!r.ignored.empty()) {
        out << " (ignored stopwords:";
        for (const auto& w : r.ignored) out << ' ' << w;
        out << ')';
    }
    out << '\n';
    for (const Hit& h : r.hits) {
        char score[32];
        std::snprintf(score, sizeof score, "%.3f", h.score);
        out << '\n' << bold << h.rank << ". " << h.id << reset << "  " << cyan << h.lang << reset << "  " << dim
            << (h.date.empty() ? "" : h.date + "  ") << "score " << score << reset << '\n';
        if (!h.title.empty()) out << "   " << bold << h.title << reset << '\n';
        if (!h.url.empty()) out << "   " << dim << h.url << reset << '\n';
        out << "   " << h.snippet << '\n';
    }
}

}  // namespace xling::searcher
