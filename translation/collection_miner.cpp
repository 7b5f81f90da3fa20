#include "translation/collection_miner.hpp"

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iomanip>
#include <map>
#include <optional>
#include <ostream>
#include <tuple>
#include <unordered_map>

#include "xling/schema.hpp"

namespace xling::translation {
namespace {

// Days since 1970-01-01 of "YYYYMMDD" (H. Hinnant's days_from_civil), nullopt when undated.
std::optional<long> day_number(const std::string& yyyymmdd) {
    if (yyyymmdd.size() != 8 || !std::all_of(yyyymmdd.begin(), yyyymmdd.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::nullopt;
    }
    long y = std::stol(yyyymmdd.substr(0, 4));
    const long m = std::stol(yyyymmdd.substr(4, 2));
    const long d = std::stol(yyyymmdd.substr(6, 2));
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool is_plain_word(const std::string& term) {
    if (term.empty()) return false;
    const auto first = static_cast<unsigned char>(term[0]);
    if (first >= 'A' && first <= 'Z') return false;  // a prefixed term (schema.hpp)
    // Numbers and words with digits say nothing about translation.
    return term.size() >= 3 && std::none_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Document {
    std::uint8_t lang = 0;
    std::optional<long> day;
    std::vector<std::uint32_t> stems;  // ids, sorted, unique
    std::vector<std::string> names;    // name keys
};

// Every document's language, date, stems and name keys; stem ids are per (language, stem).
class Collection {
  public:
    std::vector<std::string> languages;
    std::vector<Document> documents;
    std::vector<std::uint8_t> stem_lang;
    std::vector<std::map<std::string, std::size_t>> stem_forms;  // stem id -> form -> documents

    void read(const Xapian::Database& db, const StemFunction& stem) {
        std::unordered_map<std::string, std::string> stem_cache;  // "lang\x1fword" -> stem
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            const Xapian::Document doc = db.get_document(*it);
            Document d;
            const std::string lang = doc.get_value(schema::kLanguageSlot);
            if (lang.empty() || lang == "und") continue;
            d.lang = language_id(lang);
            d.day = day_number(doc.get_value(schema::kDateSlot));
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                const std::string term = *t;
                if (term.rfind(schema::kNameKeyPrefix, 0) == 0) {
                    d.names.push_back(term.substr(schema::kNameKeyPrefix.size()));
                    continue;
                }
                if (!is_plain_word(term)) continue;
                // A word that is its own name key is a name (Latin script): names already match. The
                // termlist is sorted, so the N terms came before any plain word.
                if (std::binary_search(d.names.begin(), d.names.end(), term)) continue;
                const std::string cache_key = lang + '\x1f' + term;
                auto cached = stem_cache.find(cache_key);
                if (cached == stem_cache.end()) cached = stem_cache.emplace(cache_key, stem(lang, term)).first;
                if (cached->second.empty()) continue;  // a stopword
                const std::uint32_t id = stem_id(d.lang, cached->second);
                d.stems.push_back(id);
                ++stem_forms[id][term];
            }
            std::sort(d.stems.begin(), d.stems.end());
            d.stems.erase(std::unique(d.stems.begin(), d.stems.end()), d.stems.end());
            documents.push_back(std::move(d));
        }
    }

    // The stem's most frequent indexed form (the spelling written to the learned file).
    [[nodiscard]] std::string form(std::uint32_t id) const {
        const auto& forms = stem_forms[id];
        return std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    }

  private:
    std::unordered_map<std::string, std::uint32_t> stem_ids_;

    std::uint8_t language_id(const std::string& lang) {
        const auto it = std::find(languages.begin(), languages.end(), lang);
        if (it != languages.end()) return static_cast<std::uint8_t>(it - languages.begin());
        languages.push_back(lang);
        return static_cast<std::uint8_t>(languages.size() - 1);
    }

    std::uint32_t stem_id(std::uint8_t lang, const std::string& s) {
        std::string key(1, static_cast<char>(lang));
        key += s;
        const auto [it, created] = stem_ids_.try_emplace(key, static_cast<std::uint32_t>(stem_lang.size()));
        if (created) {
            stem_lang.push_back(lang);
            stem_forms.emplace_back();
        }
        return it->second;
    }
};

using DocPair = std::pair<std::uint32_t, std::uint32_t>;

// Document pairs of different languages sharing at least min_shared_names rare name keys,
// published within max_days_apart days.
std::vector<DocPair> aligned_pairs(const Collection& c, const LearnOptions& options) {
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_name;
    for (std::uint32_t i = 0; i < c.documents.size(); ++i) {
        for (const auto& n : c.documents[i].names) by_name[n].push_back(i);
    }
    std::map<DocPair, std::size_t> shared;
    for (auto& [name, docs] : by_name) {
        if (docs.size() < 2 || docs.size() > options.max_name_documents) continue;
        std::sort(docs.begin(), docs.end());
        docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
        for (std::size_t i = 0; i < docs.size(); ++i) {
            for (std::size_t j = i + 1; j < docs.size(); ++j) {
                const Document& a = c.documents[docs[i]];
                const Document& b = c.documents[docs[j]];
                if (a.lang == b.lang) continue;
                if (a.day && b.day && std::labs(*a.day - *b.day) > options.max_days_apart) continue;
                ++shared[{docs[i], docs[j]}];
            }
        }
    }
    std::vector<DocPair> out;
    for (const auto& [pair, count] : shared) {
        if (count >= options.min_shared_names) out.push_back(pair);
    }
    return out;
}

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }

}  // namespace

LearnReport learn_translations(const std::vector<std::filesystem::path>& dbs, const StemFunction& stem, const LearnOptions& options) {
    Xapian::Database db;
    for (const auto& path : dbs) db.add_database(Xapian::Database(path.string()));
    Collection c;
    c.read(db, stem);
    LearnReport report;
    report.documents = c.documents.size();

    // Words in too many of their language's documents co-occur with everything.
    std::vector<std::size_t> docs_of_lang(c.languages.size());
    std::vector<std::size_t> docs_of_stem(c.stem_lang.size());
    for (const auto& d : c.documents) {
        ++docs_of_lang[d.lang];
        for (const auto s : d.stems) ++docs_of_stem[s];
    }
    const auto usable = [&](std::uint32_t s) {
        return static_cast<double>(docs_of_stem[s]) <= options.max_document_share * static_cast<double>(docs_of_lang[c.stem_lang[s]]);
    };

    const std::vector<DocPair> pairs = aligned_pairs(c, options);
    report.aligned_pairs = pairs.size();
    // marginal[s * languages + other]: aligned pairs with a document of language `other` whose
    // document in s's language holds s; joint[(a, b)]: aligned pairs holding both (a < b).
    const std::size_t nl = c.languages.size();
    std::vector<std::uint32_t> marginal(c.stem_lang.size() * nl);
    std::unordered_map<std::uint64_t, std::uint32_t> joint;
    for (const auto& [i, j] : pairs) {
        const Document& a = c.documents[i];
        const Document& b = c.documents[j];
        for (const auto s : a.stems) ++marginal[s * nl + b.lang];
        for (const auto s : b.stems) ++marginal[s * nl + a.lang];
        for (const auto sa : a.stems) {
            if (!usable(sa)) continue;
            for (const auto sb : b.stems) {
                if (usable(sb)) ++joint[sa < sb ? pair_key(sa, sb) : pair_key(sb, sa)];
            }
        }
    }

    // Candidates per (source stem, target language), best first; both directions.
    std::map<std::pair<std::uint32_t, std::uint8_t>, std::vector<std::pair<double, std::uint32_t>>> best;
    std::unordered_map<std::uint64_t, std::uint32_t> joint_of;
    for (const auto& [key, count] : joint) {
        if (count < options.min_pairs) continue;
        const auto a = static_cast<std::uint32_t>(key >> 32);
        const auto b = static_cast<std::uint32_t>(key & 0xffffffffU);
        const double dice = 2.0 * count / (marginal[a * nl + c.stem_lang[b]] + marginal[b * nl + c.stem_lang[a]]);
        if (dice < options.min_dice) continue;
        best[{a, c.stem_lang[b]}].emplace_back(dice, b);
        best[{b, c.stem_lang[a]}].emplace_back(dice, a);
        joint_of[key] = count;
    }
    for (auto& [src, list] : best) {
        std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        if (list.size() > options.max_per_word) list.resize(options.max_per_word);
        for (const auto& [dice, tgt] : list) {
            const std::uint32_t count = joint_of[src.first < tgt ? pair_key(src.first, tgt) : pair_key(tgt, src.first)];
            report.translations.push_back({c.languages[c.stem_lang[src.first]], c.form(src.first), c.languages[src.second],
                                           c.form(tgt), count, dice});
        }
    }
    std::stable_sort(report.translations.begin(), report.translations.end(), [](const LearnedPair& x, const LearnedPair& y) {
        return std::tie(x.src_lang, x.src_word, x.tgt_lang) < std::tie(y.src_lang, y.src_word, y.tgt_lang);
    });
    return report;
}

void write_learned(const LearnReport& report, const LearnOptions& options, std::ostream& out) {
    out << "# xling learned translations (xling-dict learn): " << report.documents << " documents, " << report.aligned_pairs
        << " aligned pairs (>= " << options.min_shared_names << " shared names, <= " << options.max_days_apart
        << " days apart), dice >= " << options.min_dice << ", >= " << options.min_pairs << " pairs\n";
    for (const auto& t : report.translations) {
        const double weight = std::clamp(static_cast<double>(options.weight_scale) * t.dice, 0.01, 1.0);
        out << t.src_lang << ':' << t.src_word << " -> " << t.tgt_lang << ": " << t.tgt_word << " @" << std::fixed
            << std::setprecision(3) << weight << '\n';
    }
}

}  // namespace xling::translation
