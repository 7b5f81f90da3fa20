// A Snowball stemmer (libstemmer) for one language, owned RAII-style.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct sb_stemmer;

namespace xling::analysis {

class Stemmer {
  public:
    /// `algorithm` is a libstemmer name ("hungarian"). Throws ConfigError when unknown.
    explicit Stemmer(std::string_view algorithm);

    /// The stem of a normalized (lowercase UTF-8) word. Not thread-safe: one Stemmer per thread.
    [[nodiscard]] std::string stem(std::string_view word);

  private:
    struct Deleter {
        void operator()(sb_stemmer* s) const noexcept;
    };
    std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace xling::analysis
