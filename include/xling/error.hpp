// xling/error.hpp — the exceptions the xling library throws.
//
// Every xling exception derives from xling::Error (itself a std::runtime_error) and carries a
// one-line, user-facing message that already names the file, line, byte offset or query position
// involved, so a program can print what() as it is.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace xling {

/// Base class of every exception thrown by xling.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// An input file or record could not be read or is malformed (message names file and line/offset).
class InputError : public Error {
  public:
    using Error::Error;
};

/// The index is missing, unreadable, corrupt or of another format.
class IndexError : public Error {
  public:
    using Error::Error;
};

/// Another process holds the index's write lock.
class IndexLockedError : public IndexError {
  public:
    using IndexError::IndexError;
};

/// A query could not be parsed or is empty; position() is the 0-based byte offset in the query.
class QueryError : public Error {
  public:
    QueryError(const std::string& message, std::size_t position)
        : Error(message), position_(position) {}
    /// Byte offset into the query string where the problem was found.
    [[nodiscard]] std::size_t position() const noexcept { return position_; }

  private:
    std::size_t position_;
};

/// A search request option is invalid (e.g. a --since date that is not a date).
class RequestError : public Error {
  public:
    using Error::Error;
};

/// Configuration or data files (stopword lists, language table) are missing or malformed.
class ConfigError : public Error {
  public:
    using Error::Error;
};

}  // namespace xling
