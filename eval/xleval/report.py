"""Plain-text tables of the evaluation results (stdout and eval/README.md)."""

from . import names, ntrex, precision, stemming


def f3(x):
    return "  -  " if x is None else f"{x:.3f}"


def table(header, rows, align=None):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    def fmt(r):
        return "| " + " | ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |"
    sep = "|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|"
    return "\n".join([fmt(header), sep] + [fmt(r) for r in rows])


def ntrex_tables(res):
    out = []
    modes = [m for m in ntrex.MODES]
    avail = {m: res["modes"][m].get("available", False) for m in modes}
    out.append(f"NTREX-128 known-item retrieval: {res['documents']} documents "
               f"({res['documents_per_language']} per language); MRR / Recall@10 per query language -> document language")
    na = [m for m in modes if not avail[m]]
    if na:
        out.append("not available: " + ", ".join(f"{m} ({res['modes'][m]['reason']})" for m in na))
    for qt in res.get("query_types", ntrex.QUERY_TYPES):
        shown = [m for m in modes if avail[m]]
        header = [f"{qt} S->T"] + [f"{m} MRR" for m in shown] + [f"{m} R@10" for m in shown]
        rows = []
        summary = []
        for label, key in [("cross-lingual mean (20 cells)", "cross_mean"), ("monolingual mean (S=T)", "mono_mean")]:
            summary.append([label] + [f3(res["modes"][m][qt][key]["mrr"]) for m in shown]
                           + [f3(res["modes"][m][qt][key]["r10"]) for m in shown])
        for s in ntrex.LANGS:
            for t in ntrex.LANGS:
                if s == t:
                    continue
                rows.append([f"{s}->{t}"] + [f3(res["modes"][m][qt]["cells"][s][t]["mrr"]) for m in shown]
                            + [f3(res["modes"][m][qt]["cells"][s][t]["r10"]) for m in shown])
        for t in ntrex.LANGS:
            rows.append([f"{t}->{t} (monolingual)"] + [f3(res["modes"][m][qt]["cells"][t][t]["mrr"]) for m in shown]
                        + [f3(res["modes"][m][qt]["cells"][t][t]["r10"]) for m in shown])
        for s in (ntrex.LANGS if shown and res["modes"][shown[0]][qt]["to_others"] else []):
            rows.append([f"{s}->4 others, no --lang (4 relevant)"] + [f3(res["modes"][m][qt]["to_others"][s]["mrr"]) for m in shown]
                        + [f3(res["modes"][m][qt]["to_others"][s]["r10"]) for m in shown])
        out.append("")
        out.append(table(header, summary + rows))
        errs = {m: res["modes"][m][qt]["errors"] for m in shown if res["modes"][m][qt]["errors"]}
        if errs:
            out.append(f"query errors: {errs}")
    return "\n".join(out)


def issue7_table(res):
    i7 = res.get("issue7", {})
    if not i7.get("available"):
        return "Issue 7 targets (translation): not measured: " + (i7.get("reason") or "translation mode not available")
    header = ["query type", "en->hu MRR no-transl -> transl (x)", "en->lt MRR no-transl -> transl (x)",
              "cross / mono MRR (translation)"]
    rows = []
    for qt in ("keywords", "keywords_common", "sentence"):
        if qt not in i7:
            continue
        r = i7[qt]
        cells = []
        for pair in ("en->hu", "en->lt"):
            c = r[pair]
            ratio = "-" if c["ratio"] is None else f"{c['ratio']:.2f}x"
            cells.append(f"{f3(c['no_translation_mrr'])} -> {f3(c['translation_mrr'])} ({ratio}, target 2x: "
                         f"{'met' if c['met'] else 'NOT met'})")
        sh = r["share_of_monolingual"]
        share = "-" if sh["share"] is None else f"{100 * sh['share']:.0f}%"
        cells.append(f"{f3(sh['cross_mrr'])} / {f3(sh['mono_mrr'])} = {share} "
                     f"(target 60%: {'met' if sh['met'] else 'NOT met'})")
        rows.append([qt] + cells)
    return "Issue 7 targets (no-translation = aliases mode with --no-translate)\n\n" + table(header, rows)


def ntrex_summary(res):
    shown = [m for m in ntrex.MODES if res["modes"][m].get("available")]
    qts = res.get("query_types", ntrex.QUERY_TYPES)
    header = ["mode"] + [f"{qt} {k}" for qt in qts for k in ("cross MRR", "cross R@10", "mono MRR")]
    rows = []
    for m in ntrex.MODES:
        if m not in shown:
            rows.append([m] + ["n/a"] * (3 * len(qts)))
            continue
        r = res["modes"][m]
        rows.append([m] + [f3(x) for qt in qts for x in
                           (r[qt]["cross_mean"]["mrr"], r[qt]["cross_mean"]["r10"], r[qt]["mono_mean"]["mrr"])])
    return table(header, rows)


def stemming_table(res):
    header = ["lang", "forms", "lemmas", "system", "precision", "recall", "F1", "UI", "OI"]
    rows = []
    for lang in stemming.LANGS:
        r = res[lang]
        for i, sysname in enumerate(["none", "snowball", "xling", "xling+keys"]):
            s = r["systems"][sysname]
            rows.append([lang if i == 0 else "", r["forms"] if i == 0 else "", r["lemmas"] if i == 0 else "", sysname,
                         f3(s["precision"]), f3(s["recall"]), f3(s["f1"]), f3(s["UI"]),
                         "  -  " if s["OI"] is None else f"{s['OI']:.5f}"])
    notes = [f"{lang}: xling stem = plain Snowball on {100 * res[lang]['xling_stem_equals_snowball']:.2f}% of non-stopword forms"
             + ("" if not res[lang]["xling_stem_differs_examples"] else
                " (differs e.g. " + ", ".join(f"{a}: {b} vs {c}" for a, b, c in res[lang]["xling_stem_differs_examples"][:3]) + ")")
             for lang in stemming.LANGS]
    uh = ["plain Snowball by UPOS"] + [f"{u} P / R" for u in stemming.BY_UPOS]
    ur = []
    for lang in stemming.LANGS:
        b = res[lang].get("snowball_by_upos", {})
        ur.append([lang] + [f"{f3(b[u]['precision'])} / {f3(b[u]['recall'])}" if u in b else "-" for u in stemming.BY_UPOS])
    split = [f"{lang}: " + "; ".join(f"{x['lemma']} ({x['stems']} stems: {', '.join(x['forms'][:4])})"
                                     for x in res[lang].get("snowball_split_lemmas", [])[:2])
             for lang in stemming.LANGS]
    return ("Stemming vs UD gold lemmas (pairs of distinct word forms)\n\n" + table(header, rows) + "\n\n"
            + "\n".join(notes) + "\n\n" + table(uh, ur) + "\n\nlemmas split most by Snowball:\n" + "\n".join(split))


def names_table(res):
    header = ["mode", "R@10 all", "MRR", "same spelling", "other Latin spelling", "Cyrillic<->Latin", "pairs"]
    rows = []
    for m in names.MODES:
        r = res["modes"][m]
        c = r["by_category"]
        rows.append([m, f3(r["r10"]), f3(r["mrr"])] + [f"{f3(c[k]['r10'])} (n={c[k]['n']})" for k in names.CATEGORIES]
                    + [r["pairs"]])
    wc_header = ["R@10, names with the same / a different number of words"] + [f"{k}" for k in names.CATEGORIES]
    wc_rows = []
    for m in names.MODES:
        w = res["modes"][m].get("by_category_word_count")
        if not w:
            continue
        wc_rows.append([m] + [" / ".join(f"{f3(w[k][x]['r10'])} (n={w[k][x]['n']})" for x in ("same", "different"))
                                  for k in names.CATEGORIES])
    cell_header = ["R@10 S->T"] + [f"{m}" for m in names.MODES] + ["n"]
    cell_rows = []
    for s in names.LANGS:
        for t in names.LANGS:
            if s == t or t not in res["modes"]["off"]["cells"].get(s, {}):
                continue
            cell_rows.append([f"{s}->{t}"] + [f3(res["modes"][m]["cells"][s][t]["r10"]) for m in names.MODES]
                             + [res["modes"]["off"]["cells"][s][t]["n"]])
    return (f"Name matching: {res['people']} people (of {res['eligible_people']} eligible), {res['documents']} documents, "
            f"{res['queries']} queries\n\n" + table(header, rows) + "\n\n"
            + (table(wc_header, wc_rows) + "\n\n" if wc_rows else "") + table(cell_header, cell_rows))


def accent_table(res):
    gap = res.get("accent_gap") or {}
    if not gap:
        return "NTREX-128 accent-free queries: not measured (no aliases or translation mode)"
    header = ["mode, query type", "cross MRR accented", "unaccented", "gap", "mono MRR accented", "unaccented",
              "gap", f"target gap <= {ntrex.ACCENT_TARGET}"]
    rows, src_rows = [], []
    for mode, per in gap.items():
        for qt, r in per.items():
            rows.append([f"{mode}, {qt}", f3(r["cross"]["accented"]), f3(r["cross"]["unaccented"]),
                         f"{r['cross']['gap']:+.3f}", f3(r["mono"]["accented"]), f3(r["mono"]["unaccented"]),
                         f"{r['mono']['gap']:+.3f}", "met" if r["met"] else "NOT met"])
            for s, x in r["by_source"].items():
                src_rows.append([f"{mode}, {qt}, {s}->all 5", f3(x["accented"]), f3(x["unaccented"]),
                                 f"{x['accented'] - x['unaccented']:+.3f}", f"{100 * x['changed']:.0f}%"])
    src_header = ["mode, query type, source", "MRR accented", "unaccented", "gap", "queries changed"]
    return ("NTREX-128 accent-free queries (the same queries, diacritics stripped; gap = accented - unaccented MRR)\n\n"
            + table(header, rows) + "\n\n" + table(src_header, src_rows))


def precision_tables(res):
    c = res["collection"]
    sizes = ", ".join(f"{lang} {c['distractors'][lang]} docs / {c['distractor_bytes'][lang] / 1e6:.1f} MB"
                      for lang in c["distractors"])
    out = [f"Precision task (issue 15): {c['seeds']} seed articles among {sum(c['distractors'].values())} "
           f"distractors ({sizes}); distractors left out for mentioning a queried entity: "
           f"{sum(c['excluded'].values())}"]
    modes = [m for m in precision.MODES if res["modes"][m].get("available")]
    na = [m for m in precision.MODES if not res["modes"][m].get("available")]
    if na:
        out.append("not available: " + "; ".join(f"{m} ({res['modes'][m]['reason']})" for m in na))
    t = res.get("target", {})
    if t:
        out.append(f"Issue 15 target on entity queries ({t['mode']} mode): "
                   + ", ".join(f"{k} {f3(t[k]['value'])} (target {t[k]['target']}: {'met' if t[k]['met'] else 'NOT met'})"
                               for k in precision.TARGET))
    if not modes:
        return "\n".join(out)
    header = ["kind", "queries"] + [f"{m} P / P@10 / R" for m in modes]
    rows = []
    for label, part, key in ([(g, "by_group", g) for g in precision.GROUPS]
                             + [(k, "by_kind", k) for k in precision.KINDS if k not in precision.GROUPS]):
        rows.append([label, res["modes"][modes[0]][part][key]["queries"]] + [
            f"{f3(r['precision'])} / {f3(r['p10'])} / {f3(r['recall'])}"
            for r in (res["modes"][m][part][key] for m in modes)])
    out += ["", "P = precision over every hit returned, P@10 = precision of the first min(10, returned) hits, "
                "R = recall; means over queries (P and P@10 over the queries that return something)", "",
            table(header, rows)]
    header = ["kind", "queries"] + [f"{m} hits / empty / pooled P" for m in modes]
    picks = [(g, "by_group", g) for g in precision.GROUPS] + [(k, "by_kind", k) for k in precision.KINDS
                                                               if k not in precision.GROUPS]
    rows = [[label, res["modes"][modes[0]][part][key]["queries"]]
            + [f"{r['returned_mean']} / {r['empty']} / {f3(r.get('pooled_precision'))}"
               for r in (res["modes"][m][part][key] for m in modes)] for label, part, key in picks]
    out += ["", "mean hits returned per query / queries with no hit / pooled precision (relevant / returned over "
                "all hits of the kind)", "", table(header, rows)]
    main = "default" if "default" in modes else modes[0]
    qrows = []
    for r in res["modes"][main]["queries"]:
        q = r["query"] + (f" --lang {r['lang']}" if r["lang"] else "")
        qrows.append([q, r["kind"], r["relevant"], r["returned"], r["relevant_returned"], f3(r["precision"]),
                      f3(r["recall"]), " ".join(r["irrelevant_examples"][:2])])
    out += ["", f"per query ({main} mode)", "",
            table(["query", "kind", "relevant", "returned", "rel. returned", "P", "R", "first irrelevant hits"], qrows)]
    offered = any(r.get("suggestion") for r in res["modes"][main]["queries"])
    out.append('misspelled queries with the right "did you mean" in the JSON: '
               + (f3(res["modes"][main]["by_kind"]["misspelled"].get("suggestion_right")) if offered else "none offered"))
    seeds = res["seed_mentions"]
    ents = sorted({e for v in seeds.values() for e in v})
    srows = [[e] + [", ".join(seeds[sd][e]) or "-" for sd in sorted(seeds)] for e in ents]
    out += ["", "Judgments: the forms by which each seed mentions each queried entity (rule in xleval/judgments.py)",
            "", table(["entity"] + [sd.split("/")[1][:3] for sd in sorted(seeds)], srows)]
    return "\n".join(out)


def full_report(results):
    parts = []
    if "ntrex" in results:
        parts += [ntrex_summary(results["ntrex"]), "", issue7_table(results["ntrex"]), "",
                  accent_table(results["ntrex"]), "", ntrex_tables(results["ntrex"])]
    if "stemming" in results:
        parts += ["", stemming_table(results["stemming"])]
    if "names" in results:
        parts += ["", names_table(results["names"])]
    if "precision" in results:
        parts += ["", precision_tables(results["precision"])]
    return "\n".join(parts)
