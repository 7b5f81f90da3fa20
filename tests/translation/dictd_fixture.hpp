// Writing small dictd databases (.index + .dict or gzip'd .dict.dz) for the translation tests,
// with an index encoder written independently of the reader under test.
#pragma once

#include <zlib.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.hpp"

namespace xling::test {

/// dictd's base64 numeral of `value`, most significant digit first.
inline std::string dictd_base64(std::uint64_t value) {
    static constexpr std::string_view kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    do {
        out.insert(out.begin(), kDigits[value % 64]);
        value /= 64;
    } while (value != 0);
    return out;
}

inline void write_gzip_file(const std::filesystem::path& path, std::string_view content) {
    gzFile f = gzopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    REQUIRE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())) == static_cast<int>(content.size()));
    REQUIRE(gzclose(f) == Z_OK);
}

/// Writes `<dir>/<name>.index` and `<dir>/<name>.dict.dz` (gzip) or `.dict` (plain) holding the
/// articles in order (each article's text starts with its headword line), preceded by a
/// 00-database-short article naming the dictionary `title`. The index lists the articles in
/// reverse order, as dictfmt sorts by headword rather than by offset.
inline void write_dictd(const std::filesystem::path& dir, const std::string& name, const std::vector<std::string>& articles,
                        bool compressed = true, const std::string& title = "Test dictionary") {
    std::string dict = title + "\n";
    std::vector<std::string> index_lines{"00databaseshort\t" + dictd_base64(0) + "\t" + dictd_base64(dict.size())};
    for (const auto& article : articles) {
        const std::string headword = article.substr(0, article.find_first_of(" \n"));
        index_lines.push_back(headword + "\t" + dictd_base64(dict.size()) + "\t" + dictd_base64(article.size()));
        dict += article;
    }
    std::string index;
    for (auto it = index_lines.rbegin(); it != index_lines.rend(); ++it) index += *it + "\n";
    write_file(dir / (name + ".index"), index);
    if (compressed) {
        write_gzip_file(dir / (name + ".dict.dz"), dict);
    } else {
        write_file(dir / (name + ".dict"), dict);
    }
}

/// The small dictionaries the translation tests share: en, de, hu, lt and ru around "military
/// cooperation" and "troops".
inline void write_sample_dictionaries(const std::filesystem::path& dir) {
    write_dictd(dir, "freedict-eng-deu",
                {"military /mˈɪlɪtəɹi/\nmilitärisch <adj> [mil.]\n",
                 "cooperation /kəʊˈɒpəɹˈeɪʃən/\nZusammenarbeit <fem>, Kooperation <fem> [geh.]\n"
                 "      \"co-operation of libraries\"  - Zusammenarbeit von Bibliotheken\n"
                 "      \"close cooperation\"  - enge Zusammenarbeit\n"
                 "   Synonym: {co-operation}\n",
                 "cooperation /kəʊˈɒpəɹˈeɪʃən/\nZusammenwirken <neut>\n",
                 "troops /tɹˈuːps/\nTruppen <pl>\n      \"the morale of the troops\"  - die Moral der Truppen\n",
                 "sanction /sˈaŋkʃən/\nSanktion <fem>\n"},
                true, "English - German test dictionary");
    write_dictd(dir, "freedict-deu-eng",
                {"Zusammenarbeit /tsuːzˈamənˌaɾbaɪt/ <fem, n, sg>\nassociation <n>\n",
                 "Zusammenarbeit /tsuːzˈamənˌaɾbaɪt/ <fem, n, sg>\nco-operation <n>, cooperation <n>\n"
                 "      \"Zusammenarbeit von Bibliotheken\"  - co-operation of libraries\n",
                 "militärisch /mˌiːliːtˈɛːrɪʃ/ <adj>\n [mil.] military <adj>\n",
                 "Truppen /tɾˈʊpən/ <pl>\ntroops, soldiery\n"},
                false, "German - English test dictionary");
    write_dictd(dir, "freedict-eng-hun",
                {"military /mˈɪlɪtəɹi/\n1. katonaság\n2. katonai\n",
                 "cooperation /kəʊˈɒpəɹˈeɪʃən/\negyüttmûködés\n",
                 "troops /tɹˈuːps/\n1. katonaság\n2. csapatok\n",
                 "sanction /sˈaŋkʃən/\n1. beleegyezés\n2. szankció\n"});
    write_dictd(dir, "freedict-hun-eng",
                {"együttműködés /ˈɛɟːytmyːkødeːʃ/\n1. cooperation\n2. collaboration\n",
                 "katonai /kˈɑtonɑi/\nmilitary\n"});
    write_dictd(dir, "freedict-eng-lit",
                {"military /militriː/\nkarinis, kariuomenės\n",
                 "cooperation /kˈəʊ ˌɒpəɹˈeɪʃən/ <n>\nbendradarbiavimas, kooperacija, parama\n"});
    write_dictd(dir, "freedict-deu-rus",
                {"Zusammenarbeit /t͡suˈzamənˌʔaʁbaɪ̯t/ <n, fem>\nсотрудничество, коопера\xCC\x81ция\ndas gemeinschaftliche Arbeiten an einer Sache\n",
                 "militärisch /miliˈtɛːʁɪʃ/ <adj>\nвоенный\ndas Militär betreffend\n"});
    // A pair outside the selected languages is ignored.
    write_dictd(dir, "freedict-eng-fra", {"war /w/\nguerre\n"});
}

}  // namespace xling::test
