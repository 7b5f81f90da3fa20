#include "indexer/archive_reader.hpp"

#include <archive_entry.h>

#include <array>
#include <cctype>
#include <string_view>

#include "xling/error.hpp"

namespace xling::indexer {

class ArchiveReader::MemberSource final : public ByteSource {
  public:
    explicit MemberSource(archive* a) : archive_(a) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const la_ssize_t n = archive_read_data(archive_, buffer, size);
        if (n < 0) {
            const char* why = archive_error_string(archive_);
            throw InputError(why != nullptr ? why : "damaged member data");
        }
        return static_cast<std::size_t>(n);
    }
    [[nodiscard]] std::uint64_t consumed() const override {
        return static_cast<std::uint64_t>(archive_filter_bytes(archive_, -1));
    }

  private:
    archive* archive_;
};

namespace {

std::string error_of(archive* a, std::string_view fallback) {
    const char* why = archive_error_string(a);
    return why != nullptr ? why : std::string(fallback);
}

}  // namespace

ArchiveReader::ArchiveReader(const std::filesystem::path& path) : path_(path), archive_(archive_read_new()) {
    if (!archive_) throw InputError(path.string() + ": out of memory");
    archive* a = archive_.get();
    archive_read_support_filter_all(a);
    archive_read_support_format_tar(a);
    archive_read_support_format_gnutar(a);
    archive_read_support_format_zip(a);
    archive_read_support_format_cpio(a);
    // The file-name client can seek: zip is then read through its central directory (sizes and
    // names of members written with data descriptors are only known there).
    constexpr std::size_t kBlock = 256 * 1024;
    if (archive_read_open_filename(a, path.c_str(), kBlock) != ARCHIVE_OK) {
        throw InputError(path.string() + ": not a readable archive: " + error_of(a, "unknown format"));
    }
    member_ = std::make_unique<MemberSource>(a);
}

ArchiveReader::~ArchiveReader() = default;

bool ArchiveReader::next(ArchiveMember& member) {
    archive_entry* entry = nullptr;
    const int status = archive_read_next_header(archive_.get(), &entry);
    if (status == ARCHIVE_EOF) return false;
    if (status < ARCHIVE_WARN || entry == nullptr) {
        throw InputError(path_.string() + ": broken archive: " + error_of(archive_.get(), "cannot read the next member"));
    }
    const char* utf8 = archive_entry_pathname_utf8(entry);
    const char* raw = archive_entry_pathname(entry);
    member.name = utf8 != nullptr ? utf8 : raw != nullptr ? raw : "";
    member.regular = archive_entry_filetype(entry) == AE_IFREG;
    member.size.reset();
    if (archive_entry_size_is_set(entry) != 0 && archive_entry_size(entry) >= 0) {
        member.size = static_cast<std::uint64_t>(archive_entry_size(entry));
    }
    return true;
}

ByteSource& ArchiveReader::data() { return *member_; }

std::uint64_t ArchiveReader::consumed() const { return member_->consumed(); }

bool is_archive_name(const std::filesystem::path& path) {
    std::string name = path.filename().string();
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    constexpr std::array<std::string_view, 10> kEndings = {".tar", ".tgz", ".tar.gz", ".tar.zst", ".tzst",
                                                           ".tar.xz", ".txz", ".tar.bz2", ".tbz2", ".zip"};
    for (const auto ending : kEndings) {
        if (name.size() > ending.size() && name.compare(name.size() - ending.size(), ending.size(), ending) == 0) {
            return true;
        }
    }
    return false;
}

}  // namespace xling::indexer
