"""How many words a line can have when a pattern matches it, read from the pattern itself.

A word is a run of characters that are not white space to ``str.split`` (``words`` in
``prefilter`` counts a line's words that way). The Matcher skips a rule on lines whose word
count is outside the rule's bounds, and ``rules check`` warns about rules whose bounds let
them match a long paragraph.

The pattern's parse tree (``pattern_tree``) is walked from left to right over an abstract
line: the text before the match (anything), what the pattern consumes, the text after it
(anything). The abstraction of a piece of text is, for each way it can begin and end
(nothing, white space, a word character) and whether the line's end was asserted (``$``),
the interval of word counts it can have; ``^`` keeps only an empty text before it, a
lookahead bounds the whole line by what it sees. Every step over-approximates: anything
the walk does not understand (a backreference, a lookbehind) may be any text, so the bounds
hold for every line the pattern matches, and are (0, None) when nothing can be said.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from . import pattern_tree
from .pattern_tree import Tree

INF = 1 << 30  # no bound
# Repeats are followed one iteration at a time up to this many, then widened to "any more".
MAX_ITERATIONS = 64

# How a piece of text begins or ends: nothing at all, white space, a non-space character.
E, S, N = 0, 1, 2
# A piece of text: (first, last, ended). ``ended`` once ``$`` held: only white space follows.
Key = tuple[int, int, bool]


@dataclass(frozen=True, slots=True)
class Span:
    """Word counts of the text so far (lo..hi), and of the whole line (within line_lo..hi)."""

    lo: int
    hi: int
    line_lo: int = 0
    line_hi: int = INF

    def hull(self, other: Span) -> Span:
        return Span(
            min(self.lo, other.lo),
            max(self.hi, other.hi),
            min(self.line_lo, other.line_lo),
            max(self.line_hi, other.line_hi),
        )


State = dict[Key, Span]

_EMPTY: Key = (E, E, False)
# Any text at all (before or after a match): empty, all space, or with words.
ANY_TEXT: dict[tuple[int, int], tuple[int, int]] = {
    (E, E): (0, 0),
    (S, S): (0, INF),
    (S, N): (1, INF),
    (N, S): (1, INF),
    (N, N): (1, INF),
}
# One character: a space, or not.
_ONE = {S: {(S, S): (0, 0)}, N: {(N, N): (1, 1)}}


def word_bounds(pattern: str, lists: dict[str, list[str]]) -> tuple[int, int | None]:
    """(fewest, most) words of a line that ``pattern`` matches; most is None for no bound."""
    return _bounds(pattern, pattern_tree.list_key(pattern, lists))


@lru_cache(maxsize=4096)
def _bounds(pattern: str, lists: pattern_tree.ListKey) -> tuple[int, int | None]:
    parsed = pattern_tree.parse(pattern, {name: list(words) for name, words in lists})
    if parsed is None:
        return 0, None
    return _walk_bounds(*parsed)


def _walk_bounds(tree: Tree, flags: int) -> tuple[int, int | None]:
    walk = _Walk(pattern_tree.sre)
    start = _consume({_EMPTY: Span(0, 0)}, ANY_TEXT)
    try:
        end = walk.seq(tree, start, bool(flags & walk.c.SRE_FLAG_MULTILINE))
    except RecursionError:  # pattern_tree bounds the depth; this is a last guard
        return 0, None
    line = _line(end)
    if line is None:
        return 0, None  # no match is possible, as far as the walk can tell: try it anyway
    lo, hi = line
    return lo, None if hi >= INF else hi


def _line(state: State) -> tuple[int, int] | None:
    """The hull of the whole line's word counts: ``state`` then any text after it."""
    out: tuple[int, int] | None = None
    for span in _consume(state, ANY_TEXT).values():
        lo, hi = max(span.lo, span.line_lo), min(span.hi, span.line_hi)
        if lo > hi:
            continue
        out = (lo, hi) if out is None else (min(out[0], lo), max(out[1], hi))
    return out


def _add(a: int, b: int, minus: int = 0) -> int:
    return INF if a >= INF or b >= INF else a + b - minus


def _consume(state: State, piece: dict[tuple[int, int], tuple[int, int]]) -> State:
    """``state`` followed by a piece of text, given by its shapes and word counts."""
    out: State = {}
    for (first, last, ended), span in state.items():
        for (pf, pl), (lo, hi) in piece.items():
            if pf == E:  # the empty text
                _put(out, (first, last, ended), span)
                continue
            if ended and not (pf == S and pl == S and lo == 0):
                continue  # after "$" only white space (a final newline) can come
            merge = int(last == N and pf == N)  # a word that goes on across the seam
            key = (first if first != E else pf, pl, ended)
            grown = span
            if not ended:
                grown = Span(
                    _add(span.lo, lo, merge), _add(span.hi, hi, merge), span.line_lo, span.line_hi
                )
            _put(out, key, grown)
    return out


def _put(state: State, key: Key, span: Span) -> None:
    old = state.get(key)
    state[key] = span if old is None else old.hull(span)


def _union(a: State, b: State) -> State:
    out = dict(a)
    for k, v in b.items():
        _put(out, k, v)
    return out


Piece = dict[tuple[int, int], tuple[int, int]]
_NOTHING: Piece = {(E, E): (0, 0)}


def _concat(a: Piece, b: Piece) -> Piece:
    """The pieces of text made of one of ``a`` followed by one of ``b``."""
    out: Piece = {}
    for (af, al), (alo, ahi) in a.items():
        for (bf, bl), (blo, bhi) in b.items():
            if af == E:
                key, lo, hi = (bf, bl), blo, bhi
            elif bf == E:
                key, lo, hi = (af, al), alo, ahi
            else:
                merge = int(al == N and bf == N)
                key, lo, hi = (af, bl), alo + blo - merge, _add(ahi, bhi, merge)
            old = out.get(key)
            out[key] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))
    return out


def _either(a: Piece, b: Piece) -> Piece:
    out = dict(a)
    for key, (lo, hi) in b.items():
        old = out.get(key)
        out[key] = (lo, hi) if old is None else (min(old[0], lo), max(old[1], hi))
    return out


def _power(p: Piece, lo: int, hi: int) -> Piece:
    """``p`` repeated lo..hi times (hi may be INF): ``p**lo`` then ``(nothing | p)**(hi-lo)``,
    each by repeated squaring."""
    base = _times(p, lo)
    if hi >= INF:
        return _star(base, p)
    return _concat(base, _times(_either(_NOTHING, p), hi - lo))


def _times(p: Piece, n: int) -> Piece:
    out, square = _NOTHING, p
    while n:
        if n & 1:
            out = _concat(out, square)
        n >>= 1
        if n:
            square = _concat(square, square)
    return out


def _star(acc: Piece, p: Piece) -> Piece:
    """``acc`` followed by ``p`` any number of times; word counts that grow go unbounded."""
    while True:
        grown = _either(acc, _concat(acc, p))
        if grown == acc:
            return acc
        acc = {
            k: (lo, hi if k not in acc or hi <= acc[k][1] else INF) for k, (lo, hi) in grown.items()
        }


class _Walk:
    """The walk over one tree (``c``: the standard parser's constants).

    A subtree with no anchor or lookahead (most of a pattern) consumes the same pieces of
    text wherever it stands: it is summarised once as a ``Piece`` and its repeats are
    multiplied out as pieces, so the walk does not go through it again per repeat.
    """

    def __init__(self, constants: Any) -> None:
        self.c = constants
        self._spaces = _split_space_codes()
        self._pieces: dict[tuple[Any, int, bool], Piece | None] = {}

    def seq(self, items: Tree, state: State, multiline: bool) -> State:
        for op, av in items:
            if not state:
                break
            piece = self.piece(op, av, multiline)
            if piece is not None:
                state = _consume(state, piece)
            else:
                state = self.node(op, av, state, multiline)
        return state

    def seq_piece(self, items: Tree, ml: bool) -> Piece | None:
        out = _NOTHING
        for op, av in items:
            piece = self.piece(op, av, ml)
            if piece is None:
                return None
            out = _concat(out, piece)
        return out

    def piece(self, op: Any, av: Any, ml: bool) -> Piece | None:
        """What a node consumes, when that does not depend on where it stands; else None."""
        key = (op, id(av), ml)
        if key not in self._pieces:
            self._pieces[key] = self._make_piece(op, av, ml)
        return self._pieces[key]

    def _make_piece(self, op: Any, av: Any, ml: bool) -> Piece | None:
        c = self.c
        if op is c.LITERAL:
            return _ONE[S if av in self._spaces else N]
        if op in (c.NOT_LITERAL, c.ANY):
            return {**_ONE[S], **_ONE[N]}
        if op is c.IN:
            return self._class(av)
        if op is c.AT:
            return None if self._anchor(av, ml) else _NOTHING
        if op is c.SUBPATTERN:
            return self.seq_piece(list(av[-1]), self._multiline(av, ml))
        if op is c.ATOMIC_GROUP:
            return self.seq_piece(list(av), ml)
        if op is c.BRANCH:
            out: Piece = {}
            for alt in av[1]:
                alt_piece = self.seq_piece(list(alt), ml)
                if alt_piece is None:
                    return None
                out = _either(out, alt_piece)
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            sub_piece = self.seq_piece(list(sub), ml)
            if sub_piece is None:
                return None
            return _power(sub_piece, lo, INF if hi == c.MAXREPEAT else hi)
        if op is c.ASSERT and av[0] == 1:
            return None
        if op in (c.ASSERT, c.ASSERT_NOT):
            return _NOTHING  # a lookbehind or a negative look only narrows the matches
        if op is c.GROUPREF_EXISTS:
            return None
        return ANY_TEXT  # a backreference, or anything else: any text at all

    def _multiline(self, av: Any, ml: bool) -> bool:
        add, remove = av[1], av[2]
        c = self.c
        return (ml or bool(add & c.SRE_FLAG_MULTILINE)) and not remove & c.SRE_FLAG_MULTILINE

    def _anchor(self, where: Any, ml: bool) -> bool:
        """Whether an ``AT`` node anchors at the line's start or end (not a word boundary)."""
        c = self.c
        if where is c.AT_BEGINNING or where is c.AT_END:
            return not ml
        return where in (c.AT_BEGINNING_STRING, c.AT_END_STRING)

    def node(self, op: Any, av: Any, state: State, ml: bool) -> State:
        """A node that ``piece`` could not summarise: it holds an anchor or a lookahead."""
        c = self.c
        if op is c.AT:
            return self._at(av, state, ml)
        if op is c.SUBPATTERN:
            return self.seq(list(av[-1]), state, self._multiline(av, ml))
        if op is c.ATOMIC_GROUP:
            return self.seq(list(av), state, ml)
        if op is c.BRANCH:
            out: State = {}
            for alt in av[1]:
                out = _union(out, self.seq(list(alt), state, ml))
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            return self._repeat(lo, INF if hi == c.MAXREPEAT else hi, list(sub), state, ml)
        if op is c.ASSERT and av[0] == 1:
            return self._lookahead(list(av[1]), state, ml)
        if op is c.GROUPREF_EXISTS:
            _, yes, no = av
            taken = self.seq(list(yes), state, ml)
            return _union(taken, self.seq(list(no), state, ml) if no else state)
        raise AssertionError(f"not a node with an anchor or lookahead: {op}")

    def _class(self, items: Tree) -> dict[tuple[int, int], tuple[int, int]]:
        """The pieces one character of a class can be: a space, a non-space, or either."""
        c = self.c
        negated = bool(items) and items[0][0] is c.NEGATE
        space = other = False
        covered: set[int] = set()  # the spaces the items name
        for op, av in items[1:] if negated else items:
            if op is c.LITERAL:
                is_space = av in self._spaces
                space, other = space or is_space, other or not is_space
                if is_space:
                    covered.add(av)
            elif op is c.RANGE:
                inside = {s for s in self._spaces if av[0] <= s <= av[1]}
                covered |= inside
                space = space or bool(inside)
                other = other or av[1] - av[0] + 1 > len(inside)
            elif op is c.CATEGORY and av is c.CATEGORY_SPACE:
                space = True
                covered |= self._spaces
            elif op is c.CATEGORY and av in (
                c.CATEGORY_NOT_SPACE,
                c.CATEGORY_DIGIT,
                c.CATEGORY_WORD,
            ):
                other = True
            else:
                space = other = True
        if negated:
            space, other = not self._spaces <= covered, True
        out: dict[tuple[int, int], tuple[int, int]] = {}
        if space:
            out.update(_ONE[S])
        if other:
            out.update(_ONE[N])
        return out

    def _at(self, where: Any, state: State, ml: bool) -> State:
        """An anchor (see ``_anchor``): at the start nothing came before, at the end only
        white space (a final newline) comes after."""
        if where in (self.c.AT_BEGINNING, self.c.AT_BEGINNING_STRING):
            return {k: v for k, v in state.items() if k[0] == E}
        return {(f, last, True): v for (f, last, _), v in state.items()}

    def _lookahead(self, items: Tree, state: State, ml: bool) -> State:
        """Each state narrowed to the lines the lookahead, seen from there, allows."""
        out: State = {}
        for key, span in state.items():
            seen = _line(self.seq(items, {key: span}, ml))
            if seen is None:
                continue  # the lookahead cannot hold after this text
            lo, hi = max(span.line_lo, seen[0]), min(span.line_hi, seen[1])
            if lo <= hi:
                out[key] = Span(span.lo, span.hi, lo, hi)
        return out

    def _repeat(self, lo: int, hi: int, sub: Tree, state: State, ml: bool) -> State:
        """``sub`` lo..hi times: exactly up to ``MAX_ITERATIONS``, then widened."""
        for n in range(lo):
            if n >= MAX_ITERATIONS:
                return self._closure(state, sub, ml)  # lo or more: any number more
            state = self.seq(sub, state, ml)
        acc = state
        for n in range(hi - lo if hi < INF else INF):
            if n >= MAX_ITERATIONS:
                return self._closure(acc, sub, ml)
            grown = _union(acc, self.seq(sub, acc, ml))
            if grown == acc:
                return acc
            acc = grown
        return acc

    def _closure(self, state: State, sub: Tree, ml: bool) -> State:
        """``state`` followed by ``sub`` any number of times, counts that grow widened."""
        acc = state
        for _ in range(4 * MAX_ITERATIONS):
            grown = _union(acc, self.seq(sub, acc, ml))
            if grown == acc:
                return acc
            acc = {k: _widen(acc.get(k), v) for k, v in grown.items()}
        return {k: Span(0, INF, 0, INF) for k in acc}


def _widen(old: Span | None, new: Span) -> Span:
    """``new``, with every bound that grew since ``old`` taken to no bound (a new key
    keeps its bounds once: the keys are few, so this ends)."""
    if old is None:
        return new
    hi = new.hi if new.hi <= old.hi else INF
    return Span(new.lo, hi, new.line_lo, new.line_hi if new.line_hi <= old.line_hi else INF)


@lru_cache(maxsize=1)
def _split_space_codes() -> frozenset[int]:
    return frozenset(map(ord, pattern_tree.split_spaces()))
