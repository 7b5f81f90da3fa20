"""Searching the sample corpus: the same answers as xling-search gives (tests/e2e), through Python."""

import datetime
import json
import os
import subprocess

import pytest

import xling
from conftest import ids

# The five JSONL records, by a filter-only query.
WIRE = 'source:"Example Wire"'


def test_a_german_word_finds_both_german_articles(searcher):
    results = searcher.search("Zusammenarbeit")
    assert sorted(ids(results)) == ["de/01-belousow-pjoengjang.txt", "de/02-putin-choe-moskau.txt"]
    assert results.total == 2 and results.total_exact
    assert len(results) == 2
    assert results[0].rank == 1 and results[-1].rank == 2
    assert "[Zusammenarbeit]" in results[0].snippet


def test_a_lithuanian_nominative_finds_its_case_forms(plain_searcher):
    # Without an alias table the name key still meets the French article's "Russie" (Rusij-a and
    # Russi-e share the key "rusi"): the same country, found by transcription.
    assert sorted(ids(plain_searcher.search("Rusija"))) == [
        "lt/01-belousovas-pchenjane.txt",
        "lt/02-soigu-grudai.md",
        "other/01-fr-belooussov-pyongyang.txt",
        "wire-lt-001",
    ]


def test_a_country_name_finds_articles_in_five_languages_through_the_alias_table(searcher):
    found = set(ids(searcher.search("Rusija", limit=100)))
    assert {
        "hu/02-sojgu-gabona.txt",
        "de/01-belousow-pjoengjang.txt",
        "lt/01-belousovas-pchenjane.txt",
        "en/01-putin-choe-moscow.txt",
        "ru/01-putin-tsoi-son-hi.txt",
    } <= found


def test_a_phrase_crosses_languages_and_scripts_through_the_alias_table(searcher, plain_searcher):
    assert sorted(ids(plain_searcher.search('"Kim Jong Un"'))) == [
        "de/01-belousow-pjoengjang.txt",
        "en/01-putin-choe-moscow.txt",
        "other/01-fr-belooussov-pyongyang.txt",
    ]
    assert sorted(ids(searcher.search('"Kim Jong Un"'))) == [
        "de/01-belousow-pjoengjang.txt",
        "en/01-putin-choe-moscow.txt",
        "lt/01-belousovas-pchenjane.txt",
        "other/01-fr-belooussov-pyongyang.txt",
        "wire-hu-001",
        "wire-ru-001",
    ]


def test_a_cyrillic_name_finds_latin_spellings_by_name_key(plain_searcher):
    found = ids(plain_searcher.search("Шойгу", limit=100))
    assert "ru/02-shoigu-zerno.txt" in found
    assert "hu/02-sojgu-gabona.txt" in found  # Sojgu: no alias table, the name key alone


def test_matched_forms_name_the_inflections_found(plain_searcher):
    hit = plain_searcher.search("Putinas")[0]
    assert hit.id == "wire-lt-001"
    assert {"Putinas", "Putinui"} <= set(hit.matched_forms)
    assert hit.matched[0]["query"] == "Putinas"
    assert "Putinui" in hit.matched[0]["forms"]
    assert "[Putinas]" in hit.snippet


def test_stored_fields_and_dates(plain_searcher):
    hit = plain_searcher.search("Putinas")[0]
    assert hit.lang == "lt"
    assert hit.date == datetime.date(2024, 12, 12)
    assert hit.url.startswith("https://example.org/")
    assert hit.source == "Example Wire"
    assert hit.score > 0
    undated = plain_searcher.search("Zusammenarbeit")[0]
    assert undated.date is None and undated.url is None and undated.source is None
    assert undated.title.startswith("Belousow in Pjöngjang")


def test_language_filter_accepts_a_code_a_comma_list_and_a_list(searcher):
    expected = ["en/01-putin-choe-moscow.txt", "wire-lt-001"]
    assert sorted(ids(searcher.search("Choe Son Hui", lang="lt,en"))) == expected
    assert sorted(ids(searcher.search("Choe Son Hui", lang=["lt", "en"]))) == expected
    assert ids(searcher.search("Choe Son Hui", lang="lt")) == ["wire-lt-001"]


def test_date_filters_take_dates_strings_and_years(searcher):
    all_dated = {hit.id: hit.date for hit in searcher.search(WIRE, limit=100) if hit.date}
    assert len(all_dated) == 5
    december = searcher.search(WIRE, since=datetime.date(2024, 12, 1), until="2024-12", limit=100)
    assert ids(december) == ["wire-lt-001"]
    assert set(ids(searcher.search(WIRE, since=2025, limit=100))) == {"wire-de-001", "wire-en-001"}
    until_nov_29 = searcher.search(WIRE, until=datetime.datetime(2024, 11, 29, 23, 0), limit=100)
    assert ids(until_nov_29) == ["wire-ru-001"]


def test_sort_by_date_both_ways(searcher):
    oldest = [hit.date for hit in searcher.search(WIRE, sort="date", limit=100)]
    newest = [hit.date for hit in searcher.search(WIRE, sort="-date", limit=100)]
    assert oldest == sorted(oldest) and len(oldest) == 5
    assert newest == sorted(newest, reverse=True)


def test_paging_with_limit_and_offset(searcher):
    everything = ids(searcher.search("Rusija", limit=100))
    page = searcher.search("Rusija", limit=2, offset=2)
    assert ids(page) == everything[2:4]
    assert [hit.rank for hit in page] == [3, 4]
    assert len(searcher.search("Rusija", offset=1000)) == 0


def test_facets_count_the_whole_match_set_not_the_page(searcher):
    results = searcher.search(WIRE, facets=True, limit=1)
    assert len(results) == 1
    facets = results.facets
    assert facets["source"] == {"Example Wire": 5}
    assert facets["month"] == {"2024-11": 2, "2024-12": 1, "2025-01": 2}
    assert sum(facets["lang"].values()) == results.total == 5
    assert searcher.search(WIRE).facets is None


def test_explain_is_plain_data(searcher):
    results = searcher.search("Putyin Zusammenarbeit", explain=True)
    explain = results.explain
    json.dumps(explain)  # plain data: dicts, lists, str, numbers, bool, None
    queries = [concept["query"] for concept in explain["concepts"]]
    assert queries == ["Putyin", "Zusammenarbeit"]
    putin = explain["concepts"][0]
    assert putin["entities"] == ["putin"]
    assert "Путин" in putin["names"]["ru"]
    assert explain["concepts"][1]["stems"]["de"] == "zusammenarbeit"
    assert explain["parsed"]
    assert explain["translation"].startswith("off")
    assert searcher.search("Putyin").explain is None


def test_highlight_markers_and_no_snippets(searcher):
    html = searcher.search("Zusammenarbeit", highlight=("<mark>", "</mark>"))[0]
    assert "<mark>Zusammenarbeit</mark>" in html.snippet
    bare = searcher.search("Zusammenarbeit", snippet_length=0)[0]
    assert bare.snippet == "" and bare.matched_forms == []


def test_default_operator_or(searcher):
    both = searcher.search("Zusammenarbeit Getreide")
    either = searcher.search("Zusammenarbeit Getreide", default_op="or", limit=100)
    assert both.total < either.total


def test_a_glossary_translates_a_keyword_into_other_languages(corpus_db, tmp_path):
    glossary = tmp_path / "grain.glossary"
    glossary.write_text("de:Getreide -> en: grain\nde:Getreide -> lt: grūdai\n", encoding="utf-8")
    with xling.Searcher(corpus_db, glossaries=glossary) as translating:
        found = ids(translating.search("Getreide", query_lang="de", limit=100))
    assert {"wire-de-001", "wire-en-001", "lt/02-soigu-grudai.md"} <= set(found)
    untranslated = xling.Searcher(corpus_db).search("Getreide", limit=100)
    assert "wire-en-001" not in ids(untranslated)


def test_the_translation_table_when_built(corpus_db):
    build = os.environ.get("XLING_BUILD_DIR")
    table = os.path.join(build, "data", "translation", "xling.table") if build else ""
    if not table or not os.path.exists(table):
        pytest.skip("no translation table in the build (ninja -C build dict)")
    translating = xling.Searcher(corpus_db, dict=table)
    assert translating.resources.dict == table
    found = ids(translating.search("katonai együttműködés", limit=100))
    untranslated = ids(xling.Searcher(corpus_db, dict=False).search("katonai együttműködés", limit=100))
    assert len(found) > len(untranslated)
    assert "de/01-belousow-pjoengjang.txt" in found


def test_document_by_id(searcher):
    doc = searcher.document("wire-ru-001")
    assert doc.lang == "ru" and doc.date == datetime.date(2024, 11, 29)
    assert doc.source == "Example Wire"
    assert doc.text.startswith("Министр обороны")
    assert searcher.document("no-such-id") is None


def test_index_facts(searcher):
    assert len(searcher) == 16
    assert searcher.languages == ["hu", "de", "lt", "en", "ru", "fr"]  # the French article is fr


def test_several_indexes_are_searched_as_one(corpus_db, tmp_path):
    other = tmp_path / "other"
    with xling.Indexer(other) as indexer:
        indexer.add("extra-1", "Weitere Zusammenarbeit wurde vereinbart.", lang="de")
    both = xling.Searcher([corpus_db, other])
    assert len(both) == 17
    assert "extra-1" in ids(both.search("Zusammenarbeit"))


def test_the_same_hits_and_scores_as_xling_search(searcher, corpus_db):
    program = os.environ.get("XLING_SEARCH_BIN")
    if not program:
        pytest.skip("XLING_SEARCH_BIN not set (run through meson test)")
    for query in ["Rusija", '"Kim Jong Un"', "Putin OR Путин", "Getreide lang:de,lt"]:
        out = subprocess.run(
            [program, "--db", str(corpus_db), "--jsonl", "-n", "100", "--", query],
            capture_output=True, text=True, check=False,
        )
        assert out.returncode in (0, 1), out.stderr
        cli = [json.loads(line) for line in out.stdout.splitlines()]
        ours = searcher.search(query, limit=100)
        assert [h["id"] for h in cli] == ids(ours), query
        assert [h["score"] for h in cli] == pytest.approx([hit.score for hit in ours]), query
        assert [h["snippet"] for h in cli] == [hit.snippet for hit in ours], query


def test_results_as_dicts_and_repr(searcher):
    results = searcher.search("Putinas")
    rows = results.to_dicts()
    assert [row["id"] for row in rows] == [hit.id for hit in results]
    dated = next(row for row in rows if row["id"] == "wire-lt-001")
    assert dated["date"] == datetime.date(2024, 12, 12)
    assert set(rows[0]) == {"rank", "id", "lang", "title", "date", "url", "source", "author", "score", "snippet",
                            "matched_forms", "matched"}
    assert "total=" in repr(results) and results[0].id in repr(results[0])


def test_a_misspelled_name_gets_a_suggestion_and_a_known_one_none(searcher):
    assert searcher.search("Putn").suggestion == "Putin"
    assert searcher.search("Putin").suggestion is None


def test_a_time_limit_not_reached_changes_nothing(searcher):
    whole = searcher.search("Pyongyang", facets=True)
    roomy = searcher.search("Pyongyang", facets=True, time_limit=60.0)
    assert not roomy.partial and roomy.partial_reason is None
    assert ids(roomy) == ids(whole) and roomy.facets == whole.facets


def test_a_time_limit_reached_returns_every_hit_marked_partial(tmp_path):
    # Snippets of 1,500 hits take far longer than 1 ms: the late hits come without snippets.
    with xling.Indexer(tmp_path / "db") as indexer:
        for i in range(1500):
            text = "".join(f"The harbour council met again, sentence {s} of report {i}. " for s in range(20))
            indexer.add(f"d{i}", text, lang="en")
    searcher = xling.Searcher(tmp_path / "db", aliases=False, dict=False)
    whole = searcher.search("harbour council", limit=1500)
    cut = searcher.search("harbour council", limit=1500, time_limit=0.001)
    assert cut.partial and "time limit: snippets of " in cut.partial_reason
    assert ids(cut) == ids(whole)
    assert sum(1 for hit in cut if hit.snippet) < len(cut) / 2


@pytest.mark.parametrize("bad", [0, -1.5, float("nan"), 1e12, "soon", True])
def test_a_time_limit_must_be_a_positive_number_of_seconds(searcher, bad):
    with pytest.raises(xling.RequestError, match="time_limit"):
        searcher.search("Putin", time_limit=bad)


def test_feedback_lists_the_terms_each_language_added(searcher):
    assert searcher.search("Pyongyang").feedback == {}
    fed = searcher.search("Pyongyang", feedback=True)
    assert fed.feedback and all(terms for terms in fed.feedback.values())
    assert all(term[0] in "ZN" for terms in fed.feedback.values() for term in terms)
    assert len(fed) >= len(searcher.search("Pyongyang"))
