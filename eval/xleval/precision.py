"""Task 4: precision and recall of entity and keyword queries (issue 15).

Collection: the 5 seed news articles (../shared/seeds: 000 hu, 001 de, 002 lt, 003 de, 004 en, all
about Russia and North Korea) among distractors that cannot mention their entities: the first
documents of each bulk corpus of ../shared/corpora (Hungarian laws, Lithuanian legal acts, German
federal laws, US Code sections; Russian novels cut into chunks of ~CHUNK characters at paragraph
ends), in file order, up to a byte budget per language (full 6 MB, smoke 1 MB; records over
MAX_RECORD characters skipped). A distractor that mentions a queried entity (the rule in
judgments.py) or holds a name part the table does not list alone (Kim, as a whole word) is left
out, and the number left out is reported: so the distractors cannot contain the entities by
construction, not by assumption.

Queries (ENTITY_QUERIES, KEYWORD_QUERIES), each as a user types it (--default-op and, xling's default):
  full        a full name in one language's spelling (Kim Jong Un, Kim Dzsong Un, Andrei Belousov)
  part        one name part (Kim, Putin, Seoul, Choe)
  script      Cyrillic (Путин, Ким Чен Ын, КНДР)
  inflected   a case form (Putyinnal, Phenjanba, Belousovas, Putins, Путиным)
  unaccented  a name typed without its diacritics (Siaures Korejos, Eszak-Korea, Szoul)
  misspelled  one letter wrong (Belousof, Puttin): found only through fuzzy matching; whether
              xling offers the right "did you mean" is reported separately when its JSON has one
  keyword     a common word with --lang T (Zusammenarbeit --lang lt, troops --lang ru), in the
              document language or another one (translation's job)
Entity queries run without --lang, over the whole collection.

Judgments (judgments.py, by rule): an entity query's relevant documents are the documents that
mention its entity (for a part: the entity the part names in this news domain, Kim = Kim Jong Un);
a keyword query's are the documents in T that hold all of its concepts.

Metrics per query, over every hit returned (--limit above the collection size): precision =
relevant returned / returned (queries that return nothing are left out of the precision means and
counted in "empty"), P@10 = relevant among the first min(10, returned) / min(10, returned) (so 1.0
is reachable with 2 relevant documents), recall = relevant returned / relevant; pooled precision =
relevant / returned over all hits of a kind. Aggregates are means
over queries per kind and for "entity" (full, part, script, inflected, unaccented: the issue's
target group; misspelled shown apart, since no exact-match engine finds them).

Modes, one expansion switched off at a time (when the build's `xling-search --help` offers the flag):
  default           xling's default, with the translation table (n/a without one, as in ntrex)
  no-translate      --no-translate
  no-name-keys      --no-name-keys (translation on)
  no-aliases        --no-aliases: neither table nor name keys (translation on)
  stems-only        --no-aliases --no-translate
  exact             every word as =word, --no-aliases --no-translate: no expansion at all
  accents-strict    --accents strict (translation on), once the searcher has it
"""

import contextlib
import json
import shutil
import subprocess
import tarfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import judgments as J
from .tools import ToolFailed, ToolMissing, log

CHUNK = 40_000
MAX_RECORD = 500_000
CORPORA = [  # (language, file under corpora/, kind)
    ("hu", "hu_njt_laws.jsonl.zst", "jsonl"),
    ("lt", "lt_etar_laws.jsonl.zst", "jsonl"),
    ("de", "de_bundesgesetze.jsonl.zst", "jsonl"),
    ("en", "en_uscode_sections.jsonl.zst", "jsonl"),
    ("ru", "ru_novels_public_domain.tar.zst", "tar"),
]
SEED_LANGS = {"000": "hu", "001": "de", "002": "lt", "003": "de", "004": "en"}  # ../shared/README.md

# (kind, query, entity)
ENTITY_QUERIES = [
    ("full", "Kim Jong Un", "kim_jong_un"),
    ("full", "Kim Dzsong Un", "kim_jong_un"),
    ("full", "Vladimir Putin", "putin"),
    ("full", "Andrei Belousov", "belousov"),
    ("full", "Choe Son Hui", "choe_son_hui"),
    ("full", "No Kwang Chol", "no_kwang_chol"),
    ("full", "North Korea", "north_korea"),
    ("full", "Nordkorea", "north_korea"),
    ("full", "Észak-Korea", "north_korea"),
    ("full", "Šiaurės Korėja", "north_korea"),
    ("full", "Antony Blinken", "blinken"),
    ("full", "Yoon Suk Yeol", "yoon_suk_yeol"),
    ("full", "Rustem Umerov", "umerov"),
    ("full", "Szergej Sojgu", "shoigu"),
    ("part", "Kim", "kim_jong_un"),
    ("part", "Putin", "putin"),
    ("part", "Belousov", "belousov"),
    ("part", "Seoul", "seoul"),
    ("part", "Pyongyang", "pyongyang"),
    ("part", "Choe", "choe_son_hui"),
    ("part", "Blinken", "blinken"),
    ("part", "Umerov", "umerov"),
    ("part", "Yoon", "yoon_suk_yeol"),
    ("part", "Shoigu", "shoigu"),
    ("script", "Путин", "putin"),
    ("script", "Ким Чен Ын", "kim_jong_un"),
    ("script", "Белоусов", "belousov"),
    ("script", "Пхеньян", "pyongyang"),
    ("script", "Северная Корея", "north_korea"),
    ("script", "КНДР", "north_korea"),
    ("script", "Сеул", "seoul"),
    ("script", "Шойгу", "shoigu"),
    ("script", "Блинкен", "blinken"),
    ("inflected", "Putyinnal", "putin"),
    ("inflected", "Putins", "putin"),
    ("inflected", "Putinui", "putin"),
    ("inflected", "Путиным", "putin"),
    ("inflected", "Phenjanba", "pyongyang"),
    ("inflected", "Pchenjano", "pyongyang"),
    ("inflected", "Пхеньяне", "pyongyang"),
    ("inflected", "Belousovas", "belousov"),
    ("inflected", "Beluszovval", "belousov"),
    ("inflected", "Kim Jong Uno", "kim_jong_un"),
    ("inflected", "Šiaurės Korėjos", "north_korea"),
    ("inflected", "Észak-Koreával", "north_korea"),
    ("inflected", "Nordkoreas", "north_korea"),
    ("unaccented", "Siaures Korejos", "north_korea"),
    ("unaccented", "Siaures Koreja", "north_korea"),
    ("unaccented", "Eszak-Korea", "north_korea"),
    ("unaccented", "Eszak-Koreaval", "north_korea"),
    ("unaccented", "Szoul", "seoul"),
    ("unaccented", "Soigu", "shoigu"),
    ("unaccented", "Kim Cen Unas", "kim_jong_un"),
    ("unaccented", "Pjongjang", "pyongyang"),
    ("misspelled", "Belousof", "belousov"),
    ("misspelled", "Puttin", "putin"),
    ("misspelled", "Pyongjang", "pyongyang"),
    ("misspelled", "Blinkin", "blinken"),
    ("misspelled", "Umerof", "umerov"),
    ("misspelled", "Shoigo", "shoigu"),
]
# Name parts the alias table does not list alone: distractors holding them as a word are left out too.
UNLISTED_PARTS = ["Kim"]

# (query, --lang, concepts that a relevant document holds, all of them)
KEYWORD_QUERIES = [
    ("Zusammenarbeit", "lt", ["cooperation"]),
    ("Zusammenarbeit", "de", ["cooperation"]),
    ("együttműködés", "de", ["cooperation"]),
    ("cooperation", "hu", ["cooperation"]),
    ("bendradarbiavimas", "en", ["cooperation"]),
    ("сотрудничество", "lt", ["cooperation"]),
    ("katonai együttműködés", "de", ["military", "cooperation"]),
    ("military cooperation", "lt", ["military", "cooperation"]),
    ("troops", "ru", ["troops"]),
    ("troops", "en", ["troops"]),
    ("Truppen", "hu", ["troops"]),
    ("katonák", "lt", ["troops"]),
    ("missiles", "de", ["missile"]),
    ("Raketen", "lt", ["missile"]),
    ("rakéta", "en", ["missile"]),
    ("ракеты", "hu", ["missile"]),
    ("visit", "de", ["visit"]),
    ("Besuch", "hu", ["visit"]),
    ("látogatás", "lt", ["visit"]),
    ("vizitas", "en", ["visit"]),
    ("sanctions", "de", ["sanction"]),
    ("Sanktionen", "lt", ["sanction"]),
    ("szankciók", "en", ["sanction"]),
    ("санкции", "en", ["sanction"]),
    ("war", "hu", ["war"]),
    ("Krieg", "lt", ["war"]),
    ("háború", "de", ["war"]),
    ("karas", "ru", ["war"]),
    ("война", "de", ["war"]),
]
ENTITY_KINDS = ["full", "part", "script", "inflected", "unaccented"]
KINDS = ENTITY_KINDS + ["misspelled", "keyword"]
GROUPS = {"entity": ENTITY_KINDS, "keyword": ["keyword"]}
MODES = ["default", "no-translate", "no-name-keys", "no-aliases", "stems-only", "exact", "accents-strict"]
GUARDED_MODES = ["default", "no-translate"]  # floors in eval/floors.json (eval/run floor_metrics)
NEEDS_TRANSLATION = {"default", "no-name-keys", "no-aliases", "accents-strict"}
TARGET = {"precision": 0.98, "recall": 0.98}  # issue 15, entity queries


# -- the collection ---------------------------------------------------------------------------------

@contextlib.contextmanager
def zstd_stream(path: Path):
    """A `zstd -dc path` process, stopped on leaving the block (callers stop once their budget is
    filled); call check_complete(proc, path) after reading to the end."""
    if shutil.which("zstd") is None:
        raise ToolMissing("zstd is not installed (scripts/bootstrap installs it): the precision task reads "
                          f"{path.parent}/*.zst")
    proc = subprocess.Popen(["zstd", "-dc", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def check_complete(proc, path: Path):
    """At the end of the stream: a zstd failure (a damaged file) is an error, not a shorter corpus."""
    proc.stdout.read()  # what a tar reader leaves after the archive's end marker
    if proc.wait() != 0:
        raise ToolFailed(f"zstd -dc {path} exited {proc.returncode}: {proc.stderr.read().decode(errors='replace')[:300]}")


def stream_jsonl_zst(path: Path):
    """(raw byte length, record) of each line of a .jsonl.zst."""
    with zstd_stream(path) as proc:
        for line in proc.stdout:
            if line.strip():
                yield len(line), json.loads(line)
        check_complete(proc, path)


def novel_chunks(path: Path):
    """(byte length, record) of the Russian novels in the tar's order (fixed, so the choice is stable),
    each cut into ~CHUNK-character documents at paragraph (blank line) ends."""
    with zstd_stream(path) as proc:
        with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
            for member in tar:
                if not member.isfile() or not member.name.endswith(".txt"):
                    continue
                text = tar.extractfile(member).read().decode("utf-8", errors="replace")
                name = Path(member.name).stem
                paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
                part, n = [], 0
                for p in paragraphs + [None]:
                    if p is not None:
                        part.append(p)
                    size = sum(len(x) for x in part)
                    if part and (p is None or size >= CHUNK):
                        body = "\n\n".join(part)
                        yield len(body.encode("utf-8")), {"id": f"{name}#{n}", "lang": "ru",
                                                          "title": f"{name} {n}", "text": body}
                        part, n = [], n + 1
        check_complete(proc, path)


def build_collection(shared: Path, budget_bytes: int, finder: J.MentionFinder, out: Path):
    """Write seeds + distractors to out (JSONL); return (docs {id: (lang, text)}, stats)."""
    docs = {}
    stats = {"seeds": 0, "distractors": {}, "distractor_bytes": {}, "excluded": {}, "excluded_examples": [],
             "budget_bytes_per_language": budget_bytes}
    with open(out, "w", encoding="utf-8") as f:
        for seed in sorted((shared / "seeds").glob("*.txt")):
            key = seed.name[:3]
            text = seed.read_text(encoding="utf-8")
            rec = {"id": f"seed/{seed.stem}", "lang": SEED_LANGS.get(key), "title": seed.stem, "text": text}
            if rec["lang"] is None:
                raise ValueError(f"{seed}: language unknown (SEED_LANGS lists 000..004 from shared/README.md)")
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            docs[rec["id"]] = (rec["lang"], text)
            stats["seeds"] += 1
        for lang, name, kind in CORPORA:
            path = shared / "corpora" / name
            source = novel_chunks(path) if kind == "tar" else stream_jsonl_zst(path)
            used = kept = excluded = 0
            for size, rec in source:
                if used >= budget_bytes:
                    break
                text = rec.get("text") or ""
                if not text.strip() or len(text) > MAX_RECORD:
                    continue
                found = finder.mentions(text)
                parts = [p for p in UNLISTED_PARTS if J.contains_word(text, p)]
                if found or parts:
                    excluded += 1
                    if len(stats["excluded_examples"]) < 8:
                        stats["excluded_examples"].append(
                            {"id": rec["id"], "lang": lang,
                             "mentions": {e: v[:3] for e, v in found.items()}, "parts": parts})
                    continue
                doc = {"id": f"{lang}/{rec['id']}", "lang": lang, "title": rec.get("title") or "", "text": text}
                if rec.get("date"):
                    doc["date"] = rec["date"]
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
                docs[doc["id"]] = (lang, text)
                used += size
                kept += 1
            stats["distractors"][lang] = kept
            stats["distractor_bytes"][lang] = used
            stats["excluded"][lang] = excluded
    return docs, stats


# -- judgments --------------------------------------------------------------------------------------

def judge(docs, finder: J.MentionFinder):
    """{("entity", entity) or ("keyword", query, lang): set of relevant ids}, and the seed mention table."""
    relevant = {}
    seed_table = {}
    entities = sorted({e for _, _, e in ENTITY_QUERIES})
    for doc_id, (lang, text) in docs.items():
        found = finder.mentions(text) if doc_id.startswith("seed/") else {}
        if doc_id.startswith("seed/"):
            seed_table[doc_id] = {e: found.get(e, []) for e in entities}
        for e in found:
            relevant.setdefault(("entity", e), set()).add(doc_id)
    by_lang = {}
    for doc_id, (lang, text) in docs.items():
        by_lang.setdefault(lang, []).append((doc_id, J.doc_words(text)))
    for query, lang, concepts in KEYWORD_QUERIES:
        holds = [J.concept_matcher(c, lang) for c in concepts]
        relevant[("keyword", query, lang)] = {d for d, ws in by_lang.get(lang, []) if all(h(ws) for h in holds)}
    return relevant, seed_table


# -- running and scoring ----------------------------------------------------------------------------

def exact_form(query: str) -> str:
    return " ".join("=" + w for w in query.split())


def mode_flags(tools):
    """{mode: flags or None when this build cannot run it}, from `xling-search --help`."""
    h = tools.search_help
    translation = tools.translation_flags()
    on = translation[0] if translation else None
    off = tools.translation_off_flags()
    flags = {
        "default": on,
        "no-translate": off,
        "no-name-keys": (on + ["--no-name-keys"]) if on is not None and "--no-name-keys" in h else None,
        "no-aliases": (on + ["--no-aliases"]) if on is not None else None,
        "stems-only": ["--no-aliases"] + off,
        "exact": ["--no-aliases"] + off,
        "accents-strict": (on + ["--accents", "strict"]) if on is not None and "--accents" in h else None,
    }
    return flags


def suggestion_text(res):
    """The "did you mean" of a result object, whatever its key (the searcher's format is still being
    written): every value of a key naming a suggestion, as one lower-cased string."""
    out = []
    for k, v in res.items():
        if any(x in k.lower() for x in ("suggest", "did_you_mean", "spelling")) and v:  # an empty one offers nothing
            out.append(json.dumps(v, ensure_ascii=False))
    return J.fold(" ".join(out)) if out else None


def score(hits, relevant):
    ids = [h["id"] for h in hits]
    got = sum(1 for d in ids if d in relevant)
    top = ids[:10]
    return {
        "returned": len(ids),
        "relevant": len(relevant),
        "relevant_returned": got,
        "precision": got / len(ids) if ids else None,
        "p10": sum(1 for d in top if d in relevant) / len(top) if top else None,
        "recall": got / len(relevant) if relevant else None,
        "irrelevant_examples": [d for d in ids if d not in relevant][:5],
    }


def mean(xs):
    xs = [x for x in xs if x is not None]
    return round(sum(xs) / len(xs), 4) if xs else None


def aggregate(rows):
    return {
        "queries": len(rows),
        "empty": sum(1 for r in rows if r["returned"] == 0),
        "returned_mean": round(sum(r["returned"] for r in rows) / len(rows), 1) if rows else None,
        "precision": mean(r["precision"] for r in rows),
        "p10": mean(r["p10"] for r in rows),
        "recall": mean(r["recall"] for r in rows),
        # All hits of the kind pooled: a query that returns 100 law texts weighs 100 times, as for a reader.
        "pooled_precision": (round(sum(r["relevant_returned"] for r in rows) / sum(r["returned"] for r in rows), 4)
                             if any(r["returned"] for r in rows) else None),
    }


def all_queries():
    """[(kind, query text, --lang or None, judgment key, entity or None)]"""
    out = [(kind, q, None, ("entity", e), e) for kind, q, e in ENTITY_QUERIES]
    out += [("keyword", q, lang, ("keyword", q, lang), None) for q, lang, _ in KEYWORD_QUERIES]
    return out


def run(tools, shared: Path, work: Path, budget_bytes: int, aliases_file: Path, jobs_in_parallel=1):
    names = J.parse_aliases(aliases_file)
    wanted = sorted({e for _, _, e in ENTITY_QUERIES})
    missing = [e for e in wanted if e not in names]
    if missing:
        raise ValueError(f"{aliases_file}: no entity {', '.join(missing)} (the precision task's queries name them)")
    finder = J.MentionFinder({e: names[e] for e in wanted})
    jsonl = work / "precision.jsonl"
    docs, stats = build_collection(shared, budget_bytes, finder, jsonl)
    log(f"precision: {stats['seeds']} seeds + {sum(stats['distractors'].values())} distractors "
        f"({sum(stats['distractor_bytes'].values()) / 1e6:.1f} MB; left out for mentioning an entity: "
        f"{sum(stats['excluded'].values())})")
    db = work / "precision.db"
    tools.build_index(db, [jsonl], work / "precision-index.log")
    relevant, seed_table = judge(docs, finder)

    queries = all_queries()
    flags = mode_flags(tools)
    base = ["--snippet-length", "0", "--limit", str(len(docs) + 10)]
    jobs = []
    for mode, f in flags.items():
        if f is None:
            continue
        for lang in sorted({q[2] for q in queries}, key=lambda x: x or ""):
            todo = [i for i, q in enumerate(queries) if q[2] == lang]
            texts = [exact_form(queries[i][1]) if mode == "exact" else queries[i][1] for i in todo]
            jobs.append((mode, todo, texts, base + f + (["--lang", lang] if lang else [])))

    def one(job):
        mode, todo, texts, fl = job
        return mode, todo, tools.search_batch([db], texts, fl)

    answers = {}
    with ThreadPoolExecutor(max_workers=max(1, jobs_in_parallel)) as pool:
        for mode, todo, res in pool.map(one, jobs):
            for i, r in zip(todo, res):
                answers[(mode, i)] = r

    results = {"collection": {**stats, "documents": len(docs)},
               "seed_mentions": seed_table,
               "relevant_counts": {f"{k[1]}" if k[0] == "entity" else f"{k[1]} --lang {k[2]}": len(v)
                                   for k, v in relevant.items()},
               "modes": {}}
    for mode in MODES:
        if flags.get(mode) is None:
            flag = {"no-name-keys": "--no-name-keys", "accents-strict": "--accents"}.get(mode)
            reason = (f"this xling-search has no {flag}" if flag and flag not in tools.search_help
                      else tools.translation_status())
            results["modes"][mode] = {"available": False, "reason": reason}
            continue
        rows, errors = [], []
        for i, (kind, text, lang, key, entity) in enumerate(queries):
            res = answers[(mode, i)]
            if "error" in res:
                errors.append({"query": text, "lang": lang, "error": res["error"]})
            row = {"kind": kind, "query": text, "lang": lang, **score(res.get("hits", []), relevant.get(key, set()))}
            if kind == "misspelled":
                s = suggestion_text(res)
                row["suggestion"] = s
                row["suggestion_right"] = bool(s) and any(
                    w in s for n in names[entity] for w in J.words(J.fold(n)) if len(w) >= 4)
            rows.append(row)
        by_kind = {k: aggregate([r for r in rows if r["kind"] == k]) for k in KINDS}
        by_group = {g: aggregate([r for r in rows if r["kind"] in ks]) for g, ks in GROUPS.items()}
        miss = [r for r in rows if r["kind"] == "misspelled"]
        by_kind["misspelled"]["suggestion_right"] = mean(1.0 if r["suggestion_right"] else 0.0 for r in miss)
        results["modes"][mode] = {"available": True, "flags": flags[mode], "by_kind": by_kind, "by_group": by_group,
                                  "queries": rows, "errors": len(errors), "error_examples": errors[:5]}
        e = by_group["entity"]
        k = by_group["keyword"]
        log(f"precision {mode:14s}: entity P {e['precision']} P@10 {e['p10']} R {e['recall']}; "
            f"keyword P {k['precision']} P@10 {k['p10']} R {k['recall']}" + (f"; {len(errors)} errors" if errors else ""))
    d = results["modes"].get("default", {})
    ref = d if d.get("available") else results["modes"]["no-translate"]
    results["target"] = {"mode": "default" if d.get("available") else "no-translate", **{
        m: {"value": ref["by_group"]["entity"][m], "target": t,
            "met": ref["by_group"]["entity"][m] is not None and ref["by_group"]["entity"][m] >= t}
        for m, t in TARGET.items()}}
    return results
