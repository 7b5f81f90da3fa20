#include "indexer/json_array_reader.hpp"

#include "xling/error.hpp"

namespace xling::indexer {
namespace {

bool is_json_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

int JsonArrayReader::get_non_space() {
    int c = bytes_.get();
    while (is_json_space(c)) c = bytes_.get();
    return c;
}

void JsonArrayReader::fail(const std::string& what) const {
    throw InputError(what);
}

bool JsonArrayReader::next(std::string& element) {
    if (done_) return false;
    int c = get_non_space();
    if (!started_) {
        if (c != '[') fail("expected a JSON array of objects ('[')");
        started_ = true;
        c = get_non_space();
        if (c == ']') {
            done_ = true;
            if (get_non_space() != -1) fail("bytes after the end of the JSON array");
            return false;
        }
    }
    if (c == -1) fail("truncated JSON array (no closing ']')");
    element.clear();
    too_long_ = false;
    element_line_ = bytes_.line();
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (;; c = bytes_.get()) {
        if (c == -1) fail("truncated JSON array (no closing ']')");
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        } else if (depth == 0 && (c == ',' || c == ']')) {
            if (c == ']') {
                done_ = true;
                if (get_non_space() != -1) fail("bytes after the end of the JSON array");
            }
            return true;
        }
        if (too_long_) continue;
        if (element.size() >= max_bytes_) {
            too_long_ = true;
            element.clear();
            element.shrink_to_fit();
        } else {
            element.push_back(static_cast<char>(c));
        }
    }
}

}  // namespace xling::indexer
