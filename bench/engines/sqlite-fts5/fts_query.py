"""FTS5 for the benchmark's query subset: every word and phrase double-quoted (implicit AND), over
title and body; lang:xx becomes `lang IN (...)`. One statement gives the count (a window over the
whole match set) and the 10 best by bm25."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../lib"))
import engine_util as eu  # noqa: E402


def statement(q, literal=False):
    items, langs = eu.parse_query(q)
    match = " ".join('"' + (v if k == "word" else " ".join(v)).replace('"', '""') + '"' for k, v in items)
    where = "docs MATCH ?"
    params = [match]
    if langs:
        where += " AND lang IN (" + ",".join("?" * len(langs)) + ")"
        params += langs
    sql = f"SELECT id, count(*) OVER () FROM docs WHERE {where} ORDER BY rank LIMIT 10"
    if literal:  # for the sqlite3 command-line shell
        for p in params:
            sql = sql.replace("?", "'" + p.replace("'", "''") + "'", 1)
        return sql + ";"
    return sql, params
