// ByteSource / LineReader / read_all: plain, gzip and zstd input read back identically.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/byte_source.hpp"
#include "indexer_helpers.hpp"
#include "support/test_support.hpp"
#include "xling/error.hpp"

namespace fs = std::filesystem;
using xling::test::StringSource;
using xling::test::TempDir;
using xling::test::write_file;
using namespace xling::indexer;

namespace {

void write_gzip(const fs::path& path, std::string_view content) {
    gzFile f = gzopen(path.c_str(), "wb");
    REQUIRE(f != nullptr);
    if (!content.empty()) {
        REQUIRE(gzwrite(f, content.data(), static_cast<unsigned>(content.size())) ==
                static_cast<int>(content.size()));
    }
    REQUIRE(gzclose(f) == Z_OK);
}

std::string zstd_compress(std::string_view content, int level = 3) {
    std::string out(ZSTD_compressBound(content.size()), '\0');
    const std::size_t n = ZSTD_compress(out.data(), out.size(), content.data(), content.size(), level);
    REQUIRE(ZSTD_isError(n) == 0U);
    out.resize(n);
    return out;
}

void write_zstd(const fs::path& path, std::string_view content) { write_file(path, zstd_compress(content)); }

std::string read_file_bytes(const fs::path& path) {
    auto source = open_byte_source(path);
    return read_all(*source, std::size_t{1} << 30);
}

std::vector<std::string> read_lines(ByteSource& source) {
    LineReader reader(source);
    std::vector<std::string> lines;
    std::string line;
    while (reader.next(line)) lines.push_back(line);
    return lines;
}

std::vector<std::string> read_lines(const fs::path& path) {
    auto source = open_byte_source(path);
    return read_lines(*source);
}

// Text of `bytes` bytes, varied enough that compressors do not shrink it to nothing.
std::string varied_text(std::size_t bytes) {
    std::string out;
    unsigned x = 12345;
    while (out.size() < bytes) {
        x = x * 1103515245U + 12345U;
        out += "line " + std::to_string(x % 100000) + " Grüße, Ünnepély, Москва\n";
    }
    out.resize(bytes);
    return out;
}

const std::string kSample =
    "first line\n"
    "second line, Windows style\r\n"
    "\n"
    "after an empty line: árvíztűrő tükörfúrógép\n"
    "\r\n"
    "last line without newline";

const std::vector<std::string> kSampleLines = {
    "first line", "second line, Windows style", "", "after an empty line: árvíztűrő tükörfúrógép", "",
    "last line without newline"};

}  // namespace

TEST_SUITE("byte_source") {

TEST_CASE("compression_of follows the last extension") {
    CHECK(compression_of("a.jsonl.gz") == Compression::Gzip);
    CHECK(compression_of("dir/a.txt.zst") == Compression::Zstd);
    CHECK(compression_of("a.jsonl") == Compression::None);
    CHECK(compression_of("a.txt") == Compression::None);
    CHECK(compression_of("a.gz.txt") == Compression::None);
    CHECK(compression_of("archive.tar.gz") == Compression::Gzip);
    CHECK(compression_of("noext") == Compression::None);
}

TEST_CASE("without_compression_extension removes .gz and .zst only") {
    CHECK(without_compression_extension("a.jsonl.zst") == fs::path("a.jsonl"));
    CHECK(without_compression_extension("feeds/a.jsonl.gz") == fs::path("feeds/a.jsonl"));
    CHECK(without_compression_extension("/abs/dir/b.txt.gz") == fs::path("/abs/dir/b.txt"));
    CHECK(without_compression_extension("a.jsonl") == fs::path("a.jsonl"));
    CHECK(without_compression_extension("dir/c.md") == fs::path("dir/c.md"));
    CHECK(without_compression_extension("a.gz").extension().empty());
    CHECK(without_compression_extension("dir/a.zst").filename() == fs::path("a"));
}

TEST_CASE("plain, gzip and zstd files read back identically") {
    TempDir dir;
    write_file(dir / "s.txt", kSample);
    write_gzip(dir / "s.txt.gz", kSample);
    write_zstd(dir / "s.txt.zst", kSample);
    for (const char* name : {"s.txt", "s.txt.gz", "s.txt.zst"}) {
        CAPTURE(name);
        CHECK(read_file_bytes(dir / name) == kSample);
        CHECK(read_lines(dir / name) == kSampleLines);
    }
}

TEST_CASE("large files spanning many buffers read back identically") {
    TempDir dir;
    const std::string big = varied_text(3'000'000 + 17);
    write_file(dir / "big.jsonl", big);
    write_gzip(dir / "big.jsonl.gz", big);
    write_zstd(dir / "big.jsonl.zst", big);
    std::vector<std::string> expected_lines;
    for (std::size_t pos = 0; pos < big.size();) {
        const auto nl = big.find('\n', pos);
        if (nl == std::string::npos) {
            expected_lines.push_back(big.substr(pos));
            break;
        }
        expected_lines.push_back(big.substr(pos, nl - pos));
        pos = nl + 1;
    }
    for (const char* name : {"big.jsonl", "big.jsonl.gz", "big.jsonl.zst"}) {
        CAPTURE(name);
        CHECK(read_file_bytes(dir / name) == big);
        CHECK(read_lines(dir / name) == expected_lines);
    }
}

TEST_CASE("a highly compressible zstd file (output much larger than input) reads back completely") {
    // 4 MB of one repeated line compress to a few hundred bytes: the decoder must flush its
    // buffered output even after the compressed input is exhausted.
    TempDir dir;
    std::string repeated;
    while (repeated.size() < 4'000'000) repeated += "{\"id\": \"x\", \"text\": \"the same line again\"}\n";
    write_zstd(dir / "rep.jsonl.zst", repeated);
    write_gzip(dir / "rep.jsonl.gz", repeated);
    CHECK(fs::file_size(dir / "rep.jsonl.zst") < 100'000);
    for (const char* name : {"rep.jsonl.zst", "rep.jsonl.gz"}) {
        CAPTURE(name);
        std::string got;
        CHECK_NOTHROW(got = read_file_bytes(dir / name));
        CHECK(got.size() == repeated.size());
        CHECK(got == repeated);
    }
}

TEST_CASE("concatenated zstd frames are read as one stream") {
    TempDir dir;
    write_file(dir / "two.txt.zst", zstd_compress("first frame\n") + zstd_compress("second frame\n"));
    CHECK(read_file_bytes(dir / "two.txt.zst") == "first frame\nsecond frame\n");
}

TEST_CASE("empty files read as empty in every format") {
    TempDir dir;
    write_file(dir / "e.txt", "");
    write_gzip(dir / "e.txt.gz", "");
    write_zstd(dir / "e.txt.zst", "");
    write_file(dir / "zero-bytes.txt.zst", "");
    for (const char* name : {"e.txt", "e.txt.gz", "e.txt.zst", "zero-bytes.txt.zst"}) {
        CAPTURE(name);
        CHECK(read_file_bytes(dir / name).empty());
        CHECK(read_lines(dir / name).empty());
    }
}

TEST_CASE("consumed() counts the bytes read from disk") {
    TempDir dir;
    const std::string text = varied_text(200'000);
    write_file(dir / "p.txt", text);
    write_zstd(dir / "p.txt.zst", text);
    write_gzip(dir / "p.txt.gz", text);
    for (const char* name : {"p.txt", "p.txt.zst", "p.txt.gz"}) {
        CAPTURE(name);
        auto source = open_byte_source(dir / name);
        CHECK(source->consumed() <= fs::file_size(dir / name));
        (void)read_all(*source, std::size_t{1} << 30);
        CHECK(source->consumed() == fs::file_size(dir / name));
    }
}

TEST_CASE("a corrupt zstd file is an InputError naming the file") {
    TempDir dir;
    SUBCASE("not zstd at all") {
        write_file(dir / "bad.jsonl.zst", "this is plain text, not a zstd frame\n");
    }
    SUBCASE("damaged frame") {
        std::string data = zstd_compress(varied_text(50'000));
        for (std::size_t i = data.size() / 2; i < data.size() / 2 + 64; ++i) data[i] = static_cast<char>(~data[i]);
        write_file(dir / "bad.jsonl.zst", data);
    }
    SUBCASE("truncated frame") {
        const std::string data = zstd_compress(varied_text(50'000));
        write_file(dir / "bad.jsonl.zst", data.substr(0, data.size() / 2));
    }
    auto source = open_byte_source(dir / "bad.jsonl.zst");
    try {
        (void)read_all(*source, std::size_t{1} << 30);
        FAIL("expected an InputError");
    } catch (const xling::InputError& e) {
        CHECK(std::string(e.what()).find("bad.jsonl.zst") != std::string::npos);
    }
}

TEST_CASE("a damaged gzip file is an InputError") {
    TempDir dir;
    write_gzip(dir / "ok.txt.gz", varied_text(100'000));
    std::string data;
    {
        std::ifstream in(dir / "ok.txt.gz", std::ios::binary);
        data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (std::size_t i = data.size() / 2; i < data.size() / 2 + 64; ++i) data[i] = static_cast<char>(~data[i]);
    write_file(dir / "bad.txt.gz", data);
    auto source = open_byte_source(dir / "bad.txt.gz");
    try {
        (void)read_all(*source, std::size_t{1} << 30);
        FAIL("expected an InputError");
    } catch (const xling::InputError& e) {
        CHECK(std::string(e.what()).find("bad.txt.gz") != std::string::npos);
    }
}

TEST_CASE("a truncated gzip file is an InputError, like a truncated zstd file") {
    // gzread() reports a stream cut short only through gzerror() == Z_BUF_ERROR after returning 0.
    TempDir dir;
    const std::string text = varied_text(100'000);
    write_gzip(dir / "ok.txt.gz", text);
    std::string data;
    {
        std::ifstream in(dir / "ok.txt.gz", std::ios::binary);
        data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    data.resize(data.size() / 2);
    write_file(dir / "cut.txt.gz", data);
    auto source = open_byte_source(dir / "cut.txt.gz");
    std::string got;
    CHECK_THROWS_AS(got = read_all(*source, std::size_t{1} << 30), xling::InputError);
    CHECK(got.size() < text.size());
}

TEST_CASE("opening a missing file is an InputError") {
    TempDir dir;
    for (const char* name : {"missing.txt", "missing.jsonl.gz", "missing.jsonl.zst"}) {
        CAPTURE(name);
        CHECK_THROWS_AS((void)open_byte_source(dir / name), xling::InputError);
    }
}

TEST_CASE("read_all refuses input larger than its limit") {
    StringSource source(std::string(3 << 20, 'x'), 1 << 20);
    CHECK_THROWS_AS((void)read_all(source, 1 << 20), xling::InputError);
    StringSource small("exactly ten", 4);
    CHECK(read_all(small, 100) == "exactly ten");
}

TEST_CASE("LineReader splits on \\n and strips a trailing \\r") {
    SUBCASE("whole buffer at once") {
        StringSource source(kSample, 1 << 20);
        CHECK(read_lines(source) == kSampleLines);
    }
    SUBCASE("one byte per read: \\r\\n split across reads") {
        StringSource source(kSample, 1);
        CHECK(read_lines(source) == kSampleLines);
    }
    SUBCASE("three bytes per read") {
        StringSource source(kSample, 3);
        CHECK(read_lines(source) == kSampleLines);
    }
}

TEST_CASE("LineReader edge cases") {
    SUBCASE("empty input has no lines") {
        StringSource source("", 8);
        CHECK(read_lines(source).empty());
    }
    SUBCASE("a single newline is one empty line") {
        StringSource source("\n", 8);
        CHECK(read_lines(source) == std::vector<std::string>{""});
    }
    SUBCASE("consecutive newlines are empty lines") {
        StringSource source("a\n\n\nb\n", 8);
        CHECK(read_lines(source) == std::vector<std::string>{"a", "", "", "b"});
    }
    SUBCASE("a trailing newline adds no extra line") {
        StringSource source("a\nb\n", 8);
        CHECK(read_lines(source) == std::vector<std::string>{"a", "b"});
    }
    SUBCASE("last line without newline, ending in \\r") {
        StringSource source("a\r\nb\r", 8);
        CHECK(read_lines(source) == std::vector<std::string>{"a", "b"});
    }
    SUBCASE("a \\r inside a line is kept") {
        StringSource source("a\rb\n", 8);
        CHECK(read_lines(source) == std::vector<std::string>{"a\rb"});
    }
    SUBCASE("a line longer than the reader's chunk") {
        const std::string long_line(700'000, 'q');
        StringSource source(long_line + "\nshort\n", 100'000);
        CHECK(read_lines(source) == std::vector<std::string>{long_line, "short"});
    }
    SUBCASE("next() keeps returning false at the end") {
        StringSource source("only", 8);
        LineReader reader(source);
        std::string line;
        CHECK(reader.next(line));
        CHECK(line == "only");
        CHECK_FALSE(reader.next(line));
        CHECK_FALSE(reader.next(line));
    }
}

TEST_CASE("LineReader skips a line over its limit without holding it, and reads on") {
    const std::string text = "short\n" + std::string(1000, 'x') + "\nafter\n" + std::string(200, 'y');
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 20}) {
        CAPTURE(chunk);
        StringSource source(text, chunk);
        LineReader reader(source, 100);
        std::string line;
        REQUIRE(reader.next(line));
        CHECK(line == "short");
        CHECK_FALSE(reader.too_long());
        REQUIRE(reader.next(line));
        CHECK(reader.too_long());
        CHECK(line.empty());
        REQUIRE(reader.next(line));
        CHECK_FALSE(reader.too_long());
        CHECK(line == "after");
        REQUIRE(reader.next(line));  // the last line, without '\n', is over the limit too
        CHECK(reader.too_long());
        CHECK_FALSE(reader.next(line));
    }
    SUBCASE("a line of exactly the limit is kept") {
        StringSource source(std::string(100, 'z') + "\n", 3);
        LineReader reader(source, 100);
        std::string line;
        REQUIRE(reader.next(line));
        CHECK_FALSE(reader.too_long());
        CHECK(line.size() == 100);
    }
}

TEST_CASE("LineReader scans each byte once, however long the lines") {
    // The reader used to search its whole buffer again for every chunk read: quadratic in a line's
    // length (a 200 MB line took 19 s). Work is counted, not timed.
    const std::string text = std::string(3u << 20, 'a') + "\n" + std::string(12u << 20, 'b') + "\nend\n";
    for (const std::size_t limit : {std::size_t{1} << 20, static_cast<std::size_t>(-1)}) {
        CAPTURE(limit);
        StringSource source(text, 4096);
        LineReader reader(source, limit);
        std::string line;
        std::size_t lines = 0;
        while (reader.next(line)) ++lines;
        CHECK(lines == 3);
        CHECK(reader.scanned_bytes() == text.size());
    }
}

TEST_CASE("only regular files are opened: a FIFO or a device is refused at once") {
    TempDir dir;
    const auto fifo = dir / "feed.jsonl";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // Opening a FIFO without a writer used to block forever.
    for (const fs::path& path : {fifo, fs::path(dir / "feed.jsonl.gz"), fs::path(dir / "feed.jsonl.zst")}) {
        if (path != fifo) REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
        CAPTURE(path);
        try {
            (void)open_byte_source(path);
            FAIL("no error");
        } catch (const xling::InputError& e) {
            CHECK(std::string(e.what()) == path.string() + ": not a regular file (FIFO)");
        }
    }
    try {
        (void)open_byte_source("/dev/null");
        FAIL("no error");
    } catch (const xling::InputError& e) {
        CHECK(std::string(e.what()) == "/dev/null: not a regular file (character device)");
    }
}

}  // TEST_SUITE
