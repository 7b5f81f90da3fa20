#include "programs/xling-aliases/everypolitician.hpp"

#include <algorithm>
#include <map>

#include "analysis/text.hpp"
#include "programs/xling-aliases/csv.hpp"
#include "programs/xling-aliases/entity_set.hpp"
#include "programs/xling-aliases/input.hpp"
#include "programs/xling-aliases/script.hpp"
#include "xling/error.hpp"

namespace xling::importer {
namespace {

namespace fs = std::filesystem;

enum class FileKind { LongTsv, WikidataCsv, NamesCsv };

// One input file with its header already read, so rows can be processed in any order of files.
struct OpenFile {
    fs::path path;
    FileKind kind;
    std::vector<std::string> header;
    std::string legislature;  ///< from the file name for the CSV kinds; a column of the TSV
};

// "Germany_Bundestag.wikidata.csv" -> "Germany_Bundestag": the exports name files after the body.
std::string legislature_of(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.substr(0, name.find('.'));
}

std::ptrdiff_t column(const std::vector<std::string>& header, std::string_view name) {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : it - header.begin();
}

OpenFile identify(const fs::path& path) {
    std::ifstream in = open_input(path);
    std::string first;
    std::getline(in, first);
    if (first.rfind("\xEF\xBB\xBF", 0) == 0) first.erase(0, 3);
    if (!first.empty() && first.back() == '\r') first.pop_back();
    const bool tab = first.find('\t') != std::string::npos;
    std::vector<std::string> header = (tab ? split_tsv_line(first) : split_csv_record(first)).fields;
    const auto has = [&](std::string_view name) { return column(header, name) >= 0; };
    const bool label_columns = std::any_of(header.begin(), header.end(), [](const std::string& c) { return c.rfind("name__", 0) == 0; });
    if (tab && has("wikidata_qid") && has("lang") && has("name")) return {path, FileKind::LongTsv, header, ""};
    if (!tab && has("id") && label_columns) return {path, FileKind::WikidataCsv, header, legislature_of(path)};
    if (!tab && has("id") && has("name")) return {path, FileKind::NamesCsv, header, legislature_of(path)};
    throw InputError(path.string() +
                     ": not an EveryPolitician export (expected the header of aliases_long.tsv: wikidata_qid, "
                     "source_legislature, lang, name; of X.wikidata.csv: id, name__<lang>...; or of X.names.csv: name, id)");
}

// Checks one data record and hands it to `row(where, fields)` when it has the header's number of
// fields and valid UTF-8; reports it as skipped otherwise.
template <typename Row>
void check_row(const OpenFile& file, const CsvRecord& record, ImportReport& report, Row& row) {
    const std::vector<std::string>& fields = record.fields.fields;
    if (fields.size() == 1 && fields[0].empty()) return;  // a blank line
    ++report.rows_read;
    const std::string where = file.path.string() + ":" + std::to_string(record.line);
    if (!record.fields.ok()) {
        report.skip_row(where, record.fields.error);
    } else if (fields.size() != file.header.size()) {
        report.skip_row(where, "expected " + std::to_string(file.header.size()) + " fields as in the header, found " +
                                   std::to_string(fields.size()));
    } else if (const long bad = first_invalid_utf8(fields); bad >= 0) {
        report.skip_row(where, "invalid UTF-8 at byte " + std::to_string(bad));
    } else {
        row(where, fields);
    }
}

// Calls `row(where, fields)` for each well-formed data record of `file` (header skipped).
template <typename Row>
void for_each_row(const OpenFile& file, ImportReport& report, Row row) {
    std::ifstream in = open_input(file.path);
    CsvRecord record;
    if (file.kind == FileKind::LongTsv) {
        // The TSV export never quotes (names hold no tabs), so quotes in it are ordinary characters.
        std::string line;
        std::getline(in, line);
        for (std::size_t number = 2; std::getline(in, line); ++number) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            record.line = number;
            record.fields = split_tsv_line(line);
            check_row(file, record, report, row);
        }
        return;
    }
    CsvReader reader(in);
    reader.next(record);  // the header, read by identify()
    while (reader.next(record)) check_row(file, record, report, row);
}

}  // namespace

std::vector<std::string> natural_order_forms(std::string_view label) {
    const auto comma = label.find(',');
    if (comma == std::string_view::npos || label.find(',', comma + 1) != std::string_view::npos) return {};
    if (name_script(label) != Script::Cyrillic) return {};
    const std::string_view family = analysis::trim(label.substr(0, comma), " ");
    const std::string_view given = analysis::trim(label.substr(comma + 1), " ");
    if (family.empty() || given.empty()) return {};
    std::vector<std::string> out{std::string(given) + " " + std::string(family)};
    const auto space = given.find(' ');
    if (space != std::string_view::npos) out.push_back(std::string(given.substr(0, space)) + " " + std::string(family));
    return out;
}

std::string entity_id_from_qid(std::string_view qid) {
    if (qid.size() < 2 || (qid[0] != 'Q' && qid[0] != 'q') ||
        !std::all_of(qid.begin() + 1, qid.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return {};
    }
    return "q" + std::string(qid.substr(1));
}

namespace {

class EverypoliticianImport {
  public:
    EverypoliticianImport(const EverypoliticianOptions& options, ImportReport& report)
        : options_(options), report_(report), set_(report) {}

    // A label, plus its running-text forms when it is written surname first.
    void add_label(std::size_t person, const std::string& lang, const std::string& label) {
        if (!set_.add_name(person, lang, label)) return;
        for (const std::string& form : natural_order_forms(label)) set_.add_name(person, lang, form);
    }

    void read_long_tsv(const OpenFile& file) {
        const auto qid = static_cast<std::size_t>(column(file.header, "wikidata_qid"));
        const auto lang = static_cast<std::size_t>(column(file.header, "lang"));
        const auto name = static_cast<std::size_t>(column(file.header, "name"));
        const std::ptrdiff_t legislature = column(file.header, "source_legislature");
        for_each_row(file, report_, [&](const std::string& where, const std::vector<std::string>& fields) {
            const std::string id = entity_id_from_qid(fields[qid]);
            const std::string code = primary_language(fields[lang]);
            if (id.empty()) return report_.skip_row(where, "'" + fields[qid] + "' is not a Wikidata id (Q<digits>)");
            if (!is_language_code(code)) return report_.skip_row(where, "'" + fields[lang] + "' is not a language code");
            if (fields[name].empty()) return report_.skip_row(where, "empty name");
            if (!wants_language(options_.languages, code)) return;
            const std::size_t person = set_.entity(id, EntityType::Person);
            if (legislature >= 0) set_.add_note(person, fields[static_cast<std::size_t>(legislature)]);
            add_label(person, code, fields[name]);
        });
    }

    void read_wikidata_csv(const OpenFile& file) {
        // Label columns are name__<lang>[_<variant>]: de_at, de_ch and de_formal all count as de.
        std::vector<std::pair<std::size_t, std::string>> labels;
        for (std::size_t i = 0; i < file.header.size(); ++i) {
            if (file.header[i].rfind("name__", 0) != 0) continue;
            std::string code = primary_language(std::string_view(file.header[i]).substr(6));
            if (is_language_code(code) && wants_language(options_.languages, code)) labels.emplace_back(i, std::move(code));
        }
        const auto qid = static_cast<std::size_t>(column(file.header, "id"));
        for_each_row(file, report_, [&](const std::string& where, const std::vector<std::string>& fields) {
            const std::string id = entity_id_from_qid(fields[qid]);
            if (id.empty()) return report_.skip_row(where, "'" + fields[qid] + "' is not a Wikidata id (Q<digits>)");
            const bool any = std::any_of(labels.begin(), labels.end(), [&](const auto& l) { return !fields[l.first].empty(); });
            if (!any) return;
            const std::size_t person = set_.entity(id, EntityType::Person);
            set_.add_note(person, file.legislature);
            for (const auto& [index, code] : labels) add_label(person, code, fields[index]);
        });
    }

    // Leaves out people with labels in too few of the requested languages. Runs before names.csv
    // spellings are added: those are untagged and must not count as a language.
    void apply_min_languages() {
        const std::size_t needed = std::max<std::size_t>(1, options_.min_languages);
        std::size_t left_out = 0;
        for (std::size_t i = 0; i < set_.size(); ++i) {
            if (set_.languages(i).size() < needed) {
                set_.exclude(i);
                ++left_out;
            }
        }
        if (left_out > 0) {
            report_.note("left out: " + std::to_string(left_out) + " people with names in fewer than " + std::to_string(needed) +
                         " of " + describe(options_.languages));
        }
    }

    void read_names_csv(const OpenFile& file) {
        // Spelling groups in file order, keyed by EveryPolitician's UUID.
        std::vector<std::pair<std::string, std::vector<std::string>>> groups;
        std::map<std::string, std::size_t, std::less<>> group_of;
        const auto name = static_cast<std::size_t>(column(file.header, "name"));
        const auto uuid = static_cast<std::size_t>(column(file.header, "id"));
        for_each_row(file, report_, [&](const std::string& where, const std::vector<std::string>& fields) {
            if (fields[uuid].empty()) return report_.skip_row(where, "empty id");
            if (fields[name].empty()) return report_.skip_row(where, "empty name");
            const auto [it, inserted] = group_of.try_emplace(fields[uuid], groups.size());
            if (inserted) groups.emplace_back(fields[uuid], std::vector<std::string>{});
            groups[it->second].second.push_back(fields[name]);
        });
        const std::map<std::string, std::vector<std::size_t>> people = people_by_key(file.legislature);
        for (const auto& [id, spellings] : groups) link(spellings, people);
    }

    AliasTable finish() {
        if (linked_ + unlinked_ + ambiguous_ > 0) {
            report_.note("names.csv: " + std::to_string(linked_) + " people linked (" + std::to_string(spellings_added_) +
                         " spellings added under *), " + std::to_string(unlinked_) + " matching no imported person, " +
                         std::to_string(ambiguous_) + " matching several");
        }
        return set_.build();
    }

  private:
    // Lookup key -> the imported (not excluded) people of `legislature` having a name with it.
    std::map<std::string, std::vector<std::size_t>> people_by_key(const std::string& legislature) const {
        std::map<std::string, std::vector<std::size_t>> out;
        for (std::size_t i = 0; i < set_.size(); ++i) {
            const auto& notes = set_.notes(i);
            if (set_.excluded(i) || std::find(notes.begin(), notes.end(), legislature) == notes.end()) continue;
            for (const std::string& key : set_.keys(i)) out[key].push_back(i);
        }
        return out;
    }

    void link(const std::vector<std::string>& spellings, const std::map<std::string, std::vector<std::size_t>>& people) {
        std::vector<std::size_t> matches;
        for (const std::string& spelling : spellings) {
            const auto it = people.find(set_.key(spelling));
            if (it == people.end()) continue;
            for (std::size_t person : it->second) {
                if (std::find(matches.begin(), matches.end(), person) == matches.end()) matches.push_back(person);
            }
        }
        if (matches.empty()) {
            ++unlinked_;
            return;
        }
        if (matches.size() > 1) {
            ++ambiguous_;
            return;
        }
        ++linked_;
        for (const std::string& spelling : spellings) {
            if (set_.has_key(matches.front(), set_.key(spelling))) continue;  // already findable
            if (set_.add_name(matches.front(), "*", spelling)) ++spellings_added_;
        }
    }

    const EverypoliticianOptions& options_;
    ImportReport& report_;
    EntitySet set_;
    std::size_t linked_ = 0;
    std::size_t unlinked_ = 0;
    std::size_t ambiguous_ = 0;
    std::size_t spellings_added_ = 0;
};

}  // namespace

ImportResult import_everypolitician(const std::vector<fs::path>& files, const EverypoliticianOptions& options) {
    std::vector<OpenFile> inputs;
    for (const auto& path : files) inputs.push_back(identify(path));  // every file checked before any work
    ImportResult result;
    EverypoliticianImport import(options, result.report);
    for (const OpenFile& file : inputs) {
        if (file.kind == FileKind::LongTsv) import.read_long_tsv(file);
        if (file.kind == FileKind::WikidataCsv) import.read_wikidata_csv(file);
    }
    import.apply_min_languages();
    for (const OpenFile& file : inputs) {
        if (file.kind == FileKind::NamesCsv) import.read_names_csv(file);
    }
    result.table = import.finish();
    return result;
}

}  // namespace xling::importer
