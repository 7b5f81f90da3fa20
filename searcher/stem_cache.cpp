#include "searcher/stem_cache.hpp"

namespace xling::searcher {

const std::string& StemCache::stem(std::string_view lang, std::string_view word) {
    key_.assign(lang);
    key_.push_back('\0');
    key_.append(word);
    if (const auto it = stems_.find(key_); it != stems_.end()) return it->second;
    if (stems_.size() >= kMaxEntries) stems_.clear();
    return stems_.emplace(key_, analyzer_.stem(lang, word)).first->second;
}

}  // namespace xling::searcher
