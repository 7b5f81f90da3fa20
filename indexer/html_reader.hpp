// One HTML page -> the fields of a document: main text without boilerplate, title, language,
// date, canonical URL and site name, through libxml2's error-tolerant HTML parser.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace xling::indexer {

/// What a page says about itself.
struct HtmlPage {
    std::string title;   ///< og:title, else <title>, else the first <h1>
    std::string text;    ///< the main text (<article>, else <main>, else <body>), UTF-8, paragraphs on lines
    std::string lang;    ///< <html lang> or content-language, primary subtag ("en-GB" -> "en")
    std::string date;    ///< article:published_time, JSON-LD datePublished or the first <time datetime>, as written
    std::string url;     ///< <link rel=canonical>, else og:url
    std::string source;  ///< og:site_name
    std::string author;  ///< <meta name="author"> (several joined by ", "), else JSON-LD author (name or names)
};

/// Parses `bytes` as HTML. The character set is `charset` when given (an HTTP header's), else
/// the one the page declares (<meta charset>, http-equiv Content-Type), else UTF-8 when the bytes
/// are, else ICU's detection (indexer/charset.hpp); the text comes out as UTF-8. Navigation, headers, footers, asides, forms, scripts and styles (and elements with
/// role=navigation/banner/contentinfo) are left out of the text.
/// @returns the page, or a one-line reason when it holds no text ("no text in the page").
[[nodiscard]] std::variant<HtmlPage, std::string> read_html(std::string_view bytes, std::string_view charset = {});

}  // namespace xling::indexer
