"""Translation of the benchmark's query subset into Recoll's query language (shared by query and
query_cli). Words are lowercased: recollq does not stem-expand capitalised words (NOTES.md);
lang:xx becomes dir:<work>/input/xx."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../lib"))
import engine_util as eu  # noqa: E402

STEMLANGS = " ".join(eu.STEMMERS.values())


def translate(work, q):
    items, langs = eu.parse_query(q)
    parts = []
    for kind, v in items:
        parts.append(v.lower() if kind == "word" else '"' + " ".join(v).lower() + '"')
    if langs:
        dirs = [f"dir:{work}/input/{l}" for l in langs]
        parts.append(dirs[0] if len(dirs) == 1 else "(" + " OR ".join(dirs) + ")")
    return " ".join(parts)


def doc_id(ids, url):
    name = os.path.basename(url)
    return ids.get(name[:-4], name) if name.endswith(".txt") else name
