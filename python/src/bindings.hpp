// The parts of the xling Python module (xling._xling), each binding one concept of the public
// C++ API. Only include/xling/ is used: the module is a client of libxling like the programs.
#pragma once

#include <pybind11/pybind11.h>

namespace xling::python {

void bind_errors(pybind11::module_& m);
void bind_resources(pybind11::module_& m);
void bind_searcher(pybind11::module_& m);
void bind_indexer(pybind11::module_& m);
void bind_analyzer(pybind11::module_& m);

}  // namespace xling::python
