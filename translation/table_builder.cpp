#include "translation/table_builder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <ostream>
#include <regex>
#include <span>
#include <unordered_map>

#include "analysis/analyzer.hpp"
#include "translation/article_parser.hpp"
#include "translation/dictd_reader.hpp"
#include "translation/phrase_normalizer.hpp"
#include "translation/table_format.hpp"
#include "xling/error.hpp"

namespace xling::translation {
namespace {

constexpr float kDirectWeight = 0.8F;      // a dictionary of this direction lists the pair
constexpr float kInverseWeight = 0.5F;     // the other direction's dictionary lists it
constexpr float kPositionDecay = 0.9F;     // per earlier translation in the same sense
constexpr std::size_t kMaxDecaySteps = 4;  // later positions weigh as the fifth
constexpr float kUncommonFactor = 0.5F;    // labelled obsolete, rare, regional, slang
constexpr float kMinArticleFactor = 0.4F;  // the weight of a headword's slightest article
constexpr float kArticleExponent = 0.35F;  // (article size / largest article of its headword)^this
constexpr float kRareFloor = 0.6F;         // weight factor of a word's least common translation
constexpr float kPivotFactor = 0.5F;       // per pivot hop
constexpr std::size_t kPivotFanIn = 5;     // best translations followed on each leg of a pivot
constexpr std::size_t kMaxPivots = 2;      // languages in one pivot path
constexpr std::size_t kMaxPivotKeyWords = 2;  // longer phrases translate only directly (table size)
constexpr std::size_t kSecondPivotBelow = 3;  // two-pivot paths for words with fewer translations
constexpr float kStemSiblingFactor = 0.9F;    // a pivot word's leg taken from a word of its stem
// A translation only pivots reach, through one route (one pivot path), is weak: a pivot word's
// other senses leak through it (hu katona -> en "soldier" -> lt "kareivis" is right, en "troops"
// -> lt "minia" "crowd" is not). Two routes through different pivot languages agreeing is
// evidence; the noisy-or of their weights already ranks it higher. Measured on NTREX
// (translation/README.md, "Routes").
constexpr float kSingleRouteFactor = 0.6F;
constexpr std::size_t kMaxRoutes = 4;      // distinct routes remembered per candidate
constexpr float kMinStoredWeight = 0.01F;  // below this a translation is noise
constexpr std::size_t kMaxKeysPerStem = 8;
constexpr std::uint32_t kNoId = std::numeric_limits<std::uint32_t>::max();

// ISO 639-3 (FreeDict file names) -> ISO 639-1 (xling).
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kIsoCodes{{
    {"eng", "en"}, {"deu", "de"}, {"hun", "hu"}, {"lit", "lt"}, {"rus", "ru"}, {"fra", "fr"},
    {"ita", "it"}, {"spa", "es"}, {"por", "pt"}, {"nld", "nl"}, {"pol", "pl"}, {"swe", "sv"},
    {"fin", "fi"}, {"ces", "cs"}, {"bul", "bg"}, {"ell", "el"}, {"jpn", "ja"},
}};

std::optional<std::string> iso_639_1(std::string_view code3) {
    for (const auto& [three, two] : kIsoCodes) {
        if (three == code3) return std::string(two);
    }
    return std::nullopt;
}

float noisy_or(float a, float b) { return 1.0F - (1.0F - a) * (1.0F - b); }

// ---------------------------------------------------------------------------------------------
// Words of one language: normalized key <-> id, with the spelling shown for it.

class Vocabulary {
  public:
    /// Id of the phrase `display`, or kNoId when it normalizes to no usable key.
    std::uint32_t intern(const std::string& display, PhraseNormalizer& normalize) {
        // Dictionaries repeat their translations: the normalization (ICU) runs once per spelling.
        if (const auto it = by_display_.find(display); it != by_display_.end()) return it->second;
        const std::uint32_t id = intern_new(display, normalize(display));
        by_display_.emplace(display, id);
        return id;
    }
    [[nodiscard]] const std::string& key(std::uint32_t id) const { return keys_[id]; }
    [[nodiscard]] const std::string& display(std::uint32_t id) const { return displays_[id]; }
    [[nodiscard]] std::size_t size() const { return keys_.size(); }

  private:
    std::uint32_t intern_new(const std::string& display, std::string key) {
        if (!usable_key(key)) return kNoId;
        const auto [it, inserted] = by_key_.try_emplace(std::move(key), static_cast<std::uint32_t>(keys_.size()));
        if (inserted) {
            keys_.push_back(it->first);
            displays_.push_back(display);
        }
        return it->second;
    }
    static bool usable_key(const std::string& key) {
        if (key.empty()) return false;
        std::size_t words = 1;
        std::size_t word_bytes = 0;
        for (const char c : key) {
            if (c == ' ') {
                ++words;
                word_bytes = 0;
            } else if (++word_bytes > analysis::kMaxWordBytes) {
                return false;
            }
        }
        return words <= kMaxPhraseWords && key.size() <= format::kMaxText;
    }
    std::unordered_map<std::string, std::uint32_t> by_display_;
    std::unordered_map<std::string, std::uint32_t> by_key_;
    std::vector<std::string> keys_;
    std::vector<std::string> displays_;
};

// ---------------------------------------------------------------------------------------------
// Translation lists of one language pair: per source id, candidates best first.

struct Candidate {
    std::uint32_t target = 0;
    float weight = 0;
    std::uint8_t via = 0;  // table_format via byte; 0 = direct
    // The distinct routes that reach the pair. A route is named by the dictionary that gives the
    // target word: direct (0) or the last pivot language of the path (1 + its index), so
    // en→fi→lt and en→de→fi→lt, both ending in fin-lit, are one route, not two agreeing.
    std::array<std::uint8_t, kMaxRoutes> routes{};
    std::uint8_t route_count = 0;

    static Candidate of(std::uint32_t target, float weight, std::uint8_t via) {
        Candidate c{target, weight, via, {}, 0};
        const auto second = static_cast<std::uint8_t>(via >> 4);  // table_format's via nibbles
        c.add_route(second != 0 ? second : static_cast<std::uint8_t>(via & 0x0F));
        return c;
    }
    void add_route(std::uint8_t route) {
        if (std::find(routes.begin(), routes.begin() + route_count, route) != routes.begin() + route_count) return;
        if (route_count < kMaxRoutes) routes[route_count++] = route;
    }
    [[nodiscard]] bool has_direct() const { return std::find(routes.begin(), routes.begin() + route_count, 0) != routes.begin() + route_count; }
};

class PairLists {
  public:
    /// Appends the list of `source`; sources must come in increasing order.
    void append(std::uint32_t source, std::vector<Candidate> list) {
        if (list.empty()) return;
        sources_.push_back(source);
        begins_.push_back(static_cast<std::uint32_t>(candidates_.size()));
        candidates_.insert(candidates_.end(), list.begin(), list.end());
    }
    [[nodiscard]] std::span<const Candidate> find(std::uint32_t source) const {
        const auto it = std::lower_bound(sources_.begin(), sources_.end(), source);
        if (it == sources_.end() || *it != source) return {};
        return list(static_cast<std::size_t>(it - sources_.begin()));
    }
    [[nodiscard]] std::size_t size() const { return sources_.size(); }
    [[nodiscard]] std::uint32_t source(std::size_t i) const { return sources_[i]; }
    [[nodiscard]] std::span<const Candidate> list(std::size_t i) const {
        const std::size_t end = i + 1 < begins_.size() ? begins_[i + 1] : candidates_.size();
        return std::span<const Candidate>(candidates_).subspan(begins_[i], end - begins_[i]);
    }

  private:
    std::vector<std::uint32_t> sources_;
    std::vector<std::uint32_t> begins_;
    std::vector<Candidate> candidates_;
};

void sort_and_cap(std::vector<Candidate>& list, std::size_t cap) {
    std::erase_if(list, [](const Candidate& c) { return c.weight < kMinStoredWeight; });
    std::stable_sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
    if (list.size() > cap) list.resize(cap);
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
    const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    return static_cast<std::size_t>(ia - a.begin());
}

// The single words of a vocabulary grouped by stem: a pivot word without a translation of its
// own borrows the one of its nearest inflection ("sanctions" -> "sanction").
class StemGroups {
  public:
    StemGroups(const Vocabulary& vocabulary, const std::string& lang, const StemFunction& stem)
        : vocabulary_(vocabulary), group_of_(vocabulary.size(), kNoId) {
        if (!stem) return;
        std::unordered_map<std::string, std::uint32_t> index;
        for (std::uint32_t id = 0; id < vocabulary.size(); ++id) {
            const std::string& word = vocabulary.key(id);
            if (word.find(' ') != std::string::npos) continue;
            std::string st = stem(lang, word);
            if (st.empty()) continue;
            const auto [it, inserted] = index.try_emplace(std::move(st), static_cast<std::uint32_t>(groups_.size()));
            if (inserted) groups_.emplace_back();
            groups_[it->second].push_back(id);
            group_of_[id] = it->second;
        }
    }

    /// The word sharing `id`'s stem that has a list in `lists`, nearest in spelling (longest
    /// common prefix, then shortest); nullopt when none.
    [[nodiscard]] std::optional<std::uint32_t> nearest_with_list(std::uint32_t id, const PairLists& lists) const {
        if (id >= group_of_.size() || group_of_[id] == kNoId) return std::nullopt;
        const std::string& word = vocabulary_.key(id);
        std::optional<std::uint32_t> best;
        std::pair<std::size_t, std::size_t> best_score{0, 0};  // (common prefix, -length) as a pair to maximize
        for (const std::uint32_t other : groups_[group_of_[id]]) {
            if (other == id || lists.find(other).empty()) continue;
            const std::string& candidate = vocabulary_.key(other);
            const std::pair<std::size_t, std::size_t> score{common_prefix(word, candidate), SIZE_MAX - candidate.size()};
            if (!best || score > best_score) {
                best = other;
                best_score = score;
            }
        }
        return best;
    }

  private:
    const Vocabulary& vocabulary_;
    std::vector<std::uint32_t> group_of_;
    std::vector<std::vector<std::uint32_t>> groups_;
};

void scale_by_commonness(std::vector<Candidate>& list, const std::function<std::uint32_t(std::uint32_t)>& count) {
    if (!count || list.size() < 2) return;
    std::vector<float> logs;
    for (const Candidate& c : list) logs.push_back(std::log1p(static_cast<float>(count(c.target))));
    const float top = *std::max_element(logs.begin(), logs.end());
    if (top <= 0) return;
    for (std::size_t i = 0; i < list.size(); ++i) list[i].weight *= kRareFloor + (1.0F - kRareFloor) * logs[i] / top;
}

// A translation seen in a dictionary: evidence for src→tgt of one kind.
struct Evidence {
    std::uint32_t source;
    std::uint32_t target;
    float weight;
    bool inverse;
};

// Evidence -> lists: max per kind, kinds combined by noisy-or, then scaled by how common each
// translation is among the word's translations: kRareFloor + (1 − kRareFloor) ×
// log(1 + count) / log(1 + largest count), `count` being the target's count in the dictionaries.
PairLists lists_from_evidence(std::vector<Evidence> evidence, std::size_t cap,
                              const std::function<std::uint32_t(std::uint32_t)>& count) {
    std::sort(evidence.begin(), evidence.end(), [](const Evidence& a, const Evidence& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    PairLists out;
    std::vector<Candidate> list;
    for (std::size_t i = 0; i < evidence.size();) {
        const std::uint32_t source = evidence[i].source;
        list.clear();
        while (i < evidence.size() && evidence[i].source == source) {
            const std::uint32_t target = evidence[i].target;
            float direct = 0;
            float inverse = 0;
            for (; i < evidence.size() && evidence[i].source == source && evidence[i].target == target; ++i) {
                float& kind = evidence[i].inverse ? inverse : direct;
                kind = std::max(kind, evidence[i].weight);
            }
            list.push_back(Candidate::of(target, noisy_or(direct, inverse), 0));
        }
        scale_by_commonness(list, count);
        sort_and_cap(list, cap);
        out.append(source, list);
    }
    return out;
}

// Accumulates candidates for one source word, remembering the strongest path's via and every
// route that reached the pair. Evidence through a new route combines by noisy-or; evidence
// through routes already counted by maximum: the paths of one route through several of its
// pivot words are one piece of evidence (en→fi gives "joukot", "joukko", "armeija"; fin-lit
// translating them all by "aibė" "multitude" does not make it likelier), and the two-pivot
// level re-derives the one-pivot paths of its legs.
class CandidateAccumulator {
  public:
    void add(const Candidate& c) {
        const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.candidate.target == c.target; });
        if (it == entries_.end()) {
            entries_.push_back({c, c.weight});
            return;
        }
        const auto* known_begin = it->candidate.routes.begin();
        const auto* known_end = known_begin + it->candidate.route_count;
        const bool new_route = std::any_of(c.routes.begin(), c.routes.begin() + c.route_count,
                                           [&](std::uint8_t r) { return std::find(known_begin, known_end, r) == known_end; });
        it->candidate.weight = new_route ? noisy_or(it->candidate.weight, c.weight) : std::max(it->candidate.weight, c.weight);
        for (std::uint8_t r = 0; r < c.route_count; ++r) it->candidate.add_route(c.routes[r]);
        // A direct translation stays "direct" whatever pivots confirm it.
        if (it->candidate.via != 0 && (c.via == 0 || c.weight > it->strongest)) it->candidate.via = c.via;
        it->strongest = std::max(it->strongest, c.weight);
    }
    std::vector<Candidate> take(std::size_t cap) {
        std::vector<Candidate> out;
        out.reserve(entries_.size());
        for (const auto& e : entries_) out.push_back(e.candidate);
        entries_.clear();
        sort_and_cap(out, cap);
        return out;
    }

  private:
    struct Entry {
        Candidate candidate;
        float strongest;
    };
    std::vector<Entry> entries_;
};

// The languages of one pivot route.
struct Route {
    std::uint8_t source;
    std::uint8_t pivot;
    std::uint8_t target;
};

// The via byte of first leg + pivot + second leg, or nullopt for a path too long or one that
// passes through its own source or target language (hu→en→de→en→lt is no translation).
std::optional<std::uint8_t> pivot_path(std::uint8_t first_via, const Route& route, std::uint8_t second_via) {
    std::vector<std::uint8_t> path = format::via_pivots(first_via);
    path.push_back(route.pivot);
    for (const auto p : format::via_pivots(second_via)) path.push_back(p);
    if (path.size() > kMaxPivots) return std::nullopt;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == route.source || path[i] == route.target) return std::nullopt;
        if (std::find(path.begin() + static_cast<std::ptrdiff_t>(i) + 1, path.end(), path[i]) != path.end()) return std::nullopt;
    }
    return format::via_byte(path);
}

// src→pivot lists followed by pivot→tgt lists. Pivot words without a list of their own use the
// nearest word of their stem (`pivot_stems`).
PairLists compose(const PairLists& first, const PairLists& second, const Route& route, const StemGroups& pivot_stems,
                  const Vocabulary& sources, std::size_t cap) {
    PairLists out;
    CandidateAccumulator acc;
    for (std::size_t i = 0; i < first.size(); ++i) {
        const std::string& key = sources.key(first.source(i));
        if (static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) >= kMaxPivotKeyWords) continue;
        const auto legs = first.list(i).first(std::min(first.list(i).size(), kPivotFanIn));
        for (const Candidate& a : legs) {
            auto seconds = second.find(a.target);
            float factor = kPivotFactor * a.weight;
            if (seconds.empty()) {
                const auto sibling = pivot_stems.nearest_with_list(a.target, second);
                if (!sibling) continue;
                seconds = second.find(*sibling);
                factor *= kStemSiblingFactor;
            }
            for (const Candidate& b : seconds.first(std::min(seconds.size(), kPivotFanIn))) {
                if (const auto via = pivot_path(a.via, route, b.via)) acc.add(Candidate::of(b.target, factor * b.weight, *via));
            }
        }
        out.append(first.source(i), acc.take(cap));
    }
    return out;
}

// Union of two pair lists, candidates of one source combined by noisy-or. `extra` adds to the
// sources of `base` with fewer than `below` candidates (all of them by default).
PairLists merge(const PairLists& base, const PairLists& extra, std::size_t cap, std::size_t below = SIZE_MAX) {
    PairLists out;
    CandidateAccumulator acc;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < base.size() || j < extra.size()) {
        const std::uint32_t a = i < base.size() ? base.source(i) : kNoId;
        const std::uint32_t b = j < extra.size() ? extra.source(j) : kNoId;
        const std::uint32_t source = std::min(a, b);
        if (a == source) {
            for (const Candidate& c : base.list(i)) acc.add(c);
        }
        if (b == source && (a != source || base.list(i).size() < below)) {
            for (const Candidate& c : extra.list(j)) acc.add(c);
        }
        if (a == source) ++i;
        if (b == source) ++j;
        out.append(source, acc.take(cap));
    }
    return out;
}

// "direct 60%, via en 35%, via en+de 5%" (shares of the records written).

// ---------------------------------------------------------------------------------------------

class TableBuilder {
  public:
    TableBuilder(const BuildOptions& options, const StemFunction& stem)
        : languages_(all_languages(options)),
          table_languages_(options.languages.size()),
          vocabularies_(languages_.size()),
          cap_(options.max_per_language),
          stem_(stem) {
        for (const auto& p : options.pivots) {
            const auto index = language_index(p);
            if (!index) throw ConfigError("pivot language '" + p + "' is not one of the table's languages");
            pivots_.push_back(*index);
        }
    }

    void add_dictionary(const DictdDatabase& db, const DictionaryFile& file, DictionaryReport& report) {
        const std::uint8_t src = *language_index(file.source);
        const std::uint8_t tgt = *language_index(file.target);
        std::vector<Evidence>& forward = evidence_[{src, tgt}];
        std::vector<Evidence>& backward = evidence_[{tgt, src}];
        const std::vector<std::size_t> longest = longest_articles(db, src, file.source);
        for (const DictdArticle& raw : db.articles()) {
            ++report.articles;
            const DictArticle article = parse_article(raw.text, file.target);
            for (const auto& [source_text, target_text] : article.examples) {
                count_words(src, normalize_(source_text));
                count_words(tgt, normalize_(target_text));
            }
            if (article.senses.empty()) continue;
            for (const std::uint32_t h : headword_ids(article.headword, src, file.source)) {
                ++report.headwords;
                // Ding gives each sense of a headword its own article, in no particular order;
                // common senses come with examples and cross references, rare ones bare:
                // "troops -> Truppen" (360 bytes) outweighs "troops -> strömt" (77).
                const float article_factor = std::clamp(
                    std::pow(static_cast<float>(raw.text.size()) / static_cast<float>(longest[h]), kArticleExponent), kMinArticleFactor, 1.0F);
                count_words(src, vocabularies_[src].key(h));
                for (std::size_t rank = 1; rank <= article.senses.size(); ++rank) {
                    const auto& translations = article.senses[rank - 1].translations;
                    for (std::size_t position = 0; position < translations.size(); ++position) {
                        const std::uint32_t t = vocabularies_[tgt].intern(repaired(translations[position].text, file.target), normalize_);
                        if (t == kNoId) continue;
                        const float r = article_factor / static_cast<float>(rank) *
                                        std::pow(kPositionDecay, static_cast<float>(std::min(position, kMaxDecaySteps))) *
                                        (translations[position].uncommon ? kUncommonFactor : 1.0F);
                        count_words(tgt, vocabularies_[tgt].key(t));
                        forward.push_back({h, t, kDirectWeight * r, false});
                        backward.push_back({t, h, kInverseWeight * r, true});
                        ++report.translations;
                    }
                }
            }
        }
    }

    BuildReport finish(const std::filesystem::path& out, std::ostream* progress) {
        const std::size_t n = languages_.size();
        // Level 0: what the dictionaries say.
        std::map<std::pair<std::uint8_t, std::uint8_t>, PairLists> direct;
        for (std::uint8_t l = 0; l < n; ++l) compute_commonness(l);
        for (auto& [pair, evidence] : evidence_) {
            const std::uint8_t target = pair.second;
            direct[pair] = lists_from_evidence(std::move(evidence), 2 * cap_, [&](std::uint32_t id) { return commonness_[target][id]; });
        }
        evidence_.clear();
        log(progress, "direct translations ready; pivoting");
        std::vector<StemGroups> stem_groups;
        for (std::uint8_t l = 0; l < n; ++l) stem_groups.emplace_back(vocabularies_[l], languages_[l], stem_);
        // Level 1: direct plus one-pivot paths over direct legs, for the table's pairs and the
        // legs of level 2 (a table language to or from a pivot-only one).
        std::map<std::pair<std::uint8_t, std::uint8_t>, PairLists> level1;
        for (std::uint8_t s = 0; s < n; ++s) {
            for (std::uint8_t t = 0; t < n; ++t) {
                if (s == t || (s >= table_languages_ && t >= table_languages_)) continue;
                PairLists lists = direct.count({s, t}) != 0 ? direct.at({s, t}) : PairLists{};
                for (const std::uint8_t p : pivots_) {
                    if (p == s || p == t || direct.count({s, p}) == 0 || direct.count({p, t}) == 0) continue;
                    lists = merge(lists, compose(direct.at({s, p}), direct.at({p, t}), {s, p, t}, stem_groups[p], vocabularies_[s], 2 * cap_), 2 * cap_);
                }
                if (lists.size() > 0) level1[{s, t}] = std::move(lists);
            }
        }
        // Level 2: words with few translations into t (hu→ru: eng-rus is tiny), through two pivots.
        std::map<std::pair<std::uint8_t, std::uint8_t>, PairLists> final_lists;
        for (std::uint8_t s = 0; s < table_languages_; ++s) {
            for (std::uint8_t t = 0; t < table_languages_; ++t) {
                if (s == t) continue;
                PairLists lists = level1.count({s, t}) != 0 ? level1.at({s, t}) : PairLists{};
                for (const std::uint8_t p : pivots_) {
                    if (p == s || p == t || level1.count({s, p}) == 0 || level1.count({p, t}) == 0) continue;
                    lists = merge(lists, compose(level1.at({s, p}), level1.at({p, t}), {s, p, t}, stem_groups[p], vocabularies_[s], 2 * cap_), 2 * cap_,
                                  kSecondPivotBelow);
                }
                if (lists.size() > 0) final_lists[{s, t}] = std::move(lists);
            }
        }
        level1.clear();
        log(progress, "writing the table");
        BuildReport report = write(final_lists, direct, out);
        report.repairs = repairs_;
        return report;
    }

  private:
    // The table's languages, then the pivots that are not among them (their words only carry
    // pivot paths: fr, it, nl, fi, el reach Lithuanian and Russian where English is thin).
    static std::vector<std::string> all_languages(const BuildOptions& options) {
        std::vector<std::string> out = options.languages;
        for (const auto& p : options.pivots) {
            if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
        }
        if (out.size() > format::kMaxLanguages) {
            throw ConfigError("at most " + std::to_string(format::kMaxLanguages) + " table and pivot languages (" +
                              std::to_string(out.size()) + " given)");
        }
        return out;
    }

    [[nodiscard]] std::optional<std::uint8_t> language_index(std::string_view code) const {
        const auto it = std::find(languages_.begin(), languages_.end(), code);
        if (it == languages_.end()) return std::nullopt;
        return static_cast<std::uint8_t>(it - languages_.begin());
    }

    std::string repaired(const std::string& text, const std::string& lang) { return repair_encoding(text, lang, repairs_); }

    // Counts the words of a normalized phrase: how often a word occurs in the dictionaries'
    // headwords, translations and examples is the frequency the builder has.
    void count_words(std::uint8_t lang, std::string_view normalized) {
        auto& counts = word_counts_[lang];
        while (!normalized.empty()) {
            const auto space = normalized.find(' ');
            ++counts[std::string(normalized.substr(0, space))];
            normalized.remove_prefix(space == std::string_view::npos ? normalized.size() : space + 1);
        }
    }

    // Per vocabulary id of `lang`: the count of its rarest word, inflections counted together
    // (by stem); stopwords do not count as a phrase's rarest word.
    void compute_commonness(std::uint8_t lang) {
        const std::string& code = languages_[lang];
        const auto stem_of = [&](const std::string& word) { return stem_ ? stem_(code, word) : word; };
        std::unordered_map<std::string, std::uint32_t> by_stem;
        for (const auto& [word, count] : word_counts_[lang]) {
            if (std::string st = stem_of(word); !st.empty()) by_stem[st] += count;
        }
        word_counts_[lang].clear();
        const Vocabulary& v = vocabularies_[lang];
        std::vector<std::uint32_t>& out = commonness_[lang];
        out.assign(v.size(), 0);
        for (std::uint32_t id = 0; id < v.size(); ++id) {
            std::optional<std::uint32_t> rarest;
            std::string_view key = v.key(id);
            while (!key.empty()) {
                const auto space = key.find(' ');
                const std::string st = stem_of(std::string(key.substr(0, space)));
                key.remove_prefix(space == std::string_view::npos ? key.size() : space + 1);
                if (st.empty()) continue;
                const auto it = by_stem.find(st);
                const std::uint32_t c = it == by_stem.end() ? 0 : it->second;
                rarest = std::min(rarest.value_or(c), c);
            }
            out[id] = rarest.value_or(0);
        }
    }

    // Vocabulary ids of an article's headword variants.
    std::vector<std::uint32_t> headword_ids(const std::string& headword, std::uint8_t lang, const std::string& code) {
        std::vector<std::uint32_t> ids;
        for (const auto& variant : split_translations(repair_encoding(headword, code, repairs_), code)) {
            const std::uint32_t id = vocabularies_[lang].intern(variant.text, normalize_);
            if (id != kNoId) ids.push_back(id);
        }
        return ids;
    }

    // Per headword id of `lang`: the size of its longest article in `db`.
    std::vector<std::size_t> longest_articles(const DictdDatabase& db, std::uint8_t lang, const std::string& code) {
        RepairReport counted_later;  // the second pass counts the repairs
        std::vector<std::size_t> longest;
        for (const DictdArticle& raw : db.articles()) {
            for (const auto& variant : split_translations(repair_encoding(article_headword(raw.text), code, counted_later), code)) {
                const std::uint32_t id = vocabularies_[lang].intern(variant.text, normalize_);
                if (id == kNoId) continue;
                if (id >= longest.size()) longest.resize(id + 1, 0);
                longest[id] = std::max(longest[id], raw.text.size());
            }
        }
        return longest;
    }

    static void log(std::ostream* progress, const std::string& message) {
        if (progress != nullptr) *progress << "xling-dict: " << message << '\n' << std::flush;
    }

    BuildReport write(const std::map<std::pair<std::uint8_t, std::uint8_t>, PairLists>& lists,
                      const std::map<std::pair<std::uint8_t, std::uint8_t>, PairLists>& direct,
                      const std::filesystem::path& out) {
        format::TableWriter writer(languages_);
        BuildReport report;
        std::map<std::pair<std::uint8_t, std::uint8_t>, PairReport> pairs;
        std::map<std::pair<std::uint8_t, std::uint8_t>, std::map<std::uint8_t, std::size_t>> vias;  // via -> records
        for (std::uint8_t s = 0; s < table_languages_; ++s) {
            std::map<std::string, std::vector<std::uint32_t>> stems;
            for (const std::uint32_t source : sources_by_key(s, lists)) {
                std::vector<format::RecordInput> records;
                for (std::uint8_t t = 0; t < table_languages_; ++t) {
                    const auto it = lists.find({s, t});
                    if (it == lists.end()) continue;
                    const auto list = it->second.find(source);
                    if (list.empty()) continue;
                    PairReport& pair = pairs[{s, t}];
                    ++pair.words;
                    const auto d = direct.find({s, t});
                    if (d != direct.end() && !d->second.find(source).empty()) ++pair.direct_words;
                    for (const Candidate& c : weighed_by_routes(list)) {
                        records.push_back({vocabularies_[t].display(c.target), t, c.via, c.weight});
                        ++pair.translations;
                        ++vias[{s, t}][c.via];
                    }
                }
                const std::string& key = vocabularies_[s].key(source);
                const auto index = writer.add_key(s, key, records);
                if (!index) continue;
                key_lengths_.push_back(key.size());
                if (stem_ && key.find(' ') == std::string::npos) {
                    if (std::string st = stem_(languages_[s], key); !st.empty()) stems[std::move(st)].push_back(*index);
                }
            }
            for (auto& [st, keys] : stems) {
                // The shortest words first: closest to the dictionary form.
                std::stable_sort(keys.begin(), keys.end(), [&](std::uint32_t a, std::uint32_t b) {
                    return key_lengths_[a] < key_lengths_[b];
                });
                if (keys.size() > kMaxKeysPerStem) keys.resize(kMaxKeysPerStem);
                writer.add_stem(s, st, keys);
            }
        }
        for (auto& [pair, r] : pairs) {
            r.source = languages_[pair.first];
            r.target = languages_[pair.second];
            r.route = route_text(vias[pair]);
            report.pairs.push_back(r);
        }
        report.keys = writer.key_count();
        report.translations = writer.record_count();
        report.stems = writer.stem_count();
        report.bytes = writer.write(out);
        return report;
    }

    // The best cap_ of a pair's list once pivot-only translations reached by one route only are
    // weakened (kSingleRouteFactor) against those of the list that are confirmed (direct, or
    // reached by two routes). Where nothing is confirmed (every X→hu path ends in eng-hun: one
    // route is all there can be) they are left as they are: the weakening ranks, it does not
    // push a word's only translations under the searcher's weight floor.
    [[nodiscard]] std::vector<Candidate> weighed_by_routes(std::span<const Candidate> list) const {
        std::vector<Candidate> out(list.begin(), list.end());
        const auto confirmed = [](const Candidate& c) { return c.has_direct() || c.route_count > 1; };
        if (std::any_of(out.begin(), out.end(), confirmed)) {
            for (Candidate& c : out) {
                if (!confirmed(c)) c.weight *= kSingleRouteFactor;
            }
        }
        sort_and_cap(out, cap_);
        return out;
    }

    // "direct 62%, via en 30%, via en+de 8%": shares of a pair's records by route.
    [[nodiscard]] std::string route_text(const std::map<std::uint8_t, std::size_t>& vias) const {
        std::size_t total = 0;
        for (const auto& [via, count] : vias) total += count;
        std::string out;
        for (const auto& [via, count] : vias) {
            std::string name;
            for (const auto p : format::via_pivots(via)) name += (name.empty() ? "" : "+") + languages_[p];
            if (!out.empty()) out += ", ";
            out += (name.empty() ? std::string("direct") : "via " + name) + " " + std::to_string((100 * count + total / 2) / total) + "%";
        }
        return out;
    }

    // Ids of language s with any translation, in key byte order (the file's order).
    [[nodiscard]] std::vector<std::uint32_t> sources_by_key(std::uint8_t s, const std::map<std::pair<std::uint8_t, std::uint8_t>, PairLists>& lists) const {
        std::vector<std::uint32_t> ids;
        for (const auto& [pair, l] : lists) {
            if (pair.first != s) continue;
            for (std::size_t i = 0; i < l.size(); ++i) ids.push_back(l.source(i));
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        const Vocabulary& v = vocabularies_[s];
        std::sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) { return v.key(a) < v.key(b); });
        return ids;
    }

    std::vector<std::string> languages_;  // the table's, then pivot-only ones
    std::size_t table_languages_;
    std::vector<Vocabulary> vocabularies_;
    std::vector<std::uint8_t> pivots_;
    std::size_t cap_;
    const StemFunction& stem_;
    PhraseNormalizer normalize_;
    RepairReport repairs_;
    std::map<std::pair<std::uint8_t, std::uint8_t>, std::vector<Evidence>> evidence_;
    std::vector<std::size_t> key_lengths_;  // of the keys written, by table index
    std::vector<std::unordered_map<std::string, std::uint32_t>> word_counts_ = std::vector<std::unordered_map<std::string, std::uint32_t>>(languages_.size());
    std::vector<std::vector<std::uint32_t>> commonness_ = std::vector<std::vector<std::uint32_t>>(languages_.size());
};

}  // namespace

std::vector<DictionaryFile> find_dictionaries(const std::filesystem::path& dir, const std::vector<std::string>& languages) {
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec);
    if (ec) throw InputError(dir.string() + ": cannot list dictionaries: " + ec.message());
    static const std::regex kName("freedict-([a-z]{3})-([a-z]{3})\\.index");
    std::vector<DictionaryFile> out;
    for (const auto& entry : it) {
        std::smatch m;
        const std::string name = entry.path().filename().string();
        if (!std::regex_match(name, m, kName)) continue;
        const auto source = iso_639_1(m[1].str());
        const auto target = iso_639_1(m[2].str());
        const auto wanted = [&](const std::optional<std::string>& l) {
            return l && std::find(languages.begin(), languages.end(), *l) != languages.end();
        };
        if (!wanted(source) || !wanted(target)) continue;
        const auto dict = DictdDatabase::dict_for_index(entry.path());
        if (!dict) continue;
        out.push_back({entry.path(), *dict, *source, *target});
    }
    std::sort(out.begin(), out.end(), [](const DictionaryFile& a, const DictionaryFile& b) { return a.index < b.index; });
    return out;
}

BuildReport build_table(const BuildOptions& options, const StemFunction& stem, const std::filesystem::path& out,
                        std::ostream* progress) {
    if (options.languages.size() < 2) throw ConfigError("a translation table needs at least two languages");
    TableBuilder builder(options, stem);
    std::vector<DictionaryReport> dictionaries;
    std::vector<std::string> wanted = options.languages;
    wanted.insert(wanted.end(), options.pivots.begin(), options.pivots.end());
    for (const DictionaryFile& file : find_dictionaries(options.dictd_dir, wanted)) {
        if (progress != nullptr) *progress << "xling-dict: reading " << file.dict.string() << '\n' << std::flush;
        const DictdDatabase db = DictdDatabase::load(file.index, file.dict);
        DictionaryReport report{file, db.title(), 0, 0, 0};
        builder.add_dictionary(db, file, report);
        dictionaries.push_back(std::move(report));
    }
    BuildReport report = builder.finish(out, progress);
    report.dictionaries = std::move(dictionaries);
    for (const auto& lang : options.languages) {
        const bool covered = std::any_of(report.dictionaries.begin(), report.dictionaries.end(),
                                         [&](const DictionaryReport& d) { return d.file.source == lang || d.file.target == lang; });
        if (!covered) report.warnings.push_back("no dictionary for language '" + lang + "' in " + options.dictd_dir.string());
    }
    return report;
}

}  // namespace xling::translation

namespace xling::translation {

void print_report(const BuildReport& report, std::ostream& out) {
    out << "dictionaries:\n";
    for (const auto& d : report.dictionaries) {
        out << "  " << d.file.source << "->" << d.file.target << "  " << d.file.index.filename().string() << "  \""
            << d.title << "\"  " << d.articles << " articles, " << d.headwords << " headwords, " << d.translations
            << " translations\n";
    }
    out << "pairs (source words with translations; direct ones; records; route):\n";
    for (const auto& p : report.pairs) {
        out << "  " << p.source << "->" << p.target << "  " << p.words << " words, " << p.direct_words << " direct, "
            << p.translations << " translations, " << p.route << '\n';
    }
    out << "encoding repairs: " << report.repairs.hungarian_letters << " Hungarian strings with ô/õ/û repaired to ő/ű, "
        << report.repairs.stress_marks << " Russian strings without stress marks, " << report.repairs.suspicious
        << " suspicious strings left as they are\n";
    for (const auto& s : report.repairs.samples) out << "  suspicious: " << s << '\n';
    for (const auto& w : report.warnings) out << "warning: " << w << '\n';
    out << "table: " << report.keys << " keys, " << report.translations << " translations, " << report.stems << " stems, "
        << report.bytes << " bytes\n";
}

}  // namespace xling::translation
