// import_everypolitician on small files in the real export formats (aliases_long.tsv,
// X.wikidata.csv, X.names.csv).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "programs/xling-aliases/everypolitician.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"

using namespace xling::importer;
using xling::test::TempDir;
using xling::test::write_file;

namespace {

constexpr const char* kTsvHeader = "wikidata_qid\tsource_legislature\tlang\tname\n";

// The names of `id` under `lang`, in table order.
std::vector<std::string> names(const xling::AliasTable& table, std::string_view id, std::string_view lang) {
    std::vector<std::string> out;
    const xling::Entity* e = table.find_entity(id);
    if (e == nullptr) return out;
    for (const auto& n : e->names) {
        if (n.lang == lang) out.push_back(n.name);
    }
    return out;
}

bool any_problem_contains(const ImportReport& report, std::string_view text) {
    return std::any_of(report.problems().begin(), report.problems().end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

}  // namespace

TEST_SUITE("everypolitician") {

TEST_CASE("aliases_long.tsv: one person per qid, names per language, note = legislature") {
    TempDir dir;
    write_file(dir / "aliases_long.tsv", std::string(kTsvHeader) +
                                             "Q100\tLithuania_Seimas\ten\tGabrielius Landsbergis\n"
                                             "Q100\tLithuania_Seimas\tlt\tGabrielius Landsbergis\n"
                                             "Q100\tLithuania_Seimas\tru\tГабриэлюс Ландсбергис\n"
                                             "Q100\tLithuania_Seimas\tfr\tGabrielius Landsbergis\n"
                                             "Q200\tHungary_Assembly\thu\tBana Tibor\n"
                                             "Q200\tHungary_Assembly\ten\tTibor Bana\n"
                                             "Q300\tUK_Commons\ten\tAdam Afriyie\n");
    EverypoliticianOptions options;
    options.languages = {"hu", "de", "lt", "en", "ru"};
    const ImportResult result = import_everypolitician({dir / "aliases_long.tsv"}, options);
    const xling::AliasTable& table = result.table;
    REQUIRE(table.entities().size() == 2);  // q300 has one language only
    const xling::Entity* q100 = table.find_entity("q100");
    REQUIRE(q100 != nullptr);
    CHECK(q100->type == xling::EntityType::Person);
    CHECK(q100->note == "Lithuania_Seimas");
    CHECK(names(table, "q100", "lt") == std::vector<std::string>{"Gabrielius Landsbergis"});
    CHECK(names(table, "q100", "ru") == std::vector<std::string>{"Габриэлюс Ландсбергис"});
    CHECK(names(table, "q100", "fr").empty());  // not requested
    CHECK(names(table, "q200", "hu") == std::vector<std::string>{"Bana Tibor"});
    CHECK(table.find_entity("q300") == nullptr);
    CHECK(result.report.rows_read == 7);
    CHECK(result.report.rows_skipped() == 0);
    REQUIRE(result.report.notes().size() == 1);
    CHECK(result.report.notes()[0].find("1 people with names in fewer than 2") != std::string::npos);
}

TEST_CASE("--min-languages and --languages decide who is kept") {
    TempDir dir;
    write_file(dir / "a.tsv", std::string(kTsvHeader) +
                                  "Q1\tX\ten\tOne\nQ1\tX\tde\tEins\nQ1\tX\tru\tОдин\n"
                                  "Q2\tX\ten\tTwo\nQ2\tX\tfr\tDeux\n");
    EverypoliticianOptions options;
    options.languages = {"en", "de", "ru"};
    options.min_languages = 3;
    CHECK(import_everypolitician({dir / "a.tsv"}, options).table.entities().size() == 1);
    options.min_languages = 1;
    CHECK(import_everypolitician({dir / "a.tsv"}, options).table.entities().size() == 2);
    options.languages = {"en", "fr"};
    options.min_languages = 2;
    const auto result = import_everypolitician({dir / "a.tsv"}, options);
    REQUIRE(result.table.entities().size() == 1);
    CHECK(result.table.entities()[0].id == "q2");
    options.languages = {};  // all
    CHECK(import_everypolitician({dir / "a.tsv"}, options).table.entities().size() == 2);
}

TEST_CASE("X.wikidata.csv: name__<lang> columns, variants count as the language, legislature from the file name") {
    TempDir dir;
    write_file(dir / "Austria_Nationalrat.wikidata.csv",
               "id,name__de,name__en,name__fr,name,gender,name__de_at,name__ru\n"
               "Q1043648,Carmen Schimanek,Carmen Gartelgruber,Carmen Schimanek,Carmen Schimanek,female,\"Schimanek, Carmen\",\n"
               "Q2,,,Jean Dupont,Jean Dupont,male,,\n"
               "Q3,Anna Muster,,,,female,,Анна Мустер\n");
    EverypoliticianOptions options;
    options.languages = {"de", "en", "ru"};
    const ImportResult result = import_everypolitician({dir / "Austria_Nationalrat.wikidata.csv"}, options);
    const xling::AliasTable& table = result.table;
    CHECK(table.entities().size() == 2);
    CHECK(table.find_entity("q1043648")->note == "Austria_Nationalrat");
    CHECK(names(table, "q1043648", "de") == std::vector<std::string>{"Carmen Schimanek", "Schimanek, Carmen"});
    CHECK(names(table, "q1043648", "en") == std::vector<std::string>{"Carmen Gartelgruber"});
    CHECK(names(table, "q1043648", "*").empty());  // the language-less `name` column is not used
    CHECK(table.find_entity("q2") == nullptr);     // only French
    CHECK(names(table, "q3", "ru") == std::vector<std::string>{"Анна Мустер"});
}

TEST_CASE("the same qid in several files is one person") {
    TempDir dir;
    write_file(dir / "aliases_long.tsv", std::string(kTsvHeader) + "Q5\tRussia_Duma\ten\tIvan Abramov\n");
    write_file(dir / "Russia_Duma.wikidata.csv", "id,name__ru,name__en\nQ5,\"Абрамов, Иван Николаевич\",Ivan Abramov\n");
    EverypoliticianOptions options;
    options.languages = {"en", "ru"};
    const auto result = import_everypolitician({dir / "aliases_long.tsv", dir / "Russia_Duma.wikidata.csv"}, options);
    REQUIRE(result.table.entities().size() == 1);
    CHECK(result.table.entities()[0].note == "Russia_Duma");
    CHECK(names(result.table, "q5", "en") == std::vector<std::string>{"Ivan Abramov"});
    // The surname-first Russian label also gets its running-text forms.
    CHECK(names(result.table, "q5", "ru") ==
          std::vector<std::string>{"Абрамов, Иван Николаевич", "Иван Николаевич Абрамов", "Иван Абрамов"});
}

TEST_CASE("natural_order_forms only rewrites Cyrillic 'Family, Given' labels") {
    CHECK(natural_order_forms("Абалаков, Александр Николаевич") ==
          std::vector<std::string>{"Александр Николаевич Абалаков", "Александр Абалаков"});
    CHECK(natural_order_forms("Дункан Смит, Иан") == std::vector<std::string>{"Иан Дункан Смит"});
    CHECK(natural_order_forms("Peter Snape, Baron Snape").empty());
    CHECK(natural_order_forms("Maria Maksakova, Jr.").empty());
    CHECK(natural_order_forms("Владимир Путин").empty());
    CHECK(natural_order_forms("А, Б, В").empty());
    CHECK(natural_order_forms("Путин,").empty());
}

TEST_CASE("X.names.csv adds spellings under * to the one person of X sharing a spelling") {
    TempDir dir;
    write_file(dir / "aliases_long.tsv", std::string(kTsvHeader) +
                                             "Q10\tBelarus_Chamber\ten\tAdam Bashkou\n"
                                             "Q10\tBelarus_Chamber\tbe\tАдам Башкоў\n"
                                             "Q20\tBelarus_Chamber\ten\tJohn Twin\n"
                                             "Q20\tBelarus_Chamber\tbe\tДжон\n"
                                             "Q21\tBelarus_Chamber\ten\tJohn Twin\n"
                                             "Q21\tBelarus_Chamber\tbe\tДжон Два\n"
                                             "Q30\tOther_Body\ten\tEve Other\n"
                                             "Q30\tOther_Body\tbe\tЕва\n");
    write_file(dir / "Belarus_Chamber.names.csv",
               "name,id\n"
               "Adam Bashkou,4a6ccdb7\n"
               "Adam Baszkou,4a6ccdb7\n"
               "\"Bashkou, Adam\",4a6ccdb7\n"
               "ADAM BASHKOU,4a6ccdb7\n"
               "John Twin,99\n"
               "Johnny Twin,99\n"
               "Eve Other,77\n"
               "Eva Andere,77\n"
               "Nobody Known,55\n");
    EverypoliticianOptions options;
    options.languages = {"en", "be"};
    // names.csv first on the command line: it is still read after the labels.
    const auto result = import_everypolitician({dir / "Belarus_Chamber.names.csv", dir / "aliases_long.tsv"}, options);
    CHECK(names(result.table, "q10", "*") == std::vector<std::string>{"Adam Baszkou", "Bashkou, Adam"});
    CHECK(names(result.table, "q20", "*").empty());  // "John Twin" is two people
    CHECK(names(result.table, "q21", "*").empty());
    CHECK(names(result.table, "q30", "*").empty());  // another legislature
    REQUIRE(result.report.notes().size() == 1);
    CHECK(result.report.notes()[0] == "names.csv: 1 people linked (2 spellings added under *), 2 matching no imported person, 1 matching several");
}

TEST_CASE("malformed rows are skipped, counted and reported as file:line") {
    TempDir dir;
    const auto tsv = dir / "aliases_long.tsv";
    write_file(tsv, std::string(kTsvHeader) +
                        "Q1\tX\ten\tGood Name\n"
                        "Q1\tX\tde\n"                   // 3 fields
                        "P31\tX\tde\tNot A Person\n"    // not a Q-id
                        "Q1\tX\tDEU!\tName\n"           // not a language
                        "Q1\tX\tde\tBad \xFF Name\n"    // invalid UTF-8
                        "\n"                            // blank: ignored
                        "Q1\tX\tde\tGuter Name\n");
    const auto csv = dir / "X.wikidata.csv";
    write_file(csv, "id,name__en,name__de\nQ2,\"Unclosed,Name\nQ3,Three,Drei\n");
    EverypoliticianOptions options;
    options.languages = {"en", "de"};
    const auto result = import_everypolitician({tsv, csv}, options);
    CHECK(result.table.entities().size() == 1);
    CHECK(names(result.table, "q1", "de") == std::vector<std::string>{"Guter Name"});
    CHECK(result.report.rows_skipped() == 5);
    CHECK(any_problem_contains(result.report, tsv.string() + ":3: expected 4 fields as in the header, found 3"));
    CHECK(any_problem_contains(result.report, tsv.string() + ":4: 'P31' is not a Wikidata id"));
    CHECK(any_problem_contains(result.report, tsv.string() + ":5: 'DEU!' is not a language code"));
    CHECK(any_problem_contains(result.report, tsv.string() + ":6: invalid UTF-8 at byte"));
    CHECK(result.report.problems().size() == ImportReport::kMaxProblems);
    // The unclosed quote swallowed the rest of the CSV file into one record.
    CHECK(result.table.find_entity("q3") == nullptr);
}

TEST_CASE("a missing file or a file of another kind is an InputError naming it") {
    TempDir dir;
    write_file(dir / "other.csv", "foo,bar\n1,2\n");
    CHECK_THROWS_WITH_AS((void)import_everypolitician({dir / "missing.tsv"}, {}),
                         ((dir / "missing.tsv").string() + ": no such file").c_str(), xling::InputError);
    try {
        (void)import_everypolitician({dir / "other.csv"}, {});
        FAIL("expected InputError");
    } catch (const xling::InputError& e) {
        CHECK(std::string(e.what()).rfind((dir / "other.csv").string() + ": not an EveryPolitician export", 0) == 0);
    }
}

TEST_CASE("ids: Q-numbers only, lowercased") {
    CHECK(entity_id_from_qid("Q12345") == "q12345");
    CHECK(entity_id_from_qid("q7") == "q7");
    CHECK(entity_id_from_qid("Q").empty());
    CHECK(entity_id_from_qid("Q12a").empty());
    CHECK(entity_id_from_qid("").empty());
}

}  // TEST_SUITE
