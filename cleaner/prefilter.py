"""Literals a rule cannot match without: the Matcher's cheap first test.

A rule's pattern is parsed (``pattern_tree``: the standard library's parser, after
``\\L<list>`` is spelt out and ``\\p{..}`` replaced by a class) into the set of literal strings
one of which every match must contain: literals from case-sensitive parts as written, the
others folded (``casefold.fold``: the key on which every pair of characters that ``regex``
matches case-insensitively agrees). If the line contains none of them, the rule cannot match
and its regex is not run. For rules anchored at the line's start, ``prefix_keys`` enumerates
the first (up to four) characters a match can start with instead; ``wordbounds`` gives the
range of word counts of the lines a rule can match. When the pattern cannot be analysed (or
the parser or ``regex``'s case data is unavailable), or some branch needs no literal, the
rule gets no requirement and is always tried: the filter only skips a rule when it can
prove the rule cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import product
from typing import Any, Final

import regex

from . import casefold, memo, pattern_tree
from .casefold import every_character

MAX_SET = 400  # more alternatives than this: give up on the requirement (a scan would cost more)
MAX_CLASS = 8  # a character class of at most this many literal characters is a literal set
MAX_WIDE_CLASS = 64

# A literal is tagged by its first character: CS (matched as written: look for it in the
# line itself) or CI (casefolded: look for it in the casefolded line). A literal made of a
# case-sensitive and an insensitive part is CI, a weaker but still necessary condition.
CS, CI = "\x00", "\x01"

# One node's knowledge: ``exact`` is every literal it can match (when few and finite),
# ``need`` a set one member of which any match contains (None: nothing known).
Info = tuple[frozenset[str] | None, frozenset[str] | None]


def required_literals(
    pattern: str, lists: dict[str, list[str]], ignore_case: bool = True, *, cheap: bool = False
) -> tuple[frozenset[str], frozenset[str]] | None:
    """(case-sensitive, casefolded) literals one of which every match contains; None if unknown.

    ``cheap`` asks for single characters where the pattern needs some (a separator, a
    bracket): any such requirement is as necessary as the most selective one, and a line
    is searched for a few characters faster than for many words.
    """
    parsed = _parse(pattern, lists)
    if parsed is None:
        return None
    tree, flags = parsed
    ignore_case = ignore_case or bool(flags & sre.SRE_FLAG_IGNORECASE)
    need = _seq(tree, ignore_case, cheap)[1]
    if not need or any(len(s) == 1 for s in need):
        return None
    cs = _minimal(frozenset(s[1:] for s in need if s[0] == CS))
    ci = _minimal(frozenset(s[1:] for s in need if s[0] == CI))
    return cs, ci


def required_marks(
    pattern: str, lists: dict[str, list[str]], ignore_case: bool = True
) -> tuple[frozenset[str], frozenset[str]] | None:
    """(case-sensitive, casefolded) punctuation marks one of which every match contains.

    None when the pattern needs none, or only letters, digits or spaces, which nearly
    every line holds: a test for them would cost more than it saves.
    """
    need = required_literals(pattern, lists, ignore_case, cheap=True)
    if need is None:
        return None
    if any(len(c) != 1 or c.isalnum() or c.isspace() for c in need[0] | need[1]):
        return None
    return need


def _minimal(need: frozenset[str]) -> frozenset[str]:
    """Drop literals that contain another one: the shorter one is found wherever they are."""
    kept: list[str] = []
    for s in sorted(need, key=len):
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _lit(text: str, ic: bool) -> str:
    return CI + casefold.fold(text) if ic else CS + text


def _cat(a: str, b: str) -> str:
    if a[0] == b[0]:
        return a + b[1:]
    return CI + casefold.fold(a[1:]) + casefold.fold(b[1:])


def _better(
    a: frozenset[str] | None, b: frozenset[str] | None, cheap: bool = False
) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest literal, then fewer literals.

    ``cheap`` prefers single characters (fewest first), the quickest to look for.
    """
    if a is None or b is None:
        return a if b is None else b

    def rank(s: frozenset[str]) -> tuple[int, ...]:
        selective = (min(map(len, s)), -len(s))
        if not cheap:
            return selective
        chars = max(map(len, s)) == 2  # a tag and one character each
        return (chars, -len(s) if chars else 0, *selective)

    return a if rank(a) >= rank(b) else b


EMPTY = frozenset({CS})
sre: Any = pattern_tree.sre


def _parse(pattern: str, lists: dict[str, list[str]]) -> tuple[pattern_tree.Tree, int] | None:
    """The pattern's tree and global flags, when it and the case keys can be used."""
    if casefold.table() is None:
        return None  # without keys that agree with regex, no case-insensitive literal holds
    return pattern_tree.parse(pattern, lists)


def _seq(items: list[tuple[Any, Any]], ic: bool, cheap: bool = False) -> Info:
    """A concatenation: exact runs of neighbours multiply out; the best requirement wins."""
    run: frozenset[str] | None = EMPTY
    whole = True  # every item so far was exact and the product stayed small
    best: frozenset[str] | None = None
    for op, av in items:
        exact, need = _node(op, av, ic, cheap)
        if exact is not None and run is not None and len(run) * len(exact) <= MAX_SET:
            run = frozenset(_cat(a, b) for a, b in product(run, exact))
            continue
        whole = False
        if run is not None and run != EMPTY:
            best = _better(best, run, cheap)
        best = _better(best, need, cheap)
        run = exact
    if run is not None and run != EMPTY:
        best = _better(best, run, cheap)
    return (run if whole else None), best


def _node(op: Any, av: Any, ic: bool, cheap: bool) -> Info:
    if op is sre.LITERAL:
        lit = frozenset({_lit(chr(av), ic)})
        return lit, lit
    if op is sre.IN:
        chars = _class(av)
        lits = None if chars is None else frozenset(_lit(c, ic) for c in chars)
        return lits, lits
    if op is sre.SUBPATTERN:
        on, off = av[1] & sre.SRE_FLAG_IGNORECASE, av[2] & sre.SRE_FLAG_IGNORECASE
        return _seq(list(av[-1]), bool(on) or (ic and not off), cheap)
    if op is sre.ATOMIC_GROUP:
        return _seq(list(av), ic, cheap)
    if op is sre.BRANCH:
        return _branch(av[1], ic, cheap)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        exact, need = _seq(list(sub), ic, cheap)
        if lo == 0:
            return None, None
        return (exact if lo == hi == 1 else None), need
    if op is sre.ASSERT and av[0] == 1:
        return None, _seq(list(av[1]), ic, cheap)[1]  # what a lookahead sees is in the line too
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return EMPTY, None  # zero-width: adds nothing, keeps neighbours adjacent
    return None, None


def _branch(alts: list[Any], ic: bool, cheap: bool) -> Info:
    infos = [_seq(list(a), ic, cheap) for a in alts]
    exacts = [e for e, _ in infos]
    exact = None
    if all(e is not None for e in exacts):
        union = frozenset().union(*exacts)  # type: ignore[arg-type]
        exact = union if len(union) <= MAX_SET else None
    needs = [n if n is not None else e for e, n in infos]
    if any(n is None or any(len(s) == 1 for s in n) for n in needs):
        return exact, None
    need = frozenset().union(*needs)  # type: ignore[arg-type]
    return exact, (need if len(need) <= MAX_SET else None)


def _class(items: list[tuple[Any, Any]], wide: bool = False) -> frozenset[str] | None:
    """The characters of a small positive class of literals and ranges; None otherwise.

    ``wide`` (for prefixes, where a character is only a key) also spells out ``\\s`` and
    ``\\d``, and allows larger ranges.
    """
    limit = MAX_WIDE_CLASS if wide else MAX_CLASS
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < limit:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif wide and op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars.add(" ")  # every space is keyed as a blank (see key_table)
        elif wide and op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.add("0")  # every digit is keyed as 0
        else:
            return None
    return frozenset(chars) if 0 < len(chars) <= limit else None


@lru_cache(maxsize=1)
@memo.persistent("prefilter.charsets")
def _charsets() -> tuple[str, str]:
    """What ``regex`` calls white space and digits (its Unicode may be newer than Python's);
    a scan of every code point, so kept across processes (see ``memo``)."""
    every = every_character()
    return "".join(regex.findall(r"\s", every)), "".join(regex.findall(r"\d", every))


# -- anchored prefixes ---------------------------------------------------------------------

MAX_K = 4  # at most this many characters of the line's start index the rules
MAX_KEYS = 5000
MAX_STEPS = 64


class _Unknown(Exception):
    """The pattern can start with a character we cannot enumerate, or with too many."""


def prefix_keys(pattern: str, lists: dict[str, list[str]]) -> frozenset[str] | None:
    """Normalised first characters (see ``line_key``) of any match of an anchored ``pattern``.

    Each key is as long as could be enumerated (up to ``MAX_K``) or as the shortest match.
    None when the pattern is not anchored at the start of the line in every branch, can
    match the empty string, or can start with a character from a large class.
    """
    parsed = _parse(pattern, lists)
    if parsed is None or parsed[1] & sre.SRE_FLAG_MULTILINE:
        return None
    alts = _anchored_alts(parsed[0])
    if alts is None:
        return None
    for k in range(MAX_K, 0, -1):
        try:
            starts = frozenset().union(*(_extend(frozenset({""}), a, k) for a in alts))
        except _Unknown:
            continue
        keys = frozenset(line_key(s, k) for s in starts)
        return None if "" in keys else keys
    return None


def line_key(text: str, k: int = MAX_K) -> str:
    """The first ``k`` characters of ``text`` folded, digits as 0 and spaces as " "."""
    return casefold.fold(text[:k])[:k].translate(key_table())


@lru_cache(maxsize=1)
def key_table() -> dict[int, str]:
    """``str.translate`` table keying every digit as ``0`` and every space as a blank."""
    spaces, digits = _charsets()
    return {**{ord(c): " " for c in spaces}, **{ord(d): "0" for d in digits}}


def _anchored_alts(tree: list[tuple[Any, Any]]) -> list[list[tuple[Any, Any]]] | None:
    """The branches after a leading ``^`` when every top-level branch has one."""
    if tree and tree[0] == (sre.AT, sre.AT_BEGINNING):
        return [tree[1:]]
    if len(tree) == 1 and tree[0][0] is sre.BRANCH:
        alts = [list(a) for a in tree[0][1][1]]
        if all(a and a[0] == (sre.AT, sre.AT_BEGINNING) for a in alts):
            return [a[1:] for a in alts]
    return None


def _extend(starts: frozenset[str], items: list[tuple[Any, Any]], k: int) -> frozenset[str]:
    """Follow ``items`` from the prefixes ``starts`` until every prefix has ``k`` chars."""
    for op, av in items:
        if all(len(s) >= k for s in starts):
            return starts
        starts = _step(starts, op, av, k)
        if len(starts) > MAX_KEYS:
            raise _Unknown
    return starts


def _step(starts: frozenset[str], op: Any, av: Any, k: int) -> frozenset[str]:
    done = frozenset(s for s in starts if len(s) >= k)
    open_ = starts - done
    if op is sre.LITERAL:
        chars: frozenset[str] | None = frozenset({chr(av)})
    elif op is sre.IN:
        chars = _class(av, wide=True)
    else:
        chars = None
    if chars is not None:
        return done | frozenset((s + c)[:k] for s in open_ for c in chars)
    if op is sre.SUBPATTERN:
        return _extend(starts, list(av[-1]), k)
    if op is sre.ATOMIC_GROUP:
        return _extend(starts, list(av), k)
    if op is sre.BRANCH:
        return frozenset().union(*(_extend(starts, list(a), k) for a in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        return _repeat(starts, lo, hi, sub, k)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return starts  # zero-width: consumes nothing (a lookahead only narrows matches)
    raise _Unknown


def _repeat(starts: frozenset[str], lo: int, hi: int, sub: Any, k: int) -> frozenset[str]:
    out = starts if lo == 0 else frozenset()
    cur = starts
    for n in range(1, MAX_STEPS + 1):
        nxt = _extend(cur, list(sub), k)
        if n >= lo:
            out |= nxt
        if n >= hi or (n >= lo and nxt == cur):
            return out
        cur = nxt
    raise _Unknown


# -- searching for literals ----------------------------------------------------------------


class LiteralScan:
    """Which of many literals a text holds, as the OR of the bit masks given for them.

    Hot path (every line the Matcher has not seen). Literals of ``SHORT`` characters (a
    comma, a bar) are each looked for with ``in``: they are few, and common, so a scan
    would stop at every one. For the others one search finds the leftmost place where
    some literal starts, and the next search starts one character later: one search per
    place where a long literal starts (few lines have any), not one per literal or rule.

    Exact, overlaps included: the pattern is a trie whose branches may stop only where a
    literal ends, and greedy, so at each place it matches the longest literal starting
    there; every literal starting there is a prefix of that one, so each match stands for
    the masks of all the literals that are its prefixes (``_found``). A literal longer
    than ``MAX_LEN`` is looked for by its first ``MAX_LEN`` characters (a text that holds
    it holds those), which bounds the trie's depth and so the search pattern's nesting.
    """

    SHORT: Final = 1
    MAX_LEN: Final = 32

    def __init__(self, masks: dict[str, int]) -> None:
        self._short, pattern, self._found = _scan_plan(tuple(sorted(masks.items())))
        self._search = memo.compiled_re(pattern).search

    def __call__(self, text: str) -> int:
        found = 0
        for lit, mask in self._short:
            if lit in text:
                found |= mask
        search, masks = self._search, self._found
        m = search(text)
        while m is not None:
            found |= masks[m.group()]
            m = search(text, m.start() + 1)
        return found


@memo.persistent("prefilter.scan")
def _scan_plan(
    masks: tuple[tuple[str, int], ...],
) -> tuple[list[tuple[str, int]], str, dict[str, int]]:
    """``LiteralScan``'s short literals with their masks, its search pattern, and the masks
    each match stands for; kept across processes (see ``memo``), as building the trie
    of a few hundred literals costs every process tens of milliseconds."""
    cut: dict[str, int] = {}
    for lit, mask in masks:
        cut[lit[: LiteralScan.MAX_LEN]] = cut.get(lit[: LiteralScan.MAX_LEN], 0) | mask
    short = [(lit, mask) for lit, mask in cut.items() if len(lit) <= LiteralScan.SHORT]
    long = [lit for lit in cut if len(lit) > LiteralScan.SHORT]
    trie: dict[str, Any] = {}
    for lit in long:
        node = trie
        for ch in lit:
            node = node.setdefault(ch, {})
        node[""] = {}
    found = {lit: _or(cut.get(lit[:k], 0) for k in range(1, len(lit) + 1)) for lit in long}
    return short, _longest_pattern(trie) if trie else "(?!)", found


def _or(masks: Iterable[int]) -> int:
    out = 0
    for mask in masks:
        out |= mask
    return out


def _longest_pattern(trie: dict[str, Any]) -> str:
    """The trie as a pattern that matches the longest literal it can (built bottom-up,
    without recursion: a node's pattern is made once its children's are)."""
    done: dict[int, str] = {}
    stack: list[tuple[dict[str, Any], bool]] = [(trie, False)]
    while stack:
        node, expanded = stack.pop()
        children = [(ch, sub) for ch, sub in sorted(node.items()) if ch]
        if not expanded:
            stack.append((node, True))
            stack.extend((sub, False) for _, sub in children)
            continue
        alts = [re.escape(ch) + done.pop(id(sub)) for ch, sub in children]
        if not alts:
            done[id(node)] = ""
            continue
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        done[id(node)] = f"(?:{body})?" if "" in node else body
    return done[id(trie)]


def word_bounds(pattern: str, lists: dict[str, list[str]]) -> tuple[int, int | None]:
    """(fewest, most) words (see ``words``) of a line ``pattern`` can match; most is None
    for no bound (see ``wordbounds``)."""
    from . import wordbounds  # here: a process whose plans are in the cache needs none

    return wordbounds.word_bounds(pattern, lists)


# White space to ``str.split`` but not to ``regex``'s ``\s`` (checked in the tests).
_SPLIT_ONLY = re.compile("[\x1c-\x1f]")


def words(text: str) -> int | None:
    r"""How many runs of ``\S`` the line has, as ``regex`` counts them; None if unsure."""
    if _SPLIT_ONLY.search(text):
        return None
    return len(text.split())
