"""SphinxQL for the benchmark's query subset: MATCH() with the words and "phrases" (extended
syntax, implicit AND) over the per-language indexes; lang:xx picks the indexes. The count is
SHOW META's total_found."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../lib"))
import engine_util as eu  # noqa: E402


def port(work):
    with open(os.path.join(work, "port")) as f:
        return f.read().strip()


def indexes(work):
    return sorted(n[:-4] for n in os.listdir(os.path.join(work, "input")) if n.endswith(".tsv"))


def sql(work, q, present=None):
    items, langs = eu.parse_query(q)
    present = present if present is not None else indexes(work)
    use = [l for l in present if not langs or l in langs]
    if not use:
        return None
    text = " ".join(v if k == "word" else '"' + " ".join(v) + '"' for k, v in items)
    text = text.replace("\\", "\\\\").replace("'", "\\'")
    return (f"SELECT docid FROM {','.join('idx_' + l for l in use)} WHERE MATCH('{text}') LIMIT 10; "
            "SHOW META LIKE 'total_found';")


def mysql_argv(work):
    return ["mysql", "-h127.0.0.1", "-P", port(work), "--protocol=tcp", "-N", "-B", "-n", "--force"]
