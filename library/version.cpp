#include "xling/version.hpp"

namespace xling {

std::string_view version() noexcept { return XLING_VERSION; }

}  // namespace xling
