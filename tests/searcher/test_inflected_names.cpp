// Names typed inflected or without their diacritics resolve to their entity
// (searcher/inflected_names.hpp) and so reach every language's documents, as the nominative does.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/accent_folding.hpp"
#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "searcher/inflected_names.hpp"
#include "searcher_fixture.hpp"
#include "support/test_resources.hpp"

using namespace xling;
using namespace xling::test;

namespace {

const char* const kTable = R"(entity putin person
  en: Vladimir Putin | Putin
  hu: Vlagyimir Putyin | Putyin
  lt: Vladimiras Putinas | Putinas
  ru: Владимир Путин | Путин
entity kim_jong_un person
  en: Kim Jong Un
  lt: Kim Jong Unas | Kim Čen Unas
entity north_korea place
  hu: Észak-Korea
  lt: Šiaurės Korėja
entity trump person
  lt: Donaldas Trumpas | Trumpas
)";

struct Reader {
    std::shared_ptr<const analysis::AnalysisData> data = analysis::AnalysisData::load(kDataDir);
    analysis::Analyzer analyzer{data};
    analysis::AccentFolder folder;
    AliasTable table = AliasTable::parse(kTable);
    searcher::InflectedNames names{table, data, analyzer, folder};

    std::vector<std::string> ids(const std::vector<std::string>& words, bool fold = true) {
        std::vector<std::string> out;
        for (const Entity* e : names.lookup(words, fold)) out.push_back(e->id);
        return out;
    }
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("a case form of a listed name is read as the name, by the rules of the name's language") {
    Reader r;
    CHECK(r.ids({"putyinnal"}) == Ids{"putin"});  // Hungarian -val assimilated
    CHECK(r.ids({"putinui"}) == Ids{"putin"});    // Lithuanian dative of Putinas
    CHECK(r.ids({"путиным"}) == Ids{"putin"});    // Russian instrumental
    CHECK(r.ids({"kim", "jong", "uno"}) == Ids{"kim_jong_un"});  // Lithuanian genitive, last word
    CHECK(r.ids({"šiaurės", "korėjos"}) == Ids{"north_korea"});
    CHECK(r.ids({"észak", "koreával"}) == Ids{"north_korea"});
    // Not a form: an ending the language does not have, another word count, a short word.
    CHECK(r.ids({"putinxyz"}).empty());
    CHECK(r.ids({"kim", "jong"}).empty());
    CHECK(r.ids({"jong", "uno"}).empty());
}

TEST_CASE("a name typed without its diacritics is read as the name only when folding is on") {
    Reader r;
    CHECK(r.ids({"siaures", "korejos"}) == Ids{"north_korea"});
    CHECK(r.ids({"siaures", "koreja"}) == Ids{"north_korea"});
    CHECK(r.ids({"eszak", "koreaval"}) == Ids{"north_korea"});  // the ending folded too (ával -> aval)
    CHECK(r.ids({"kim", "cen", "unas"}) == Ids{"kim_jong_un"});
    CHECK(r.ids({"siaures", "korejos"}, false).empty());
    CHECK(r.ids({"eszak", "koreaval"}, false).empty());
}

TEST_CASE("inflected names reach every language's documents; lower-case words stay words") {
    SearchFixture fx;
    Searcher s = fx.searcher(true);
    const auto ids = [&](const std::string& query, AccentMatching accents = AccentMatching::Fold) {
        SearchRequest request;
        request.query = query;
        request.limit = 100;
        request.accents = accents;
        return SearchFixture::ids(s.search(request));
    };
    // Lithuanian genitive: before, its Lithuanian stem found only lt1.
    CHECK(ids("Pchenjano") == Ids{"de1", "en1", "hu1", "lt1", "ru1"});
    CHECK(ids("Пхеньяне") == Ids{"de1", "en1", "hu1", "lt1", "ru1"});
    CHECK(ids("Siaures Korejos") == Ids{"de1", "lt1", "ru1"});
    CHECK(ids("Siaures Korejos", AccentMatching::Strict).empty());
    // The lower-case genitive is searched as a word: its stem in Lithuanian only.
    CHECK(ids("pchenjano") == Ids{"lt1"});
}
