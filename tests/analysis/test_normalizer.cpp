// Stage 2: token normalization, ICU NFKC_Casefold plus apostrophe folding (analysis/normalizer.hpp).
#include <doctest/doctest.h>

#include <string>

#include "analysis/normalizer.hpp"

using xling::analysis::Normalizer;

TEST_SUITE("normalizer") {

TEST_CASE("case folding: Hungarian double acute") {
    const Normalizer n;
    CHECK(n.normalize("Ő") == "ő");
    CHECK(n.normalize("Ű") == "ű");
    CHECK(n.normalize("ŐRSÉG") == "őrség");
    CHECK(n.normalize("Észak") == "észak");
}

TEST_CASE("case folding: Lithuanian letters") {
    const Normalizer n;
    CHECK(n.normalize("Ė") == "ė");
    CHECK(n.normalize("Ž") == "ž");
    CHECK(n.normalize("ŠIAURĖS") == "šiaurės");
    CHECK(n.normalize("KORĖJĄ") == "korėją");
}

TEST_CASE("case folding: German umlauts") {
    const Normalizer n;
    CHECK(n.normalize("Ä") == "ä");
    CHECK(n.normalize("MILITÄRISCHE") == "militärische");
    CHECK(n.normalize("Pjöngjang") == "pjöngjang");
}

TEST_CASE("case folding: Russian Cyrillic") {
    const Normalizer n;
    CHECK(n.normalize("ПУТИН") == "путин");
    CHECK(n.normalize("Белоусовым") == "белоусовым");
    CHECK(n.normalize("ЧЁРНОМ") == "чёрном");  // ё is kept, not folded to е
}

TEST_CASE("full case folding: sharp s becomes ss") {
    const Normalizer n;
    CHECK(n.normalize("ß") == "ss");
    CHECK(n.normalize("Straße") == "strasse");
    CHECK(n.normalize("STRASSE") == "strasse");
    CHECK(n.normalize("daß") == n.normalize("dass"));
    CHECK(n.normalize("\xE1\xBA\x9E") == "ss");  // capital sharp s U+1E9E
}

TEST_CASE("NFKC: compatibility characters are folded") {
    const Normalizer n;
    CHECK(n.normalize("\xEF\xAC\x81nal") == "final");          // U+FB01 fi ligature
    CHECK(n.normalize("\xEF\xBC\xA1") == "a");                 // fullwidth A
    CHECK(n.normalize("\xEF\xBC\xB5\xEF\xBC\xAE") == "un");    // fullwidth UN
    CHECK(n.normalize("\xEF\xBC\x91\xEF\xBC\x90") == "10");    // fullwidth digits
}

TEST_CASE("composed and decomposed forms normalize alike") {
    const Normalizer n;
    CHECK(n.normalize("e\xCC\x81") == "\xC3\xA9");  // e + U+0301 -> é
    CHECK(n.normalize("E\xCC\x81szak") == n.normalize("Észak"));
    CHECK(n.normalize("Pjo\xCC\x88ngjang") == "pjöngjang");
    CHECK(n.normalize("Rusija\xCC\xA8") == "rusiją");  // a + U+0328 ogonek -> ą
    CHECK(n.normalize("\xD0\x95\xCC\x88") == "ё");     // Е + U+0308 -> ё
}

TEST_CASE("typographic apostrophes fold to ASCII") {
    const Normalizer n;
    CHECK(n.normalize("Belousov\xE2\x80\x99s") == "belousov's");  // U+2019
    CHECK(n.normalize("Putin\xCA\xBCs") == "putin's");            // U+02BC
    CHECK(n.normalize("Shoigu\xEF\xBC\x87s") == "shoigu's");      // U+FF07 fullwidth
    CHECK(n.normalize("Belousov\xE2\x80\x99s") == n.normalize("Belousov's"));
}

TEST_CASE("default-ignorable characters are removed") {
    const Normalizer n;
    CHECK(n.normalize("Zusammen\xC2\xAD" "arbeit") == "zusammenarbeit");  // soft hyphen
}

TEST_CASE("ASCII fast path lowercases and keeps everything else") {
    const Normalizer n;
    CHECK(n.normalize("") == "");
    CHECK(n.normalize("Belousov") == "belousov");
    CHECK(n.normalize("KIM") == "kim");
    CHECK(n.normalize("Putin's") == "putin's");
    CHECK(n.normalize("2025") == "2025");
    CHECK(n.normalize("10,000") == "10,000");
    CHECK(n.normalize("already-lower") == "already-lower");
}

TEST_CASE("ASCII fast path agrees with the ICU path") {
    const Normalizer n;
    // Same letters, once pure ASCII and once with a non-ASCII character forcing the ICU path.
    CHECK(n.normalize("SanctionS") + "\xC3\xA9" == n.normalize("SanctionS\xC3\x89"));
    CHECK(n.normalize("Zusammenarbeit") + "\xC3\xA4" == n.normalize("Zusammenarbeit\xC3\x84"));
}

}  // TEST_SUITE
