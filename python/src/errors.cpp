// xling's C++ exceptions become the Python classes of xling/_errors.py (defined in Python so that
// they carry docstrings, attributes and pickle support like any Python exception).
#include "errors.hpp"

#include "bindings.hpp"
#include "conversions.hpp"

namespace py = pybind11;

namespace xling::python {
namespace {

py::object error_class(const char* name) { return py::module_::import("xling._errors").attr(name); }

void set_error(const py::object& type, const py::object& instance) { PyErr_SetObject(type.ptr(), instance.ptr()); }

}  // namespace

py::error_already_set raise_error(const char* name, const std::string& message) {
    const py::object type = error_class(name);
    set_error(type, type(message));
    return py::error_already_set();
}

py::error_already_set raise_query_error(const QueryError& error, const std::string& query) {
    const std::size_t position = code_point_offset(query, error.position());
    // The library's message ends "at position <byte offset>"; in Python positions are str indexes,
    // so the message says the same number as QueryError.position.
    std::string message = error.what();
    const std::string byte_suffix = "at position " + std::to_string(error.position());
    if (const auto at = message.rfind(byte_suffix); at != std::string::npos && position != error.position()) {
        message.replace(at, byte_suffix.size(), "at position " + std::to_string(position));
    }
    const py::object type = error_class("QueryError");
    set_error(type, type(message, query, position, error.position()));
    return py::error_already_set();
}

void bind_errors(py::module_& m) {
    (void)m;
    // Most derived first. The translator leaves the Python error set, as pybind11 expects.
    py::register_exception_translator([](std::exception_ptr pointer) {
        if (!pointer) return;
        try {
            std::rethrow_exception(pointer);
        } catch (const IndexLockedError& e) {
            raise_error("IndexLockedError", e.what()).restore();
        } catch (const IndexError& e) {
            raise_error("DatabaseError", e.what()).restore();
        } catch (const QueryError& e) {
            raise_query_error(e, "").restore();
        } catch (const RequestError& e) {
            raise_error("RequestError", e.what()).restore();
        } catch (const InputError& e) {
            raise_error("InputError", e.what()).restore();
        } catch (const ConfigError& e) {
            raise_error("ConfigError", e.what()).restore();
        } catch (const Error& e) {
            raise_error("Error", e.what()).restore();
        }
    });
}

}  // namespace xling::python
