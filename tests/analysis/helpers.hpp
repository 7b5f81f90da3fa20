// Small helpers shared by the analysis unit tests.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_resources.hpp"
#include "analysis/analysis_data.hpp"
#include "analysis/analyzer.hpp"
#include "analysis/word_tokenizer.hpp"

namespace xling::test {

/// The real stopword data (found through XLING_DATA_DIR, set by meson's test_env), loaded once.
inline std::shared_ptr<const analysis::AnalysisData> analysis_data() {
    static const auto data = analysis::AnalysisData::load(xling::test::kDataDir);
    return data;
}

/// The whole content of a file, bytes as stored.
inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Joins strings with '|' so a whole token list compares (and prints) as one string.
inline std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += '|';
        out += p;
    }
    return out;
}

/// The surface text of each span, joined with '|': "Kim|Jong|un".
inline std::string surfaces(std::string_view text, const std::vector<analysis::WordSpan>& spans) {
    std::vector<std::string> parts;
    for (const auto& s : spans) parts.emplace_back(text.substr(s.begin, s.end - s.begin));
    return join(parts);
}

/// Byte ranges of spans as "b-e,b-e".
inline std::string ranges(const std::vector<analysis::WordSpan>& spans) {
    std::string out;
    for (const auto& s : spans) {
        if (!out.empty()) out += ',';
        out += std::to_string(s.begin) + '-' + std::to_string(s.end);
    }
    return out;
}

}  // namespace xling::test
