"""Golden files: every fixture input ``X.txt`` has ``X.expected.txt`` and ``X.removed.tsv``.

``python -m tests.golden`` (``make golden``) rewrites them from the current code; review the
diff before committing. The test suite compares byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import cleaner

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN_DIRS = ("seeds", "kinds", "negative")


def inputs() -> list[Path]:
    """Every fixture input that has (or should have) golden files."""
    found: list[Path] = []
    for d in GOLDEN_DIRS:
        found += [
            p for p in sorted((FIXTURES / d).glob("*.txt")) if not p.name.endswith(".expected.txt")
        ]
    return found


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def expected_paths(path: Path) -> tuple[Path, Path]:
    """Where the golden output and removal list of an input (``X.txt``, ``X.html``) live."""
    return path.with_suffix(".expected.txt"), path.with_suffix(".removed.tsv")


def removed_tsv(result: cleaner.CleanResult) -> str:
    rows = ["line_no\tkind\trule\ttext"]
    for r in result.removed:
        text = r.text.replace("\\", "\\\\").replace("\t", "\\t")
        rows.append(f"{r.line_no}\t{r.kind.value}\t{r.rule}\t{text}")
    return "\n".join(rows) + "\n"


def write(path: Path, result: cleaner.CleanResult) -> None:
    """Rewrite the golden files of one input from ``result``."""
    out, tsv = expected_paths(path)
    out.write_bytes(result.text.encode("utf-8"))
    tsv.write_bytes(removed_tsv(result).encode("utf-8"))
    print(f"{path.relative_to(FIXTURES)}: {len(result.removed)} lines removed")


def main() -> None:
    for path in inputs():
        write(path, cleaner.clean(read(path)))


if __name__ == "__main__":
    main()
