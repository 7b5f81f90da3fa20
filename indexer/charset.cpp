#include "indexer/charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>

#include "xling/schema.hpp"
#include "analysis/utf8.hpp"

namespace xling::indexer {
namespace {

// The token after a name ("charset") that ends at `at` in `text`: '=', quotes and spaces skipped.
std::string value_after(const std::string& text, std::size_t at) {
    std::size_t pos = at;
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '=' || text[pos] == '"' || text[pos] == '\'')) ++pos;
    std::size_t end = pos;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) != 0 || text[end] == '-' ||
                                 text[end] == '_' || text[end] == '.' || text[end] == ':')) {
        ++end;
    }
    return text.substr(pos, end - pos);
}

bool known_to_icu(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* converter = ucnv_open(name.c_str(), &status);
    if (converter != nullptr) ucnv_close(converter);
    return converter != nullptr && U_SUCCESS(status);
}

bool is_utf8_name(const std::string& name) {
    const std::string n = xling::schema::ascii_lower(name);
    return n == "utf-8" || n == "utf8";
}

std::string convert(std::string_view bytes, const std::string& charset) {
    const icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
    std::string out;
    text.toUTF8String(out);
    return out;
}

struct DetectorClose {
    void operator()(UCharsetDetector* d) const noexcept { ucsdet_close(d); }
};

// ICU's best guess, or "" when it has none. It looks at the first 8 KiB (enough for its
// statistics; more only costs time).
std::string detect(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorClose> detector(ucsdet_open(&status));
    if (U_FAILURE(status)) return {};
    const auto size = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 8192));
    ucsdet_setText(detector.get(), bytes.data(), size, &status);
    // Markup would be read as text: the detector is told to skip it.
    ucsdet_enableInputFilter(detector.get(), true);
    const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
    if (U_FAILURE(status) || match == nullptr) return {};
    const char* name = ucsdet_getName(match, &status);
    return U_SUCCESS(status) && name != nullptr ? name : "";
}

}  // namespace

std::string declared_html_charset(std::string_view bytes) {
    // As the HTML standard's prescan: the declaration must come in the first 1024 bytes.
    const std::string head = xling::schema::ascii_lower(bytes.substr(0, 1024));
    for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
        const auto end = head.find('>', at);
        const std::string tag = head.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (const auto cs = tag.find("charset"); cs != std::string::npos) {
            std::string value = value_after(tag, cs + 7);
            if (!value.empty()) return value;
        }
    }
    return {};
}

std::string declared_xml_charset(std::string_view bytes) {
    if (bytes.rfind("<?xml", 0) != 0) return {};
    const auto end = bytes.find("?>");
    const std::string decl = xling::schema::ascii_lower(bytes.substr(0, end));
    const auto at = decl.find("encoding");
    return at == std::string::npos ? std::string() : value_after(decl, at + 8);
}

Utf8Text to_utf8(std::string_view bytes, std::string_view hint) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) return {std::string(bytes.substr(3)), "UTF-8"};
    if (bytes.rfind("\xFF\xFE", 0) == 0) return {convert(bytes.substr(2), "UTF-16LE"), "UTF-16LE"};
    if (bytes.rfind("\xFE\xFF", 0) == 0) return {convert(bytes.substr(2), "UTF-16BE"), "UTF-16BE"};
    const bool valid_utf8 = !analysis::find_invalid_utf8(bytes).has_value();
    std::string declared(hint);
    // A UTF-16 declaration in bytes without a byte-order mark is a copied template (as browsers decide).
    if (xling::schema::ascii_lower(declared).rfind("utf-16", 0) == 0) declared.clear();
    if (!declared.empty() && !is_utf8_name(declared) && known_to_icu(declared)) return {convert(bytes, declared), declared};
    if (valid_utf8) return {std::string(bytes), "UTF-8"};
    std::string detected = detect(bytes);
    if (detected.empty() || is_utf8_name(detected)) detected = "windows-1252";
    return {convert(bytes, detected), detected};
}

}  // namespace xling::indexer
