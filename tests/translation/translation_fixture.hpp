// A small set of FreeDict-like dictionaries (eng-deu, deu-eng, eng-hun, hun-eng, eng-lit) in the
// layouts of the real ones, and a table built from them with the project's stemmers.
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_resources.hpp"
#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "dictd_fixture.hpp"
#include "translation/table_builder.hpp"
#include "xling/translation_table.hpp"

namespace xling::test {

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

/// Stems from the analysis chain, as xling-dict and the searcher use them.
class SampleStemmer {
  public:
    SampleStemmer()
        : analyzer_(std::make_shared<analysis::Analyzer>(analysis::AnalysisData::load(xling::test::kDataDir))) {}
    [[nodiscard]] StemFunction function() const {
        auto analyzer = analyzer_;
        return [analyzer](std::string_view lang, std::string_view word) { return analyzer->stem(lang, word); };
    }
    [[nodiscard]] std::string stem(std::string_view lang, std::string_view word) const { return analyzer_->stem(lang, word); }

  private:
    std::shared_ptr<analysis::Analyzer> analyzer_;
};

/// The texts of `lang`'s translations in a lookup result, best first.
inline std::vector<std::string> texts_for(const std::vector<TargetTranslations>& result, std::string_view lang) {
    std::vector<std::string> out;
    for (const auto& target : result) {
        if (target.lang != lang) continue;
        for (const auto& t : target.translations) out.push_back(t.text);
    }
    return out;
}

/// The translation `text` into `lang`, if listed.
inline std::optional<Translation> find_translation(const std::vector<TargetTranslations>& result, std::string_view lang,
                                                   std::string_view text) {
    for (const auto& target : result) {
        if (target.lang != lang) continue;
        for (const auto& t : target.translations) {
            if (t.text == text) return t;
        }
    }
    return std::nullopt;
}

}  // namespace xling::test
