// The extension module xling._xling, re-exported by the package xling (python/xling/__init__.py).
#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "xling/version.hpp"

PYBIND11_MODULE(_xling, m) {
    m.doc() = "xling's C++ library (libxling) for Python; import the package xling, which re-exports it.";
    m.attr("__version__") = std::string(xling::version());
    xling::python::bind_errors(m);
    xling::python::bind_resources(m);
    xling::python::bind_searcher(m);
    xling::python::bind_indexer(m);
    xling::python::bind_analyzer(m);
}
