#include "searcher/key_neighbours.hpp"

#include <algorithm>
#include <utility>

#include "xling/schema.hpp"

namespace xling::searcher {

std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (gap > limit) return limit + 1;
    // One row of the Wagner-Fischer table; keys are short (a name word), so this stays small.
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        std::size_t best = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({up + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
            best = std::min(best, row[j]);
        }
        if (best > limit) return limit + 1;
    }
    return std::min(row[b.size()], limit + 1);
}

std::vector<std::string> key_neighbours(const Xapian::Database& db, std::string_view key, std::size_t max_keys) {
    const std::size_t edits = tolerated_edits(key.size());
    if (edits == 0) return {};
    const std::string prefix = std::string(schema::kNameKeyPrefix).append(key.substr(0, kNeighbourPrefixLength));
    std::vector<std::pair<std::size_t, std::string>> found;
    std::size_t scanned = 0;
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < kMaxNeighbourScan; ++t, ++scanned) {
        const std::string term = *t;
        const std::string_view candidate = std::string_view(term).substr(schema::kNameKeyPrefix.size());
        if (candidate == key) continue;
        if (const std::size_t d = bounded_edit_distance(key, candidate, edits); d <= edits) {
            found.emplace_back(d, std::string(candidate));
        }
    }
    std::sort(found.begin(), found.end());
    if (found.size() > max_keys) found.resize(max_keys);
    std::vector<std::string> out;
    out.reserve(found.size());
    for (auto& [d, k] : found) out.push_back(std::move(k));
    return out;
}

}  // namespace xling::searcher
