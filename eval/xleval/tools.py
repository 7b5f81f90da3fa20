"""Running xling's command-line tools from the evaluation (Python 3 standard library only)."""

import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional


class ToolMissing(RuntimeError):
    """A program the evaluation needs is not built (exit status 2)."""


class ToolFailed(RuntimeError):
    """A program ran but failed in a way that makes the measurement meaningless."""


@dataclass
class Tools:
    index: Path
    search: Path
    analyze: Path
    aliases: Path
    dict: Path
    search_help: str = ""
    dict_table: Optional[Path] = None
    dict_problem: str = ""

    @staticmethod
    def find(build_dir: Path) -> "Tools":
        paths = {
            "index": build_dir / "programs" / "xling-index" / "xling-index",
            "search": build_dir / "programs" / "xling-search" / "xling-search",
            "analyze": build_dir / "programs" / "xling-analyze" / "xling-analyze",
            "aliases": build_dir / "programs" / "xling-aliases" / "xling-aliases",
        }
        missing = [str(p) for p in paths.values() if not (p.is_file() and os.access(p, os.X_OK))]
        paths["dict"] = build_dir / "programs" / "xling-dict" / "xling-dict"  # optional: only for --dict
        if missing:
            raise ToolMissing("not built: " + ", ".join(missing) + f" (build with: meson setup {build_dir} && ninja -C {build_dir})")
        tools = Tools(**paths)
        proc = subprocess.run([str(tools.search), "--help"], capture_output=True, text=True)
        tools.search_help = proc.stdout + proc.stderr
        return tools

    # -- translation hook (issue 7) -------------------------------------------------------------
    def translation_flags(self):
        """How to switch query translation on and off, read from `xling-search --help`.

        Returns (on_flags, off_flags), or None when this build of xling-search cannot translate.
        Issue 7 plans translation on by default with `--no-translate`; an opt-in `--translate` works too.
        When the searcher takes `--dict PATH`, the on-flags carry the table built by
        `xling-dict build` (see prepare_translation). `--query-lang` is added per query batch by the
        callers (has_query_lang), so that what is measured is the translation itself, not language
        identification on one sentence.
        """
        h = self.search_help
        if "--no-translate" in h:
            on, off = [], ["--no-translate"]
        elif "--translate" in h:
            on, off = ["--translate"], []
        else:
            return None
        if "--dict" in h:
            if self.dict_table is None:
                return None
            on = on + ["--dict", str(self.dict_table)]
        return on, off

    def translation_off_flags(self):
        """Flags that keep query translation off (for every mode but translation)."""
        return ["--no-translate"] if "--no-translate" in self.search_help else []

    def translation_status(self) -> str:
        h = self.search_help
        if "--no-translate" not in h and "--translate" not in h:
            return "not available: this xling-search --help offers no --no-translate / --translate (issue 7)"
        if "--dict" in h and self.dict_table is None:
            return "not available: " + (self.dict_problem or "no translation table")
        return "available"

    def prepare_translation(self, cache_dir: Path, build_allowed=True, preset: Optional[Path] = None):
        """Find or build the table for --dict.

        preset ($XLING_DICT or the build's data/translation/xling.table, from `ninja dict`) is used when it
        exists; otherwise the table is built by `xling-dict build` once and cached in cache_dir, keyed
        by the builder binary and the dictd files. build_allowed=False (smoke): use only a preset or a
        cached table, never spend minutes building one.
        """
        h = self.search_help
        if ("--no-translate" not in h and "--translate" not in h) or "--dict" not in h:
            return
        if preset is not None and preset.is_file():
            self.dict_table = preset
            log(f"translation: table {preset}")
            return
        if not (self.dict.is_file() and os.access(self.dict, os.X_OK)):
            self.dict_problem = f"{self.dict} not built"
            return
        digest = hashlib.sha256()
        digest.update(self.dict.read_bytes())
        dictd = Path("/usr/share/dictd")
        sources = sorted(dictd.glob("freedict-*")) if dictd.is_dir() else []
        for f in sources:
            st = f.stat()
            digest.update(f"{f.name}:{st.st_size}:{int(st.st_mtime)}".encode())
        if not sources:
            self.dict_problem = "no FreeDict dictionaries in /usr/share/dictd (scripts/bootstrap installs them)"
            return
        cache_dir.mkdir(parents=True, exist_ok=True)
        table = cache_dir / f"translation-{digest.hexdigest()[:16]}.table"
        if not table.exists() and not build_allowed:
            self.dict_problem = (f"no translation table ($XLING_DICT, the build's data/translation/xling.table, "
                                 f"or one cached by a full `eval/run` in {cache_dir}); --smoke does not build one")
            return
        if not table.exists():
            tmp = table.with_suffix(".tmp")
            log(f"translation: building the table with {self.dict} build (cached as {table})")
            t0 = time.monotonic()
            proc = subprocess.run([str(self.dict), "build", "--out", str(tmp)], capture_output=True, text=True)
            if proc.returncode != 0 or not tmp.exists():
                self.dict_problem = f"xling-dict build exited {proc.returncode}: {proc.stderr.strip()[-300:]}"
                return
            tmp.rename(table)
            log(f"translation: table built in {time.monotonic() - t0:.0f} s")
        self.dict_table = table

    def has_query_lang(self) -> bool:
        return "--query-lang" in self.search_help

    def has_feedback(self) -> bool:
        return "--feedback" in self.search_help

    # -- the programs ---------------------------------------------------------------------------
    def build_index(self, db: Path, inputs, log: Path):
        cmd = [str(self.index), "--db", str(db), "--strict", "-q"] + [str(p) for p in inputs]
        with open(log, "w", encoding="utf-8") as err:
            proc = subprocess.run(cmd, stdout=err, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            raise ToolFailed(f"{' '.join(cmd)} exited {proc.returncode}; see {log}")

    def analyze_lines(self, lang: str, lines):
        """xling-analyze --lines: one list of token dicts per input line (input lines must not contain newlines)."""
        text = "".join(line.replace("\n", " ").replace("\r", " ") + "\n" for line in lines)
        proc = subprocess.run([str(self.analyze), "--lang", lang, "--lines"], input=text, capture_output=True,
                              text=True, encoding="utf-8")
        if proc.returncode != 0:
            raise ToolFailed(f"xling-analyze --lang {lang} exited {proc.returncode}: {proc.stderr.strip()}")
        out = [json.loads(line) for line in proc.stdout.splitlines()]
        if len(out) != len(lines):
            raise ToolFailed(f"xling-analyze --lang {lang}: {len(lines)} lines in, {len(out)} out")
        return out

    def search_batch(self, dbs, queries, flags):
        """xling-search --batch: one result dict per query, in order ({"error": ...} for a rejected query)."""
        cmd = [str(self.search)]
        for db in dbs:
            cmd += ["--db", str(db)]
        cmd += ["--batch"] + list(flags)
        for q in queries:
            if "\n" in q or not q.strip():
                raise ValueError(f"bad batch query {q!r}")
        proc = subprocess.run(cmd, input="".join(q + "\n" for q in queries), capture_output=True, text=True,
                              encoding="utf-8")
        if proc.returncode not in (0, 2):
            raise ToolFailed(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.strip()[:500]}")
        out = [json.loads(line) for line in proc.stdout.splitlines()]
        if len(out) != len(queries):
            raise ToolFailed(f"xling-search --batch: {len(queries)} queries in, {len(out)} results out; "
                             f"stderr: {proc.stderr.strip()[:500]}")
        return out

    def import_everypolitician(self, tsv: Path, out: Path, log: Path):
        cmd = [str(self.aliases), "import", "everypolitician", str(tsv), "-o", str(out)]
        with open(log, "w", encoding="utf-8") as err:
            proc = subprocess.run(cmd, stdout=err, stderr=subprocess.STDOUT)
        if proc.returncode != 0:
            raise ToolFailed(f"{' '.join(cmd)} exited {proc.returncode}; see {log}")
        return log.read_text(encoding="utf-8").strip()


OPERATOR_WORDS = {"AND", "OR", "NOT"}


def safe_word(surface: str) -> str:
    """A query word that the query language reads as a plain word (never as an operator or syntax).

    Words come from xling-analyze, so they hold no spaces, quotes or brackets; what remains to
    neutralise is the capitalised operators (AND, OR, NOT, NEAR, NEAR/n) and a leading + - = or a
    trailing * that a word could carry.
    """
    w = surface
    if w in OPERATOR_WORDS or w.startswith("NEAR"):
        w = w.lower()
    w = w.lstrip("+-=").rstrip("*")
    for ch in '"()„“”«»:':
        w = w.replace(ch, " ")
    return " ".join(w.split())


def log(msg: str):
    print(msg, file=sys.stderr, flush=True)
