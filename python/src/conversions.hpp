// Conversions between Python values and the C++ API's: paths, dates, UTF-8 offsets.
#pragma once

#include <pybind11/pybind11.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace xling::python {

/// One path (str or os.PathLike) or an iterable of them, as paths. `what` names the argument in
/// the TypeError raised for anything else.
[[nodiscard]] std::vector<std::filesystem::path> to_paths(const pybind11::handle& value, const char* what);

/// One path (str or os.PathLike). @throws TypeError naming `what`.
[[nodiscard]] std::filesystem::path to_path(const pybind11::handle& value, const char* what);

/// None -> "", a str as it is, a datetime.date or datetime.datetime -> "YYYY-MM-DD", an int -> a
/// year. @throws TypeError naming `what`.
[[nodiscard]] std::string to_iso_date(const pybind11::handle& value, const char* what);

/// "YYYY-MM-DD" -> datetime.date; "" or anything else -> None.
[[nodiscard]] pybind11::object to_date(const std::string& iso);

/// An empty string -> None, others a str.
[[nodiscard]] pybind11::object str_or_none(const std::string& text);

/// The number of code points in the first `byte_offset` bytes of UTF-8 `text`: the index into the
/// Python str of a byte offset the C++ API reports.
[[nodiscard]] std::size_t code_point_offset(std::string_view text, std::size_t byte_offset) noexcept;

/// A list of Python str.
[[nodiscard]] pybind11::list to_list(const std::vector<std::string>& items);

}  // namespace xling::python
