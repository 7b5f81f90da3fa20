// Name inflection rules per language, read from namerules/<code>.txt (analysis/name_rules.hpp):
// is_form_of(), stems(), bases(), parse() errors and the key rewrites.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/analysis_data.hpp"
#include "analysis/name_rules.hpp"
#include "helpers.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"

using xling::ConfigError;
using xling::analysis::NameRules;
using xling::test::analysis_data;

namespace {

const NameRules& rules(std::string_view lang) { return analysis_data()->name_rules(lang); }

/// Every word of `forms` is a form of `name`, no word of `non_forms` is.
void check_forms(std::string_view lang, std::string_view name, std::initializer_list<std::string_view> forms,
                 std::initializer_list<std::string_view> non_forms) {
    const NameRules& r = rules(lang);
    CAPTURE(lang);
    CAPTURE(name);
    for (std::string_view w : forms) {
        CAPTURE(w);
        CHECK(r.is_form_of(name, w));
    }
    for (std::string_view w : non_forms) {
        CAPTURE(w);
        CHECK_FALSE(r.is_form_of(name, w));
    }
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// The message of the ConfigError NameRules::parse(text, origin) throws ("" when it does not throw).
std::string parse_error(std::string_view text, const std::string& origin = "rules.txt") {
    try {
        (void)NameRules::parse(text, origin);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_SUITE("name_rules") {

TEST_CASE("hu: case endings, -val/-vel assimilation, final vowel lengthening") {
    check_forms("hu", "beluszov", {"beluszov", "beluszovval"}, {"beluszova"});
    check_forms("hu", "putyin", {"putyin", "putyinnal", "putyint", "putyinnak"}, {"putyinka", "putyinizmus"});
    check_forms("hu", "un", {"un", "unnal"}, {});  // Kim Dzsong Unnal
    // The adjective suffix -i is deliberately not a case ending: moszkvai is not a form of Moszkva.
    check_forms("hu", "moszkva", {"moszkva", "moszkvában", "moszkvába", "moszkvának"}, {"moszkvai"});
    check_forms("hu", "phenjan", {"phenjan", "phenjanba", "phenjannal"}, {});
}

TEST_CASE("folded: the rules read a name typed without diacritics, endings folded alike") {
    const auto fold = [](std::string s) {
        for (const auto& [from, to] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
                 {"á", "a"}, {"é", "e"}, {"ó", "o"}, {"ő", "o"}, {"ė", "e"}, {"ą", "a"}, {"ų", "u"}, {"ö", "o"}}) {
            for (std::size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, from.size(), to);
        }
        return s;
    };
    const NameRules hu = rules("hu").folded(fold);
    CHECK_FALSE(rules("hu").is_form_of("moszkva", "moszkvabol"));  // no ending "bol" as written
    CHECK(hu.is_form_of("moszkva", "moszkvabol"));                 // Moszkvából typed without á, ó
    CHECK(hu.is_form_of("korea", "koreanal"));                     // Koreánál
    CHECK(hu.is_form_of("putyin", "putyinnal"));               // assimilation still undone
    CHECK_FALSE(hu.is_form_of("moszkva", "moszkvai"));
    const NameRules lt = rules("lt").folded(fold);
    CHECK(lt.is_form_of("koreja", "korejos"));
    CHECK(lt.is_form_of("putinas", "putinu"));  // Putinų
}

TEST_CASE("lt: the nominative ending is replaced by the case endings") {
    check_forms("lt", "belousovas", {"belousovas", "belousovo", "belousovui", "belousovą"}, {"belousovienė"});
    check_forms("lt", "putinas", {"putinas", "putinu", "putiną", "putino"}, {"putinaitė", "putinizmas"});
    check_forms("lt", "unas", {"unas"}, {});
    for (std::string_view token : {"kim", "jong", "unas"}) {  // Kim Jong Unas, word by word
        CAPTURE(token);
        CHECK(rules("lt").is_form_of(token, token));
    }
    check_forms("lt", "pchenjanas", {"pchenjanas", "pchenjane", "pchenjaną", "pchenjano"}, {});
    check_forms("lt", "maskva", {"maskva", "maskvos", "maskvoje", "maskvą"}, {});
}

TEST_CASE("de: only the genitive -s") {
    check_forms("de", "belousow", {"belousow", "belousows"}, {});
    check_forms("de", "putin", {"putin", "putins"}, {"putina", "putinismus"});
    check_forms("de", "kim", {"kim", "kims"}, {"kimono"});
    check_forms("de", "pjöngjang", {"pjöngjang", "pjöngjangs"}, {});
}

TEST_CASE("ru: surname and noun endings, feminine -а replaced") {
    check_forms("ru", "белоусов", {"белоусов", "белоусова", "белоусову", "белоусовым"}, {});
    check_forms("ru", "путин", {"путин", "путиным", "путина", "путину"}, {"путинизм", "путинский"});
    check_forms("ru", "пхеньян", {"пхеньян", "пхеньяне", "пхеньяна"}, {});
    check_forms("ru", "москва", {"москва", "москвы", "москве", "москву", "москвой"}, {"москвич"});
}

TEST_CASE("en: possessive only") {
    check_forms("en", "belousov", {"belousov", "belousov's"}, {});
    check_forms("en", "putin", {"putin", "putin's"}, {"putinesque"});
    check_forms("en", "kim", {"kim"}, {"kimberly"});
}

TEST_CASE("unknown language: exact names only") {
    check_forms("und", "putin", {"putin"}, {"putins", "putinnal", "putinas"});
}

TEST_CASE("stems: without the nominative ending and with the lengthened final vowel") {
    const auto lt = rules("lt").stems("putinas");
    CHECK(contains(lt, "putinas"));
    CHECK(contains(lt, "putin"));
    const auto hu = rules("hu").stems("moszkva");
    CHECK(contains(hu, "moszkva"));
    CHECK(contains(hu, "moszkvá"));
    // A nominative ending is only removed when at least two characters remain.
    CHECK_FALSE(contains(rules("lt").stems("as"), ""));
}

TEST_CASE("bases: the word with endings removed, assimilation and lengthening undone") {
    const auto putyinnal = rules("hu").bases("putyinnal");
    CHECK(contains(putyinnal, "putyinnal"));
    CHECK(contains(putyinnal, "putyin"));
    CHECK(contains(rules("hu").bases("moszkvában"), "moszkva"));
    CHECK(contains(rules("ru").bases("белоусова"), "белоусов"));
    CHECK(contains(rules("lt").bases("belousovui"), "belousov"));
}

TEST_CASE("bases: never shorter than 3 characters (the word itself aside)") {
    const std::vector<std::pair<std::string_view, std::string_view>> words = {
        {"hu", "unnal"}, {"hu", "unt"},   {"hu", "ont"},   {"hu", "abban"}, {"lt", "unas"},
        {"lt", "unui"},  {"ru", "яма"},   {"ru", "ими"},   {"de", "ens"},   {"en", "us's"},
        {"hu", "moszkvában"}, {"lt", "maskvoje"}};
    for (const auto& [lang, word] : words) {
        CAPTURE(lang);
        CAPTURE(word);
        const auto bases = rules(lang).bases(word);
        REQUIRE_FALSE(bases.empty());
        CHECK(bases.front() == word);
        for (std::size_t i = 1; i < bases.size(); ++i) {
            CAPTURE(bases[i]);
            CHECK(code_points(bases[i]) >= 3);
        }
    }
    // Un|nal would leave a 2-character base: only the word itself.
    CHECK(rules("hu").bases("unnal") == std::vector<std::string>{"unnal"});
}

TEST_CASE("parse: a line without ':' names origin and line") {
    const std::string message = parse_error("# comment\nendings: a b\n\nnominative as\n", "origin");
    CHECK(message.find("origin:4:") != std::string::npos);
}

TEST_CASE("parse: an unknown field is an error") {
    const std::string message = parse_error("endings: a\nsuffixes: x y\n", "origin");
    CHECK(message.find("origin:2:") != std::string::npos);
    CHECK(message.find("suffixes") != std::string::npos);
}

TEST_CASE("parse: a key or lengthen pair without '>' (or with nothing before it) is an error") {
    CHECK(parse_error("key: sz>s ab\n", "origin").find("origin:1:") != std::string::npos);
    CHECK(parse_error("lengthen: a\n", "origin").find("origin:1:") != std::string::npos);
    CHECK(parse_error("key: >s\n", "origin").find("origin:1:") != std::string::npos);
    CHECK(parse_error("key: sz>s s>sh\nlengthen: a>á\r\n").empty());  // CRLF is fine
}

TEST_CASE("rewrite_single_pass: earlier rule wins at a position, output is not rewritten again") {
    const NameRules r = NameRules::parse("key: sz>s s>sh\n", "t");
    CHECK(r.rewrite_single_pass("szs") == "ssh");
    CHECK(r.rewrite_single_pass("sz") == "s");
    CHECK(r.rewrite_single_pass("abc") == "abc");
    CHECK(r.rewrite_single_pass("") == "");
}

TEST_CASE("rewrite_sequential: each rule over the whole output of the previous one") {
    const NameRules r = NameRules::parse("key: sz>s s>sh\n", "t");
    CHECK(r.rewrite_sequential("szs") == "shsh");
    CHECK(r.rewrite_sequential("abc") == "abc");
    // A replacement containing its pattern is not rewritten again (no endless loop).
    const NameRules grow = NameRules::parse("key: s>ss\n", "t");
    CHECK(grow.rewrite_sequential("sas") == "ssass");
}

TEST_CASE("rewrites anchored at the start (^) or the end ($) apply only there, in both passes") {
    const NameRules r = NameRules::parse("key: ^ye>e aine$>en e$>\n", "t");
    CHECK(r.rewrite_sequential("yelena") == "elena");
    CHECK(r.rewrite_sequential("valuyev") == "valuyev");  // ye inside: kept
    CHECK(r.rewrite_sequential("clarke") == "clark");
    CHECK(r.rewrite_sequential("heye") == "hey");          // only the final e
    CHECK(r.rewrite_sequential("lafontaine") == "lafonten");
    CHECK(r.rewrite_single_pass("yeye") == "ey");
    CHECK(r.rewrite_single_pass("ee") == "e");
    CHECK(r.rewrite_sequential("e") == "");
}

TEST_CASE("letter classes: # a consonant, @ a vowel, copied in order into the replacement") {
    const NameRules r = NameRules::parse("key: #y#>#i# @y@>@@ #yo>#e\n", "t");
    // Overlapping matches: the r of "kyr" also starts "ryl".
    CHECK(r.rewrite_sequential("kyrylenko") == "kirilenko");
    CHECK(r.rewrite_sequential("valuyev") == "valuev");
    CHECK(r.rewrite_sequential("fyodor") == "fedor");
    CHECK(r.rewrite_sequential("nikolay") == "nikolay");  // y after a vowel, at the end: no class match
    CHECK(r.rewrite_sequential("yyy") == "yyy");          // y is neither class
    CHECK(r.rewrite_single_pass("kyr") == "kir");
}

TEST_CASE("parse: an anchor without a pattern is an error") {
    CHECK(parse_error("key: ^>s\n", "origin").find("origin:1:") != std::string::npos);
    CHECK(parse_error("key: $>s\n", "origin").find("origin:1:") != std::string::npos);
}

TEST_CASE("real rule files: hu key rewrites") {
    CHECK(rules("hu").rewrite_single_pass("beluszov") == "belusov");
    CHECK(rules("hu").rewrite_single_pass("sojgu") == "shoygu");
    CHECK(rules("hu").rewrite_single_pass("dzsong") == "jong");
}

}  // TEST_SUITE
