"""Data tables laid out one cell per line, found by their repeating shape.

Some extractors (readability.js among them) print a table's cells on lines of their own:
"1", "Harbour Knights", "21", "6", then the next row. Line by line those are lone numbers
and short names, the shape of pagination and menus. Together they repeat: every row has
its numbers and its text in the same columns. A run of at least ``min_rows`` rows of the
same shape, mixing numeric and text cells, is a table; so are up to ``max_header_rows``
rows of short cells right above it (its header); see ``heuristics.TableParams``. Each line
becomes one letter of a string (its shape) and one regex per table width searches that
string: no Python work per line beyond its letter, so the cost stays linear in the
document.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from . import memo
from .features import FeatureTable
from .heuristics import DEFAULT, TableParams

_LETTER = memo.compiled_regex(r"\p{L}")


@lru_cache(maxsize=8)
def _rows(min_rows: int, min_columns: int, max_columns: int) -> list[regex.Pattern[str]]:
    """Per table width w: a row of w cells holding at least one number (N) and one text
    cell (T), then the same row ``min_rows - 1`` times more. Lines too long for a cell
    (P) end a table."""
    return [
        regex.compile(
            rf"(?=[NT]{{0,{w - 1}}}N)(?=[NT]{{0,{w - 1}}}T)([NT]{{{w}}})\1{{{min_rows - 1},}}"
        )
        for w in range(min_columns, max_columns + 1)
    ]


def cells(
    views: Sequence[str],
    feats: FeatureTable,
    at: Sequence[int] | None = None,
    p: TableParams = DEFAULT.tables,
) -> tuple[set[int], set[int]]:
    """Positions of the cells of one-cell-per-line tables, and of their numeric cells.

    ``views`` are the document's non-blank lines (blank separators between cells or rows
    do not matter); positions index them. ``at`` tells the line of ``feats`` each is
    (by default, the same position).
    """
    at = range(len(views)) if at is None else at
    words = [feats.words[r] for r in at]
    shape = "".join(
        _shape(v, w, feats.digit_share[r], feats.chars[r], p)
        for v, w, r in zip(views, words, at, strict=True)
    )
    if shape.count("N") < p.min_rows:
        return set(), set()
    found: set[int] = set()
    for width, rows in enumerate(_rows(p.min_rows, p.min_columns, p.max_columns), p.min_columns):
        for m in rows.finditer(shape):
            row = m.group(1)
            if row in (row + row)[1:-1]:
                continue  # really a narrower row repeated: judged at its own width
            if row.count("N") < 2 and not _names(range(m.start(), m.end()), words, p):
                continue  # one number beside longer text: a numbered list of headlines
            start = _header_start(m.start(), width, words, shape, p)
            found.update(range(start, m.end()))
    return found, {k for k in found if shape[k] == "N"}


def _shape(view: str, words: int, digit_share: float, chars: int, p: TableParams) -> str:
    """N for a number ("21", "85%", "1:02.3"), T for a text cell, P for prose."""
    if words > p.max_cell_words:
        return "P"
    if digit_share and chars <= p.numeric_max_chars and not _LETTER.search(view):
        return "N"
    return "T"


def _names(span: range, words: Sequence[int], p: TableParams) -> bool:
    """All text cells in ``span`` are as short as names or labels (not headlines)."""
    return all(words[k] <= p.header_cell_words for k in span)


def _header_start(start: int, width: int, words: Sequence[int], shape: str, p: TableParams) -> int:
    """Where the table starts once the header rows right above its first row are added."""
    for _ in range(p.max_header_rows):
        above = start - width
        if above < 0 or "P" in shape[above:start]:
            break
        if not _names(range(above, start), words, p):
            break
        start = above
    return start
