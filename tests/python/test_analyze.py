"""xling.analyze(): the words, stems and offsets xling-analyze prints."""

import json
import os
import subprocess

import pytest

import xling


def test_words_have_stems_stopword_flags_and_offsets():
    text = "Die Zusammenarbeit mit Moskau"
    words = xling.analyze(text, "de")
    assert [w.word for w in words] == ["die", "zusammenarbeit", "mit", "moskau"]
    assert [w.stopword for w in words] == [True, False, True, False]
    assert words[0].stem == "" and words[1].stem == "zusammenarbeit"
    assert all(text[w.start:w.end] == w.surface for w in words)
    assert words[3].capitalized and words[3].name_keys


def test_offsets_index_the_str_and_the_utf8_bytes():
    text = "Šiaurės Korėjos užsienio reikalų ministrė"
    words = xling.analyze(text, "lt")
    for w in words:
        assert text[w.start:w.end] == w.surface
        assert text.encode()[w.byte_start:w.byte_end].decode() == w.surface
    assert words[1].start == 8 and words[1].byte_start == 10  # Š and ė are two bytes each


def test_stems_follow_the_language():
    assert [w.stem for w in xling.analyze("Rusijos Rusijai Rusiją", "lt")] == ["rusij"] * 3
    assert xling.analyze("сотрудничества", "ru")[0].stem == xling.analyze("сотрудничество", "ru")[0].stem


def test_a_name_has_the_same_key_in_both_scripts():
    cyrillic = xling.analyze("Шойгу", "ru")[0]
    latin = xling.analyze("Sojgu", "hu")[0]
    assert set(cyrillic.name_keys) & set(latin.name_keys)


def test_an_unknown_language_is_a_request_error():
    with pytest.raises(xling.RequestError, match="unknown language 'xx'"):
        xling.analyze("text", "xx")


def test_the_same_analysis_as_xling_analyze():
    program = os.environ.get("XLING_ANALYZE_BIN")
    if not program:
        pytest.skip("XLING_ANALYZE_BIN not set (run through meson test)")
    text = "Андрей Белоусов прибыл в Пхеньян, где обсудил военное сотрудничество."
    out = subprocess.run([program, "--lang", "ru"], input=text, capture_output=True, text=True, check=True)
    printed = [json.loads(line) for line in out.stdout.splitlines()]
    ours = xling.analyze(text, "ru")
    assert [p["surface"] for p in printed] == [w.surface for w in ours]
    assert [p["stem"] for p in printed] == [w.stem for w in ours]
    assert [p.get("name_keys", []) for p in printed] == [w.name_keys for w in ours]


def test_an_analyzer_object_shares_its_resources():
    resources = xling.Resources(aliases=False, dict=False)
    analyzer = xling.Analyzer(resources=resources)
    assert [w.to_dict()["stem"] for w in analyzer.analyze("grain exports", "en")] == ["grain", "export"]
