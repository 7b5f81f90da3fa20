// Reading a version-5 document's text from its value-slot blocks (schema.hpp), a slice at a
// time: only the blocks a slice overlaps are fetched and decompressed.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <xapian.h>

#include "indexer/stored_record.hpp"

namespace xling::searcher {

class StoredText {
  public:
    /// `doc` must outlive this object; `map` is its record's text map.
    StoredText(const Xapian::Document& doc, const indexer::TextMap& map) : doc_(doc), map_(map) {}

    /// Bytes [begin, end) of the text (clamped to its length); may end inside a UTF-8 sequence.
    /// Throws xling::IndexError when a block is missing or corrupt.
    [[nodiscard]] std::string slice(std::uint64_t begin, std::uint64_t end);
    /// The whole text.
    [[nodiscard]] std::string all() { return slice(0, map_.text_bytes); }
    [[nodiscard]] std::uint64_t size() const noexcept { return map_.text_bytes; }
    /// True when the block holding byte `offset` is decompressed already.
    [[nodiscard]] bool has_block_at(std::uint64_t offset) const;
    /// Distinct blocks decompressed so far (tests show a snippet reads only those near its matches).
    [[nodiscard]] std::size_t blocks_decoded() const noexcept { return blocks_.size(); }

  private:
    const std::string& block(std::size_t k);

    const Xapian::Document& doc_;
    const indexer::TextMap& map_;
    std::map<std::size_t, std::string> blocks_;
};

}  // namespace xling::searcher
