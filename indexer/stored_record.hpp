// The stored record (include/xling/schema.hpp; its layout of schema version 7, and that of
// versions 5 and 6, which is still read): a document's fields and the map of its text, as document data; the text itself in zstd blocks in value slots. The indexer encodes it,
// the searcher decodes it; both see only this header.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "xling/stored_document.hpp"

struct ZSTD_CCtx_s;  // zstd.h's ZSTD_CCtx, kept out of this header

namespace xling::indexer {

/// Where a document's text lies: its length and, every schema::kPositionSkip positions, the byte
/// offset of that word (position 1, 1 + kPositionSkip, ...), so that a passage around a position
/// is found and segmented without reading the words before it.
struct TextMap {
    std::uint64_t text_bytes = 0;
    std::uint64_t positions = 0;        ///< words (index positions) in the text
    std::vector<std::uint64_t> skips;   ///< skips[k]: byte offset of position 1 + k * kPositionSkip

    /// Byte offset where the skip interval holding `position` (>= 1) starts.
    [[nodiscard]] std::uint64_t offset_before(std::uint64_t position) const;
    /// Number of text blocks (schema::kTextBlockBytes each, the last shorter).
    [[nodiscard]] std::size_t block_count() const;
};

/// A decoded record: the stored fields (StoredDocument::text stays empty) and the text map.
struct StoredRecord {
    StoredDocument fields;
    TextMap text;
};

/// The text map of `text` whose indexed words (positions 1, 2, ...) start at `word_begins`.
[[nodiscard]] TextMap map_text(std::string_view text, const std::vector<std::size_t>& word_begins);

/// Document data of schema version 7 for `fields` (text ignored) and `map`.
[[nodiscard]] std::string encode_stored_record(const StoredDocument& fields, const TextMap& map);

/// Decodes document data of schema version 7, or of versions 5 and 6 (no author: it stays
/// empty); a record with more fields than this version knows (a later version's) gives the
/// known ones. std::nullopt for anything else (a version-4 JSON record, another program's document). Never throws on malformed data: a record that does not
/// parse is std::nullopt.
[[nodiscard]] std::optional<StoredRecord> decode_stored_record(std::string_view data);

/// Cuts texts into blocks of schema::kTextBlockBytes, each compressed with zstd (value slot
/// schema::kTextBlockSlot + k holds block k). Keeps one zstd context for all the texts it
/// compresses: ZSTD_compress() allocates and clears one per call (measured in
/// docs/indexing-performance.md). Not thread-safe: one per document builder.
class TextCompressor {
  public:
    /// @throws xling::IndexError when zstd cannot allocate its context.
    TextCompressor();
    /// The compressed blocks of `text` (none for an empty text). @throws xling::IndexError.
    [[nodiscard]] std::vector<std::string> compress(std::string_view text);

  private:
    struct FreeContext {
        void operator()(::ZSTD_CCtx_s* context) const noexcept;
    };
    std::unique_ptr<::ZSTD_CCtx_s, FreeContext> context_;
};

/// Decompresses one block written by TextCompressor; throws xling::IndexError when corrupt.
[[nodiscard]] std::string decompress_block(std::string_view block);

}  // namespace xling::indexer
