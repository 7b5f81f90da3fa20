// xling-aliases: builds alias tables (include/xling/alias_table.hpp) from public name lists and
// checks tables. Parses arguments and calls the importer library; exit codes:
//   0 done, 1 an import produced no entity, 2 usage error, missing/unreadable input or malformed table.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "programs/xling-aliases/check.hpp"
#include "programs/xling-aliases/countries.hpp"
#include "programs/xling-aliases/everypolitician.hpp"
#include "programs/xling-aliases/geonames.hpp"
#include "programs/xling-aliases/import_result.hpp"
#include "programs/xling-aliases/languages.hpp"
#include "programs/common/cli.hpp"
#include "programs/common/data_location.hpp"
#include "xling/error.hpp"

namespace {

namespace fs = std::filesystem;
namespace imp = xling::importer;

constexpr const char* kProgram = "xling-aliases: ";

int fail(const std::string& message) {
    std::cerr << kProgram << message << '\n';
    return 2;
}

// Options every import subcommand has.
struct Common {
    std::string languages{imp::kDefaultLanguages};
    std::string output;
};

void add_common(CLI::App& command, Common& common) {
    command.add_option("--languages", common.languages, "Comma-separated ISO 639-1 codes to keep, or 'all'")
        ->capture_default_str();
    command.add_option("-o,--output", common.output, "Write the table here instead of stdout");
}

// Writes through a temporary file renamed into place, so an interrupted run never leaves half a table.
void write_table(const std::string& text, const std::string& output) {
    if (output.empty() || output == "-") {
        std::cout << text << std::flush;
        if (!std::cout) throw xling::InputError("stdout: write error");
        return;
    }
    const fs::path target(output);
    const fs::path temporary = target.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary);
        out << text;
        out.close();
        if (!out) throw xling::InputError(output + ": cannot write");
    }
    std::error_code ec;
    fs::rename(temporary, target, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw xling::InputError(output + ": cannot write (" + ec.message() + ")");
    }
}

// Every input must exist before anything is read: one clear line instead of a partial import.
void require_inputs(const std::vector<fs::path>& paths) {
    for (const auto& path : paths) {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw xling::InputError(path.string() + ": no such file or folder");
    }
}

int finish_import(const imp::ImportResult& result, const Common& common) {
    write_table(result.table.to_text(), common.output);
    std::cerr << imp::format_summary(result) << '\n';
    return result.table.entities().empty() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"xling-aliases: build alias tables for xling from public name lists, and check tables"};
    app.set_version_flag("--version", [] { return xling::cli::version_text("xling-aliases"); });
    app.require_subcommand(1);

    CLI::App* import = app.add_subcommand("import", "Convert a name list to the alias table format (table to stdout or -o, summary to stderr)");
    import->require_subcommand(1);

    Common ep_common;
    imp::EverypoliticianOptions ep_options;
    std::vector<fs::path> ep_files;
    CLI::App* ep = import->add_subcommand("everypolitician",
        "Legislators (EveryPolitician 2016) as person entities, id q<Wikidata number>, note = legislature.\n"
        "FILE: aliases_long.tsv, X.wikidata.csv (labels per language; de_at etc. count as de) or\n"
        "X.names.csv (spellings without language: added under * to the person of legislature X\n"
        "sharing one of them; used only together with the other kinds).");
    add_common(*ep, ep_common);
    ep->add_option("--min-languages", ep_options.min_languages, "Keep people with names in at least N of --languages")
        ->capture_default_str();
    ep->add_option("files", ep_files, "Input files")->required();

    Common geo_common;
    imp::GeonamesOptions geo_options;
    fs::path geo_file;
    CLI::App* geo = import->add_subcommand("geonames",
        "GeoNames cities (cities15000.txt format) as place entities, id geonames.<geonameid>.\n"
        "LIMITATION: GeoNames alternate names have no language, so every name (name, asciiname and the\n"
        "alternate names) goes under * (all languages), even forms that belong to one inflecting\n"
        "language. Only alternate names in Latin or Cyrillic script are kept (only the scripts of\n"
        "--languages), deduplicated, all-capital codes of up to 3 letters dropped, at most\n"
        "--max-alternates per city (capitalised names first, Latin and Cyrillic alternating).");
    add_common(*geo, geo_common);
    geo->add_option("--min-population", geo_options.min_population, "Leave out smaller cities")->capture_default_str();
    geo->add_option("--max-alternates", geo_options.max_alternates, "Alternate names kept per city")->capture_default_str();
    geo->add_option("file", geo_file, "GeoNames dump (tab-separated, 19 columns, no header)")->required();

    Common country_common;
    std::vector<fs::path> country_paths;
    CLI::App* countries = import->add_subcommand("countries",
        "Country names (i18n-iso-countries JSON, one file per language) as place entities, id\n"
        "country.<ISO 3166-1 alpha-2 lowercase>, names under the file's language.");
    add_common(*countries, country_common);
    countries->add_option("paths", country_paths, "Folders (every *.json inside) or JSON files")->required();

    std::vector<fs::path> check_files;
    CLI::App* check = app.add_subcommand("check",
        "Load alias tables in order (later ones extend earlier ones); print entity and name counts and\n"
        "every ambiguous name (\"name: entity1, entity2\"). Exit 0 when valid, 2 when malformed.");
    check->add_option("files", check_files, "Alias table files")->required();

    if (const auto exit = xling::cli::parse(app, argc, argv)) return *exit;

    try {
        if (check->parsed()) {
            require_inputs(check_files);
            std::cout << imp::check_tables(check_files);
            return 0;
        }
        if (ep->parsed()) {
            ep_options.languages = imp::parse_language_list(ep_common.languages);
            require_inputs(ep_files);
            return finish_import(imp::import_everypolitician(ep_files, ep_options), ep_common);
        }
        if (geo->parsed()) {
            geo_options.languages = imp::parse_language_list(geo_common.languages);
            require_inputs({geo_file});
            return finish_import(imp::import_geonames(geo_file, geo_options), geo_common);
        }
        if (countries->parsed()) {
            imp::CountriesOptions options;
            options.languages = imp::parse_language_list(country_common.languages);
            require_inputs(country_paths);
            return finish_import(imp::import_countries(country_paths, options), country_common);
        }
    } catch (const std::invalid_argument& e) {
        return fail(std::string("--languages: ") + e.what());
    } catch (const xling::Error& e) {
        return fail(e.what());
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return 2;
}
