// RSS 2.0 and Atom feeds -> one document per item or entry, through libxml2's XML parser.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "xling/source_document.hpp"

namespace xling::indexer {

/// One <item> (RSS) or <entry> (Atom).
struct FeedItem {
    SourceDocument doc;     ///< id = guid/id (else the link), title, url = link, date = pubDate/published/updated,
                            ///< text = content:encoded/content, else description/summary (HTML markup removed),
                            ///< source = the feed's title, lang = the feed's language / xml:lang,
                            ///< author = RSS <author> (an e-mail address's "(Name)" part when it has
                            ///< one), else <dc:creator>; Atom <author><name> (the entry's, else the
                            ///< feed's); several joined by ", "
    std::size_t line = 0;   ///< the line the item starts on
    std::string error;      ///< why it cannot be a document ("item has no guid, id or link"), or ""
};

struct Feed {
    std::vector<FeedItem> items;
    std::string broken;          ///< the first XML error when the file is not well-formed (items before it kept)
    std::size_t broken_line = 0;
};

/// Parses an RSS 2.0 (also RSS 1.0/RDF) or Atom feed. External entities and the network are never
/// used; libxml2's entity-amplification guard applies.
/// @returns the feed, or a one-line reason ("not an RSS or Atom feed (root element <html>)").
[[nodiscard]] std::variant<Feed, std::string> read_feed(std::string_view bytes);

}  // namespace xling::indexer
