"""Indexing from Python: documents in, the same documents out, committed as promised."""

import datetime
import math

import pytest

import xling
from conftest import CORPUS, ids


def test_added_documents_are_found_with_their_fields(tmp_path):
    db = tmp_path / "db"
    with xling.Indexer(db) as indexer:
        assert indexer.add(
            "de-1",
            "Die militärische Zusammenarbeit wurde in Moskau vereinbart.",
            lang="de",
            title="Zusammenarbeit vereinbart",
            date=datetime.date(2024, 6, 19),
            url="https://example.org/de-1",
            source="Beispiel",
        )
        indexer.add("en-1", "The two governments agreed in Moscow on Tuesday to deepen their military cooperation "
                    "and to hold joint exercises before the end of the year.", date="2024-06-20T10:00:00Z")
    hit = xling.Searcher(db).search("Zusammenarbeit")[0]
    assert (hit.id, hit.lang, hit.title, hit.date, hit.url, hit.source) == (
        "de-1", "de", "Zusammenarbeit vereinbart", datetime.date(2024, 6, 19), "https://example.org/de-1", "Beispiel")
    english = xling.Searcher(db).document("en-1")
    assert english.lang == "en"  # identified by CLD2
    assert english.date == datetime.date(2024, 6, 20)


def test_the_corpus_indexed_from_python_reports_its_languages(tmp_path):
    with xling.Indexer(tmp_path / "db") as indexer:
        indexer.add_path(CORPUS)
        summary = indexer.commit()
        notices = indexer.notices
    assert summary["documents"] == 16
    assert summary["per_language"] == {"de": 3, "en": 3, "fr": 1, "hu": 3, "lt": 3, "ru": 3}
    assert not any("01-fr-belooussov-pyongyang.txt" in n["where"] for n in notices)  # French is supported


def test_adding_an_id_again_replaces_the_document(tmp_path):
    db = tmp_path / "db"
    with xling.Indexer(db) as indexer:
        indexer.add("a", "Getreide aus Russland.", lang="de")
    with xling.Indexer(db) as indexer:
        indexer.add("a", "Weizen aus der Ukraine.", lang="de")
    searcher = xling.Searcher(db)
    assert len(searcher) == 1
    assert ids(searcher.search("Weizen")) == ["a"] and ids(searcher.search("Getreide")) == []


def test_delete_removes_a_document_at_commit(tmp_path):
    db = tmp_path / "db"
    with xling.Indexer(db) as indexer:
        indexer.add("a", "Getreide aus Russland.", lang="de")
        indexer.add("b", "Getreide aus Kasachstan.", lang="de")
    with xling.Indexer(db) as indexer:
        assert indexer.delete("a") is True
        assert indexer.delete("never-there") is False
        assert indexer.commit()["deleted"] == 1
    assert ids(xling.Searcher(db).search("Getreide")) == ["b"]


def test_add_many_takes_dicts_as_pandas_writes_them(tmp_path):
    db = tmp_path / "db"
    rows = [
        {"id": "1", "text": "Sanktionen gegen Russland.", "lang": "de", "title": float("nan"), "date": "2024-05-01"},
        {"id": "2", "text": "Sanctions against Russia.", "lang": "en", "url": None},
        {"id": "3", "text": "   "},  # empty: skipped with a notice
    ]
    with xling.Indexer(db) as indexer:
        assert indexer.add_many(iter(rows)) == 2
        assert [n["where"] for n in indexer.notices if n["kind"] == "skipped"] == ["add_many item 3"]
    docs = xling.Searcher(db)
    assert docs.document("1").title == "" and docs.document("1").date == datetime.date(2024, 5, 1)
    assert len(docs) == 2


def test_add_many_refuses_unknown_fields_and_missing_ids(tmp_path):
    with xling.Indexer(tmp_path / "db") as indexer:
        with pytest.raises(TypeError, match="unknown field 'titel'"):
            indexer.add_many([{"id": "1", "text": "x", "titel": "typo"}])
        with pytest.raises(TypeError, match="needs 'id' and 'text'"):
            indexer.add_many([{"text": "no id"}])
        with pytest.raises(TypeError, match="not a mapping"):
            indexer.add_many(["just a string"])
        with pytest.raises(TypeError):
            indexer.add("1", 42)


def test_commit_makes_documents_visible_to_an_open_searcher(tmp_path):
    db = tmp_path / "db"
    indexer = xling.Indexer(db)
    indexer.add("first", "Getreide aus Russland.", lang="de")
    indexer.commit()
    searcher = xling.Searcher(db)
    assert ids(searcher.search("Getreide")) == ["first"]
    indexer.add("second", "Mehr Getreide aus Russland.", lang="de")
    indexer.commit()
    assert set(ids(searcher.search("Getreide"))) == {"first", "second"}
    indexer.close()


def test_the_context_manager_keeps_committed_batches_when_the_block_fails(tmp_path):
    db = tmp_path / "db"

    class Stop(Exception):
        pass

    with pytest.raises(Stop):
        with xling.Indexer(db) as indexer:
            indexer.add("committed", "Getreide aus Russland.", lang="de")
            indexer.commit()
            indexer.add("pending", "Getreide aus Kasachstan.", lang="de")
            raise Stop()
    assert indexer.closed
    found = ids(xling.Searcher(db).search("Getreide"))
    assert "committed" in found
    # Xapian writes a closing writer's pending documents; xling never throws indexed data away.
    assert "pending" in found
    xling.Indexer(db).close()  # and the write lock is free again


def test_batches_commit_on_their_own(tmp_path):
    db = tmp_path / "db"
    indexer = xling.Indexer(db, batch_size=2)
    for number in range(5):
        indexer.add(f"d{number}", f"Getreide Nummer {number}.", lang="de")
    # Two full batches are committed without commit(): a searcher sees them.
    assert len(xling.Searcher(db).search("Getreide", limit=100)) >= 4
    assert indexer.commit()["documents"] == 5
    indexer.close()


def test_invalid_options_are_request_errors(tmp_path):
    with pytest.raises(xling.RequestError):
        xling.Indexer(tmp_path / "db", invalid_utf8="drop")
    with pytest.raises(xling.RequestError):
        xling.Indexer(tmp_path / "db", batch_size=0)
