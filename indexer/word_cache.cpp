#include "indexer/word_cache.hpp"

namespace xling::indexer {

WordCache::Forms& WordCache::forms_for(std::string_view lang) {
    if (last_ == nullptr || lang != last_lang_) {
        last_lang_.assign(lang);
        last_ = &by_language_.try_emplace(last_lang_).first->second;
    }
    return *last_;
}

void WordCache::make_room() {
    if (size_ < max_entries_) return;
    for (auto& [code, forms] : by_language_) forms.clear();  // keeps last_ valid
    size_ = 0;
}

}  // namespace xling::indexer
