"""Omega queries: one quest run per language database (its own stemmer, default operator AND,
check_at_least 1000 like xling), words lowercased (quest's STEM_SOME leaves capitalised words
unstemmed: NOTES.md); lang:xx picks the databases. Results merged by BM25 weight, counts summed."""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../lib"))
import engine_util as eu  # noqa: E402


def plan(work, q):
    items, langs = eu.parse_query(q)
    text = " ".join(v.lower() if k == "word" else '"' + " ".join(v).lower() + '"' for k, v in items)
    present = sorted(os.listdir(os.path.join(work, "index")))
    use = [l for l in present if not langs or l in langs]
    return [["quest", "-d", os.path.join(work, "index", l), "-s", eu.STEMMERS.get(l, "none"), "-o", "and",
             "-m", "10", "-c", "1000", text] for l in use]


def run(work, ids, q):
    total, hits = 0, []
    for argv in plan(work, q):
        out = subprocess.run(argv, capture_output=True, text=True).stdout
        weight = None
        for line in out.splitlines():
            if line.endswith(" matches") or " matches" in line and line.split()[0] in ("Exactly", "About", "Between"):
                nums = [int(n) for n in re.findall(r"\d+", line)]
                total += nums[-1] if "estimate" in line else nums[0]
            m = re.match(r"\d+: \[([-0-9.e]+)\]", line)
            if m:
                weight = float(m.group(1))
            elif line.startswith("url=") and weight is not None:
                n = os.path.basename(line[4:])[:-4]
                hits.append((weight, ids.get(n, n)))
                weight = None
    hits.sort(key=lambda h: -h[0])
    return total, [h[1] for h in hits[:10]]
