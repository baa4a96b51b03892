"""Split text into lines that remember their exact bytes and line endings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import view

_EOL = re.compile(r"(\r\n|\n|\r)")


@dataclass(slots=True)
class Line:
    """One input line: ``raw`` is its text without the ending, ``end`` the ending itself.

    Its number is its place in the document's list of lines (from 1), not a field: an int
    object a line cost a large record two thirds of its size. Never changed once made, so
    the empty lines of a document (a paragraph break each) share one object per ending.
    """

    raw: str
    end: str
    view: str

    @property
    def blank(self) -> bool:
        return not self.view


def split_lines(text: str) -> list[tuple[str, str]]:
    """Return ``(content, ending)`` pairs; joining them gives ``text`` back exactly.

    Only CR, LF and CRLF end a line: form feeds or U+2028 inside a line stay in it.
    """
    parts = _EOL.split(text)
    pairs = [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]
    if parts[-1]:
        pairs.append((parts[-1], ""))
    return pairs


# The empty line with each ending, shared by every empty line (see ``Line``): an object
# each cost a large record two fifths of its size.
_EMPTY = {end: Line("", end, "") for end in ("\n", "\r\n", "\r", "")}


def segment(text: str) -> list[Line]:
    """Turn ``text`` into lines with their matching view."""
    return [Line(raw, end, view(raw)) if raw else _EMPTY[end] for raw, end in split_lines(text)]
