#include "programs/xling-aliases/countries.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "programs/xling-aliases/entity_set.hpp"
#include "programs/xling-aliases/input.hpp"
#include "xling/error.hpp"

namespace xling::importer {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<fs::path> json_files(const std::vector<fs::path>& paths) {
    std::vector<fs::path> out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw InputError(path.string() + ": no such file or folder");
        if (!fs::is_directory(path, ec)) {
            out.push_back(path);
            continue;
        }
        std::vector<fs::path> found;
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            if (entry.path().extension() == ".json" && !entry.is_directory()) found.push_back(entry.path());
        }
        if (ec) throw InputError(path.string() + ": cannot list (" + ec.message() + ")");
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

// 1-based line of byte `offset` in `text`, for "file:line" messages about a JSON syntax error.
std::size_t line_of(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

bool is_country_code(const std::string& code) {
    return code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string lowercase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return s;
}

// The names of one entry: the string, or the strings of the list; empty when the value is neither.
std::vector<std::string> names_of(const json& value) {
    std::vector<std::string> out;
    if (value.is_string()) out.push_back(value.get<std::string>());
    if (value.is_array() && !value.empty() && std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); })) {
        for (const json& v : value) out.push_back(v.get<std::string>());
    }
    return out;
}

void read_file(const fs::path& path, const CountriesOptions& options, EntitySet& set, ImportReport& report,
               std::vector<std::string>& ignored_languages) {
    const std::string text = read_input(path);
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        ++report.rows_read;
        // e.what() is "[json.exception.parse_error.101] parse error at line 3, column 5: ..."; keep the message part.
        const std::string message = e.what();
        const auto colon = message.find(": ");
        report.skip_row(path.string() + ":" + std::to_string(line_of(text, e.byte > 0 ? e.byte - 1 : 0)),
                        "invalid JSON (" + (colon == std::string::npos ? message : message.substr(colon + 2)) + ")");
        return;
    }
    if (!doc.is_object() || !doc.contains("countries") || !doc["countries"].is_object()) {
        ++report.rows_read;
        report.skip_row(path.string(), "expected an object with a \"countries\" object");
        return;
    }
    const bool has_locale = doc.contains("locale") && doc["locale"].is_string();
    const std::string lang = primary_language(has_locale ? doc["locale"].get<std::string>() : path.stem().string());
    if (!is_language_code(lang)) {
        ++report.rows_read;
        report.skip_row(path.string(), "'" + lang + "' (from " + (has_locale ? "\"locale\"" : "the file name") + ") is not a language code");
        return;
    }
    if (!wants_language(options.languages, lang)) {
        ignored_languages.push_back(lang);
        return;
    }
    for (const auto& [code, value] : doc["countries"].items()) {
        ++report.rows_read;
        const std::string where = path.string() + ":/countries/" + code;
        if (!is_country_code(code)) {
            report.skip_row(where, "not an ISO 3166-1 alpha-2 code");
            continue;
        }
        const std::vector<std::string> names = names_of(value);
        if (names.empty()) {
            report.skip_row(where, "expected a name or a non-empty list of names");
            continue;
        }
        const std::size_t country = set.entity("country." + lowercase(code), EntityType::Place);
        set.add_note(country, "ISO 3166-1 " + code);
        for (const std::string& name : names) set.add_name(country, lang, name);
    }
}

}  // namespace

ImportResult import_countries(const std::vector<fs::path>& paths, const CountriesOptions& options) {
    const std::vector<fs::path> files = json_files(paths);
    ImportResult result;
    EntitySet set(result.report);
    std::vector<std::string> ignored;
    for (const auto& file : files) read_file(file, options, set, result.report, ignored);
    if (!ignored.empty()) {
        std::string list;
        for (const auto& lang : ignored) list += (list.empty() ? "" : ",") + lang;
        result.report.note("ignored languages (not in --languages): " + list);
    }
    result.table = set.build();
    return result;
}

}  // namespace xling::importer
