"""Task 1: cross-lingual known-item retrieval on NTREX-128.

Documents: NTREX-128's 123 news documents (lines grouped by DOCUMENT_IDS.tsv, which is line-aligned
with every language file) in en (the English source, newstest2019-src.eng.txt), de, hu, lt and ru:
615 documents, id "docNNN.<lang>" (NNN = the document's order of first appearance), title = the
document's first line (its headline), text = all its lines.

Queries, from every document in every source language S:
  sentence  the lead sentence: the document's first line after the headline, its words except the
            stopwords of the source language (as xling-analyze marks them), joined with
            --default-op or;
  keywords  4 words of the whole source document with the highest tf*idf of their xling stem, where
            tf = occurrences in the document and idf = ln(N/df) over the N documents of language S;
            stopwords, words with a digit and words under 3 letters are skipped; ties go to the word
            that occurs first; each keyword is typed as it first occurs in the text; --default-op or;
  keywords_common  the same rule, but a stem that occurs capitalised anywhere in the document except
            as the first word of a line is left out: no names, so what crosses languages must be
            translated (the words issue 7 is about; in German this drops all nouns, so the de rows
            of this type are of little use);
  sentence_typed  the same lead sentence with all its words, stopwords included, as a user would
            paste it (xling does not know the query's language and searches the source language's
            stopwords as ordinary words in the other languages: this row measures what that costs).
In every query a word is typed as it occurs; punctuation is left out (the words are the ones
xling-analyze finds), and capitalised AND/OR/NOT/NEAR are lower-cased so that they stay words.

Modes (what a query word may match):
  exact        =word for every word (exact form; no stems, aliases or name keys)
  stems        the words as typed, --no-aliases (each word's stems in every index language)
  aliases      the words as typed, default table and name keys (xling's default)
  translation  xling's query translation (issue 7), when `xling-search --help` offers it

Accent-free variants (issue 15: "many researchers type on keyboards without ő, ė, š"): the modes
aliases+unaccented and translation+unaccented run the same queries as aliases and translation with
their diacritics stripped (strip_diacritics: Latin letters lose their combining marks, so ő -> o,
ė -> e, š -> s, ä -> a; Cyrillic keeps й and only ё becomes е, as Russians type). The target is an
MRR within 0.02 of the accented queries (accent_gap). The queries with no diacritic (most English
ones) are the same in both, so the per-source-language rows show where the gap is.

Scoring: for a cell S->T every query of source language S runs with `--lang T` (only documents
in T; the query is expanded for T only, which is how a user restricts a search to one language)
and --limit = documents per language, so T's whole ranking is seen. The relevant document is the
query document's T version; MRR = mean 1/rank (0 when it is not retrieved at all), Recall@10 =
share of queries with it among the first 10. Cells with S = T are the monolingual reference: the
query, written in T, must retrieve its own T document among all T documents (a ceiling: the query
text is part of that document). "S->others" is the unfiltered view (one query, every language,
no --lang): the documents of the four other languages ranked together; its four relevant documents
are the translations: MRR of the first one found, Recall@10 = mean share of the four among the
first 10.
Translation mode adds `--query-lang S` when xling-search offers it (the query language is known
here; what is measured is the translation, not language identification of 4 words).
"""

import json
import math
import re
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .tools import log, safe_word

LANGS = ["en", "de", "hu", "lt", "ru"]
FILES = {
    "en": "newstest2019-src.eng.txt",
    "de": "newstest2019-ref.deu.txt",
    "hu": "newstest2019-ref.hun.txt",
    "lt": "newstest2019-ref.lit.txt",
    "ru": "newstest2019-ref.rus.txt",
}
KEYWORDS = 4
QUERY_TYPES = ["sentence", "keywords", "keywords_common", "sentence_typed"]
MODES = ["exact", "stems", "aliases", "translation", "translation+feedback"]
# Accent-free variant of a mode: the same flags, the queries without diacritics.
UNACCENTED = {"aliases": "aliases+unaccented", "translation": "translation+unaccented"}
ACCENT_TARGET = 0.02
DIGIT = re.compile(r"\d")


def strip_diacritics(text: str) -> str:
    """The text as typed on a keyboard without accents: combining marks dropped from every
    non-Cyrillic letter (NFD), Cyrillic ё/Ё -> е/Е, й kept (it is a letter of its own there)."""
    out = []
    for ch in text:
        if ch in "ёЁ":
            out.append("е" if ch == "ё" else "Е")
        elif "CYRILLIC" in unicodedata.name(ch, ""):
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
    return unicodedata.normalize("NFC", "".join(out))


def load_documents(folder: Path, max_docs=None):
    """{lang: [lines of document 0, lines of document 1, ...]} in DOCUMENT_IDS order of first appearance."""
    ids = [line.rstrip("\r") for line in (folder / "DOCUMENT_IDS.tsv").read_bytes().decode("utf-8").split("\n")]
    while ids and ids[-1] == "":
        ids.pop()
    order = list(dict.fromkeys(ids))
    docs = {}
    for lang, name in FILES.items():
        raw = (folder / name).read_bytes().decode("utf-8")
        lines = raw.split("\r\n")  # NTREX lines end in CRLF
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) != len(ids):
            raise ValueError(f"{name}: {len(lines)} lines, DOCUMENT_IDS.tsv has {len(ids)}")
        grouped = {}
        for doc_id, line in zip(ids, lines):
            grouped.setdefault(doc_id, []).append(line.strip())
        docs[lang] = [grouped[d] for d in order]
    if max_docs:
        docs = {lang: d[:max_docs] for lang, d in docs.items()}
    return docs, order[: max_docs or len(order)]


def doc_id(n, lang):
    return f"doc{n:03d}.{lang}"


def write_jsonl(docs, path: Path):
    with open(path, "w", encoding="utf-8") as out:
        for lang in LANGS:
            for n, lines in enumerate(docs[lang]):
                out.write(json.dumps({"id": doc_id(n, lang), "lang": lang, "title": lines[0],
                                      "text": "\n".join(lines)}, ensure_ascii=False) + "\n")


def lead_sentence(lines):
    return lines[1] if len(lines) > 1 else lines[0]


def pick_keywords(analyzed_docs, common_only=False):
    """The KEYWORDS words of each document with the highest tf*idf (see the module comment).

    analyzed_docs: per document, its tokens with "initial" set on the first token of each line.
    common_only: leave out every stem that occurs capitalised anywhere but at the start of a line
    (names, and in German all nouns).
    """
    per_doc = []
    df = {}
    for tokens in analyzed_docs:
        tf, first, capital = {}, {}, set()
        for pos, t in enumerate(tokens):
            stem = t["stem"]
            if t["stopword"] or not stem or DIGIT.search(t["word"]) or len(t["word"]) < 3:
                continue
            tf[stem] = tf.get(stem, 0) + 1
            first.setdefault(stem, (pos, t["surface"]))
            if not t.get("initial") and t["surface"][:1].isupper():
                capital.add(stem)
        if common_only:
            for stem in capital:
                del tf[stem]
        per_doc.append((tf, first))
        for stem in tf:
            df[stem] = df.get(stem, 0) + 1
    n = len(analyzed_docs)
    out = []
    for tf, first in per_doc:
        scored = sorted(tf, key=lambda s: (-tf[s] * math.log(n / df[s]), first[s][0]))
        out.append([first[s][1] for s in scored[:KEYWORDS]])
    return out


def analyze_documents(tools, lang, documents):
    """xling-analyze each line of each document; per document its tokens, "initial" on each line's first."""
    lines = [line for d in documents for line in d]
    analyzed = tools.analyze_lines(lang, lines)
    out, i = [], 0
    for d in documents:
        tokens = []
        for toks in analyzed[i:i + len(d)]:
            for k, t in enumerate(toks):
                tokens.append(dict(t, initial=(k == 0)))
        i += len(d)
        out.append(tokens)
    return out


def plain_query(words):
    return " ".join(w for w in (safe_word(x) for x in words) if w)


def exact_query(words):
    parts = []
    for x in words:
        parts += ["=" + p for p in safe_word(x).split()]
    return " ".join(parts)


def metric_summary(rrs, r10s):
    n = len(rrs)
    return {"mrr": round(sum(rrs) / n, 4) if n else None, "r10": round(sum(r10s) / n, 4) if n else None, "n": n}


def rank_of(hits, target):
    ids = [h["id"] for h in hits]
    return ids.index(target) + 1 if target in ids else None


def run(tools, shared: Path, work: Path, max_docs=None, jobs_in_parallel=1, query_types=None, unfiltered=True,
        modes_wanted=None):
    query_types = list(query_types or QUERY_TYPES)
    folder = shared / "eval" / "ntrex128"
    docs, order = load_documents(folder, max_docs)
    ndocs = len(order)
    log(f"ntrex: {ndocs} documents x {len(LANGS)} languages")
    jsonl = work / "ntrex.jsonl"
    write_jsonl(docs, jsonl)
    db = work / "ntrex.db"
    tools.build_index(db, [jsonl], work / "ntrex-index.log")

    # Queries per source language.
    queries = {qt: {} for qt in QUERY_TYPES}  # qt -> lang -> [(plain, exact, words)]
    for lang in LANGS:
        sentences = tools.analyze_lines(lang, [lead_sentence(d) for d in docs[lang]])
        full = analyze_documents(tools, lang, docs[lang])
        keywords = pick_keywords(full)
        common = pick_keywords(full, common_only=True)
        queries["sentence"][lang] = [
            (plain_query([t["surface"] for t in toks if not t["stopword"]]),
             exact_query([t["surface"] for t in toks if not t["stopword"]]),
             [t["surface"] for t in toks if not t["stopword"]]) for toks in sentences]
        queries["sentence_typed"][lang] = [
            (plain_query([t["surface"] for t in toks]),
             exact_query([t["surface"] for t in toks]),
             [t["surface"] for t in toks]) for toks in sentences]
        queries["keywords"][lang] = [(plain_query(k), exact_query(k), k) for k in keywords]
        queries["keywords_common"][lang] = [(plain_query(k), exact_query(k), k) for k in common]

    translation = tools.translation_flags()
    off_flags = tools.translation_off_flags()
    base = ["--default-op", "or", "--snippet-length", "0", "--highlight", "none"]  # ids only: snippets are most of a query's time
    modes = {
        "exact": {"flags": base + ["--no-aliases"] + off_flags, "exact": True},
        "stems": {"flags": base + ["--no-aliases"] + off_flags, "exact": False},
        "aliases": {"flags": base + off_flags, "exact": False},
    }
    if translation:
        modes["translation"] = {"flags": base + translation[0], "exact": False, "query_lang": tools.has_query_lang()}
        if tools.has_feedback():  # issue 20: pseudo-relevance feedback, off by default in xling-search
            modes["translation+feedback"] = dict(modes["translation"], flags=modes["translation"]["flags"] + ["--feedback"])
    for accented, name in UNACCENTED.items():
        if accented in modes:
            modes[name] = dict(modes[accented], unaccented=True)
    if modes_wanted:  # a quick check of some modes (eval/run --ntrex-modes)
        modes = {m: spec for m, spec in modes.items() if m in modes_wanted}

    results = {
        "documents": ndocs * len(LANGS),
        "documents_per_language": ndocs,
        "keywords_per_query": KEYWORDS,
        "query_types": query_types,
        "modes": {},
        "examples": {qt: {lang: queries[qt][lang][0][0] for lang in LANGS} for qt in query_types},
    }
    # One batch per (mode, query type, source language S, document language T) with --lang T, and
    # one unfiltered batch per (mode, query type, S) for the "S -> 4 others" view.
    jobs = []
    for mode, spec in modes.items():
        for qt in query_types:
            for s in LANGS:
                qs = mode_queries(spec, queries[qt][s])
                flags = list(spec["flags"])
                if spec.get("query_lang"):
                    flags += ["--query-lang", s]
                for t in LANGS:
                    jobs.append(((mode, qt, s, t), qs, flags + ["--lang", t, "--limit", str(ndocs)]))
                if unfiltered and not spec.get("unaccented"):  # the accent check needs the --lang cells only
                    jobs.append(((mode, qt, s, None), qs, flags + ["--limit", str(ndocs * len(LANGS))]))

    def one(job):
        key, qs, flags = job
        todo = [i for i, q in enumerate(qs) if q.strip()]
        answers = dict(zip(todo, tools.search_batch([db], [qs[i] for i in todo], flags)))
        return key, [answers.get(i, {"hits": []}) for i in range(len(qs))]

    with ThreadPoolExecutor(max_workers=max(1, jobs_in_parallel)) as pool:
        answers = dict(pool.map(one, jobs))

    for mode in MODES + list(UNACCENTED.values()):
        if modes_wanted and mode not in modes_wanted:
            results["modes"][mode] = {"available": False, "reason": "not run (--ntrex-modes)"}
            continue
        if mode not in modes:
            results["modes"][mode] = {"available": False, "reason": tools.translation_status()}
            continue
        spec = modes[mode]
        mres = {"available": True, "flags": spec["flags"] + (["--query-lang", "S"] if spec.get("query_lang") else [])
                + ["--lang", "T"]}
        for qt in query_types:
            cells = {s: {t: ([], []) for t in LANGS} for s in LANGS}
            others = {s: ([], []) for s in LANGS}
            errors = []
            for s in LANGS:
                qs = mode_queries(spec, queries[qt][s])
                for t in LANGS:
                    for n, res in enumerate(answers[(mode, qt, s, t)]):
                        if "error" in res:
                            errors.append({"query": qs[n], "lang": t, "error": res["error"]})
                        rank = rank_of(res.get("hits", []), doc_id(n, t))
                        cells[s][t][0].append(1.0 / rank if rank else 0.0)
                        cells[s][t][1].append(1.0 if rank and rank <= 10 else 0.0)
                for n, res in enumerate(answers.get((mode, qt, s, None), [])):
                    if "error" in res:
                        errors.append({"query": qs[n], "lang": None, "error": res["error"]})
                    ranking = [h["id"] for h in res.get("hits", []) if h["lang"] != s]
                    relevant = [doc_id(n, t) for t in LANGS if t != s]
                    ranks = sorted(ranking.index(d) + 1 for d in relevant if d in ranking)
                    others[s][0].append(1.0 / ranks[0] if ranks else 0.0)
                    others[s][1].append(sum(1 for r in ranks if r <= 10) / len(relevant))
            cell_out = {s: {t: metric_summary(*cells[s][t]) for t in LANGS} for s in LANGS}
            cross = [cell_out[s][t] for s in LANGS for t in LANGS if s != t]
            mono = [cell_out[t][t] for t in LANGS]
            mres[qt] = {
                "cells": cell_out,
                "cross_mean": {"mrr": round(sum(c["mrr"] for c in cross) / len(cross), 4),
                               "r10": round(sum(c["r10"] for c in cross) / len(cross), 4)},
                "mono_mean": {"mrr": round(sum(c["mrr"] for c in mono) / len(mono), 4),
                              "r10": round(sum(c["r10"] for c in mono) / len(mono), 4)},
                "to_others": ({s: metric_summary(*others[s]) for s in LANGS}
                              if unfiltered and not spec.get("unaccented") else None),
                "errors": len(errors),
                "error_examples": errors[:5],
            }
            log(f"ntrex {mode:11s} {qt:14s}: cross-lingual MRR {mres[qt]['cross_mean']['mrr']:.3f} "
                f"R@10 {mres[qt]['cross_mean']['r10']:.3f}; monolingual MRR {mres[qt]['mono_mean']['mrr']:.3f}"
                + (f"; {len(errors)} query errors" if errors else ""))
        results["modes"][mode] = mres
    results["issue7"] = issue7_targets(results)
    results["accent_gap"] = accent_gap(results, queries, query_types)
    return results


def mode_queries(spec, qs):
    """The query texts a mode sends: =word forms for exact, diacritics stripped for the unaccented ones."""
    texts = [(q[1] if spec["exact"] else q[0]) for q in qs]
    return [strip_diacritics(t) for t in texts] if spec.get("unaccented") else texts


def accent_gap(results, queries, query_types):
    """Accented vs accent-free MRR per mode and query type (issue 15: within ACCENT_TARGET), overall
    (cross-lingual and monolingual means) and per source language with the share of its queries
    that stripping changed."""
    out = {}
    for accented, name in UNACCENTED.items():
        a, u = results["modes"].get(accented, {}), results["modes"].get(name, {})
        if not (a.get("available") and u.get("available")):
            continue
        per = {}
        for qt in query_types:
            rows = {}
            for s in LANGS:
                changed = sum(1 for q in queries[qt][s] if strip_diacritics(q[0]) != q[0])
                row = {"changed": round(changed / len(queries[qt][s]), 3) if queries[qt][s] else None}
                for label, m in (("accented", a), ("unaccented", u)):
                    cells = m[qt]["cells"][s]
                    row[label] = round(sum(cells[t]["mrr"] for t in LANGS) / len(LANGS), 4)
                rows[s] = row
            gap_cross = round(a[qt]["cross_mean"]["mrr"] - u[qt]["cross_mean"]["mrr"], 4)
            gap_mono = round(a[qt]["mono_mean"]["mrr"] - u[qt]["mono_mean"]["mrr"], 4)
            per[qt] = {"cross": {"accented": a[qt]["cross_mean"]["mrr"], "unaccented": u[qt]["cross_mean"]["mrr"],
                                 "gap": gap_cross},
                       "mono": {"accented": a[qt]["mono_mean"]["mrr"], "unaccented": u[qt]["mono_mean"]["mrr"],
                                "gap": gap_mono},
                       "met": gap_cross <= ACCENT_TARGET and gap_mono <= ACCENT_TARGET,
                       "by_source": rows}
        out[accented] = per
    return out


def issue7_targets(results):
    """Issue 7's targets, from the keyword (and sentence) rows: translation vs the no-translation
    mode (aliases: xling's default with --no-translate), per pair en->hu and en->lt, and the
    cross-lingual mean as a share of the monolingual mean (both in translation mode)."""
    tr = results["modes"].get("translation", {})
    base = results["modes"].get("aliases", {})
    if not tr.get("available") or not base.get("available"):
        return {"available": False, "reason": tr.get("reason", "the aliases mode was not run")}
    out = {"available": True}
    for qt in ("keywords", "keywords_common", "sentence"):
        if qt not in tr:
            continue
        row = {}
        for s, t in (("en", "hu"), ("en", "lt")):
            a = base[qt]["cells"][s][t]["mrr"]
            b = tr[qt]["cells"][s][t]["mrr"]
            row[f"{s}->{t}"] = {"no_translation_mrr": a, "translation_mrr": b,
                                "ratio": round(b / a, 3) if a else None, "target_ratio": 2.0,
                                "met": bool(a and b / a >= 2.0)}
        cross = tr[qt]["cross_mean"]["mrr"]
        mono = tr[qt]["mono_mean"]["mrr"]
        row["share_of_monolingual"] = {"cross_mrr": cross, "mono_mrr": mono,
                                       "share": round(cross / mono, 3) if mono else None, "target": 0.6,
                                       "met": bool(mono and cross / mono >= 0.6)}
        out[qt] = row
    return out
