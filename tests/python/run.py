"""Runs the Python module's pytest suite for `meson test` (suite 'python'); exit 77 (skipped) when
pytest is not installed (Debian: python3-pytest, installed by scripts/bootstrap).

Usage: run.py TESTS_DIR [pytest arguments...]
"""

import sys

try:
    import pytest
except ImportError:
    print("python: skipped: pytest is not installed (apt-get install python3-pytest)")
    sys.exit(77)

# No .pytest_cache or __pycache__ in the source tree: the build folder is the only place written.
sys.dont_write_bytecode = True
sys.exit(pytest.main(["-p", "no:cacheprovider", "-q", "-rs", *sys.argv[1:]]))
