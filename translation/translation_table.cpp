#include "xling/translation_table.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>

#include "analysis/config_lines.hpp"
#include "translation/compiled_table.hpp"
#include "translation/glossary.hpp"
#include "translation/phrase_normalizer.hpp"
#include "translation/table_builder.hpp"
#include "translation/table_format.hpp"
#include "xling/error.hpp"
#include "xling/language.hpp"

namespace xling {

using translation::CompiledTable;
using translation::Glossary;
using translation::GlossaryTargets;

namespace {

/// Words sharing a stem are near, not equal: their translations rank below the word's own, and
/// those of the nearest spelling (longest common prefix: "militärische" -> "militärisch", not
/// "militär") above the rest.
constexpr float kStemMatchFactor = 0.9F;
constexpr float kFartherStemFactor = 0.8F;

std::size_t common_prefix(std::string_view a, std::string_view b) {
    const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
    return static_cast<std::size_t>(ia - a.begin());
}

bool starts_with_table_magic(const std::filesystem::path& path) {
    // Before the header is read: a FIFO would block this open, a device would pass as a glossary.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
        throw ConfigError(path.string() + ": not a regular file (a translation table or glossary)");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(path.string() + ": cannot read");
    std::string head(translation::format::kMagic.size(), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return CompiledTable::has_magic(head);
}

// Candidates of one lookup, per target language, before the glossary and the caps apply.
using Candidates = std::map<std::string, std::vector<Translation>, std::less<>>;

void add_candidate(std::vector<Translation>& list, Translation t) {
    const auto same = std::find_if(list.begin(), list.end(), [&](const Translation& e) { return e.text == t.text; });
    if (same == list.end()) {
        list.push_back(std::move(t));
    } else if (t.weight > same->weight) {
        *same = std::move(t);
    }
}

}  // namespace

class TranslationTable::Impl {
  public:
    std::shared_ptr<const CompiledTable> table;
    std::shared_ptr<const Glossary> glossary = std::make_shared<Glossary>();
    /// Translations mined from a collection (xling-dict learn): the glossary format, but they
    /// only add what the dictionaries lack, at the weights written (below the dictionaries').
    std::shared_ptr<const Glossary> learned = std::make_shared<Glossary>();

    [[nodiscard]] std::string via_text(std::uint8_t via) const {
        const auto pivots = translation::format::via_pivots(via);
        if (pivots.empty()) return "direct";
        std::string out;
        for (const auto p : pivots) {
            if (!out.empty()) out.push_back('+');
            out += table->languages()[p];
        }
        return out;
    }

    // The compiled table's translations of key `key`, weights scaled by `factor`, except into
    // the languages `exact` (when given) already has.
    void table_candidates(std::uint32_t key, float factor, Candidates& out, const Candidates* exact) const {
        const std::string key_text(table->key_text(key));
        for (const auto& r : table->records(key)) {
            const std::string& lang = table->languages()[r.target];
            if (exact != nullptr && exact->count(lang) != 0) continue;
            add_candidate(out[lang], Translation{std::string(r.text), r.weight * factor, via_text(r.via), key_text});
        }
    }

    // Table candidates of `word`; for the target languages it has none in (or when it is no
    // key), those of the headwords equal to one of `keys` (a lemma or a stem that is itself a
    // word: Hungarian katonák -> katona) and of the headwords sharing one of `keys` as stem.
    [[nodiscard]] Candidates from_table(std::string_view src, std::string_view word, const std::vector<std::string>& keys) const {
        Candidates out;
        if (!table) return out;
        const auto lang = table->language_index(src);
        if (!lang) return out;
        if (const auto key = table->find_key(*lang, word)) table_candidates(*key, 1.0F, out, nullptr);
        // Only a dictionary's own translation of the form blocks its lemma's: pivots may reach an
        // inflected form ("troops" via fi) that the lemma translates directly ("troop" -> minia).
        Candidates exact;
        for (const auto& [target, list] : out) {
            if (std::any_of(list.begin(), list.end(), [](const Translation& t) { return t.via == "direct"; })) exact[target] = list;
        }
        for (const std::string& k : keys) {
            if (k.empty()) continue;
            if (k != word) {
                if (const auto key = table->find_key(*lang, k)) table_candidates(*key, kStemMatchFactor, out, &exact);
            }
            std::vector<std::uint32_t> siblings = table->keys_of_stem(*lang, k);
            std::erase_if(siblings, [&](std::uint32_t s) { return table->key_text(s) == word || table->key_text(s) == k; });
            std::stable_sort(siblings.begin(), siblings.end(), [&](std::uint32_t a, std::uint32_t b) {
                return common_prefix(word, table->key_text(a)) > common_prefix(word, table->key_text(b));
            });
            for (std::size_t i = 0; i < siblings.size(); ++i) {
                const bool nearest = common_prefix(word, table->key_text(siblings[i])) == common_prefix(word, table->key_text(siblings[0]));
                table_candidates(siblings[i], kStemMatchFactor * (nearest ? 1.0F : kFartherStemFactor), out, &exact);
            }
        }
        return out;
    }

    // Entries of `word` in `layer` (a glossary or the learned translations), or merged from the
    // words sharing `stem` when `word` has none.
    [[nodiscard]] static std::vector<std::pair<std::string, const GlossaryTargets*>> entries_of(
        const Glossary& layer, std::string_view src, std::string_view word, std::optional<std::string_view> stem) {
        if (const auto* targets = layer.find(src, word)) return {{std::string(word), targets}};
        std::vector<std::pair<std::string, const GlossaryTargets*>> out;
        if (!stem || stem->empty()) return out;
        for (const auto& w : layer.words_of_stem(src, *stem)) {
            if (const auto* targets = layer.find(src, w)) out.emplace_back(w, targets);
        }
        return out;
    }

    // Learned translations join the candidates under "learned"; a dictionary's translation of the
    // same text keeps its own weight and label.
    void add_learned(std::string_view src, std::string_view word, std::optional<std::string_view> stem, Candidates& out) const {
        if (learned->size() == 0) return;
        const auto hits = entries_of(*learned, src, word, stem);
        const bool by_stem = !hits.empty() && hits.front().first != word;
        for (const auto& [key, targets] : hits) {
            for (const auto& [lang, entry] : *targets) {
                auto& list = out[lang];
                for (const auto& g : entry.translations) {
                    if (std::any_of(list.begin(), list.end(), [&](const Translation& t) { return t.text == g.text; })) continue;
                    list.push_back({g.text, g.weight * (by_stem ? kStemMatchFactor : 1.0F), "learned", key});
                }
            }
        }
    }

    // The builder's pivot-only languages (fr, it, ...: BuildOptions::pivots outside its table
    // languages) carry paths but no keys; the table format does not mark them, and a table
    // written by hand may have target languages without keys, so both tests are needed.
    [[nodiscard]] bool pivot_only(const std::string& lang, std::uint8_t index) const {
        if (find_language(lang) == nullptr) return true;
        // Built once (immutable): this runs for every looked-up word.
        static const std::vector<std::string> builder_pivots = [] {
            const translation::BuildOptions defaults;
            std::vector<std::string> out;
            for (const std::string& p : defaults.pivots) {
                if (std::find(defaults.languages.begin(), defaults.languages.end(), p) == defaults.languages.end()) out.push_back(p);
            }
            return out;
        }();
        const bool builder_pivot = std::find(builder_pivots.begin(), builder_pivots.end(), lang) != builder_pivots.end();
        return builder_pivot && !table->has_keys(index);
    }

    [[nodiscard]] std::vector<std::string> target_order(std::string_view src, const TranslationOptions& options) const {
        std::vector<std::string> order = options.target_languages;
        if (order.empty()) {
            if (table) {
                const auto& langs = table->languages();
                for (std::size_t i = 0; i < langs.size(); ++i) {
                    if (!pivot_only(langs[i], static_cast<std::uint8_t>(i))) order.push_back(langs[i]);
                }
            }
            for (const auto* layer : {glossary.get(), learned.get()}) {
                for (const auto& l : layer->languages()) {
                    if (std::find(order.begin(), order.end(), l) == order.end()) order.push_back(l);
                }
            }
        }
        std::erase(order, std::string(src));
        return order;
    }

    [[nodiscard]] std::vector<TargetTranslations> resolve(std::string_view src, std::string_view word,
                                                          const std::vector<std::string>& keys,
                                                          const TranslationOptions& options) const {
        Candidates candidates = from_table(src, word, keys);
        const std::optional<std::string_view> stem =
            keys.empty() ? std::nullopt : std::optional<std::string_view>(keys.back());  // glossaries key by stem
        add_learned(src, word, stem, candidates);
        const auto glossary_hits = entries_of(*glossary, src, word, stem);
        const bool by_stem = !glossary_hits.empty() && glossary_hits.front().first != word;
        std::vector<TargetTranslations> out;
        for (const auto& lang : target_order(src, options)) {
            std::vector<Translation> list = apply_glossary(lang, glossary_hits, by_stem, candidates[lang]);
            std::stable_sort(list.begin(), list.end(), [](const Translation& a, const Translation& b) { return a.weight > b.weight; });
            std::erase_if(list, [&](const Translation& t) { return t.weight < options.min_weight; });
            if (list.size() > options.max_per_language) list.resize(options.max_per_language);
            if (!list.empty()) out.push_back({lang, std::move(list)});
        }
        return out;
    }

    // Glossary translations first; the dictionary's follow unless a '=>' line replaced them.
    static std::vector<Translation> apply_glossary(const std::string& lang,
                                                   const std::vector<std::pair<std::string, const GlossaryTargets*>>& hits,
                                                   bool by_stem, std::vector<Translation> table_list) {
        std::vector<Translation> out;
        std::vector<std::string> normalized_seen;
        bool replace = false;
        for (const auto& [word, targets] : hits) {
            const auto it = targets->find(lang);
            if (it == targets->end()) continue;
            replace = replace || it->second.replace;
            for (const auto& g : it->second.translations) {
                if (std::find(normalized_seen.begin(), normalized_seen.end(), g.normalized) != normalized_seen.end()) continue;
                normalized_seen.push_back(g.normalized);
                out.push_back({g.text, g.weight * (by_stem ? kStemMatchFactor : 1.0F), "glossary", word});
            }
        }
        if (replace) return out;
        if (normalized_seen.empty()) return table_list;
        translation::PhraseNormalizer normalize;  // only for words a glossary names: rare
        for (auto& t : table_list) {
            if (std::find(normalized_seen.begin(), normalized_seen.end(), normalize(t.text)) == normalized_seen.end()) {
                out.push_back(std::move(t));
            }
        }
        return out;
    }
};

TranslationTable::TranslationTable() : impl_(std::make_shared<Impl>()) {}
TranslationTable::TranslationTable(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

TranslationTable TranslationTable::load(const std::vector<std::filesystem::path>& files, const StemFunction& stem) {
    TranslationTable result;
    for (const auto& file : files) {
        if (starts_with_table_magic(file)) {
            if (result.impl_->table) {
                throw ConfigError(file.string() + ": a second compiled translation table (give one table and any glossaries)");
            }
            result.impl_->table = std::make_shared<const CompiledTable>(file);
        } else {
            result.add_glossary(analysis::read_config_file(file, "glossary"), file.string(), stem);
        }
    }
    return result;
}

TranslationTable TranslationTable::load(const std::filesystem::path& file) { return load(std::vector{file}); }

void TranslationTable::add_glossary(std::string_view text, const std::string& origin, const StemFunction& stem) {
    add_layer(&Impl::glossary, text, origin, stem);
}

void TranslationTable::add_learned(std::string_view text, const std::string& origin, const StemFunction& stem) {
    add_layer(&Impl::learned, text, origin, stem);
}

void TranslationTable::add_layer(std::shared_ptr<const Glossary> Impl::*layer, std::string_view text, const std::string& origin,
                                 const StemFunction& stem) {
    // Copies share Impl: give this one its own before changing it.
    auto impl = std::make_shared<Impl>(*impl_);
    auto added = std::make_shared<Glossary>(*((*impl).*layer));
    added->parse(text, origin, stem);
    (*impl).*layer = std::move(added);
    impl_ = std::move(impl);
}

std::vector<TargetTranslations> TranslationTable::translations(std::string_view src_lang, std::string_view normalized_word,
                                                               const TranslationOptions& options) const {
    return impl_->resolve(src_lang, normalized_word, {}, options);
}

std::vector<TargetTranslations> TranslationTable::lookup(std::string_view src_lang, std::string_view normalized_word,
                                                         std::string_view stem, const TranslationOptions& options) const {
    return impl_->resolve(src_lang, normalized_word, stem.empty() ? std::vector<std::string>{} : std::vector<std::string>{std::string(stem)}, options);
}

std::vector<TargetTranslations> TranslationTable::lookup(std::string_view src_lang, std::string_view normalized_word,
                                                         const std::vector<std::string>& keys, const TranslationOptions& options) const {
    return impl_->resolve(src_lang, normalized_word, keys, options);
}

std::vector<std::string> TranslationTable::languages() const { return impl_->target_order("", {}); }

std::size_t TranslationTable::max_key_words() const noexcept {
    return std::max({impl_->table ? impl_->table->max_key_words() : std::size_t{1}, impl_->glossary->max_key_words(),
                     impl_->learned->max_key_words()});
}

bool TranslationTable::empty() const noexcept {
    return (!impl_->table || impl_->table->key_count() == 0) && impl_->glossary->size() == 0 && impl_->learned->size() == 0;
}

TranslationTableStats TranslationTable::stats() const noexcept {
    TranslationTableStats s;
    if (impl_->table) {
        s.keys = impl_->table->key_count();
        s.translations = impl_->table->record_count();
        s.stems = impl_->table->stem_count();
        s.table_bytes = impl_->table->file_size();
    }
    s.glossary_entries = impl_->glossary->size();
    s.learned_entries = impl_->learned->size();
    return s;
}

void TranslationTable::for_each(
    const std::function<void(std::string_view, std::string_view, std::string_view, const Translation&)>& visit) const {
    if (!impl_->table) return;
    const auto& table = *impl_->table;
    for (std::uint32_t key = 0; key < table.key_count(); ++key) {
        const std::string_view src = table.languages()[table.key_language(key)];
        const std::string_view text = table.key_text(key);
        for (const auto& r : table.records(key)) {
            visit(src, text, table.languages()[r.target], Translation{std::string(r.text), r.weight, impl_->via_text(r.via), std::string(text)});
        }
    }
}

}  // namespace xling
