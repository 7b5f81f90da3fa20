#include "conversions.hpp"

#include <charconv>

namespace py = pybind11;

namespace xling::python {
namespace {

bool is_path_like(const py::handle& value) {
    return py::isinstance<py::str>(value) || py::hasattr(value, "__fspath__");
}

int parse_int(std::string_view text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() ? value : -1;
}

}  // namespace

std::filesystem::path to_path(const py::handle& value, const char* what) {
    if (!is_path_like(value)) {
        throw py::type_error(std::string(what) + ": expected a path (str or os.PathLike), got " +
                             py::str(py::type::of(value).attr("__name__")).cast<std::string>());
    }
    return py::module_::import("os").attr("fsdecode")(value).cast<std::string>();
}

std::vector<std::filesystem::path> to_paths(const py::handle& value, const char* what) {
    if (is_path_like(value)) return {to_path(value, what)};
    if (!py::isinstance<py::iterable>(value)) {
        throw py::type_error(std::string(what) + ": expected a path or a list of paths, got " +
                             py::str(py::type::of(value).attr("__name__")).cast<std::string>());
    }
    std::vector<std::filesystem::path> paths;
    for (const py::handle item : value) paths.push_back(to_path(item, what));
    return paths;
}

std::string to_iso_date(const py::handle& value, const char* what) {
    if (value.is_none()) return {};
    if (py::isinstance<py::str>(value)) return value.cast<std::string>();
    const py::object date_type = py::module_::import("datetime").attr("date");
    // datetime.datetime is a datetime.date: its day is what the index stores.
    if (py::isinstance(value, date_type)) return value.attr("strftime")("%Y-%m-%d").cast<std::string>();
    if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) {
        return std::to_string(value.cast<long long>());
    }
    throw py::type_error(std::string(what) + ": expected a date (datetime.date, 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or a year), got " +
                         py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

py::object to_date(const std::string& iso) {
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return py::none();
    const int year = parse_int(std::string_view(iso).substr(0, 4));
    const int month = parse_int(std::string_view(iso).substr(5, 2));
    const int day = parse_int(std::string_view(iso).substr(8, 2));
    if (year < 1 || month < 1 || day < 1) return py::none();
    try {
        return py::module_::import("datetime").attr("date")(year, month, day);
    } catch (const py::error_already_set&) {
        return py::none();  // a stored "2024-02-30": unknown rather than an error while reading results
    }
}

py::object str_or_none(const std::string& text) {
    return text.empty() ? py::object(py::none()) : py::object(py::str(text));
}

std::size_t code_point_offset(std::string_view text, std::size_t byte_offset) noexcept {
    const std::size_t end = byte_offset < text.size() ? byte_offset : text.size();
    std::size_t count = 0;
    for (std::size_t i = 0; i < end; ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++count;  // not a continuation byte
    }
    return count + (byte_offset - end);
}

py::list to_list(const std::vector<std::string>& items) {
    py::list list;
    for (const auto& item : items) list.append(py::str(item));
    return list;
}

}  // namespace xling::python
