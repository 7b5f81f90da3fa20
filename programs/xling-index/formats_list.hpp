// The text of `xling-index --formats`: every input format, its extensions and how it maps to
// document fields (the README's indexing section says the same at length).
#pragma once

#include <string>

namespace xling::cli {

/// One block per format: name, extensions, documents, fields.
[[nodiscard]] std::string formats_text();

}  // namespace xling::cli
