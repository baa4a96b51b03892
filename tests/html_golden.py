"""HTML golden files: every page ``X.html`` in tests/fixtures/html has ``X.expected.txt`` and
``X.removed.tsv`` (what ``cleaner.clean_html`` keeps and removes).

``python -m tests.html_golden`` rewrites them from the current code; review the diff before
committing. ``tests/test_html.py`` compares byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import cleaner
from tests.golden import removed_tsv

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def inputs() -> list[Path]:
    """Every HTML fixture page."""
    return sorted(FIXTURES.glob("*.html"))


def expected_paths(path: Path) -> tuple[Path, Path]:
    stem = path.name[: -len(".html")]
    return path.with_name(stem + ".expected.txt"), path.with_name(stem + ".removed.tsv")


def run(path: Path) -> cleaner.CleanResult:
    """The page cleaned as bytes, the way a crawler hands it over."""
    return cleaner.clean_html(path.read_bytes())


def main() -> None:
    for path in inputs():
        result = run(path)
        out, tsv = expected_paths(path)
        out.write_bytes(result.text.encode("utf-8"))
        tsv.write_bytes(removed_tsv(result).encode("utf-8"))
        print(f"{path.relative_to(FIXTURES)}: {len(result.removed)} lines removed")


if __name__ == "__main__":
    main()
