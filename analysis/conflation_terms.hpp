// Which index terms join a word's forms, by its language's lemma mode (xling/language.hpp): the
// one place the indexer's lemma terms, the query's expansion and xling-analyze agree on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.hpp"
#include "xling/language.hpp"

namespace xling::analysis {

/// The lemma mode of `lang`; LemmaMode::snowball for languages without a dictionary and "und".
[[nodiscard]] LemmaMode lemma_mode(std::string_view lang) noexcept;

/// How many of a word's lemmas (the dictionary's order) `lang` uses (LanguageInfo::max_lemmas).
[[nodiscard]] std::size_t used_lemma_count(std::string_view lang, std::size_t lemmas) noexcept;

/// The terms (xling/schema.hpp) through which `token`, analysed in `lang`, meets its other forms:
///   snowball  Z<lang>:<stem>
///   both      Z<lang>:<stem> and M<lang>:<lemma> for each lemma
///   lemma     M<lang>:<lemma> for each lemma, or the word itself when it has none
///   fallback  M<lang>:<lemma> for each lemma, or Z<lang>:<stem> when it has none
/// Empty for a stopword. Compound parts are not among them (they match at a lower weight).
[[nodiscard]] std::vector<std::string> conflation_terms(const AnalyzedToken& token, std::string_view lang);

/// The same in an explicit `mode` (the opt-in modes of LanguageInfo::measured_lemmas; evaluation
/// and tests). `token` needs its lemmas (Analyzer::set_lemmas_in_every_mode) for a lemma mode.
[[nodiscard]] std::vector<std::string> conflation_terms(const AnalyzedToken& token, std::string_view lang, LemmaMode mode);

/// The index terms of `token`'s lemmas (M terms, not in Snowball mode) and compound parts (C terms).
[[nodiscard]] std::vector<std::string> lemma_index_terms(const AnalyzedToken& token, std::string_view lang);

}  // namespace xling::analysis
