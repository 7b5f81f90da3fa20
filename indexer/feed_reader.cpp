#include "indexer/feed_reader.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "analysis/text.hpp"
#include "indexer/charset.hpp"
#include "indexer/xml_node.hpp"
#include "indexer/html_reader.hpp"

namespace xling::indexer {
namespace {

struct DocFree {
    void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
struct CtxtFree {
    void operator()(xmlParserCtxt* ctxt) const noexcept { xmlFreeParserCtxt(ctxt); }
};

std::string content_of(const xmlNode* node) {
    xmlChar* value = xmlNodeGetContent(node);
    if (value == nullptr) return {};
    std::string out(analysis::trim(reinterpret_cast<const char*>(value)));
    xmlFree(value);
    return out;
}

// True for an element named `name` (local name; "content:encoded" has local name "encoded" in
// its namespace, so the prefix is compared too where given).
bool is_element(const xmlNode* c, std::string_view name, std::string_view prefix) {
    if (c->type != XML_ELEMENT_NODE || element_name(c) != name) return false;
    const std::string_view ns =
        c->ns != nullptr && c->ns->prefix != nullptr ? reinterpret_cast<const char*>(c->ns->prefix) : std::string_view();
    return prefix.empty() || ns == prefix;
}

// The first element child named `name`.
const xmlNode* child(const xmlNode* node, std::string_view name, std::string_view prefix = {}) {
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (is_element(c, name, prefix)) return c;
    }
    return nullptr;
}

std::string child_text(const xmlNode* node, std::string_view name, std::string_view prefix = {}) {
    const xmlNode* c = child(node, name, prefix);
    return c == nullptr ? std::string() : content_of(c);
}

// Feed text is often HTML ("<p>..</p>" escaped in description): its text, else as written.
std::string plain_text(const std::string& text) {
    if (text.find('<') == std::string::npos && text.find('&') == std::string::npos) return text;
    auto page = read_html("<html><body>" + text + "</body></html>");
    if (auto* p = std::get_if<HtmlPage>(&page)) return p->text;
    return text;
}

std::string first_of(std::initializer_list<std::string> values) {
    for (const auto& v : values) {
        if (!v.empty()) return v;
    }
    return {};
}

void finish(FeedItem& item) {
    item.doc.text = plain_text(item.doc.text);
    if (item.doc.id.empty()) item.doc.id = item.doc.url;
    if (item.doc.id.empty()) item.error = "item has no guid, id or link";
    else if (item.doc.text.empty()) item.error = "item has no description or content";
}

// The texts of `node`'s children named `name` (with `prefix` when given), each made by `text_of`,
// non-empty ones joined by ", " (an article with two authors has two elements).
template <typename TextOf>
std::string joined_children(const xmlNode* node, std::string_view name, std::string_view prefix, TextOf text_of) {
    std::string out;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (!is_element(c, name, prefix)) continue;
        const std::string text = text_of(c);
        if (!text.empty()) out.append(out.empty() ? "" : ", ").append(text);
    }
    return out;
}

// RSS 2.0 <author> is an e-mail address, "jo@example.org (Jo Smith)": the name when given.
std::string rss_author_name(const xmlNode* author) {
    std::string text = content_of(author);
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open + 1) {
        text = std::string(analysis::trim(std::string_view(text).substr(open + 1, close - open - 1)));
    }
    return text;
}

std::string rss_author(const xmlNode* item) {
    return first_of({joined_children(item, "author", {}, rss_author_name),
                     joined_children(item, "creator", "dc", content_of)});
}

// The <name>s of an Atom element's <author>s, "" when it has none.
std::string atom_author(const xmlNode* node) {
    return joined_children(node, "author", {}, [](const xmlNode* author) { return child_text(author, "name"); });
}

FeedItem rss_item(const xmlNode* node, const std::string& source, const std::string& lang) {
    FeedItem item;
    item.line = static_cast<std::size_t>(xmlGetLineNo(node));
    item.doc.title = plain_text(child_text(node, "title"));
    item.doc.url = child_text(node, "link");
    item.doc.id = child_text(node, "guid");
    item.doc.date = first_of({child_text(node, "pubDate"), child_text(node, "date", "dc")});
    item.doc.text = first_of({child_text(node, "encoded", "content"), child_text(node, "description")});
    item.doc.author = rss_author(node);
    item.doc.source = source;
    item.doc.lang = lang;
    finish(item);
    return item;
}

std::string atom_link(const xmlNode* entry) {
    for (const xmlNode* c = entry->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || element_name(c) != "link") continue;
        const std::string rel = attribute(c, "rel");
        if (rel.empty() || rel == "alternate") return attribute(c, "href");
    }
    return {};
}

FeedItem atom_entry(const xmlNode* node, const std::string& source, const std::string& lang,
                    const std::string& feed_author) {
    FeedItem item;
    item.line = static_cast<std::size_t>(xmlGetLineNo(node));
    item.doc.title = plain_text(child_text(node, "title"));
    item.doc.url = atom_link(node);
    item.doc.id = child_text(node, "id");
    item.doc.date = first_of({child_text(node, "published"), child_text(node, "updated")});
    item.doc.text = first_of({child_text(node, "content"), child_text(node, "summary")});
    item.doc.author = first_of({atom_author(node), feed_author});
    item.doc.source = source;
    xmlChar* entry_lang = xmlNodeGetLang(node);
    item.doc.lang = entry_lang != nullptr ? reinterpret_cast<const char*>(entry_lang) : lang;
    if (entry_lang != nullptr) xmlFree(entry_lang);
    finish(item);
    return item;
}

// "en-us" -> "en".
std::string primary(std::string tag) {
    const auto end = tag.find_first_of("-_");
    if (end != std::string::npos) tag.resize(end);
    return tag;
}

}  // namespace

std::variant<Feed, std::string> read_feed(std::string_view bytes) {
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return std::string("feed too large for the XML parser");
    std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
    if (!ctxt) return std::string("out of memory");
    // ICU converts what the XML declaration names (or what it detects): libxml2 then reads UTF-8.
    const Utf8Text utf8 = to_utf8(bytes, declared_xml_charset(bytes));
    // No XML_PARSE_NOENT (no entity substitution from external DTDs) and no network.
    constexpr int kOptions =
        XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC;
    std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(ctxt.get(), utf8.text.data(),
                                                           static_cast<int>(utf8.text.size()), nullptr, "UTF-8", kOptions));
    Feed feed;
    if (ctxt->wellFormed == 0) {
        const xmlError& e = ctxt->lastError;
        feed.broken = "broken XML: " + std::string(analysis::trim(e.message != nullptr ? e.message : "parse error"));
        feed.broken_line = static_cast<std::size_t>(e.line);
    }
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (root == nullptr) return feed.broken.empty() ? std::string("not an RSS or Atom feed (no root element)") : feed.broken;
    const std::string_view root_name = element_name(root);
    if (root_name == "rss" || root_name == "RDF") {
        const xmlNode* channel = child(root, "channel");
        if (channel == nullptr) return std::string("RSS without a <channel>");
        const std::string source = child_text(channel, "title");
        const std::string lang = primary(child_text(channel, "language"));
        // RSS 2.0 items are in the channel, RSS 1.0 (RDF) items beside it.
        for (const xmlNode* parent : {channel, root}) {
            for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
                if (c->type == XML_ELEMENT_NODE && element_name(c) == "item") feed.items.push_back(rss_item(c, source, lang));
            }
        }
    } else if (root_name == "feed") {
        const std::string source = child_text(root, "title");
        xmlChar* feed_lang = xmlNodeGetLang(root);
        const std::string lang = feed_lang != nullptr ? reinterpret_cast<const char*>(feed_lang) : "";
        if (feed_lang != nullptr) xmlFree(feed_lang);
        for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && element_name(c) == "entry") {
                feed.items.push_back(atom_entry(c, source, primary(lang), atom_author(root)));
            }
        }
    } else {
        return "not an RSS or Atom feed (root element <" + std::string(root_name) + ">)";
    }
    return feed;
}

}  // namespace xling::indexer
