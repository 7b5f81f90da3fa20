// Raising the Python exceptions of xling._errors from C++.
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "xling/error.hpp"

namespace xling::python {

/// Sets the Python error `name` (a class of xling._errors) with `message` and returns the
/// exception to throw: `throw raise_error("RequestError", "...")`.
[[nodiscard]] pybind11::error_already_set raise_error(const char* name, const std::string& message);

/// xling.QueryError for a query error in `query`, with its position as a str index and as a byte
/// offset.
[[nodiscard]] pybind11::error_already_set raise_query_error(const QueryError& error, const std::string& query);

}  // namespace xling::python
