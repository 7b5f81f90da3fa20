// Byte-at-a-time reading of a ByteSource through a buffer, counting lines: what the readers of
// formats that are split by a small state machine (CSV, JSON arrays) share.
#pragma once

#include <cstddef>
#include <string>

#include "indexer/byte_source.hpp"

namespace xling::indexer {

class ByteCursor {
  public:
    explicit ByteCursor(ByteSource& source) : source_(source) {}
    /// The next byte without consuming it, or -1 at the end of input. Throws what the source throws.
    int peek();
    /// The next byte, consumed, or -1 at the end of input.
    int get() {
        const int c = peek();
        if (c != -1) ++pos_;
        if (c == '\n') ++line_;
        return c;
    }
    /// The 1-based line of the next byte.
    [[nodiscard]] std::size_t line() const noexcept { return line_; }

  private:
    ByteSource& source_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool eof_ = false;
    std::size_t line_ = 1;
};

}  // namespace xling::indexer
