// An API request that cannot be answered, with the HTTP status and the one-line message the
// client gets as JSON: {"status": 400, "error": "...", "position": 12}. Messages name the query
// position or the parameter, never a path of the machine or an internal detail.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace xling::cli {

class ApiError : public std::runtime_error {
  public:
    ApiError(int status, const std::string& message, std::optional<std::size_t> position = std::nullopt)
        : std::runtime_error(message), status_(status), position_(position) {}
    [[nodiscard]] int status() const noexcept { return status_; }
    /// Byte offset in the query where a malformed query went wrong.
    [[nodiscard]] std::optional<std::size_t> position() const noexcept { return position_; }

  private:
    int status_;
    std::optional<std::size_t> position_;
};

/// The JSON body of an error response.
[[nodiscard]] std::string error_json(int status, const std::string& message,
                                     std::optional<std::size_t> position = std::nullopt);

}  // namespace xling::cli
