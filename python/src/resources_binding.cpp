// xling.Resources: the shared data bundle (stopwords, name rules, alias tables, translation table),
// loaded from the folder xling/_data_location.py finds.
#include "resources_binding.hpp"

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "conversions.hpp"

namespace py = pybind11;

namespace xling::python {

std::shared_ptr<const Resources> load_resources(const py::object& data_dir, const py::object& aliases,
                                                const py::object& dict) {
    const py::module_ location = py::module_::import("xling._data_location");
    const std::filesystem::path folder = location.attr("data_dir")(data_dir).cast<std::string>();
    ResourceOptions options;
    if (py::isinstance<py::bool_>(aliases)) {
        if (aliases.cast<bool>()) {
            throw py::type_error("aliases: expected None, False, a path or a list of paths, got True");
        }
        options.default_aliases = false;
    } else if (!aliases.is_none()) {
        options.alias_files = to_paths(aliases, "aliases");
        options.default_aliases = false;
    }
    const auto [path, use_default] = location.attr("dict_choice")(dict).cast<std::pair<std::optional<std::string>, bool>>();
    if (path) options.dict = *path;
    options.default_dict = use_default;
    py::gil_scoped_release nogil;  // mapping the table and parsing alias tables
    return Resources::load(folder, options);
}

std::shared_ptr<const Resources> resources_argument(const py::object& resources, const py::object& data_dir,
                                                    const py::object& aliases, const py::object& dict) {
    if (resources.is_none()) return load_resources(data_dir, aliases, dict);
    if (!data_dir.is_none() || !aliases.is_none() || !dict.is_none()) {
        throw py::type_error("give either resources= or data_dir=/aliases=/dict=, not both");
    }
    if (!py::isinstance<Resources>(resources)) {
        throw py::type_error("resources: expected an xling.Resources, got " +
                             py::str(py::type::of(resources).attr("__name__")).cast<std::string>());
    }
    return resources.cast<std::shared_ptr<Resources>>();
}

void bind_resources(py::module_& m) {
    py::class_<Resources, std::shared_ptr<Resources>>(m, "Resources", R"doc(
The data analysis and search need, loaded once: stopword lists and name rules of every language,
the entity alias tables and the translation table.

Immutable, so one Resources can be shared by any number of Searchers, Indexers and Analyzers on
any number of threads (each of those otherwise loads its own).

Args:
    data_dir: the data folder (stopwords/, namerules/, aliases/, translation/). Default: as
        xling._data_location finds it ($XLING_DATA_DIR, the installed share/xling, the build
        tree's data folder).
    aliases: None for the data folder's aliases/default.aliases, False for no alias table, or a
        path or list of paths of alias tables to load instead (later ones extend earlier ones).
    dict: None for the default translation table ($XLING_DICT, else the data folder's
        translation/xling.table when it exists), False for none, or the path of a table built by
        ``xling-dict build``.

Raises:
    xling.ConfigError: a data file is missing or malformed, or no data folder was found.
)doc")
        .def(py::init([](const py::object& data_dir, const py::object& aliases, const py::object& dict) {
                 // Resources is only ever shared as const; the holder type is not const for pybind11.
                 return std::const_pointer_cast<Resources>(load_resources(data_dir, aliases, dict));
             }),
             py::kw_only(), py::arg("data_dir") = py::none(), py::arg("aliases") = py::none(),
             py::arg("dict") = py::none())
        .def_property_readonly(
            "data_dir", [](const Resources& r) { return r.data_dir().string(); }, "The data folder it was loaded from.")
        .def_property_readonly(
            "dict", [](const Resources& r) { return str_or_none(r.translation_path().string()); },
            "The translation table file in use, or None when there is none.")
        .def_property_readonly(
            "translation_note", [](const Resources& r) { return r.translation_note(); },
            "Why there is no translation table ('' when there is one).")
        .def_property_readonly(
            "entities", [](const Resources& r) { return r.aliases().entities().size(); },
            "Number of entities in the loaded alias tables.")
        .def("__repr__", [](const Resources& r) {
            return "xling.Resources(data_dir=" + py::repr(py::str(r.data_dir().string())).cast<std::string>() +
                   ", entities=" + std::to_string(r.aliases().entities().size()) + ", dict=" +
                   py::repr(str_or_none(r.translation_path().string())).cast<std::string>() + ")";
        });
}

}  // namespace xling::python
