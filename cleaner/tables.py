"""Data tables laid out one cell per line, found by their repeating shape.

Some extractors (readability.js among them) print a table's cells on lines of their own:
"1", "Harbour Knights", "21", "6", then the next row. Line by line those are lone numbers
and short names, the shape of pagination and menus. Together they repeat: every row has
its numbers and its text in the same columns. A run of at least ``MIN_ROWS`` rows of the
same shape, mixing numeric and text cells, is a table; so are up to ``MAX_HEADER_ROWS``
rows of short cells right above it (its header). Each line becomes one letter of a string
(its shape) and one regex per table width searches that string: no Python work per line
beyond its letter, so the cost stays linear in the document.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .features import Features

MIN_ROWS = 4
MIN_COLUMNS = 3
MAX_COLUMNS = 12
MAX_CELL_WORDS = 25
MAX_HEADER_ROWS = 2
HEADER_CELL_WORDS = 4
NUMERIC_MAX_CHARS = 24

_LETTER = regex.compile(r"\p{L}")
# A row of w cells holding at least one number (N) and one text cell (T), then the same
# row MIN_ROWS - 1 times more. Lines too long for a cell (P) end a table.
_ROWS = [
    regex.compile(
        rf"(?=[NT]{{0,{w - 1}}}N)(?=[NT]{{0,{w - 1}}}T)([NT]{{{w}}})\1{{{MIN_ROWS - 1},}}"
    )
    for w in range(MIN_COLUMNS, MAX_COLUMNS + 1)
]


def cells(views: Sequence[str], feats: Sequence[Features | None]) -> tuple[set[int], set[int]]:
    """Positions of the cells of one-cell-per-line tables, and of their numeric cells.

    Positions index ``views``/``feats``; blank lines (``None`` features) are skipped, so
    blank separators between cells or rows do not matter.
    """
    idx = [i for i, f in enumerate(feats) if f is not None]
    shape = "".join(_shape(views[i], feats[i]) for i in idx)  # type: ignore[arg-type]
    if shape.count("N") < MIN_ROWS:
        return set(), set()
    found: set[int] = set()
    for width, rows in enumerate(_ROWS, MIN_COLUMNS):
        for m in rows.finditer(shape):
            row = m.group(1)
            if row in (row + row)[1:-1]:
                continue  # really a narrower row repeated: judged at its own width
            if row.count("N") < 2 and not _names(range(m.start(), m.end()), idx, feats):
                continue  # one number beside longer text: a numbered list of headlines
            start = _header_start(m.start(), width, idx, feats, shape)
            found.update(range(start, m.end()))
    table = {idx[k] for k in found}
    return table, {idx[k] for k in found if shape[k] == "N"}


def _shape(view: str, f: Features) -> str:
    """N for a number ("21", "85%", "1:02.3"), T for a text cell, P for prose."""
    if f.words > MAX_CELL_WORDS:
        return "P"
    if f.digit_share and f.chars <= NUMERIC_MAX_CHARS and not _LETTER.search(view):
        return "N"
    return "T"


def _names(span: range, idx: Sequence[int], feats: Sequence[Features | None]) -> bool:
    """All text cells in ``span`` are as short as names or labels (not headlines)."""
    return all(feats[idx[k]].words <= HEADER_CELL_WORDS for k in span)  # type: ignore[union-attr]


def _header_start(
    start: int, width: int, idx: Sequence[int], feats: Sequence[Features | None], shape: str
) -> int:
    """Where the table starts once the header rows right above its first row are added."""
    for _ in range(MAX_HEADER_ROWS):
        above = start - width
        if above < 0 or "P" in shape[above:start]:
            break
        if not _names(range(above, start), idx, feats):
            break
        start = above
    return start
