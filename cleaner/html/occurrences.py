"""Where many strings occur in one text: each line of an extraction, looked for in the
page's text and in the texts of the elements that name a role.

Looked for one at a time, n lines in a page of n blocks take time in the square of the
page's size (8 000 role blocks: 5 s of ``str.count`` alone). Past ``BATCH_FROM``, one pass
over the text finds them all: a set lookup of each place's first ``ANCHOR`` characters,
in ``regex``'s engine, then a comparison of the few strings that start so.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

ANCHOR = 8  # characters of a place looked up (strings shorter are looked up whole)
# Strings times characters of text from which on one pass is taken. Measured on pages of
# 5 KB to 500 KB: a search per string reads about a character a nanosecond, the pass
# costs a millisecond or two to set up and then reads 10 to 25 characters a microsecond,
# more when the strings recur; the two meet between 5 and 50 million. Below, a page pays
# for a search per line what it always did (a few milliseconds).
BATCH_FROM = 50_000_000


def occurrences(
    text: str, strings: Iterable[str], batch_from: int = BATCH_FROM
) -> dict[str, list[int]]:
    """Where each of ``strings`` starts in ``text``, left to right and not overlapping:
    the places a ``str.find`` from the end of the last one finds, as many as
    ``str.count`` counts. The empty string is not looked for (every place holds it)."""
    wanted = {s for s in strings if s}
    if len(wanted) * len(text) <= batch_from:
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
    """Every place of each of ``wanted`` in ``text``, overlaps included, in one pass per
    length below ``ANCHOR`` and one for the longer strings."""
    out: dict[str, list[int]] = {s: [] for s in wanted}
    short: dict[int, list[str]] = {}
    anchored: dict[str, list[str]] = {}
    for s in wanted:
        if len(s) < ANCHOR:
            short.setdefault(len(s), []).append(s)
        else:
            anchored.setdefault(s[:ANCHOR], []).append(s)
    for group in short.values():  # strings of one length: at most one starts at a place
        for m in _starts(group).finditer(text):
            out[m.group(1)].append(m.start())
    if anchored:
        for m in _starts(list(anchored)).finditer(text):
            at = m.start()
            for s in anchored[m.group(1)]:
                if text.startswith(s, at):
                    out[s].append(at)
    return out


def _starts(strings: list[str]) -> regex.Pattern[str]:
    """A search that stops at each place where one of ``strings`` (all of one length)
    starts, and captures it."""
    return regex.compile(r"(?=(\L<strings>))", strings=strings)


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
