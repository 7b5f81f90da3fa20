"""Shared fixtures of the Python module's tests: the sample corpus (examples/corpus) indexed once
through xling.Indexer, and a Searcher over it.

The suite's environment (tests/python/meson.build) sets PYTHONPATH to the build tree's package,
XLING_DATA_DIR to the source data folder and XLING_DICT empty (no translation table), as the C++
suites do.
"""

import os
from pathlib import Path

import pytest

import xling

SOURCE_DIR = Path(os.environ.get("XLING_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CORPUS = SOURCE_DIR / "examples" / "corpus"
BUILD_DIR = Path(os.environ["XLING_BUILD_DIR"]) if "XLING_BUILD_DIR" in os.environ else None


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    """The sample corpus indexed with xling.Indexer.add_path (16 documents)."""
    db = tmp_path_factory.mktemp("corpus") / "db"
    with xling.Indexer(db) as indexer:
        indexer.add_path(CORPUS)
    return db


@pytest.fixture(scope="session")
def searcher(corpus_db):
    """A Searcher over the sample corpus with the data folder's alias table, no translation table."""
    return xling.Searcher(corpus_db)


@pytest.fixture(scope="session")
def plain_searcher(corpus_db):
    """The same without alias tables: each name matches its own spellings only."""
    return xling.Searcher(corpus_db, aliases=False)


def ids(results):
    """The hit ids of a result list, in rank order."""
    return [hit.id for hit in results]
