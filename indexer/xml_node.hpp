// Reading libxml2 nodes as std::string: what the HTML and feed readers share.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace xling::indexer {

/// The node's element name ("" for none).
[[nodiscard]] std::string_view element_name(const xmlNode* node);

/// The value of attribute `name`, "" when absent.
[[nodiscard]] std::string attribute(const xmlNode* node, const char* name);

}  // namespace xling::indexer
