"""Where many strings occur in one text: each line of an extraction, looked for in the
page's text and in the texts of the elements that name a role.

Looked for one at a time, n lines in a page of n blocks take time in the square of the
page's size (8 000 role blocks: 5 s of ``str.count`` alone). From ``BATCH_FROM`` on, one pass
over the text finds them all: a set lookup of each place's first ``ANCHOR`` characters,
then of the few strings that start so.
"""

from __future__ import annotations

from collections.abc import Iterable

ANCHOR = 8  # characters of a place looked up (strings shorter are looked up whole)
# Strings from which on one pass is taken. A search per string reads about 1.3
# characters a nanosecond, the pass (a set lookup at each place) about 5 a microsecond:
# both grow with the text, so the pass pays from about 250 strings whatever its length
# (measured on texts of 5 KB to 500 KB). Fewer, and a page pays for a search per line
# what it always did.
BATCH_FROM = 250


def occurrences(
    text: str, strings: Iterable[str], batch_from: int = BATCH_FROM
) -> dict[str, list[int]]:
    """Where each of ``strings`` starts in ``text``, left to right and not overlapping:
    the places a ``str.find`` from the end of the last one finds, as many as
    ``str.count`` counts. The empty string is not looked for (every place holds it)."""
    wanted = {s for s in strings if s}
    if len(wanted) < batch_from:
        return {s: _found(text, s) for s in wanted}
    return {s: _apart(found, len(s)) for s, found in _scan(text, wanted).items()}


def _found(text: str, s: str) -> list[int]:
    """``s``'s places in ``text``, one search after another."""
    out = []
    at = text.find(s)
    while at >= 0:
        out.append(at)
        at = text.find(s, at + len(s))
    return out


def _scan(text: str, wanted: set[str]) -> dict[str, list[int]]:
    """Every place of each of ``wanted`` in ``text``, overlaps included: one pass per
    length below ``ANCHOR``, one for the longer strings, each a set lookup of a slice at
    every place (in a comprehension: ``regex``'s ``\\L<...>`` of thousands of strings
    read a few hundred characters a millisecond where this reads thousands)."""
    out: dict[str, list[int]] = {s: [] for s in wanted}
    short: dict[int, set[str]] = {}
    # The longer strings by their first characters, then by their lengths: the strings
    # that start alike ("Story 12", "Story 120", "Story 1200") are told apart by a slice
    # per length, not by a comparison per string.
    anchored: dict[str, dict[int, set[str]]] = {}
    for s in wanted:
        if len(s) < ANCHOR:
            short.setdefault(len(s), set()).add(s)
        else:
            anchored.setdefault(s[:ANCHOR], {}).setdefault(len(s), set()).add(s)
    for size, group in short.items():
        for at in [i for i in range(len(text) - size + 1) if text[i : i + size] in group]:
            out[text[at : at + size]].append(at)
    if anchored:
        places = [i for i in range(len(text) - ANCHOR + 1) if text[i : i + ANCHOR] in anchored]
        for at in places:
            for size, strings in anchored[text[at : at + ANCHOR]].items():
                s = text[at : at + size]
                if s in strings:
                    out[s].append(at)
    return out


def _apart(found: list[int], size: int) -> list[int]:
    """Of the ascending places ``found``, those that a search from the end of the last
    one taken reaches: no two overlap."""
    out: list[int] = []
    end = 0
    for at in found:
        if at >= end:
            out.append(at)
            end = at + size
    return out
