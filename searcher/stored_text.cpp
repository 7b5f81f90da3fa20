#include "searcher/stored_text.hpp"

#include <algorithm>

#include "xling/error.hpp"
#include "xling/schema.hpp"

namespace xling::searcher {

const std::string& StoredText::block(std::size_t k) {
    if (const auto it = blocks_.find(k); it != blocks_.end()) return it->second;
    const std::string packed = doc_.get_value(schema::kTextBlockSlot + static_cast<Xapian::valueno>(k));
    if (packed.empty()) throw IndexError("text block " + std::to_string(k) + " of a document is missing (rebuild the index: xling-index --rebuild)");
    return blocks_.emplace(k, indexer::decompress_block(packed)).first->second;
}

bool StoredText::has_block_at(std::uint64_t offset) const {
    return blocks_.count(static_cast<std::size_t>(offset / schema::kTextBlockBytes)) != 0;
}

std::string StoredText::slice(std::uint64_t begin, std::uint64_t end) {
    end = std::min(end, map_.text_bytes);
    std::string out;
    if (begin >= end) return out;
    out.reserve(end - begin);
    constexpr std::uint64_t kBlock = schema::kTextBlockBytes;
    for (std::uint64_t k = begin / kBlock; k * kBlock < end; ++k) {
        const std::string& text = block(static_cast<std::size_t>(k));
        const std::uint64_t from = std::max(begin, k * kBlock) - k * kBlock;
        const std::uint64_t to = std::min(end, (k + 1) * kBlock) - k * kBlock;
        if (to > text.size()) throw IndexError("text block " + std::to_string(k) + " of a document is short (rebuild the index: xling-index --rebuild)");
        out.append(text, from, to - from);
    }
    return out;
}

}  // namespace xling::searcher
