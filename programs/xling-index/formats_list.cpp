#include "programs/xling-index/formats_list.hpp"

#include <array>
#include <string_view>

namespace xling::cli {
namespace {

struct Format {
    std::string_view name;
    std::string_view extensions;
    std::string_view documents;
    std::string_view fields;
};

// In the order of the README's table. Every file format may also be compressed as .gz or .zst.
constexpr std::array<Format, 12> kFormats = {{
    {"text", ".txt", "one per file", "id = path; title = first non-empty line; text = the file"},
    {"Markdown", ".md", "one per file",
     "as text; front matter: title, date|published, lang|language, url|link, source|site|publisher, "
     "author|authors|byline"},
    {"HTML", ".html .htm .xhtml", "one per file",
     "text = <article>|<main>|<body> without nav/header/footer/aside/script/style; title = og:title|<title>|<h1>; "
     "date = article:published_time|JSON-LD datePublished|<time datetime>; url = canonical|og:url; "
     "source = og:site_name; author = <meta name=author>|JSON-LD author.name; lang = <html lang>|content-language (CLD2 checks); charset declared or detected (ICU)"},
    {"RSS/Atom feed", ".rss .atom .xml", "one per <item>/<entry>",
     "id = guid|id|link; title; url = link; date = pubDate|dc:date|published|updated; "
     "text = content:encoded|content|description|summary (markup removed); source = feed title; "
     "author = RSS author (its \"(Name)\")|dc:creator, Atom author/name (the entry's, else the feed's); "
     "lang = channel language|xml:lang; charset from the XML declaration or detected (ICU)"},
    {"JSON lines", ".jsonl .ndjson", "one per line", "keys id, text (required), title, lang, date, url, source, author"},
    {"JSON array", ".json", "one per element", "as JSON lines; streamed"},
    {"CSV/TSV", ".csv .tsv .tab", "one per row after the header",
     "columns by --field FIELD=COLUMN, else common names (text|body|content, title|headline, date|published, author|byline, ...); "
     "no id column: url is the id; a first row naming no known column: no header, the file is one "
     "text document (rows as lines)"},
    {"WARC", ".warc .warc.gz", "one per response record with an HTML payload",
     "HTTP header removed, page read as HTML (the header's charset first); id = url = WARC-Target-URI; "
     "date = the page's, else WARC-Date; other records counted in one warning"},
    {"PDF", ".pdf", "one per file",
     "text = every page's text (poppler); title = Title, else the first sentence; date = CreationDate|ModDate"},
    {"archive", ".tar .tar.gz .tgz .tar.zst .tzst .tar.xz .tar.bz2 .zip", "its members, each by its own type",
     "id = ARCHIVE_ID/MEMBER_PATH; notices name ARCHIVE: member PATH; .gz/.zst members undone as they stream"},
    {"compressed", "any of the above + .gz or .zst (not archives)", "as the inner format", "as the inner format"},
    {"standard input", "- (--stdin-format jsonl|ndjson|json|csv|tsv|txt|md|html|pdf|rss|atom|xml|warc)", "as that format",
     "one-document formats: id = <stdin>; warc: gzip told by its first bytes; notices name <stdin>:LINE"},
}};

}  // namespace

std::string formats_text() {
    std::string out;
    for (const auto& f : kFormats) {
        out.append(f.name).append("\n  extensions: ").append(f.extensions).append("\n  documents:  ");
        out.append(f.documents).append("\n  fields:     ").append(f.fields).append("\n");
    }
    return out;
}

}  // namespace xling::cli
