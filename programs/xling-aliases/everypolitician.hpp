// importer/everypolitician.hpp — legislators from the EveryPolitician 2016 exports as `person`
// entities, one per Wikidata item (id "q12345"), names grouped by language.
//
// Three file kinds, recognised by their header line:
//   aliases_long.tsv   wikidata_qid <TAB> source_legislature <TAB> lang <TAB> name
//   X.wikidata.csv     id (the Q-id), name__<lang>[_<variant>] columns (Wikidata labels), ...
//   X.names.csv        name, id — every known spelling of a legislator, keyed by EveryPolitician's
//                      own UUID, without language and without Q-id.
// Labels give the languages; a Cyrillic label written surname first also gets its running-text
// forms (see natural_order_forms). A names.csv file is only used to add spellings, under "*", to a
// person already imported from the other two kinds: its group of spellings joins the one person
// of the same legislature (X) that shares one of them (same lookup key); groups matching no person
// or several are counted, not imported.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "programs/xling-aliases/import_result.hpp"
#include "programs/xling-aliases/languages.hpp"

namespace xling::importer {

struct EverypoliticianOptions {
    LanguageList languages;         ///< labels kept (language variants such as de_at count as de); empty: all
    std::size_t min_languages = 2;  ///< people with labels in fewer of `languages` are left out
};

/// Imports `files` in order (names.csv files after the others, whatever their position).
/// @throws InputError "PATH: reason" when a file is missing, unreadable or of none of the kinds.
[[nodiscard]] ImportResult import_everypolitician(const std::vector<std::filesystem::path>& files,
                                                  const EverypoliticianOptions& options);

/// Russian (and Ukrainian, Belarusian) Wikidata labels are mostly written surname first,
/// "Абалаков, Александр Николаевич", while news write "Александр Абалаков". For a Cyrillic label
/// "Family, Given [Middle...]" (exactly one comma) this returns the running-text forms
/// {"Given Middle... Family", "Given Family"} (the second only when there is a middle part);
/// empty for any other label. Latin labels with a comma are titles ("Peter Snape, Baron Snape",
/// "Maria Maksakova, Jr.") and are left alone.
[[nodiscard]] std::vector<std::string> natural_order_forms(std::string_view label);

/// "Q12345" -> "q12345"; empty when `qid` is not a Wikidata item id.
[[nodiscard]] std::string entity_id_from_qid(std::string_view qid);

}  // namespace xling::importer
