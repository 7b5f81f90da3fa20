"""The exceptions of the xling module, one for each of the C++ library's (xling/error.hpp).

Every message is one line that already names the file, line, byte offset or query position
involved, so ``print(error)`` is enough to tell a user what went wrong.
"""

from __future__ import annotations


class Error(Exception):
    """Base class of every exception xling raises."""


class InputError(Error):
    """An input file, record or text could not be read or is malformed (the message names where)."""


class DatabaseError(Error):
    """The index is missing, unreadable, corrupt or of another format (C++ ``xling::IndexError``;
    renamed so that it does not shadow Python's built-in ``IndexError``)."""


class IndexLockedError(DatabaseError):
    """Another writer (an ``xling.Indexer`` or ``xling-index``) holds the index's write lock."""


class QueryError(Error, ValueError):
    """A query is empty, malformed or over a limit.

    Attributes:
        query: the query as given.
        position: index into ``query`` (a str index, in code points) where the problem was found,
            so ``query[position:]`` is the rest of the query from there; the message names the same
            position.
        byte_position: the same place as a byte offset into the query's UTF-8 encoding (what the
            command line and the C++ library report).
    """

    def __init__(self, message: str, query: str = "", position: int = 0, byte_position: int = 0) -> None:
        super().__init__(message)
        self.query = query
        self.position = position
        self.byte_position = byte_position

    def __reduce__(self):  # keeps the attributes through pickle (multiprocessing)
        return (type(self), (str(self), self.query, self.position, self.byte_position))


class RequestError(Error, ValueError):
    """A search or indexing option is invalid (an unknown sort order, a ``since`` that is no date,
    an unknown language, a negative limit)."""


class ConfigError(Error):
    """Data files (stopword lists, name rules, alias tables, the translation table, glossaries) are
    missing or malformed, or no data folder was found."""
