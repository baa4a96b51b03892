"""HTML golden files: every page ``X.html`` in tests/fixtures/html has ``X.expected.txt`` and
``X.removed.tsv`` (what ``cleaner.clean_html`` keeps and removes).

``python -m tests.html_golden`` rewrites them from the current code; review the diff before
committing. ``tests/test_html.py`` compares byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import cleaner
from tests.golden import FIXTURES as ALL_FIXTURES
from tests.golden import expected_paths, write

FIXTURES = ALL_FIXTURES / "html"
__all__ = ["FIXTURES", "expected_paths", "inputs", "main", "run"]


def inputs() -> list[Path]:
    """Every HTML fixture page."""
    return sorted(FIXTURES.glob("*.html"))


def run(path: Path) -> cleaner.CleanResult:
    """The page cleaned as bytes, the way a crawler hands it over."""
    return cleaner.clean_html(path.read_bytes())


def main() -> None:
    for path in inputs():
        write(path, run(path))


if __name__ == "__main__":
    main()
