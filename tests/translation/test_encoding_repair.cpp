// Encoding repair: Hungarian ő/ű typed as ô/õ/û (eng-hun), Russian stress marks (deu-rus),
// and mojibake that is reported, not guessed at.
#include <doctest/doctest.h>

#include "translation/encoding_repair.hpp"

using namespace xling::translation;

TEST_CASE("Hungarian ô/õ/û become ő/ű, in Hungarian text only") {
    RepairReport report;
    CHECK(repair_encoding("együttmûködés", "hu", report) == "együttműködés");
    CHECK(repair_encoding("nôstény", "hu", report) == "nőstény");
    CHECK(repair_encoding("csõ", "hu", report) == "cső");
    CHECK(repair_encoding("ÔSZI ÛR Õ", "hu", report) == "ŐSZI ŰR Ő");
    CHECK(report.hungarian_letters == 4);
    CHECK(repair_encoding("együttműködés", "hu", report) == "együttműködés");  // already right
    CHECK(report.hungarian_letters == 4);
    // French and German keep their letters.
    CHECK(repair_encoding("rôle", "en", report) == "rôle");
    CHECK(repair_encoding("Côte d'Azur", "de", report) == "Côte d'Azur");
    CHECK(report.hungarian_letters == 4);
    CHECK(report.suspicious == 0);
}

TEST_CASE("Russian stress marks are removed") {
    RepairReport report;
    CHECK(repair_encoding("анте\xCC\x81нна", "ru", report) == "антенна");  // е + U+0301
    CHECK(repair_encoding("антрацит, антрацѝт", "ru", report) == "антрацит, антрацит");
    CHECK(repair_encoding("ёлка", "ru", report) == "ёлка");
    CHECK(report.stress_marks == 2);
}

TEST_CASE("other mojibake is reported with samples, and left as it is") {
    CHECK(mojibake_reason("CafÃ©").find("Latin-1") != std::string_view::npos);
    CHECK(mojibake_reason("bad \xEF\xBF\xBD byte").find("U+FFFD") != std::string_view::npos);
    CHECK(mojibake_reason("пpивет").find("Cyrillic") != std::string_view::npos);  // Latin p
    CHECK(mojibake_reason("привет, hello").empty());
    CHECK(mojibake_reason("Curaçao").empty());
    RepairReport report;
    CHECK(repair_encoding("CafÃ©", "en", report) == "CafÃ©");
    CHECK(report.suspicious == 1);
    REQUIRE(report.samples.size() == 1);
    CHECK(report.samples[0].find("CafÃ©") == 0);
    RepairReport total;
    total.merge(report);
    total.merge(report);
    CHECK(total.suspicious == 2);
}
