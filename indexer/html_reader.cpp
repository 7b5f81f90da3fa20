#include "indexer/html_reader.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <cctype>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "analysis/text.hpp"
#include "indexer/charset.hpp"
#include "indexer/xml_node.hpp"

namespace xling::indexer {
namespace {

struct DocFree {
    void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Collapses runs of whitespace to one space (newlines between blocks are added by the walk).
void append_text(std::string& out, std::string_view text) {
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        if (space) {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
}

void end_block(std::string& out) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.back() != '\n') out.push_back('\n');
}

bool is_boilerplate(const xmlNode* node) {
    constexpr std::array<std::string_view, 16> kSkipped = {"script", "style",  "noscript", "nav",    "footer", "header",
                                                           "aside",  "form",   "iframe",   "svg",    "template",
                                                           "button", "select", "textarea", "object", "head"};
    const std::string_view name = element_name(node);
    for (const auto skipped : kSkipped) {
        if (name == skipped) return true;
    }
    const std::string role = lower(attribute(node, "role"));
    return role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary";
}

bool is_block(std::string_view name) {
    constexpr std::array<std::string_view, 20> kBlocks = {"p",  "div", "br", "li",         "h1",      "h2",     "h3",
                                                          "h4", "h5",  "h6", "tr",         "section", "article", "main",
                                                          "ul", "ol",  "pre", "blockquote", "figcaption", "table"};
    for (const auto block : kBlocks) {
        if (name == block) return true;
    }
    return false;
}

void collect_text(const xmlNode* node, std::string& out) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (child->content != nullptr) append_text(out, reinterpret_cast<const char*>(child->content));
        } else if (child->type == XML_ELEMENT_NODE && !is_boilerplate(child)) {
            const bool block = is_block(element_name(child));
            if (block) end_block(out);
            collect_text(child, out);
            if (block) end_block(out);
        }
    }
}

std::string text_of(const xmlNode* node) {
    std::string out;
    collect_text(node, out);
    return std::string(analysis::trim(out));
}

// The first element named `name` under `node` (depth first), outside boilerplate when asked.
const xmlNode* find_element(const xmlNode* node, std::string_view name, bool skip_boilerplate) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (element_name(child) == name) return child;
        if (skip_boilerplate && is_boilerplate(child) && element_name(child) != "head") continue;
        if (const xmlNode* found = find_element(child, name, skip_boilerplate)) return found;
    }
    return nullptr;
}

// The first non-empty `read(object)` of a JSON-LD object, of one in its @graph, or of one in a
// top-level array (the shapes pages nest their Article in).
template <typename Read>
std::string json_ld_first(const nlohmann::json& value, const Read& read) {
    if (value.is_array()) {
        for (const auto& item : value) {
            if (auto found = json_ld_first(item, read); !found.empty()) return found;
        }
    } else if (value.is_object()) {
        if (auto found = read(value); !found.empty()) return found;
        if (const auto it = value.find("@graph"); it != value.end()) return json_ld_first(*it, read);
    }
    return {};
}

// datePublished of a JSON-LD object, or of one in its @graph or a top-level array.
std::string json_ld_date(const nlohmann::json& value) {
    return json_ld_first(value, [](const nlohmann::json& object) {
        const auto it = object.find("datePublished");
        return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
    });
}

// The names of a JSON-LD author value: "Jo Smith", {"@type": "Person", "name": "Jo Smith"}, or
// an array of either, joined by ", ".
std::string json_ld_names(const nlohmann::json& value) {
    if (value.is_string()) return std::string(analysis::trim(value.get<std::string>()));
    if (value.is_object()) {
        const auto it = value.find("name");
        return it != value.end() && it->is_string() ? std::string(analysis::trim(it->get<std::string>())) : std::string();
    }
    std::string out;
    if (value.is_array()) {
        for (const auto& item : value) {
            if (item.is_array()) continue;  // names are one level deep
            const std::string name = json_ld_names(item);
            if (!name.empty()) out.append(out.empty() ? "" : ", ").append(name);
        }
    }
    return out;
}

// The author names of a JSON-LD object, or of one in its @graph or a top-level array.
std::string json_ld_author(const nlohmann::json& value) {
    return json_ld_first(value, [](const nlohmann::json& object) {
        const auto it = object.find("author");
        return it != object.end() ? json_ld_names(*it) : std::string();
    });
}

// What <head> (and JSON-LD scripts, <time> anywhere) declare.
struct Declared {
    std::string og_title, title, date, json_ld_date, time_date, canonical, og_url, site, content_language;
    std::string author, json_ld_author;
};

void scan(const xmlNode* node, Declared& d) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        const std::string_view name = element_name(child);
        if (name == "meta") {
            const std::string key = lower(attribute(child, "property").empty() ? attribute(child, "name")
                                                                                : attribute(child, "property"));
            const std::string content = std::string(analysis::trim(attribute(child, "content")));
            if (key == "og:title" && d.og_title.empty()) d.og_title = content;
            if ((key == "article:published_time" || key == "date" || key == "dc.date") && d.date.empty()) d.date = content;
            if (key == "og:url" && d.og_url.empty()) d.og_url = content;
            if (key == "og:site_name" && d.site.empty()) d.site = content;
            if (key == "author" && !content.empty()) d.author.append(d.author.empty() ? "" : ", ").append(content);
            if (lower(attribute(child, "http-equiv")) == "content-language" && d.content_language.empty()) {
                d.content_language = content;
            }
        } else if (name == "title" && d.title.empty()) {
            d.title = text_of(child);
        } else if (name == "link" && lower(attribute(child, "rel")) == "canonical" && d.canonical.empty()) {
            d.canonical = attribute(child, "href");
        } else if (name == "time" && d.time_date.empty()) {
            d.time_date = attribute(child, "datetime");
        } else if (name == "script" && lower(attribute(child, "type")) == "application/ld+json") {
            if ((d.json_ld_date.empty() || d.json_ld_author.empty()) && child->children != nullptr) {
                xmlChar* content = xmlNodeGetContent(child);
                if (content != nullptr) {
                    const auto json = nlohmann::json::parse(reinterpret_cast<const char*>(content), nullptr, false);
                    xmlFree(content);
                    if (!json.is_discarded() && d.json_ld_date.empty()) d.json_ld_date = json_ld_date(json);
                    if (!json.is_discarded() && d.json_ld_author.empty()) d.json_ld_author = json_ld_author(json);
                }
            }
            continue;
        }
        scan(child, d);
    }
}

// "en-GB" -> "en"; "de, en" -> "de".
std::string primary_language(std::string tag) {
    const auto end = tag.find_first_of("-_,; ");
    if (end != std::string::npos) tag.resize(end);
    return lower(std::string(analysis::trim(tag)));
}

std::string first_non_empty(std::initializer_list<const std::string*> values) {
    for (const std::string* v : values) {
        if (!v->empty()) return *v;
    }
    return {};
}

}  // namespace

std::variant<HtmlPage, std::string> read_html(std::string_view bytes, std::string_view charset) {
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return std::string("page too large for the HTML parser");
    // ICU converts (indexer/charset.hpp): it knows every charset pages declare, and detects one
    // where none is declared; libxml2 then reads UTF-8 and ignores the page's own declaration.
    const Utf8Text utf8 = to_utf8(bytes, charset.empty() ? declared_html_charset(bytes) : std::string(charset));
    constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                             HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
    // libxml2 keeps no global state per document with these options; the context is per call.
    DocPtr doc(htmlReadMemory(utf8.text.data(), static_cast<int>(utf8.text.size()), nullptr, "UTF-8", kOptions));
    if (!doc) return std::string("not an HTML page (the parser found no document)");
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr) return std::string("not an HTML page (the parser found no document)");
    Declared declared;
    scan(root, declared);
    HtmlPage page;
    const xmlNode* main = find_element(root, "article", true);
    if (main == nullptr) main = find_element(root, "main", true);
    if (main == nullptr) main = find_element(root, "body", false);
    if (main != nullptr) page.text = text_of(main);
    if (page.text.empty()) return std::string("no text in the page");
    std::string h1;
    if (const xmlNode* heading = find_element(root, "h1", true)) h1 = text_of(heading);
    page.title = first_non_empty({&declared.og_title, &declared.title, &h1});
    page.lang = primary_language(attribute(root, "lang").empty() ? declared.content_language : attribute(root, "lang"));
    page.date = first_non_empty({&declared.date, &declared.json_ld_date, &declared.time_date});
    page.url = first_non_empty({&declared.canonical, &declared.og_url});
    page.source = declared.site;
    page.author = first_non_empty({&declared.author, &declared.json_ld_author});
    return page;
}

}  // namespace xling::indexer
