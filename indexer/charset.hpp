// Character sets of pages and feeds: what they declare, what ICU detects, and conversion to
// UTF-8 through ICU's converters (every charset ICU knows, not only those libxml2's iconv has).
#pragma once

#include <string>
#include <string_view>

namespace xling::indexer {

/// The charset an HTML page declares near its start (<meta charset=...>, or http-equiv
/// Content-Type's charset=...), as written; "" when none.
[[nodiscard]] std::string declared_html_charset(std::string_view bytes);

/// The encoding of an XML declaration (<?xml ... encoding="windows-1251"?>), or "".
[[nodiscard]] std::string declared_xml_charset(std::string_view bytes);

/// `bytes` as UTF-8, and the charset it was read in. In order: a byte-order mark; `hint` (what
/// the HTTP header or the document declares) when ICU knows it and, for a UTF-8 hint, the bytes
/// are UTF-8; the bytes as they are when valid UTF-8; else ICU's charset detector (ucsdet), then
/// windows-1252. Bytes the charset cannot map become U+FFFD. Thread-safe.
struct Utf8Text {
    std::string text;
    std::string charset;  ///< ICU's name of what was converted from ("UTF-8", "windows-1251", ...)
};
[[nodiscard]] Utf8Text to_utf8(std::string_view bytes, std::string_view hint);

}  // namespace xling::indexer
