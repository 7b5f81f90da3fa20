// What the indexer tests share: an in-memory ByteSource, indexing a path into a TempDir, notices as text.
#pragma once

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/byte_source.hpp"
#include "support/test_resources.hpp"
#include "support/test_support.hpp"
#include "xling/indexer.hpp"

namespace xling::test {

/// English news sentences long enough for CLD2 and the analysis: what the format tests index.
inline const std::string kBridgeText =
    "The harbour board of Bristol agreed on Thursday to rebuild the old swing bridge over the river, "
    "which has been closed to traffic since a storm damaged its machinery two winters ago.";
inline const std::string kChoirText =
    "A small choir from a village in Cornwall won the national competition last weekend, singing "
    "three folk songs that their grandparents had collected from fishermen a century ago.";
inline const std::string kLibraryText =
    "The county council opened a new library in the old railway station, with a reading room "
    "where the ticket hall used to be and a children's corner on the former platform.";

/// An in-memory ByteSource handing out at most `chunk` bytes per read (to exercise buffer seams).
class StringSource final : public indexer::ByteSource {
  public:
    StringSource(std::string data, std::size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = std::min({size, chunk_, data_.size() - pos_});
        std::memcpy(buffer, data_.data() + pos_, n);
        pos_ += n;
        return n;
    }
    [[nodiscard]] std::uint64_t consumed() const override { return pos_; }

  private:
    std::string data_;
    std::size_t chunk_;
    std::size_t pos_ = 0;
};

/// Options for an index at dir/index with the plain test resources.
inline IndexOptions options_for(const TempDir& dir) {
    IndexOptions options;
    options.database = dir / "index";
    options.resources = plain_resources();
    return options;
}

inline IndexSummary index_path(const IndexOptions& options, const std::filesystem::path& path) {
    Indexer indexer(options);
    indexer.add_path(path);
    return indexer.finish();
}

/// "where: message" lines, for INFO().
inline std::string describe(const std::vector<Notice>& notices) {
    std::string out;
    for (const auto& n : notices) out += n.where + ": " + n.message + "\n";
    return out;
}

}  // namespace xling::test
