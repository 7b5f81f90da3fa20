// The JSONL record reader: input bytes -> LineReader -> UTF-8 check -> parse_jsonl_record, exactly
// the steps of Indexer::add_jsonl, so any record a user's .jsonl file can hold is covered.
// A bad record must come back as an error string; anything thrown or any crash is a finding.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <variant>

#include "analysis/utf8.hpp"
#include "indexer/byte_source.hpp"
#include "indexer/jsonl_record.hpp"

namespace {

// Hands the input to LineReader in uneven pieces, so lines split across reads are exercised
// (the real sources return whatever the file or decompressor gives).
class MemorySource final : public xling::indexer::ByteSource {
  public:
    explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t piece = 1 + (pos_ * 7 + 13) % 97;
        const std::size_t n = std::min({size, piece, bytes_.size() - pos_});
        std::memcpy(buffer, bytes_.data() + pos_, n);
        pos_ += n;
        return n;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return pos_; }

  private:
    std::string_view bytes_;
    std::size_t pos_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    MemorySource source({reinterpret_cast<const char*>(data), size});
    xling::indexer::LineReader lines(source);
    std::string line;
    std::size_t total = 0;
    while (lines.next(line)) {
        total += line.size() + 1;
        if (total > size + 1) __builtin_trap();  // the reader invented bytes
        if (xling::analysis::find_invalid_utf8(line)) continue;  // the indexer skips these lines
        auto parsed = xling::indexer::parse_jsonl_record(line);
        if (auto* doc = std::get_if<xling::SourceDocument>(&parsed)) {
            // Required fields are promised non-empty.
            if (doc->id.empty() || doc->text.empty()) __builtin_trap();
        }
    }
    return 0;
}
