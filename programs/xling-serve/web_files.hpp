// The page's static files (index.html, app.js, style.css), read once at start-up from the
// installed web folder and served from memory: no request reaches the file system, so no path a
// client writes can name a file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace xling::cli {

struct WebFile {
    std::string content_type;
    std::string body;
};

class WebFiles {
  public:
    /// Reads the page's files from `dir`. @throws std::runtime_error "FILE: cannot be read".
    [[nodiscard]] static WebFiles load(const std::filesystem::path& dir);
    /// No page (the API alone).
    WebFiles() = default;

    /// The file served at `path` ("/" is index.html), or nothing.
    [[nodiscard]] const WebFile* find(const std::string& path) const;
    [[nodiscard]] bool empty() const noexcept { return files_.empty(); }

    /// The files the page consists of, each served at "/" + name.
    static constexpr const char* kNames[] = {"index.html", "app.js", "style.css"};

  private:
    std::map<std::string, WebFile> files_;
};

}  // namespace xling::cli
