"""`meson install` puts the module into Debian Python's site-packages, and the installed module finds
the installed data folder beside it, even in a staged (--destdir) copy of the prefix."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, BUILD_DIR

SCRIPT = """
import sys, xling
print(xling.__file__)
print(xling.data_dir())
with xling.Indexer(sys.argv[1]) as indexer:
    indexer.add_path(sys.argv[2])
print(xling.Searcher(sys.argv[1]).search("Rusija").total)
"""


def test_the_installed_module_imports_and_finds_its_data(tmp_path):
    if BUILD_DIR is None:
        pytest.skip("XLING_BUILD_DIR not set (run through meson test)")
    stage = tmp_path / "stage"
    subprocess.run(["meson", "install", "-C", str(BUILD_DIR), "--no-rebuild", "--quiet", "--destdir", str(stage)],
                   check=True, capture_output=True)
    modules = list(stage.rglob("_xling*.so"))
    assert len(modules) == 1
    site_packages = modules[0].parent.parent
    # Debian's Python, with the staged site-packages first and no hint where the data is.
    env = {k: v for k, v in os.environ.items() if not k.startswith("XLING_") and k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site_packages)
    out = subprocess.run(["/usr/bin/python3", "-c", SCRIPT, str(tmp_path / "db"), str(CORPUS)],
                         env=env, capture_output=True, text=True, check=True, cwd=tmp_path)
    module_file, data_dir, total = out.stdout.splitlines()
    assert Path(module_file).is_relative_to(stage)
    assert Path(data_dir).is_relative_to(stage) and Path(data_dir).name == "xling"
    assert (Path(data_dir) / "stopwords").is_dir()
    assert int(total) >= 5
    # The stubs and the marker that makes type checkers use them are installed too.
    assert (modules[0].parent / "_xling.pyi").is_file() and (modules[0].parent / "py.typed").is_file()
    # Debian's Python looks in that site-packages for an unstaged install (no PYTHONPATH needed).
    relative = site_packages.relative_to(stage)
    paths = subprocess.run(["/usr/bin/python3", "-c", "import sys; print('\\n'.join(sys.path))"],
                           env=env, capture_output=True, text=True, check=True).stdout.split()
    assert "/" + str(relative) in paths
