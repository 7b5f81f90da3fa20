"""Task 2: how well "same stem" agrees with "same gold lemma" on Universal Dependencies treebanks.

Word forms: every syntactic word of every treebank of the language in ../shared/eval/ud/ (multiword
token ranges and empty nodes skipped), UPOS PUNCT, SYM and NUM skipped, forms without a letter
skipped. A form is counted once: the distinct forms after lower-casing; its gold lemma is its most
frequent (lower-cased) lemma in the treebanks (ties: alphabetical). Forms that xling's segmenter
splits into several words (e.g. "e-mail") are left out of every system, so that all systems are
scored on the same forms. Forms that are stopwords in xling's list for the language are left out
too: xling never stems them (they are indexed as words only and dropped from queries in their
language), so they would measure the stopword list, not the stemmer.

Systems (what decides that two forms "conflate", i.e. would match each other in xling):
  none         no stemming: the form as xling indexes it (ICU NFKC_Casefold)
  snowball     plain Snowball: libstemmer (the same library xling links, loaded through ctypes) on
               Python's lower-case form of the treebank word
  xling        xling's analysis as printed by xling-analyze: ICU word segmentation, NFKC_Casefold,
               then Snowball in the language (the "stem" field)
  xling+keys   xling plus name keys: two forms also conflate when both are capitalised as they
               usually occur in the treebank and share a name key (xling-analyze "name_keys"); this
               is what a capitalised query word matches beyond its stems. (The alias table's
               inflection rules apply only to names listed in a table and are not measured here.)

Lemma modes (issue 19; xling-analyze's "lemmas": Hunspell dictionary lemmas, normalized). A form
gets a set of match terms and two forms conflate when their sets meet (what a query word meets in
the index: OR of its terms); stems, lemmas and words are separate term kinds, as Z, M and plain
terms are in the index:
  snowball-only   {stem}
  lemma-only      {lemmas}, or {word} when the dictionary lacks the form
  both            {stem} + {lemmas}
  lemma-fallback  {lemmas}, or {stem} when the dictionary lacks the form
  lemma-fallback-first  the same with the dictionary's first lemma only (LanguageInfo::max_lemmas 1)
The `xling` system is xling's own conflation terms (xling-analyze "conflation_terms": the mode of
the language table, analysis/language_table.cpp), so it measures the chosen default.

Metrics, over all pairs of distinct forms (exact counts, no sampling):
  precision  pairs that conflate and share the gold lemma / pairs that conflate
  recall     pairs that conflate and share the gold lemma / pairs that share the gold lemma
  UI         Paice's understemming index = 1 - recall (unachieved merges / desired merges)
  OI         Paice's overstemming index = wrong merges / pairs with different gold lemmas
"""

import ctypes
import ctypes.util
from collections import Counter, defaultdict
from pathlib import Path

from .tools import log

LANGS = ["en", "de", "hu", "lt", "ru"]
SNOWBALL = {"en": "english", "de": "german", "hu": "hungarian", "lt": "lithuanian", "ru": "russian"}
SKIP_UPOS = {"PUNCT", "SYM", "NUM"}
BY_UPOS = ["NOUN", "PROPN", "VERB", "ADJ"]


class Libstemmer:
    def __init__(self):
        name = ctypes.util.find_library("stemmer")
        lib = None
        for candidate in [name, "libstemmer.so.0d", "libstemmer.so.0", "libstemmer.so"]:
            if not candidate:
                continue
            try:
                lib = ctypes.CDLL(candidate)
                break
            except OSError:
                continue
        if lib is None:
            raise OSError("libstemmer shared library not found")
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_ubyte)
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.restype = ctypes.c_int
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.stemmers = {}

    def stem(self, algorithm, word):
        s = self.stemmers.get(algorithm)
        if s is None:
            s = self.lib.sb_stemmer_new(algorithm.encode(), b"UTF_8")
            if not s:
                raise OSError(f"libstemmer has no '{algorithm}'")
            self.stemmers[algorithm] = s
        b = word.encode("utf-8")
        p = self.lib.sb_stemmer_stem(s, b, len(b))
        return ctypes.string_at(p, self.lib.sb_stemmer_length(s)).decode("utf-8")


def read_forms(files, max_tokens=None):
    """{lower form: (gold lemma, usual surface, usual UPOS)} from CoNLL-U files, and the number of tokens read."""
    lemmas = defaultdict(Counter)
    surfaces = defaultdict(Counter)
    poses = defaultdict(Counter)
    tokens = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if max_tokens and tokens >= max_tokens:
                    break
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 10 or "-" in cols[0] or "." in cols[0]:
                    continue
                form, lemma, upos = cols[1], cols[2], cols[3]
                if upos in SKIP_UPOS or lemma == "_" or " " in form or not any(c.isalpha() for c in form):
                    continue
                tokens += 1
                lemmas[form.lower()][lemma.lower()] += 1
                surfaces[form.lower()][form] += 1
                poses[form.lower()][upos] += 1
    out = {}
    for form, c in lemmas.items():
        lemma = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        surface = sorted(surfaces[form].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        upos = sorted(poses[form].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out[form] = (lemma, surface, upos)
    return out, tokens


def pairs(n):
    return n * (n - 1) // 2


def scores(classes, gold, extra_pairs=0, extra_correct=0):
    """Pairwise scores of an equivalence relation (class per form) against gold lemmas.

    extra_pairs / extra_correct: conflating pairs beyond the classes (name keys), and how many of
    them share the gold lemma.
    """
    n = len(gold)
    total = pairs(n)
    sys_pairs = sum(pairs(c) for c in Counter(classes).values()) + extra_pairs
    gold_pairs = sum(pairs(c) for c in Counter(gold).values())
    both = sum(pairs(c) for c in Counter(zip(classes, gold)).values()) + extra_correct
    p = both / sys_pairs if sys_pairs else None
    r = both / gold_pairs if gold_pairs else None
    f = 2 * p * r / (p + r) if p and r else 0.0
    return {
        "precision": round(p, 4) if p is not None else None,
        "recall": round(r, 4) if r is not None else None,
        "f1": round(f, 4),
        "UI": round(1 - r, 4) if r is not None else None,
        "OI": round((sys_pairs - both) / (total - gold_pairs), 6) if total - gold_pairs else None,
        "conflating_pairs": sys_pairs,
        "gold_pairs": gold_pairs,
    }


LEMMA_MODES = ["snowball-only", "lemma-only", "both", "lemma-fallback", "lemma-fallback-first"]


def mode_terms(mode, stem, word, lemmas):
    """The match terms of one form in a lemma mode (see the module docstring)."""
    lem = {"M" + x for x in lemmas}
    if mode == "snowball-only":
        return {"Z" + stem}
    if mode == "lemma-only":
        return lem or {"W" + word}
    if mode == "both":
        return {"Z" + stem} | lem
    if mode == "lemma-fallback":
        return lem or {"Z" + stem}
    if mode == "lemma-fallback-first":
        return {"M" + lemmas[0]} if lemmas else {"Z" + stem}
    raise ValueError(mode)


def set_scores(term_sets, gold, extra=()):
    """scores() for forms that conflate when their term sets meet (not an equivalence relation);
    `extra`: further conflating pairs (i, j), i < j (name keys), counted once."""
    buckets = defaultdict(list)
    for i, ts in enumerate(term_sets):
        for t in ts:
            buckets[t].append(i)
    sys_pairs = 0
    both = 0
    for i, ts in enumerate(term_sets):
        near = set()
        for t in ts:
            near.update(j for j in buckets[t] if j > i)
        sys_pairs += len(near)
        both += sum(1 for j in near if gold[j] == gold[i])
    for i, j in extra:
        if not (term_sets[i] & term_sets[j]):
            sys_pairs += 1
            both += gold[i] == gold[j]
    # scores() with every pair passed as an extra: classes all distinct.
    return scores(list(range(len(gold))), gold, sys_pairs, both)


def run(tools, shared: Path, max_tokens=None):
    folder = shared / "eval" / "ud"
    try:
        snowball = Libstemmer()
    except OSError as e:
        snowball = None
        log(f"stemming: {e}; plain Snowball is taken from xling-analyze's stem field")
    out = {}
    for lang in LANGS:
        files = sorted(folder.glob(f"{lang}_*.conllu"))
        if not files:
            raise FileNotFoundError(f"no {lang}_*.conllu in {folder}")
        forms, tokens = read_forms(files, max_tokens)
        keys = sorted(forms)
        analyzed = tools.analyze_lines(lang, [forms[k][1] for k in keys])
        rows = []
        split = 0
        stop = 0
        for k, toks in zip(keys, analyzed):
            if len(toks) != 1:
                split += 1
                continue
            t = toks[0]
            if t["stopword"]:
                stop += 1
                continue
            lemma, surface, upos = forms[k]
            plain = snowball.stem(SNOWBALL[lang], k) if snowball else (t["stem"] or t["word"])
            xstem = t["stem"]
            name_keys = t.get("name_keys") or []
            rows.append((k, lemma, t["word"], plain, xstem, name_keys, t["stopword"], t["stem"], upos,
                         t.get("lemmas") or [], t.get("conflation_terms")))
        gold = [r[1] for r in rows]
        res = {
            "treebanks": [f.name for f in files],
            "tokens": tokens,
            "forms": len(rows),
            "forms_split_by_xling": split,
            "stopword_forms_left_out": stop,
            "lemmas": len(set(gold)),
            "systems": {},
        }
        res["systems"]["none"] = scores([r[2] for r in rows], gold)
        res["systems"]["snowball"] = scores([r[3] for r in rows], gold)
        xling_sets = [set(r[10]) if r[10] is not None else {r[4]} for r in rows]
        res["systems"]["xling"] = set_scores(xling_sets, gold)
        res["dictionary_forms"] = sum(1 for r in rows if r[9])
        res["lemma_modes"] = {}
        for mode in LEMMA_MODES:
            sets = [mode_terms(mode, r[3], r[2], r[9]) for r in rows]
            sc = set_scores(sets, gold)
            for upos in ("VERB", "NOUN"):
                idx = [i for i, r in enumerate(rows) if r[8] == upos]
                if len(idx) >= 2:
                    sub = set_scores([sets[i] for i in idx], [gold[i] for i in idx])
                    sc[f"{upos.lower()}_recall"] = sub["recall"]
                    sc[f"{upos.lower()}_precision"] = sub["precision"]
            res["lemma_modes"][mode] = sc
        # name keys: pairs sharing a key but not a stem
        buckets = defaultdict(list)
        for i, r in enumerate(rows):
            for key in r[5]:
                buckets[key].append(i)
        extra = set()
        for members in buckets.values():
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    i, j = members[a], members[b]
                    extra.add((i, j))
        res["systems"]["xling+keys"] = set_scores(xling_sets, gold, extra)
        # By part of speech (pairs of forms whose usual UPOS is that class), plain Snowball.
        res["snowball_by_upos"] = {}
        for upos in BY_UPOS:
            sub = [r for r in rows if r[8] == upos]
            if len(sub) >= 2:
                sc = scores([r[3] for r in sub], [r[1] for r in sub])
                res["snowball_by_upos"][upos] = {"forms": len(sub), "precision": sc["precision"], "recall": sc["recall"]}
        # Where Snowball under-stems: the lemmas whose forms get the most distinct stems.
        groups = defaultdict(dict)
        for r in rows:
            groups[r[1]][r[0]] = r[3]
        worst = sorted(groups.items(), key=lambda kv: (-len(set(kv[1].values())), kv[0]))[:5]
        res["snowball_split_lemmas"] = [{"lemma": lemma, "stems": len(set(f.values())),
                                         "forms": [f"{w}>{st}" for w, st in sorted(f.items())[:8]]} for lemma, f in worst]
        # Where Snowball over-stems: the stems shared by the most gold lemmas.
        stems_ = defaultdict(set)
        for r in rows:
            stems_[r[3]].add(r[1])
        res["snowball_merged_stems"] = [{"stem": st, "lemmas": sorted(ls)[:8], "n": len(ls)}
                                        for st, ls in sorted(stems_.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:3]]
        nonstop = [r for r in rows if not r[6]]
        same = sum(1 for r in nonstop if r[7] == r[3])
        res["xling_stem_equals_snowball"] = round(same / len(nonstop), 4) if nonstop else None
        res["xling_stem_differs_examples"] = [[r[0], r[7], r[3]] for r in nonstop if r[7] != r[3]][:5]
        res["capitalised_forms_with_keys"] = sum(1 for r in rows if r[5])
        out[lang] = res
        s = res["systems"]
        log(f"stemming {lang}: {len(rows)} forms; F1 none {s['none']['f1']:.3f} snowball {s['snowball']['f1']:.3f} "
            f"xling {s['xling']['f1']:.3f} xling+keys {s['xling+keys']['f1']:.3f}; modes "
            + " ".join(f"{m} {v['f1']:.3f} (P {v['precision']} verbR {v.get('verb_recall')})" for m, v in res["lemma_modes"].items()))
    return out
