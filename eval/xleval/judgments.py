"""Relevance judgments of the precision task, derived by rule (no document is judged by hand).

Entity mentions: a document mentions an entity when its text holds one of the entity's names from
the alias table (data/aliases/default.aliases; every language's names, weak `~names` left out) as
consecutive words, each word either exactly the name's word or an inflected form of it: the name
word without its nominative ending (ENDINGS, kept only when at least MIN_STEM letters remain)
followed by at most MAX_SUFFIX letters (Putyinnal, Putinui, Phenjanba, Korėjos, Unnal, Путиным).
Words are compared lower-cased and without diacritics (so Koreában matches Korea), which makes
the rule a little generous; for the distractors that is the safe side (they are excluded).

Concept mentions (keyword queries): a document in language T holds a concept when one of its words
starts with one of the concept's prefixes for T (`x*`) or equals one of its listed forms (`x`);
the lists (CONCEPTS) are the concept's dictionary translations and their inflections, written
from the dictionary meaning, not from what xling returns. Compared lower-cased, diacritics kept.
"""

import bisect
import re
import unicodedata

MAX_SUFFIX = 4
MIN_STEM = 4
# Nominative / dictionary-form endings dropped before an inflection suffix (lt -as/-is/-ys/-us/-a/-ė,
# ru -а/-я/-ая/-ий/-ый/-ой/-ь/-й, hu/de/en final -a/-e/-o), longest first.
ENDINGS = sorted(["ius", "as", "is", "ys", "us", "a", "e", "ė", "o", "ая", "ий", "ый", "ой", "а", "я", "ь", "й"],
                 key=len, reverse=True)
WORD = re.compile(r"[^\W\d_]+")


def fold(text: str) -> str:
    """Lower-case without diacritics (combining marks dropped after NFD), as the mention rule compares."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def words(text: str):
    return WORD.findall(text)


def parse_aliases(path):
    """{entity id: [names of every language]} from an alias table file (weak ~names left out)."""
    entities = {}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("entity "):
            current = line.split()[1]
            entities[current] = []
            continue
        if current is None or ":" not in line:
            continue
        key, value = line.split(":", 1)
        if key.strip() == "note":
            continue
        for name in value.split("|"):
            name = name.strip()
            if name and not name.startswith("~"):
                entities[current].append(name)
    return entities


def word_stem(w: str) -> str:
    """A folded name word without its nominative ending ("" when too short to carry a suffix)."""
    for e in ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= MIN_STEM:
            return w[: -len(e)]
    return w if len(w) >= MIN_STEM else ""


def inflection_stem(name_word: str, in_longer_name: bool) -> str:
    """What an inflected form of the name word starts with ("" when it takes no suffix)."""
    return word_stem(name_word) or (name_word if in_longer_name and len(name_word) > 1 else "")


def word_matches(token: str, name_word: str, in_longer_name: bool = False) -> bool:
    """token and name_word are folded; exact, or an inflection of the name word (see module comment).

    A word too short to stem (Un, No) may still take a suffix inside a longer name, where the other
    words anchor it (Kim Dzsong Unnal, No Kvangcsollal), never alone.
    """
    if token == name_word:
        return True
    stem = inflection_stem(name_word, in_longer_name)
    return bool(stem) and token.startswith(stem) and len(token) - len(stem) <= MAX_SUFFIX


class MentionFinder:
    """Which of the given entities a text mentions, by the rule in the module comment."""

    def __init__(self, names_by_entity):
        self.names = {e: [words(fold(n)) for n in names if words(fold(n))] for e, names in names_by_entity.items()}

    def mentions(self, text: str):
        """{entity: sorted list of the (folded) forms that matched} for every entity mentioned."""
        tokens = words(fold(text))
        positions = {}
        for i, t in enumerate(tokens):
            positions.setdefault(t, []).append(i)
        ordered = sorted(positions)
        cache = {}

        def forms_of(w, in_longer_name):
            """The distinct words of the text that match name word w (a prefix range of the sorted words)."""
            key = (w, in_longer_name)
            if key not in cache:
                out = {w} if w in positions else set()
                stem = inflection_stem(w, in_longer_name)
                if stem:
                    i = bisect.bisect_left(ordered, stem)
                    while i < len(ordered) and ordered[i].startswith(stem):
                        if word_matches(ordered[i], w, in_longer_name):
                            out.add(ordered[i])
                        i += 1
                cache[key] = out
            return cache[key]

        found = {}
        for e, names in self.names.items():
            forms = set()
            for ws in names:
                n = len(ws)
                allowed = [forms_of(w, n > 1) for w in ws]
                if not all(allowed):
                    continue
                for t in allowed[0]:
                    for i in positions[t]:
                        if i + n <= len(tokens) and all(tokens[i + k] in allowed[k] for k in range(1, n)):
                            forms.add(" ".join(tokens[i:i + n]))
            if forms:
                found[e] = sorted(forms)
        return found


def contains_word(text: str, word: str) -> bool:
    """Whether the text has the word as a whole word (folded): the exclusion test for name parts
    that the alias table does not list alone (Kim)."""
    return fold(word) in set(words(fold(text)))


# Concept -> language -> word patterns ("x*" = prefix, else the exact form), lower-case.
CONCEPTS = {
    "cooperation": {
        "hu": ["együttműköd*"], "de": ["zusammenarbeit*", "kooperation*"], "lt": ["bendradarb*"],
        "en": ["cooperat*", "collaborat*"], "ru": ["сотруднич*", "кооперац*"],
    },
    "military": {
        "hu": ["katona*"], "de": ["militär*"], "lt": ["karin*"], "en": ["militar*"], "ru": ["военн*"],
    },
    "troops": {
        "hu": ["katona*"], "de": ["truppe*", "soldat*"],
        "lt": ["karys", "kario", "kariui", "karį", "kariu", "kary", "kariai", "karių", "kariams", "karius", "kariais",
               "kariuose", "kariuomen*"],
        "en": ["troop*", "soldier*"], "ru": ["войск*", "солдат*"],
    },
    "missile": {
        "hu": ["rakét*"], "de": ["rakete*"], "lt": ["raket*"], "en": ["missile*", "rocket*"], "ru": ["ракет*"],
    },
    "visit": {
        "hu": ["látogat*"], "de": ["besuch*"], "lt": ["vizit*", "apsilank*"], "en": ["visit*"],
        "ru": ["визит*", "посещ*", "посет*"],
    },
    "sanction": {
        "hu": ["szankci*"], "de": ["sanktion*"], "lt": ["sankcij*"], "en": ["sanction*"], "ru": ["санкци*"],
    },
    "war": {
        "hu": ["háború*"], "de": ["krieg*"],
        "lt": ["karas", "karo", "karui", "karą", "kare", "karai", "karų", "karams", "karus", "karuose", "karais", "karu"],
        "en": ["war", "wars", "warfare", "wartime"], "ru": ["войн*"],
    },
}


def concept_matcher(concept: str, lang: str):
    """A predicate over a set of lower-cased words: does it hold the concept in lang?"""
    patterns = CONCEPTS[concept].get(lang, [])
    exact = {p for p in patterns if not p.endswith("*")}
    prefixes = tuple(p[:-1] for p in patterns if p.endswith("*"))

    def holds(word_set):
        return bool(exact & word_set) or (bool(prefixes) and any(w.startswith(prefixes) for w in word_set))
    return holds


def doc_words(text: str):
    """The set of lower-cased words of a text (diacritics kept), for concept_matcher."""
    return set(words(text.casefold()))
