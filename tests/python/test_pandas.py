"""Results.to_pandas(): a DataFrame when pandas is installed (python3-pandas), a clear ImportError
when it is not."""

import builtins
import datetime
import sys

import pytest

WIRE = 'source:"Example Wire"'


def test_the_hits_as_a_dataframe(searcher):
    pandas = pytest.importorskip("pandas")
    results = searcher.search(WIRE, sort="date", limit=100)
    frame = results.to_pandas()
    assert list(frame["id"]) == [hit.id for hit in results]
    assert list(frame.columns) == ["rank", "id", "lang", "title", "date", "url", "source", "author", "score", "snippet",
                                   "matched_forms", "matched"]
    assert pandas.api.types.is_datetime64_any_dtype(frame["date"])
    assert frame["date"].iloc[0] == pandas.Timestamp(datetime.date(2024, 11, 29))
    assert frame.groupby(frame["date"].dt.to_period("M")).size().to_dict() == {
        pandas.Period("2024-11"): 2, pandas.Period("2024-12"): 1, pandas.Period("2025-01"): 2}


def test_undated_hits_are_nat(searcher):
    pandas = pytest.importorskip("pandas")
    frame = searcher.search("Zusammenarbeit").to_pandas()
    assert frame["date"].isna().all()
    assert frame["url"].isna().all()


def test_without_pandas_the_import_error_says_what_to_install(searcher, monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="python3-pandas") as caught:
        searcher.search("Zusammenarbeit").to_pandas()
    assert "to_dicts()" in str(caught.value)
