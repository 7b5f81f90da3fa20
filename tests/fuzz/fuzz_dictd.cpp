// The dictd reader behind `xling-dict build`: DictdDatabase::load on an .index and a .dict (plain,
// or gzip/dictzip detected from the bytes), then every article through parse_article as the
// table builder does. The input is "<index bytes>\0<dict bytes>"; without a NUL the input is both
// files, so offsets point into text the fuzzer controls either way.
// Bad index lines or articles past the end must be an InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_support.hpp"
#include "translation/article_parser.hpp"
#include "translation/dictd_reader.hpp"
#include "xling/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto nul = input.find('\0');
    const std::string_view index = input.substr(0, nul);
    const std::string_view dict = nul == std::string_view::npos ? input : input.substr(nul + 1);
    const auto dir = xling::fuzz::scratch_dir();
    xling::fuzz::write_file(dir / "fuzz.index", index);
    xling::fuzz::write_file(dir / "fuzz.dict", dict);
    // Round trip of the numerals the index is written in.
    if (const auto n = xling::translation::decode_dictd_number(index.substr(0, index.find('\t')))) {
        if (xling::translation::decode_dictd_number(xling::translation::encode_dictd_number(*n)) != n) __builtin_trap();
    }
    try {
        const auto db = xling::translation::DictdDatabase::load(dir / "fuzz.index", dir / "fuzz.dict");
        for (const auto& article : db.articles()) {
            (void)xling::translation::article_headword(article.text);
            for (const char* lang : {"en", "de", "hu", "lt", "ru"}) (void)xling::translation::parse_article(article.text, lang);
        }
    } catch (const xling::InputError&) {
    }
    return 0;
}
