// Accent folding per language (analysis/accent_folding.hpp): which spellings a word typed without
// its diacritics takes, and which typed words complete to which indexed words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/accent_folding.hpp"

using xling::analysis::AccentFolder;
using Forms = std::vector<std::string>;

TEST_SUITE("accent folding") {

TEST_CASE("Hungarian: acute, diaeresis and double acute all fold to the plain vowel") {
    AccentFolder f;
    CHECK(f.folded_forms("hu", "együttműködés") == Forms{"egyuttmukodes"});
    CHECK(f.folded_forms("hu", "őrség") == Forms{"orseg"});
    CHECK(f.folded_forms("hu", "űrhajó") == Forms{"urhajo"});
    CHECK(f.completes("hu", "egyuttmukodes", "együttműködés"));
    CHECK(f.completes("hu", "együttmukodes", "együttműködés"));  // some accents typed: kept
    CHECK_FALSE(f.completes("hu", "kör", "kór"));                // an accent typed is a letter typed
    CHECK(f.completes("hu", "kor", "kór"));
    CHECK_FALSE(f.completes("hu", "mueller", "müller"));         // the ue spelling is German only
    // A letter written decomposed (o + combining acute) is one letter with its mark.
    CHECK(f.completes("hu", "kor", "ko\xCC\x81r"));
    CHECK(f.completes("hu", "ko\xCC\x81r", "ko\xCC\x81r"));
    CHECK_FALSE(f.completes("hu", "ko", "ko\xCC\x81r"));
}

TEST_CASE("Lithuanian: dot above, ogonek, macron and caron fold") {
    AccentFolder f;
    CHECK(f.folded_forms("lt", "šiaurės") == Forms{"siaures"});
    CHECK(f.folded_forms("lt", "korėją") == Forms{"koreja"});
    CHECK(f.folded_forms("lt", "žūklę") == Forms{"zukle"});
    CHECK(f.folded_forms("lt", "įčų") == Forms{"icu"});
    CHECK(f.completes("lt", "siaures", "šiaurės"));
    CHECK(f.completes("lt", "šiaures", "šiaurės"));
    CHECK_FALSE(f.completes("lt", "siaure", "šiaurės"));  // a letter missing is not an accent missing
}

TEST_CASE("German: umlauts fold to the vowel and to vowel + e; ß is ss already") {
    AccentFolder f;
    CHECK(f.folded_forms("de", "müller") == Forms{"muller", "mueller"});
    CHECK(f.folded_forms("de", "pjöngjang") == Forms{"pjongjang", "pjoengjang"});
    CHECK(f.folded_forms("de", "strasse").empty());  // the normalizer's casefold wrote ß as ss
    CHECK(f.completes("de", "muller", "müller"));
    CHECK(f.completes("de", "mueller", "müller"));
    CHECK(f.completes("de", "zusammenarbeit", "zusammenarbeit"));
}

TEST_CASE("Russian: ё folds to е, й stays a letter of its own") {
    AccentFolder f;
    CHECK(f.folded_forms("ru", "растёт") == Forms{"растет"});
    CHECK(f.folded_forms("ru", "мой").empty());
    CHECK(f.folded_forms("ru", "йогурт").empty());
    CHECK(f.fold("мой") == "мой");
    CHECK(f.completes("ru", "растет", "растёт"));
    CHECK_FALSE(f.completes("ru", "мои", "мой"));
}

TEST_CASE("English and other Latin text: loanword accents and non-decomposing letters fold") {
    AccentFolder f;
    CHECK(f.folded_forms("en", "café") == Forms{"cafe"});
    CHECK(f.folded_forms("en", "naïve") == Forms{"naive"});
    CHECK(f.folded_forms("und", "łódź") == Forms{"lodz"});
    CHECK(f.folded_forms("und", "søren") == Forms{"soren"});
    CHECK(f.folded_forms("en", "cooperation").empty());  // ASCII: nothing to fold
}

TEST_CASE("combining marks left decomposed fold with their letter") {
    AccentFolder f;
    CHECK(f.fold("a\xCC\x81") == "a");          // a + combining acute
    CHECK(f.completes("lt", "a", "\xC4\x85\xCC\x81"));  // ą + combining acute (Lithuanian stress mark)
}

}  // TEST_SUITE
