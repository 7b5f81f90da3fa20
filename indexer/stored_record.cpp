#include "indexer/stored_record.hpp"

#include <zstd.h>

#include <algorithm>
#include <array>

#include "xling/error.hpp"
#include "xling/schema.hpp"

namespace xling::indexer {
namespace {

// The first byte of a record: 0x07 since schema version 7 (a count of fields follows, so that a
// later field is one more string, not a new layout), 0x05 in versions 5 and 6 (six fields, no
// count); a JSON record (version 4) starts with '{'.
constexpr char kRecordMagic = '\x07';
constexpr char kVersion5Magic = '\x05';
constexpr std::size_t kVersion5Fields = 6;
// zstd's default level: at 16 KB blocks it is within a few percent of level 19 in size and
// several times faster to write; decompression speed is the same at every level.
constexpr int kCompressionLevel = 3;
// id, lang, title, date, url, source, author.
constexpr std::size_t kFieldCount = 7;

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void put_string(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

class Reader {
  public:
    explicit Reader(std::string_view data) : data_(data) {}
    bool varint(std::uint64_t& v) {
        v = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            if (pos_ >= data_.size()) return false;
            const auto byte = static_cast<unsigned char>(data_[pos_++]);
            v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return true;
        }
        return false;
    }
    bool string(std::string& s) {
        std::uint64_t n = 0;
        if (!varint(n) || n > data_.size() - pos_) return false;
        s.assign(data_.substr(pos_, n));
        pos_ += n;
        return true;
    }
    [[nodiscard]] bool at_end() const { return pos_ == data_.size(); }

  private:
    std::string_view data_;
    std::size_t pos_ = 1;  // after the magic byte
};

}  // namespace

std::uint64_t TextMap::offset_before(std::uint64_t position) const {
    if (skips.empty() || position == 0) return 0;
    const std::uint64_t k = std::min<std::uint64_t>((position - 1) / schema::kPositionSkip, skips.size() - 1);
    return skips[k];
}

std::size_t TextMap::block_count() const {
    return static_cast<std::size_t>((text_bytes + schema::kTextBlockBytes - 1) / schema::kTextBlockBytes);
}

TextMap map_text(std::string_view text, const std::vector<std::size_t>& word_begins) {
    TextMap map;
    map.text_bytes = text.size();
    map.positions = word_begins.size();
    for (std::size_t i = 0; i < word_begins.size(); i += schema::kPositionSkip) map.skips.push_back(word_begins[i]);
    return map;
}

std::string encode_stored_record(const StoredDocument& fields, const TextMap& map) {
    const std::array<const std::string*, kFieldCount> strings = {&fields.id,  &fields.lang,   &fields.title, &fields.date,
                                                                 &fields.url, &fields.source, &fields.author};
    std::string out(1, kRecordMagic);
    put_varint(out, strings.size());
    for (const std::string* s : strings) put_string(out, *s);
    put_varint(out, map.text_bytes);
    put_varint(out, map.positions);
    put_varint(out, map.skips.size());
    std::uint64_t previous = 0;
    for (const std::uint64_t offset : map.skips) {
        put_varint(out, offset - previous);  // deltas: about one word's worth of bytes, 1-2 bytes each
        previous = offset;
    }
    return out;
}

std::optional<StoredRecord> decode_stored_record(std::string_view data) {
    if (data.empty() || (data.front() != kRecordMagic && data.front() != kVersion5Magic)) return std::nullopt;
    Reader in(data);
    StoredRecord record;
    StoredDocument& f = record.fields;
    std::uint64_t count = kVersion5Fields;
    if (data.front() == kRecordMagic && (!in.varint(count) || count < kVersion5Fields || count > data.size())) {
        return std::nullopt;
    }
    const std::array<std::string*, kFieldCount> strings = {&f.id, &f.lang, &f.title, &f.date, &f.url, &f.source, &f.author};
    std::string unknown;  // a field of a later version: skipped
    for (std::uint64_t k = 0; k < count; ++k) {
        if (!in.string(k < strings.size() ? *strings[k] : unknown)) return std::nullopt;
    }
    std::uint64_t skips = 0;
    if (!in.varint(record.text.text_bytes) || !in.varint(record.text.positions) || !in.varint(skips)) return std::nullopt;
    if (skips > data.size()) return std::nullopt;  // each takes at least one byte
    record.text.skips.reserve(skips);
    std::uint64_t offset = 0;
    for (std::uint64_t k = 0; k < skips; ++k) {
        std::uint64_t delta = 0;
        if (!in.varint(delta)) return std::nullopt;
        offset += delta;
        if (offset > record.text.text_bytes) return std::nullopt;
        record.text.skips.push_back(offset);
    }
    if (!in.at_end()) return std::nullopt;
    return record;
}

void TextCompressor::FreeContext::operator()(ZSTD_CCtx* context) const noexcept { ZSTD_freeCCtx(context); }

TextCompressor::TextCompressor() : context_(ZSTD_createCCtx()) {
    if (!context_) throw IndexError("cannot compress document text: zstd cannot allocate its context");
}

std::vector<std::string> TextCompressor::compress(std::string_view text) {
    std::vector<std::string> blocks;
    for (std::size_t at = 0; at < text.size(); at += schema::kTextBlockBytes) {
        const std::string_view part = text.substr(at, schema::kTextBlockBytes);
        std::string block(ZSTD_compressBound(part.size()), '\0');
        const std::size_t n =
            ZSTD_compressCCtx(context_.get(), block.data(), block.size(), part.data(), part.size(), kCompressionLevel);
        if (ZSTD_isError(n) != 0) throw IndexError(std::string("cannot compress document text: ") + ZSTD_getErrorName(n));
        block.resize(n);
        blocks.push_back(std::move(block));
    }
    return blocks;
}

std::string decompress_block(std::string_view block) {
    const unsigned long long size = ZSTD_getFrameContentSize(block.data(), block.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > schema::kTextBlockBytes) {
        throw IndexError("corrupt text block in the index (rebuild it: xling-index --rebuild)");
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompress(text.data(), text.size(), block.data(), block.size());
    if (ZSTD_isError(n) != 0 || n != size) throw IndexError("corrupt text block in the index (rebuild it: xling-index --rebuild)");
    return text;
}

}  // namespace xling::indexer
