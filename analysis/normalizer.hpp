// Token normalization: ICU NFKC_Casefold, plus folding typographic apostrophes to U+0027 so that
// "Belousov’s" and "Belousov's" index alike. Applied to single tokens (after segmentation) so
// that highlight offsets stay those of the original text.
#pragma once

#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace xling::analysis {

class Normalizer {
  public:
    /// Throws ConfigError when ICU's normalization data cannot be loaded.
    Normalizer();

    /// The normalized form of one token (valid UTF-8 in, valid UTF-8 out). Thread-safe.
    [[nodiscard]] std::string normalize(std::string_view token) const;

  private:
    const icu::Normalizer2* nfkc_casefold_;  // owned by ICU, lives for the process
};

}  // namespace xling::analysis
