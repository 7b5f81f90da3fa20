"""Helpers shared by the engine adapters in bench/engines/ (Python 3 standard library only)."""
import json
import os
import re
import sys
import time

LANGS = ["hu", "de", "lt", "en", "ru"]
STEMMERS = {"hu": "hungarian", "de": "german", "lt": "lithuanian", "en": "english", "ru": "russian"}
TOKEN = re.compile(r'"[^"]*"|\S+')


def parse_query(q):
    """The benchmark's query subset (bench/queries.txt): bare words, "phrases" and lang:xx[,yy].
    Returns (items, langs): items in order, each ("word", w) or ("phrase", [w, ...]); langs is the
    list of languages of the lang: filter (empty: all)."""
    items, langs = [], []
    for tok in TOKEN.findall(q):
        if tok.startswith('"'):
            words = tok.strip('"').split()
            if words:
                items.append(("phrase", words))
        elif tok.startswith("lang:"):
            langs += [l for l in tok[5:].split(",") if l]
        else:
            items.append(("word", tok))
    return items, langs


def input_stream(argv):
    """The documents for an engine's `index WORK [--files LIST]` entry point, as a binary stream of
    JSONL lines: stdin, or with --files the JSONL files named in LIST (one path per line; .zst and
    .gz are decompressed)."""
    if len(argv) >= 2 and argv[0] == "--files":
        return _files_stream(argv[1])
    if argv:
        sys.exit("usage: index WORK [--files LIST]")
    return sys.stdin.buffer


def list_files(list_path):
    with open(list_path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]


def _files_stream(list_path):
    import gzip
    import subprocess
    for path in list_files(list_path):
        if path.endswith(".zst"):
            p = subprocess.Popen(["zstd", "-dcq", path], stdout=subprocess.PIPE)
            yield from p.stdout
            p.wait()
        elif path.endswith(".gz"):
            with gzip.open(path) as f:
                yield from f
        else:
            with open(path, "rb") as f:
                yield from f


def write_phases(work, phases):
    with open(os.path.join(work, "phases.json"), "w") as f:
        json.dump(phases, f)


def jsonl_to_files(work, stream=None):
    """Writes every JSONL document of `stream` (default stdin) as <work>/input/<lang>/<n>.txt (title, blank line, text)
    and <work>/ids.tsv (n TAB lang TAB id). For the engines that index files (Recoll, Omega).
    Returns the set of languages seen."""
    stream = stream or sys.stdin.buffer
    t0 = time.monotonic()
    langs = set()
    made = set()
    with open(os.path.join(work, "ids.tsv"), "w", encoding="utf-8") as ids:
        for n, line in enumerate(stream):
            if not line.strip():
                continue
            d = json.loads(line)
            lang = d.get("lang") or "und"
            folder = os.path.join(work, "input", lang)
            if lang not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(lang)
            langs.add(lang)
            with open(os.path.join(folder, f"{n}.txt"), "w", encoding="utf-8") as f:
                f.write((d.get("title") or "") + "\n\n" + d["text"] + "\n")
            ids.write(f"{n}\t{lang}\t{d['id']}\n")
    return langs, time.monotonic() - t0


def read_ids(work):
    ids = {}
    with open(os.path.join(work, "ids.tsv"), encoding="utf-8") as f:
        for line in f:
            n, lang, i = line.rstrip("\n").split("\t", 2)
            ids[n] = i
    return ids


def present_langs(work):
    d = os.path.join(work, "input")
    return sorted(l for l in os.listdir(d) if os.path.isdir(os.path.join(d, l)))


def emit(hits, ids):
    sys.stdout.write("\t".join([str(hits)] + list(ids)) + "\n")
    sys.stdout.flush()
