"""The notebook-style example of python/README.md runs as written (doctest), in an empty folder."""

import doctest

import pytest

from conftest import SOURCE_DIR


def test_the_readme_example(tmp_path, monkeypatch):
    pytest.importorskip("pandas")  # the example ends with a DataFrame
    monkeypatch.chdir(tmp_path)
    failures, tried = doctest.testfile(
        str(SOURCE_DIR / "python" / "README.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
    )
    assert tried > 10
    assert failures == 0
