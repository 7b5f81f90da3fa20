#!/usr/bin/env python3
"""Balanced, reproducible sample of the real bulk text in ../shared/corpora as JSONL {id, lang, title, text}.

Sources per language (see ../shared/README.md):
  hu  hu_njt_laws.jsonl.zst            + wmt-news-human/hu.txt.zst
  de  de_bundesgesetze.jsonl.zst       + wmt-news-human/de.txt.zst
  lt  lt_etar_laws.jsonl.zst           + wmt-news-human/lt.txt.zst
  en  en_uscode_sections.jsonl.zst     + wmt-news-human/en.txt.zst
  ru  ru_novels_public_domain.tar.zst  + wmt-news-human/ru.txt.zst
Units: JSONL records are documents as they are. WMT news lines carry no document boundaries, so
every NEWS_LINES consecutive lines form one pseudo-article (title = its first line). Each Russian
novel is cut at line boundaries into parts of about NOVEL_PART bytes (title = author_work, part n).

Sampling rule: every unit gets a fixed pseudo-random key (sha1 of its id); within a language units
are taken in key order until the language's byte budget is used. The budget is --size MB (10^6
bytes of UTF-8 title + text) split evenly over the 5 languages; a language that has less than its
share gives the rest to the others (water-filling). Smaller sizes are therefore subsets of larger
ones. The output is in global key order, so languages are interleaved as in a news stream.
Ids are prefixed with their source (hu-law:, wmt-de:, ru-novel:, ...); the few that repeat within
a source get #2, #3, ... so that every engine indexes every document.
--docs N instead takes, per language, the first N/10 units of the laws/novels and the first N/10
news units of at most SMOKE_MAX_UNIT bytes in file order, reading no further (fast, for
--smoke).
"""
import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile

LANGS = ["hu", "de", "lt", "en", "ru"]
LAWS = {"hu": "hu_njt_laws.jsonl.zst", "de": "de_bundesgesetze.jsonl.zst",
        "lt": "lt_etar_laws.jsonl.zst", "en": "en_uscode_sections.jsonl.zst"}
NEWS_LINES = 15
NOVEL_PART = 20000
SMOKE_MAX_UNIT = 30000  # --docs: units over this many bytes are passed over (keeps --smoke quick)


def zstd_stream(path):
    p = subprocess.Popen(["zstd", "-dc", "-q", path], stdout=subprocess.PIPE)
    return p


def key_of(uid):
    return hashlib.sha1(uid.encode("utf-8")).hexdigest()


def units(corpora, lang):
    """Yields (key, size_estimate, loader) for every unit of one language; loader() -> record."""
    yield from main_units(corpora, lang)
    yield from news_units(corpora, lang)


def main_units(corpora, lang):
    """The laws (hu, de, lt, en) or the novel parts (ru), in file order."""
    if lang in LAWS:
        p = zstd_stream(os.path.join(corpora, LAWS[lang]))
        try:
            for n, line in enumerate(p.stdout):
                if not line.strip():
                    continue
                uid = f"{lang}-law:{n}"
                yield key_of(uid), len(line), (lambda line=line, uid=uid: law_record(line, lang, uid))
        finally:  # also when the caller stops early (--docs)
            if p.poll() is None:
                p.kill()
            p.wait()
    else:
        p = zstd_stream(os.path.join(corpora, "ru_novels_public_domain.tar.zst"))
        data = p.stdout.read()
        p.wait()
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            for m in sorted(tar.getmembers(), key=lambda m: m.name):
                if not m.isfile() or not m.name.endswith(".txt"):
                    continue
                text = tar.extractfile(m).read().decode("utf-8", errors="replace").replace("\r\n", "\n")
                work = os.path.basename(m.name)[:-4]
                part, buf, size = 1, [], 0
                for ln in text.split("\n"):
                    buf.append(ln)
                    size += len(ln.encode("utf-8")) + 1
                    if size >= NOVEL_PART:
                        yield novel_unit(work, part, buf, size)
                        part, buf, size = part + 1, [], 0
                if "".join(buf).strip():
                    yield novel_unit(work, part, buf, size)


def news_units(corpora, lang):
    """WMT news lines in pseudo-articles of NEWS_LINES lines, in file order."""
    p = zstd_stream(os.path.join(corpora, "wmt-news-human", f"{lang}.txt.zst"))
    lines = [l.decode("utf-8", errors="replace").strip() for l in p.stdout]
    p.wait()
    lines = [l for l in lines if l]
    for i in range(0, len(lines), NEWS_LINES):
        chunk = lines[i:i + NEWS_LINES]
        uid = f"wmt-{lang}:{i // NEWS_LINES:05d}"
        rec = {"id": uid, "lang": lang, "title": chunk[0], "text": "\n".join(chunk[1:])}
        size = sum(len(c.encode("utf-8")) for c in chunk)
        yield key_of(uid), size, (lambda rec=rec: rec)


def novel_unit(work, part, buf, size):
    uid = f"ru-novel:{work}#{part}"
    rec = {"id": uid, "lang": "ru", "title": f"{work}, part {part}", "text": "\n".join(buf).strip()}
    return key_of(uid), size, (lambda rec=rec: rec)


def law_record(line, lang, uid):
    d = json.loads(line)
    return {"id": f"{lang}-law:{d['id']}", "lang": lang, "title": d.get("title") or "",
            "text": d.get("text") or ""}


def rec_size(rec):
    return len(rec["title"].encode("utf-8")) + len(rec["text"].encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", default=os.path.join(os.path.dirname(__file__), "../../../shared/corpora"))
    ap.add_argument("--size", type=float, help="MB (10^6 bytes of title+text) in total")
    ap.add_argument("--docs", type=int, help="documents in total (N/5 per language), instead of --size")
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", help="write per-language counts as JSON here")
    a = ap.parse_args()
    if (a.size is None) == (a.docs is None):
        ap.error("give exactly one of --size and --docs")

    chosen = []
    stats = {}
    if a.docs is not None:
        import itertools
        k = max(1, a.docs // (2 * len(LANGS)))
        for lang in LANGS:
            for gen in (main_units(a.corpora, lang), news_units(a.corpora, lang)):
                small = (u for u in gen if u[1] <= SMOKE_MAX_UNIT)
                for key, _, load in itertools.islice(small, k):
                    rec = load()
                    if rec["text"].strip():
                        chosen.append((key, rec))
                gen.close()
    else:
        per_lang = {lang: sorted(units(a.corpora, lang), key=lambda u: u[0]) for lang in LANGS}
        budget_total = a.size * 1e6
        avail = {l: sum(u[1] for u in per_lang[l]) for l in LANGS}
        budget, left, open_langs = {}, budget_total, list(LANGS)
        while open_langs:  # water-filling: languages short of their share give the rest away
            share = left / len(open_langs)
            short = [l for l in open_langs if avail[l] <= share]
            if not short:
                for l in open_langs:
                    budget[l] = share
                break
            for l in short:
                budget[l] = avail[l]
                left -= avail[l]
                open_langs.remove(l)
        for lang in LANGS:
            used = 0
            for key, _, load in per_lang[lang]:
                if used >= budget[lang]:
                    break
                rec = load()
                if not rec["text"].strip():
                    continue
                used += rec_size(rec)
                chosen.append((key, rec))
    chosen.sort(key=lambda c: c[0])
    total = 0
    seen = set()
    with open(a.out, "w", encoding="utf-8") as out:
        for _, rec in chosen:
            if rec["id"] in seen:  # a few law ids repeat within a source: keep every document
                n = 2
                while f"{rec['id']}#{n}" in seen:
                    n += 1
                rec["id"] = f"{rec['id']}#{n}"
            seen.add(rec["id"])
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            s = stats.setdefault(rec["lang"], {"docs": 0, "bytes": 0})
            s["docs"] += 1
            s["bytes"] += rec_size(rec)
            total += rec_size(rec)
    summary = {"docs": len(chosen), "bytes": total, "per_lang": stats}
    if a.stats:
        with open(a.stats, "w") as f:
            json.dump(summary, f, indent=1)
    print("sample: %d docs, %.1f MB: %s" % (len(chosen), total / 1e6, ", ".join(
        "%s %d docs %.1f MB" % (l, stats[l]["docs"], stats[l]["bytes"] / 1e6) for l in LANGS if l in stats)),
        file=sys.stderr)


if __name__ == "__main__":
    main()
