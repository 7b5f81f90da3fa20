// Splitting a .json file holding one array of objects into its elements, streamed.
#pragma once

#include <cstddef>
#include <string>

#include "indexer/byte_cursor.hpp"

namespace xling::indexer {

/// Splits `[ {...}, {...} ]` into the text of each element without parsing it (each element is
/// then one record for parse_jsonl_record), so a large file costs one element of memory, not its
/// size: the array is scanned once for its top-level commas, tracking strings and nesting only.
///
/// An element longer than `max_element_bytes` is not buffered: next() returns it empty and
/// too_long() is true. Structural problems (no '[', a truncated array, bytes after ']') throw
/// InputError (the problem; error_line() says where); the elements before them have been returned.
class JsonArrayReader {
  public:
    explicit JsonArrayReader(ByteSource& source, std::size_t max_element_bytes = static_cast<std::size_t>(-1))
        : bytes_(source), max_bytes_(max_element_bytes) {}
    /// The next element's text into `element`; false after the closing ']'.
    bool next(std::string& element);
    /// Whether the element next() returned last was over the limit (and returned empty).
    [[nodiscard]] bool too_long() const noexcept { return too_long_; }
    /// The 1-based line on which the element next() returned last starts.
    [[nodiscard]] std::size_t line() const noexcept { return element_line_; }
    /// The 1-based line reached in the input (where a thrown problem was found).
    [[nodiscard]] std::size_t error_line() const noexcept { return bytes_.line(); }

  private:
    // The next byte that is not JSON whitespace, or -1.
    int get_non_space();
    [[noreturn]] void fail(const std::string& what) const;

    ByteCursor bytes_;
    std::size_t max_bytes_;
    std::size_t element_line_ = 0;
    bool started_ = false;  // the '[' was read
    bool done_ = false;     // the ']' was read
    bool too_long_ = false;
};

}  // namespace xling::indexer
