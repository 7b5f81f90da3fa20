#include "programs/xling-serve/web_files.hpp"

#include <fstream>
#include <stdexcept>

namespace xling::cli {
namespace {

std::string content_type(const std::string& name) {
    if (name.ends_with(".html")) return "text/html; charset=utf-8";
    if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
    if (name.ends_with(".css")) return "text/css; charset=utf-8";
    return "application/octet-stream";
}

}  // namespace

WebFiles WebFiles::load(const std::filesystem::path& dir) {
    WebFiles out;
    for (const char* name : kNames) {
        const std::filesystem::path path = dir / name;
        std::ifstream in(path, std::ios::binary);
        std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (!in.good() && !in.eof()) throw std::runtime_error(path.string() + ": cannot be read");
        if (!in.is_open()) throw std::runtime_error(path.string() + ": cannot be read");
        out.files_.emplace(std::string("/") + name, WebFile{content_type(name), std::move(body)});
    }
    return out;
}

const WebFile* WebFiles::find(const std::string& path) const {
    const auto it = files_.find(path == "/" ? "/index.html" : path);
    return it == files_.end() ? nullptr : &it->second;
}

}  // namespace xling::cli
