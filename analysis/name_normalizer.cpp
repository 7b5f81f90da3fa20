#include "analysis/name_normalizer.hpp"

namespace xling::analysis {
namespace {

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Names of ASCII letters separated by spaces and hyphens, with full stops only after a word
// ("Vladimir Putin", "Kim Jong-un", "V. Putin": most of an alias table) are split by UAX #29
// exactly at those characters, and NFKC_Casefold lowers their letters: done here without ICU,
// which costs about ten times more per name (measured on data/aliases/default.aliases: 15.5 of
// the 22.7 million instructions of loading it). Anything else returns false and goes to ICU.
bool plain_ascii_name(std::string_view name, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (ascii_letter(c)) {
            if (i > 0 && !ascii_letter(name[i - 1]) && !out.empty()) out.push_back(' ');
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        } else if (c == '.') {
            // "U.S" is one word for UAX #29 (a full stop between letters): not plain.
            if (i + 1 < name.size() && name[i + 1] != ' ') return false;
        } else if (c != ' ' && c != '-') {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string NameNormalizer::operator()(std::string_view name) {
    if (std::string plain; plain_ascii_name(name, plain)) return plain;
    tokenizer_.split(name, spans_);
    std::string out;
    for (const auto& span : spans_) {
        if (!out.empty()) out.push_back(' ');
        out += normalizer_.normalize(name.substr(span.begin, span.end - span.begin));
    }
    return out;
}

}  // namespace xling::analysis
