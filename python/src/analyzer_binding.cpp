// xling.Analyzer and xling.Word: the analysis chain word by word (what xling-analyze prints), with
// offsets into the Python str as well as into its UTF-8 bytes.
#include <pybind11/stl.h>

#include <memory>
#include <mutex>

#include "bindings.hpp"
#include "conversions.hpp"
#include "resources_binding.hpp"
#include "xling/text_analyzer.hpp"

namespace py = pybind11;

namespace xling::python {
namespace {

struct Word {
    std::string surface;
    std::string word;
    std::string stem;
    bool stopword = false;
    bool capitalized = false;
    std::vector<std::string> name_keys;
    std::size_t start = 0;  // code points
    std::size_t end = 0;
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
};

// A TextAnalyzer is not thread-safe: calls take turns (without the GIL).
class PythonAnalyzer {
  public:
    explicit PythonAnalyzer(std::shared_ptr<const Resources> resources) : analyzer_(std::move(resources)) {}

    std::vector<Word> analyze(const std::string& text, const std::string& lang) {
        std::vector<AnalyzedWord> analysed;
        {
            py::gil_scoped_release nogil;
            const std::lock_guard<std::mutex> lock(mutex_);
            analysed = analyzer_.analyze(text, lang);
        }
        std::vector<Word> words;
        words.reserve(analysed.size());
        // Offsets only grow, so code points are counted once over the text.
        std::size_t byte = 0;
        std::size_t code_points = 0;
        const auto advance_to = [&](std::size_t target) {
            code_points += code_point_offset(std::string_view(text).substr(byte), target - byte);
            byte = target;
            return code_points;
        };
        for (auto& a : analysed) {
            Word w;
            w.surface = text.substr(a.begin, a.end - a.begin);
            w.start = advance_to(a.begin);
            w.end = advance_to(a.end);
            w.byte_start = a.begin;
            w.byte_end = a.end;
            w.word = std::move(a.word);
            w.stem = std::move(a.stem);
            w.stopword = a.stopword;
            w.capitalized = a.capitalized;
            w.name_keys = std::move(a.name_keys);
            words.push_back(std::move(w));
        }
        return words;
    }

  private:
    std::mutex mutex_;
    TextAnalyzer analyzer_;
};

}  // namespace

void bind_analyzer(py::module_& m) {
    py::class_<Word>(m, "Word", "One analysed word of a text.")
        .def_readonly("surface", &Word::surface, "The word as written: text[start:end].")
        .def_readonly("word", &Word::word, "Normalized form (NFKC_Casefold): the index term.")
        .def_readonly("stem", &Word::stem, "Snowball stem in the analysis language; '' for a stopword.")
        .def_readonly("stopword", &Word::stopword, "A stopword of the analysis language.")
        .def_readonly("capitalized", &Word::capitalized, "First letter upper- or titlecase (a name candidate).")
        .def_readonly("name_keys", &Word::name_keys,
                      "Name keys of a capitalised word that is not a stopword (how Шойгу meets Sojgu); else [].")
        .def_readonly("start", &Word::start, "Index of the word's first character in the text (a str index).")
        .def_readonly("end", &Word::end, "Index one past its last character.")
        .def_readonly("byte_start", &Word::byte_start, "Byte offset of the word in the text's UTF-8 encoding.")
        .def_readonly("byte_end", &Word::byte_end, "Byte offset one past its last byte.")
        .def("to_dict",
             [](const Word& w) {
                 return py::dict(py::arg("surface") = w.surface, py::arg("word") = w.word, py::arg("stem") = w.stem,
                                 py::arg("stopword") = w.stopword, py::arg("capitalized") = w.capitalized,
                                 py::arg("name_keys") = w.name_keys, py::arg("start") = w.start, py::arg("end") = w.end);
             },
             "The word as a dict (xling-analyze's fields and the offsets).")
        .def("__repr__", [](const Word& w) {
            return "<xling.Word " + py::repr(py::str(w.surface)).cast<std::string>() + " stem=" +
                   py::repr(py::str(w.stem)).cast<std::string>() + (w.stopword ? " stopword" : "") + ">";
        });

    py::class_<PythonAnalyzer, std::shared_ptr<PythonAnalyzer>>(m, "Analyzer", R"doc(
xling's analysis chain, as the indexer and the searcher run it: ICU word segmentation,
NFKC_Casefold, stopwords and Snowball stemming in one language, and name keys.

Args:
    data_dir: the data folder (stopwords, name rules); default: see xling.Resources.
    resources: an xling.Resources to share instead of loading one.

Thread-safe (calls take turns; use one Analyzer per thread for parallel analysis).
)doc")
        .def(py::init([](const py::object& data_dir, const py::object& resources) {
                 auto shared = resources.is_none() ? load_resources(data_dir, py::bool_(false), py::bool_(false))
                                                   : resources_argument(resources, data_dir, py::none(), py::none());
                 return std::make_shared<PythonAnalyzer>(std::move(shared));
             }),
             py::kw_only(), py::arg("data_dir") = py::none(), py::arg("resources") = py::none())
        .def("analyze", &PythonAnalyzer::analyze, py::arg("text"), py::arg("lang"), R"doc(
The words of ``text`` analysed as language ``lang`` (a list of xling.Word, in text order).

Args:
    text: any text.
    lang: hu, de, lt, en, ru, or und (no stopwords; the stem is the word).

Raises:
    xling.RequestError: an unknown language code.
)doc");
}

}  // namespace xling::python
