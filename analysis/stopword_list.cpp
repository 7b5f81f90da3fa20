#include "analysis/stopword_list.hpp"

#include "analysis/config_lines.hpp"
#include "analysis/normalizer.hpp"
#include "analysis/utf8.hpp"
#include "xling/error.hpp"

namespace xling::analysis {

StopwordList StopwordList::load(const std::filesystem::path& file) {
    return parse(read_config_file(file, "stopword list"), file.string());
}

StopwordList StopwordList::parse(std::string_view text, const std::string& origin) {
    const Normalizer normalizer;
    StopwordList list;
    for_each_config_line(text, origin, [&](std::string_view line, const std::string& where) {
        if (line.find_first_of(" \t") != std::string_view::npos) {
            throw ConfigError(where + ": expected one word per line, got '" + std::string(line) + "'");
        }
        list.words_.insert(normalizer.normalize(line));
        for (const char32_t cp : code_points(line)) {
            if (cp >= 0x80) list.letters_.insert(cp);
        }
    });
    return list;
}

StopwordList StopwordList::from_words(std::initializer_list<std::string_view> words) {
    StopwordList list;
    for (auto w : words) list.words_.emplace(w);
    return list;
}

bool StopwordList::contains(std::string_view normalized_word) const {
    return words_.find(normalized_word) != words_.end();
}

}  // namespace xling::analysis
