// Loading a Resources bundle from the Python arguments every class takes.
#pragma once

#include <pybind11/pybind11.h>

#include <memory>

#include "xling/resources.hpp"

namespace xling::python {

/// Resources::load() of the data folder xling._data_location finds for `data_dir` (None: the
/// default), with `aliases` (None: default table, False: none, path(s): those) and `dict` (None:
/// default, False: none, path: that table). The GIL is released while loading.
/// @throws ConfigError, TypeError.
[[nodiscard]] std::shared_ptr<const Resources> load_resources(const pybind11::object& data_dir,
                                                              const pybind11::object& aliases,
                                                              const pybind11::object& dict);

/// `resources` when given (then the other arguments must be None), else load_resources().
[[nodiscard]] std::shared_ptr<const Resources> resources_argument(const pybind11::object& resources,
                                                                  const pybind11::object& data_dir,
                                                                  const pybind11::object& aliases,
                                                                  const pybind11::object& dict);

}  // namespace xling::python
