// The name key: one spelling-independent form of a name, so that a name missing from the alias
// table still meets its other scripts and transcriptions (Шойгу / Shoigu / Schoigu / Sojgu / Šoigu
// -> "shoygu"; Белоусов / Belousov / Belousow / Beluszov / Belousovas -> "belusov").
//
// Built per language: the language's spelling->sound rewrites (namerules/<lang>.txt "key:", e.g.
// Hungarian sz->s, s->sh; Lithuanian š->sh; German sch->sh, w->v), then ICU transliteration
// (Russian-Latin/BGN for Cyrillic, Any-Latin; Latin-ASCII for the rest), the common folds
// (namerules/common.txt: ou->u, oi->oy, kh->h ...), doubled letters collapsed and anything but
// a-z and 0-9 dropped. Where it gives up: transcriptions that are not letter-for-letter
// (English "Jong" vs Russian "Чен" for one Korean syllable; Moscow / Moskau / Moszkva) need the table.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

#include "analysis/analysis_data.hpp"

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace xling::analysis {

/// Creating the ICU transliterators is the most expensive start-up step of a process (ICU fills
/// its transliterator registry at the first createInstance: about 157 million instructions, 83%
/// of a whole `xling-search` run that needs no key). So a NameKeyer creates them at its first
/// key() that meets a non-ASCII spelling, and a query or text whose name candidates are all
/// spelled in ASCII after the language's rewrites never pays for them.
class NameKeyer {
  public:
    /// Cheap: creates no ICU object (see above).
    explicit NameKeyer(std::shared_ptr<const AnalysisData> data);
    ~NameKeyer();
    NameKeyer(NameKeyer&&) noexcept;
    NameKeyer& operator=(NameKeyer&&) noexcept;

    /// Key of one normalized word read with the rules of `lang` ("" when too short to be useful).
    /// Not thread-safe: one NameKeyer per thread.
    /// @throws ConfigError at the first non-ASCII spelling when ICU's transliterators are unavailable.
    [[nodiscard]] std::string key(std::string_view lang, std::string_view word);

    /// Keys of every base of a text word in `lang` (the word and its ending-stripped bases).
    [[nodiscard]] std::vector<std::string> keys_of_form(std::string_view lang, std::string_view word);

    [[nodiscard]] const AnalysisData& data() const noexcept { return *data_; }

    /// True once key() has created the transliterators (for tests of the lazy start-up).
    [[nodiscard]] bool transliterators_created() const noexcept { return latin_ != nullptr; }

  private:
    icu::Transliterator& transliterator_for(std::string_view spelled);
    /// `spelled` transliterated to lowercase ASCII (the ICU step of key()).
    std::string to_ascii(const std::string& spelled);

    std::shared_ptr<const AnalysisData> data_;
    std::unique_ptr<icu::Transliterator> cyrillic_;
    std::unique_ptr<icu::Transliterator> latin_;
};

/// Minimum length of a useful key (shorter ones collide too often).
inline constexpr std::size_t kMinNameKeyLength = 3;

}  // namespace xling::analysis
