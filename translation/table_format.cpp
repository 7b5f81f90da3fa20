#include "translation/table_format.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

#include "xling/error.hpp"

namespace xling::translation::format {

std::uint8_t weight_byte(float weight) noexcept {
    const long q = std::lround(std::clamp(weight, 0.0F, 1.0F) * 255.0F);
    return static_cast<std::uint8_t>(std::clamp(q, 1L, 255L));
}

std::uint8_t via_byte(std::span<const std::uint8_t> pivots) noexcept {
    std::uint8_t via = 0;
    for (std::size_t i = 0; i < pivots.size() && i < 2; ++i) via = static_cast<std::uint8_t>(via | ((pivots[i] + 1) << (4 * i)));
    return via;
}

std::vector<std::uint8_t> via_pivots(std::uint8_t via) noexcept {
    std::vector<std::uint8_t> out;
    for (int shift : {0, 4}) {
        const int nibble = (via >> shift) & 0x0F;
        if (nibble == 0) break;
        out.push_back(static_cast<std::uint8_t>(nibble - 1));
    }
    return out;
}

TableWriter::TableWriter(std::vector<std::string> languages) : languages_(std::move(languages)) {
    if (languages_.size() > kMaxLanguages) {
        throw ConfigError("a translation table holds at most " + std::to_string(kMaxLanguages) + " languages");
    }
    for (const auto& code : languages_) {
        if (code.empty() || code.size() >= kLanguageSize) throw ConfigError("'" + code + "' is not a language code");
    }
}

std::uint32_t TableWriter::intern(std::string_view text) {
    const auto [it, inserted] = string_offsets_.try_emplace(std::string(text), static_cast<std::uint32_t>(strings_.size()));
    if (inserted) strings_ += text;
    return it->second;
}

std::optional<std::uint32_t> TableWriter::add_key(std::uint8_t lang, std::string_view key, std::span<const RecordInput> records) {
    if (key.empty() || key.size() > kMaxText) return std::nullopt;
    const std::uint32_t first = record_count_;
    for (const RecordInput& r : records) {
        if (r.text.empty() || r.text.size() > kMaxText || record_count_ - first == kMaxRowCount) continue;
        append_le<std::uint32_t>(records_, intern(r.text));
        records_.push_back(static_cast<char>(r.text.size()));
        records_.push_back(static_cast<char>(r.target));
        records_.push_back(static_cast<char>(r.via));
        records_.push_back(static_cast<char>(weight_byte(r.weight)));
        ++record_count_;
    }
    append_le<std::uint32_t>(keys_, intern(key));
    keys_.push_back(static_cast<char>(key.size()));
    keys_.push_back(static_cast<char>(lang));
    append_le<std::uint16_t>(keys_, static_cast<std::uint16_t>(record_count_ - first));
    append_le<std::uint32_t>(keys_, first);
    max_key_words_ = std::max<std::uint32_t>(max_key_words_, 1 + static_cast<std::uint32_t>(std::count(key.begin(), key.end(), ' ')));
    return key_count_++;
}

void TableWriter::add_stem(std::uint8_t lang, std::string_view stem, std::span<const std::uint32_t> key_indices) {
    if (stem.empty() || stem.size() > kMaxText) return;
    const auto refs = key_indices.first(std::min(key_indices.size(), kMaxRowCount));
    append_le<std::uint32_t>(stems_, intern(stem));
    stems_.push_back(static_cast<char>(stem.size()));
    stems_.push_back(static_cast<char>(lang));
    append_le<std::uint16_t>(stems_, static_cast<std::uint16_t>(refs.size()));
    append_le<std::uint32_t>(stems_, stem_ref_count_);
    for (const std::uint32_t k : refs) append_le<std::uint32_t>(stem_refs_, k);
    stem_ref_count_ += static_cast<std::uint32_t>(refs.size());
    ++stem_count_;
}

std::string TableWriter::bytes() const {
    std::string out(kMagic.begin(), kMagic.end());
    append_le<std::uint32_t>(out, kVersion);
    append_le<std::uint32_t>(out, static_cast<std::uint32_t>(languages_.size()));
    append_le<std::uint32_t>(out, key_count_);
    append_le<std::uint32_t>(out, record_count_);
    append_le<std::uint32_t>(out, stem_count_);
    append_le<std::uint32_t>(out, stem_ref_count_);
    append_le<std::uint64_t>(out, strings_.size());
    append_le<std::uint32_t>(out, max_key_words_);
    out.resize(kHeaderSize, '\0');
    for (const auto& code : languages_) {
        std::string padded = code;
        padded.resize(kLanguageSize, '\0');
        out += padded;
    }
    out += keys_;
    out += records_;
    out += stems_;
    out += stem_refs_;
    out += strings_;
    return out;
}

std::uint64_t TableWriter::write(const std::filesystem::path& path) const {
    const std::string data = bytes();
    auto temporary = path;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        if (!out) throw ConfigError(temporary.string() + ": cannot write the translation table");
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) throw ConfigError(path.string() + ": cannot write the translation table: " + ec.message());
    return data.size();
}

}  // namespace xling::translation::format
