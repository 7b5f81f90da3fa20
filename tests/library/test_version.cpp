#include <doctest/doctest.h>

#include <string>

#include "xling/version.hpp"

TEST_CASE("the library's version is the headers' version, MAJOR.MINOR.PATCH") {
    CHECK(xling::version() == XLING_VERSION);
    CHECK(std::string(XLING_VERSION) ==
          std::to_string(XLING_VERSION_MAJOR) + "." + std::to_string(XLING_VERSION_MINOR) + "." +
              std::to_string(XLING_VERSION_PATCH));
}
