#!/usr/bin/env python3
"""Writes the benchmark query log (bench/queries.txt, one query per line, and bench/queries.tsv with
category and language) from the vocabulary of the whole bulk corpus (every unit sample.py knows).

Rule (seed 6, Python's random):
- Tokens: runs of 3+ letters ([^\\W\\d_]{3,}), lowercased, counted per document language over every
  document of the corpora (laws, US code, Russian novels, WMT news).
- single: per language the words at frequency ranks 1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000.
- words2/words3/words4: per language 7/4/3 queries of 2/3/4 distinct words of rank 100..5000 taken in
  order from one sentence (split at . ! ? and newlines) of a random document, so they co-occur at
  least once; a word qualifies only when its relative frequency is higher in this language than
  in any other (the hu laws quote English treaty text, for instance).
- phrase2/phrase3: per language 4/2 runs of 2/3 adjacent tokens (each of rank <= 20000, qualifying
  as above) from a random sentence, in double quotes. Duplicates are drawn again.
- entity: names from a fixed list of politicians, places and institutions in their spellings in
  the five languages (Latin and Cyrillic); a name is kept when its capitalised form occurs at least
  5 times in the corpus; at most 30, in list order.
- filtered: per language the single words at ranks 100 and 1000 and the first two words2 queries
  with `lang:<its language>`, one words2 query with `lang:<two other languages>`; and the first 5
  entities with `lang:<a language>` (hu, de, lt, en, ru in turn).
"""
import collections
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import sample  # noqa: E402

LANGS = sample.LANGS
TOKEN = re.compile(r"[^\W\d_]{3,}")
SENT = re.compile(r"[.!?\n]+")
ENTITIES = [
    "Putin", "Путин", "Putyin", "Putinas", "Merkel", "Меркель", "Orbán", "Орбан", "Biden", "Байден",
    "Trump", "Трамп", "Trumpas", "Zelensky", "Selenskyj", "Зеленский", "Macron", "Scholz", "Navalny",
    "Навальный", "Obama", "Обама", "Napoleon", "Наполеон", "Moscow", "Moskau", "Moszkva", "Maskva",
    "Москва", "Budapest", "Будапешт", "Vilnius", "Вильнюс", "Berlin", "Берлин", "Washington",
    "Lietuva", "Magyarország", "Deutschland", "Россия", "Europa", "Európa", "Европа", "Brüssel",
    "Brussels", "NATO", "Kaunas", "Petersburg", "Петербург", "Ukraine", "Ukrajna", "Украина",
    "Congress", "Bundestag", "Seimas", "Johnson", "Boris", "Borisz", "Борис", "Anna", "Анна",
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    corpora = os.path.join(here, "../../../shared/corpora")
    out_dir = os.path.join(here, "..")
    freq = {l: collections.Counter() for l in LANGS}
    caps = collections.Counter()
    ent_set = set(ENTITIES)
    sentences = {l: [] for l in LANGS}
    for lang in LANGS:
        for n, (_, _, load) in enumerate(sample.units(corpora, lang)):
            rec = load()
            text = rec["title"] + "\n" + rec["text"]
            toks = TOKEN.findall(text)
            for t in toks:
                if t in ent_set:
                    caps[t] += 1
            freq[lang].update(t.lower() for t in toks)
            if n % 7 == 0:  # keep some sentences of every 7th unit to draw multi-word queries from
                for s in SENT.split(text)[:200]:
                    if 30 < len(s) < 400:
                        sentences[lang].append(s)
        print(f"{lang}: {len(freq[lang])} distinct words, {len(sentences[lang])} sentences", file=sys.stderr)

    rng = random.Random(6)
    rows = []
    ranked = {l: [w for w, _ in freq[l].most_common()] for l in LANGS}
    rank = {l: {w: i + 1 for i, w in enumerate(ranked[l])} for l in LANGS}
    total = {l: sum(freq[l].values()) for l in LANGS}

    def own(lang, w):  # relatively more frequent in this language than in any other
        f = freq[lang][w] / total[lang]
        return all(freq[o][w] / total[o] < f for o in LANGS if o != lang)

    seen = set()
    for lang in LANGS:
        for r in (1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000):
            if r <= len(ranked[lang]):
                rows.append(("single", lang, ranked[lang][r - 1]))
    words = {}
    for lang in LANGS:
        words[lang] = []
        for k, count in ((2, 7), (3, 4), (4, 3)):
            made = 0
            while made < count:
                s = rng.choice(sentences[lang])
                cand = []
                for t in TOKEN.findall(s):
                    t = t.lower()
                    if 100 <= rank[lang].get(t, 10**9) <= 5000 and t not in cand and own(lang, t):
                        cand.append(t)
                if len(cand) < k:
                    continue
                start = rng.randrange(len(cand) - k + 1)
                q = " ".join(cand[start:start + k])
                if q in seen:
                    continue
                seen.add(q)
                rows.append((f"words{k}", lang, q))
                if k == 2:
                    words[lang].append(q)
                made += 1
        for k, count in ((2, 4), (3, 2)):
            made = 0
            while made < count:
                s = rng.choice(sentences[lang])
                toks = re.findall(r"\S+", s)
                runs = []
                for i in range(len(toks) - k + 1):
                    run = toks[i:i + k]
                    if all(TOKEN.fullmatch(t) and rank[lang].get(t.lower(), 10**9) <= 20000 and own(lang, t.lower())
                           for t in run):
                        runs.append(run)
                if not runs:
                    continue
                run = rng.choice(runs)
                q = '"' + " ".join(t.lower() for t in run) + '"'
                if q in seen:
                    continue
                seen.add(q)
                rows.append((f"phrase{k}", lang, q))
                made += 1
    entities = [e for e in ENTITIES if caps[e] >= 5][:30]
    for e in entities:
        script_lang = "ru" if re.search("[а-яА-Я]", e) else "-"
        rows.append(("entity", script_lang, e))
    for lang in LANGS:
        others = [l for l in LANGS if l != lang]
        rows.append(("filtered", lang, f"{ranked[lang][99]} lang:{lang}"))
        rows.append(("filtered", lang, f"{ranked[lang][999]} lang:{lang}"))
        rows.append(("filtered", lang, f"{words[lang][0]} lang:{lang}"))
        rows.append(("filtered", lang, f"{words[lang][1]} lang:{lang}"))
        o = rng.sample(others, 2)
        rows.append(("filtered", lang, f"{words[lang][2]} lang:{o[0]},{o[1]}"))
    for i, e in enumerate(entities[:5]):
        rows.append(("filtered", "-", f"{e} lang:{LANGS[i % 5]}"))
    with open(os.path.join(out_dir, "queries.txt"), "w", encoding="utf-8") as f:
        for _, _, q in rows:
            f.write(q + "\n")
    with open(os.path.join(out_dir, "queries.tsv"), "w", encoding="utf-8") as f:
        f.write("category\tlang\tquery\n")
        for c, l, q in rows:
            f.write(f"{c}\t{l}\t{q}\n")
    print(f"{len(rows)} queries; entities kept: {' '.join(entities)}", file=sys.stderr)
    print("entity counts:", {e: caps[e] for e in ENTITIES}, file=sys.stderr)


if __name__ == "__main__":
    main()
