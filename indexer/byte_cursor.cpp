#include "indexer/byte_cursor.hpp"

namespace xling::indexer {

int ByteCursor::peek() {
    if (pos_ == buffer_.size()) {
        if (eof_) return -1;
        constexpr std::size_t kChunk = 256 * 1024;
        buffer_.resize(kChunk);
        const std::size_t n = source_.read(buffer_.data(), kChunk);
        buffer_.resize(n);
        pos_ = 0;
        if (n == 0) {
            eof_ = true;
            return -1;
        }
    }
    return static_cast<unsigned char>(buffer_[pos_]);
}

}  // namespace xling::indexer
