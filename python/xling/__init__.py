"""xling: cross-lingual full-text search for multilingual news, from Python.

One query finds its words in every inflection of every indexed language (hu, de, lt, en, ru),
names in every spelling and script, and keywords through their translations::

    import xling
    with xling.Indexer("index") as indexer:
        indexer.add_path("examples/corpus")
    searcher = xling.Searcher("index")
    for hit in searcher.search("Путин", lang="de,lt", facets=True):
        print(hit.rank, hit.id, hit.date, hit.snippet)

The classes are those of the C++ library (include/xling/): Searcher, Indexer, Resources,
Analyzer; see python/README.md. Where the data folder comes from: xling._data_location.
"""

from __future__ import annotations

import functools
import os
from typing import List, Optional, Union

from . import _data_location
from ._errors import (
    ConfigError,
    DatabaseError,
    Error,
    IndexLockedError,
    InputError,
    QueryError,
    RequestError,
)
from ._xling import Analyzer, Document, Hit, Indexer, Resources, Results, Searcher, Word, __version__

__all__ = [
    "Analyzer",
    "ConfigError",
    "DatabaseError",
    "Document",
    "Error",
    "Hit",
    "IndexLockedError",
    "Indexer",
    "InputError",
    "QueryError",
    "RequestError",
    "Resources",
    "Results",
    "Searcher",
    "Word",
    "__version__",
    "analyze",
    "data_dir",
]


def data_dir(given: Union[None, str, "os.PathLike[str]"] = None) -> str:
    """The data folder xling uses when none is given: ``$XLING_DATA_DIR``, else the installed
    ``<prefix>/share/xling`` beside the module, else the build tree's data folder.

    Raises:
        xling.ConfigError: no data folder was found.
    """
    return _data_location.data_dir(given)


@functools.lru_cache(maxsize=8)
def _analyzer_for(folder: str) -> Analyzer:
    # Loading stopwords and name rules takes a while; analyze() in a loop should not repeat it.
    return Analyzer(data_dir=folder)


def analyze(text: str, lang: str, *, data_dir: Union[None, str, "os.PathLike[str]"] = None) -> List[Word]:
    """The words of ``text`` as xling analyses them in language ``lang``: each with its surface
    form, normalized form, stem, stopword flag, name keys and offsets (what ``xling-analyze``
    prints). A shortcut for ``xling.Analyzer(data_dir=...).analyze(text, lang)`` that loads the
    data folder once.

    Args:
        text: any text.
        lang: hu, de, lt, en, ru, or und.
        data_dir: the data folder (default: xling.data_dir()).

    Raises:
        xling.RequestError: an unknown language code.
        xling.ConfigError: no data folder, or a malformed data file.
    """
    return _analyzer_for(_data_location.data_dir(data_dir)).analyze(text, lang)
