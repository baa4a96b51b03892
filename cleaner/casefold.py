"""A case-insensitive key for text that agrees with ``regex`` wherever it matches.

The prefilter looks for a rule's literals in a folded copy of the line. That is only sound
if every character ``regex`` matches case-insensitively (``IGNORECASE``, and with
``FULLCASE`` the multi-letter folds such as ``ß``/``ss``) folds to the same key as the
pattern's character. ``str.casefold`` alone does not: Turkish dotless ``ı`` matches ``I`` in
``regex`` but casefolds to itself while ``I`` becomes ``i``; ``İ`` folds to ``i`` plus a
combining dot; and ``regex`` may know newer case pairs than this Python's Unicode tables.

So the key is ``fold(text) = text.casefold()`` followed by a small table (``table``) built
from ``regex``'s own case data: every character that ``regex`` finds case-equivalent to
another is mapped, after casefolding, to one key for its whole class. Both sides of a
comparison are folded the same way, character by character, so a line that contains a
case-insensitive match of a literal contains the literal's key in its key. The table is
checked against ``regex`` when built; if the check fails, or ``regex``'s case data cannot
be read (a private API), ``table()`` is None and the prefilter tries the case-insensitive
rules on every line instead.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterable
from functools import lru_cache

import regex

from . import memo

# The characters that ``regex`` can give case variants or folds: a superset is harmless.
_CASED = r"[\p{Cased}\p{CWCF}\p{CWCM}\p{CWL}\p{CWU}\p{CWT}]"


def every_character() -> str:
    """Every Unicode scalar value, in order (surrogates left out)."""
    codes = array("I", range(0xD800))
    codes.extend(range(0xE000, 0x110000))
    return codes.tobytes().decode("utf-32-le" if sys.byteorder == "little" else "utf-32-be")


Cases = Callable[[str], Iterable[str]]


def regex_case_data() -> tuple[Cases, Callable[[str], str]] | None:
    """``regex``'s (case variants of a character, full fold of a character), if readable."""
    try:
        from regex import _regex, _regex_core

        simple = int(_regex_core.IGNORECASE | _regex_core.UNICODE)
        full = simple | int(_regex_core.FULLCASE)
        # Private functions the stubs do not declare: looked up, so that their absence is
        # an AttributeError like any other change of the private API.
        get_all_cases = getattr(_regex, "get_all_cases")  # noqa: B009
        fold_case = getattr(_regex, "fold_case")  # noqa: B009

        def variants(ch: str) -> Iterable[str]:
            return map(chr, get_all_cases(simple, ord(ch)))

        def full_fold(ch: str) -> str:
            return str(fold_case(full, ch))

        if set(variants("I")) >= {"I", "i"} and full_fold("ß") == "ss":
            return variants, full_fold
    except (ImportError, AttributeError, TypeError, ValueError):
        pass
    return None


@lru_cache(maxsize=1)
def table() -> dict[int, str] | None:
    """``str.translate`` table applied after ``casefold``; None if it cannot be built."""
    if regex_case_data() is None:  # a stored table would be of case data no longer read
        return None
    return _built_table()


@memo.persistent("casefold.table")
def _built_table() -> dict[int, str] | None:
    """``table``, built from a scan of every character (a tenth of a second, and more on a
    busy machine): kept across processes, as it depends only on the Python and ``regex``
    versions, which the cache's fingerprint holds."""
    data = regex_case_data()
    if data is None:
        return None
    variants, full_fold = data
    cased = regex.findall(_CASED, every_character())
    fix = _solve(cased, variants, full_fold)
    if fix is None or not _agrees(cased, variants, full_fold, fix):
        return None
    return fix


def _solve(
    cased: list[str], variants: Cases, full_fold: Callable[[str], str]
) -> dict[int, str] | None:
    """A table ``T`` with ``T(casefold(a)) == T(casefold(b))`` for every pair ``regex``
    matches case-insensitively; None on a conflict it cannot settle."""
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        root = c
        while parent.get(root, root) != root:
            root = parent[root]
        while c != root:
            parent[c], c = root, parent.get(c, c)
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for c in cased:
        for v in variants(c):
            union(c, v)
        for f in (full_fold(c), c.casefold()):
            if len(f) == 1:
                union(c, f)
    classes: dict[str, list[str]] = {}
    for c in cased:
        classes.setdefault(find(c), []).append(c)
    fix: dict[int, str] = {}

    def key(text: str) -> str:
        return text.translate(fix)

    # Classes whose members fold to several letters of other classes ("ß" -> "ss") take
    # that spelling; the others the smallest member that casefolds to itself.
    def target(members: list[str]) -> str:
        for c in members:
            f = full_fold(c)
            if len(f) > 1 and all(find(x) != find(c) for x in f):
                return f
        fixed = [c for c in members if c.casefold() == c]
        return min(fixed or members)

    targets = {root: target(members) for root, members in classes.items()}
    for root, members in sorted(classes.items()):
        want = targets[root]
        for c in members:
            folded = c.casefold()
            if key(folded) == want:
                continue
            if len(folded) == 1:
                if folded.isascii() or fix.get(ord(folded), want) != want:
                    return None
                fix[ord(folded)] = want
            elif folded.startswith(want) and all(not x.isascii() for x in folded[len(want) :]):
                for x in folded[len(want) :]:  # "İ" -> "i" + a combining dot: drop the dot
                    if fix.get(ord(x), "") != "":
                        return None
                    fix[ord(x)] = ""
            else:
                return None
    return fix


def _agrees(
    cased: list[str], variants: Cases, full_fold: Callable[[str], str], fix: dict[int, str]
) -> bool:
    """Whether every case pair and full fold of ``regex`` gets one key under ``fix``."""

    def key(text: str) -> str:
        return text.casefold().translate(fix)

    for c in cased:
        k = key(c)
        if any(key(v) != k for v in variants(c)) or key(full_fold(c)) != k:
            return False
    return True


@lru_cache(maxsize=1)
def _special() -> frozenset[str]:
    """The characters the table changes (none when there is no table)."""
    return frozenset(map(chr, table() or {}))


def fold(text: str) -> str:
    """The case-insensitive key of ``text`` (see the module docstring).

    Hot path (every line): the table, ten times slower than ``casefold``, runs only on
    the rare folded lines holding one of its characters (a set test finds them fastest).
    Without a table this is ``casefold``, and the prefilter trusts no folded literal.
    """
    folded = text.casefold()
    if folded.isascii() or _special().isdisjoint(folded):
        return folded
    return folded.translate(table())  # type: ignore[arg-type]
