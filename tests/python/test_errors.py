"""xling's exceptions as Python classes, with the positions and messages the C++ library gives."""

import pickle

import pytest

import xling


def test_an_unbalanced_quote_is_a_query_error_with_its_position(searcher):
    with pytest.raises(xling.QueryError) as caught:
        searcher.search('Putin "Kim Jong')
    error = caught.value
    assert str(error) == "unbalanced quote at position 6"
    assert error.position == 6 and error.byte_position == 6
    assert error.query == 'Putin "Kim Jong'
    assert isinstance(error, xling.Error) and isinstance(error, ValueError)


def test_positions_are_str_indexes_and_byte_offsets(searcher):
    query = 'Путин "Ким'
    with pytest.raises(xling.QueryError) as caught:
        searcher.search(query)
    error = caught.value
    assert error.position == 6  # the quote is the 7th character ...
    assert error.byte_position == 11  # ... after five two-byte letters and a space
    assert query[error.position] == '"'
    assert str(error) == "unbalanced quote at position 6"  # the message says the str index too


def test_other_query_errors(searcher):
    for query in ["", "Putin AND", "(Putin", "unknownfield:x", "x" * 9000]:
        with pytest.raises(xling.QueryError):
            searcher.search(query)


def test_a_query_error_survives_pickling(searcher):
    with pytest.raises(xling.QueryError) as caught:
        searcher.search("(Putin")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (str(copy), copy.position, copy.query) == (str(caught.value), caught.value.position, "(Putin")


def test_invalid_options_are_request_errors(searcher):
    with pytest.raises(xling.RequestError, match="sort"):
        searcher.search("Putin", sort="newest")
    with pytest.raises(xling.RequestError, match="not a date"):
        searcher.search("Putin", since="yesterday")
    with pytest.raises(xling.RequestError, match="limit"):
        searcher.search("Putin", limit=-1)
    with pytest.raises(xling.RequestError, match="query-lang"):
        searcher.search("Putin", query_lang="xx")
    with pytest.raises(ValueError):  # every RequestError is a ValueError too
        searcher.search("Putin", default_op="xor")
    with pytest.raises(TypeError):
        searcher.search("Putin", since=1.5)


def test_a_missing_index_is_a_database_error(tmp_path):
    with pytest.raises(xling.DatabaseError, match="no such index"):
        xling.Searcher(tmp_path / "missing")


def test_a_second_writer_gets_index_locked_error(tmp_path):
    with xling.Indexer(tmp_path / "db") as first:
        with pytest.raises(xling.IndexLockedError, match="locked by another writer"):
            xling.Indexer(tmp_path / "db")
        first.add("a", "Text des ersten Schreibers.", lang="de")
    assert issubclass(xling.IndexLockedError, xling.DatabaseError)
    xling.Indexer(tmp_path / "db").close()  # the lock was released


def test_a_folder_that_is_not_an_index_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(xling.DatabaseError):
        xling.Indexer(tmp_path)


def test_a_data_folder_without_stopwords_is_a_config_error(tmp_path, corpus_db):
    with pytest.raises(xling.ConfigError):
        xling.Searcher(corpus_db, data_dir=tmp_path)
    with pytest.raises(xling.ConfigError):
        xling.Resources(aliases=tmp_path / "missing.aliases")


def test_a_malformed_glossary_is_a_config_error_naming_the_line(corpus_db, tmp_path):
    glossary = tmp_path / "bad.glossary"
    glossary.write_text("de:Getreide -> en: grain\nthis is not a rule\n", encoding="utf-8")
    with pytest.raises(xling.ConfigError, match="bad.glossary:2"):
        xling.Searcher(corpus_db, glossaries=glossary).search("Getreide")


def test_a_missing_input_path_is_an_input_error(tmp_path):
    with xling.Indexer(tmp_path / "db") as indexer:
        with pytest.raises(xling.InputError):
            indexer.add_path(tmp_path / "nothing-here")


def test_closed_objects_refuse_work(corpus_db, tmp_path):
    searcher = xling.Searcher(corpus_db)
    searcher.close()
    with pytest.raises(xling.RequestError, match="closed"):
        searcher.search("Putin")
    indexer = xling.Indexer(tmp_path / "db")
    assert indexer.close() is not None and indexer.closed
    assert indexer.close() is None
    with pytest.raises(xling.RequestError, match="closed"):
        indexer.add("a", "text")


def test_resources_and_their_own_options_are_exclusive(corpus_db):
    resources = xling.Resources()
    with pytest.raises(TypeError):
        xling.Searcher(corpus_db, dict=False, resources=resources)
    with pytest.raises(TypeError):
        xling.Searcher(42)
