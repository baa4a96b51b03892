"""Build the output text from the kept lines.

The output is the input minus removed lines: every kept line with its own line ending, so
the output ends without one only when it ends with the input's last line and that had
none. Where removals leave a gap between two kept lines, the gap's blank lines collapse to
the document's own paragraph separator (its most common blank-line run); gaps with no
removal stay exactly as they were. No leading or trailing blank lines are created.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence

from .segment import Line


def paragraph_separator(lines: Sequence[Line]) -> int:
    """The number of blank lines the document usually puts between paragraphs (1 if none)."""
    runs: Counter[int] = Counter()
    run = 0
    seen_text = False
    for line in lines:
        if line.blank:
            run += 1
            continue
        if seen_text and run:
            runs[run] += 1
        run = 0
        seen_text = True
    return runs.most_common(1)[0][0] if runs else 1


def render(lines: Sequence[Line], keep: Sequence[int], bom: bool = False) -> str:
    """The output text: the kept lines, with blank runs collapsed where something went.
    ``bom``: the text starts with a byte-order mark, which belongs to the file, not to its
    first line: when that line goes, the mark stays in front of the lines that follow
    (even of one that starts with a U+FEFF of its own)."""
    out = kept_lines(lines, keep)
    text = "".join(lines[i].raw + lines[i].end for i in out)
    if bom and text and out[0] != 0:
        text = "\ufeff" + text
    return text


def kept_lines(lines: Sequence[Line], keep: Sequence[int]) -> array[int]:
    """The indices (into ``lines``) of the lines the output is made of: the kept lines,
    and the blank lines between them, a gap's run collapsed to the document's paragraph
    separator only where a removal left the gap (``keep``: per line, nonzero when kept).
    As machine integers: an int object a line cost a large record most of its size
    between two passes."""
    sep = paragraph_separator(lines)
    out: array[int] = array("q")
    gap: list[int] = []
    gap_removed = False
    started = False
    for i, (line, kept) in enumerate(zip(lines, keep, strict=True)):
        if line.blank:
            gap.append(i)
            continue
        if not kept:
            gap_removed = True
            continue
        if not gap_removed:
            out.extend(gap)
        elif started:
            out.extend(gap[:sep])
        out.append(i)
        gap, gap_removed, started = [], False, True
    if not gap_removed:
        out.extend(gap)
    return _unfused(lines, out)


def _unfused(lines: Sequence[Line], out: array[int]) -> array[int]:
    """Leave out empty lines that would merge with the line before into one CRLF.

    A line ending in a lone CR followed, across a removal, by an empty line ending in LF
    would read back as one line ending in CRLF: the kept line's ending would change and the
    empty line would vanish anyway. Only a gap can bring the two together.
    """
    kept: array[int] = array("q")
    for i in out:
        if kept and lines[kept[-1]].end == "\r" and not lines[i].raw and lines[i].end[:1] == "\n":
            continue
        kept.append(i)
    return kept
