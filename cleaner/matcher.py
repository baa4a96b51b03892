"""Matching lines against a fixed set of rules, fast: the first rule, in load order, that
hits (see ``Matcher``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import casefold, memo, pattern_tree, prefilter
from .rule import Rule


class Matcher:
    """Matches lines against a fixed set of rules: the first rule, in load order, that hits.

    Hot path (one call per line, most lines hit nothing), so a rule's regex runs only on
    lines it could match (see ``prefilter``):

    - a rule anchored at the line's start with enumerable first characters is indexed by
      its possible first characters (up to four; casefolded, digits as 0, spaces as one);
      one dict lookup on the line's own start gives the few rules worth trying;
    - every other rule is tried only when the casefolded line contains one of the literals
      its every match must contain (a rule with none is always tried);
    - a rule that opens by counting words ("at most ten words") is skipped for lines with
      a word count outside its range: long paragraphs skip most rules without a search;
    - a rule that needs one of a few punctuation marks (a menu's bars, a breadcrumb's
      arrows) is skipped for lines without them.

    Each test is a bit mask over the rules (bit i: rule i), so the tests of all rules are
    a few integer operations per line: the literals of every rule are found by one scan
    of the line and one of its casefolded form (``prefilter.LiteralScan``), word ranges
    and line starts are looked up. Candidates are tried in load order, so the answer is
    exactly the first matching rule's. Results are remembered per line text (bounded): the
    pipeline's second pass and boilerplate repeated across documents cost one dict lookup.
    """

    CACHE_SIZE = 8192

    def __init__(self, rules: Sequence[Rule], lists: dict[str, list[str]]) -> None:
        self.rules = list(rules)
        plans = _plans(self.rules, lists)
        self._unkeyed = tuple(i for i, p in enumerate(plans) if p.keys is None)
        self._bounds = [p.words for p in plans]
        self._keyed: dict[str, list[int]] = {}
        for i, p in enumerate(plans):
            for k in p.keys or ():
                self._keyed.setdefault(k, []).append(i)
        self._by_key: dict[str, _Group] = {}
        self._by_start: dict[str, _Group] = {}
        self._cache: dict[str, Rule | None] = {}
        self._fits: dict[int, int] = {}
        self._every = (1 << len(plans)) - 1
        # What a line meets, two bits per rule: bit i when it holds one of rule i's marks
        # (or the rule needs none), bit n + i when one of its needed literals (or none).
        n = self._n = len(plans)
        self._cs: dict[str, int] = {}
        self._ci: dict[str, int] = {}
        self._free = 0
        for i, p in enumerate(plans):
            for bit, need in ((1 << i, p.marks), (1 << (n + i), p.need)):
                if need is None:
                    self._free |= bit
                    continue
                for lit in need[0]:
                    self._cs[lit] = self._cs.get(lit, 0) | bit
                for lit in need[1]:
                    self._ci[lit] = self._ci.get(lit, 0) | bit
        # The rules that some literal or mark must let through (the others need none).
        self._scanned = sum(1 << i for i in range(n) if ~self._free & (1 << i | 1 << (n + i)))
        self._scans: dict[int, _Scans] = {}

    def candidates(self, text: str) -> tuple[int, ...]:
        """Indices (into ``rules``) of the rules that could match at ``text``'s start."""
        return self._group(text).all

    def _group(self, text: str) -> _Group:
        """The candidates for ``text``'s start, remembered per start as written (its key,
        ``prefilter.line_key``, is made of those characters alone) and per key (bounded)."""
        start = text[: prefilter.MAX_K]
        found = self._by_start.get(start)
        if found is None:
            found = self._keyed_group(prefilter.line_key(start) if self._keyed else "")
            if len(self._by_start) >= self.CACHE_SIZE:
                self._by_start.clear()
            self._by_start[start] = found
        return found

    def _keyed_group(self, key: str) -> _Group:
        """The candidates for a line whose start has the key ``key``."""
        found = self._by_key.get(key)
        if found is None:
            keyed = (self._keyed.get(key[:n], ()) for n in range(1, len(key) + 1))
            ids = tuple(sorted({*self._unkeyed, *(i for ids in keyed for i in ids)}))
            found = _Group(ids, sum(1 << i for i in ids))
            if len(self._by_key) >= self.CACHE_SIZE:
                self._by_key.clear()
            self._by_key[key] = found
        return found

    def match(self, text: str, warnings: list[str] | None = None) -> Rule | None:
        """The first rule (in load order) matching ``text``, or None.

        A rule that times out counts as not matching and leaves a warning.
        """
        cache = self._cache
        hit = cache.get(text, _MISS)
        if hit is not _MISS:
            return hit  # type: ignore[return-value]
        found, timed_out = self._search(text, warnings, first=True)
        if not timed_out:  # a timeout may not repeat: look again next time
            if len(cache) >= self.CACHE_SIZE:
                cache.clear()
            cache[text] = found[0] if found else None
        return found[0] if found else None

    def matches(self, text: str, warnings: list[str] | None = None) -> list[Rule]:
        """Every rule matching ``text``, in load order: the first is ``match``'s answer.

        For ``rules check``'s dry run, which must say what ``clean`` does: it takes the
        same path (the same filter, the same order).
        """
        return self._search(text, warnings, first=False)[0]

    def _search(
        self, text: str, warnings: list[str] | None, first: bool
    ) -> tuple[list[Rule], bool]:
        """The matching rules among those ``tried`` (the first only, if ``first``), and
        whether any rule timed out (it counts as no match and leaves a warning)."""
        found: list[Rule] = []
        timed_out = False
        for i in self.tried(text):
            rule = self.rules[i]
            try:
                if rule.search(text):
                    found.append(rule)
                    if first:
                        break
            except TimeoutError:
                timed_out = True
                if warnings is not None:
                    warnings.append(
                        f"rule {rule.id!r} ({rule.source}) timed out after {rule.timeout}s"
                    )
        return found, timed_out

    def tried(self, text: str) -> list[int]:
        """Indices of the rules whose regex runs on ``text`` (in load order): the candidates
        that its word count and the literals it holds do not rule out.

        The literals looked for are those of the candidates alone: a long paragraph, which
        most rules' word ranges rule out, is scanned for the few literals of the others.
        """
        left = self._group(text).mask & self._fitting(prefilter.words(text))
        scans = self._scans_of(left & self._scanned)
        met = self._free
        if scans.cs is not None:
            met |= scans.cs(text)
        if scans.ci is not None:
            met |= scans.ci(casefold.fold(text))
        left &= met & met >> self._n
        out: list[int] = []
        while left:
            low = left & -left
            out.append(low.bit_length() - 1)
            left ^= low
        return out

    def _scans_of(self, rules: int) -> _Scans:
        """The literal scans for the rules in the mask ``rules`` (remembered per mask: the
        masks are few, as the candidates follow from a line's start and word count)."""
        found = self._scans.get(rules)
        if found is None:
            bits = rules | rules << self._n
            cs, ci = (
                {k: m & bits for k, m in lits.items() if m & bits} for lits in (self._cs, self._ci)
            )
            found = _Scans(
                prefilter.LiteralScan(cs) if cs else None,
                prefilter.LiteralScan(ci) if ci else None,
            )
            if len(self._scans) >= self.CACHE_SIZE:
                self._scans.clear()
            self._scans[rules] = found
        return found

    def _fitting(self, words: int | None) -> int:
        """The rules whose word range holds ``words`` (every rule when it is None)."""
        if words is None:
            return self._every
        mask = self._fits.get(words)
        if mask is None:
            mask = sum(
                1 << i
                for i, (lo, hi) in enumerate(self._bounds)
                if lo <= words and (hi is None or words <= hi)
            )
            if len(self._fits) < self.CACHE_SIZE:
                self._fits[words] = mask
        return mask


_MISS = object()


@dataclass(frozen=True, slots=True)
class _Group:
    """The candidate rules for one line start, in load order and as a bit mask."""

    all: tuple[int, ...]
    mask: int


@dataclass(frozen=True, slots=True)
class _Scans:
    """The literal scans of some rules: of the line as written and of its casefolded form
    (None: no literal to look for)."""

    cs: prefilter.LiteralScan | None
    ci: prefilter.LiteralScan | None


@dataclass(frozen=True)
class _Plan:
    """What the Matcher knows of a pattern before running it (see ``prefilter``)."""

    keys: frozenset[str] | None  # normalised line starts it can match at; None: any
    need: tuple[frozenset[str], frozenset[str]] | None  # (raw, casefolded) literals, one needed
    words: tuple[int, int | None]  # fewest and most words of a line it can match
    marks: tuple[frozenset[str], frozenset[str]] | None = None  # see below


def _plans(rules: Sequence[Rule], lists: dict[str, list[str]]) -> tuple[_Plan, ...]:
    """Each rule's plan (the analyses are kept across processes: see ``memo``).

    ``marks`` are the punctuation marks (raw, casefolded) a match needs, when it needs
    some other than ``need``: a separated menu's bars or bullets, a breadcrumb's arrows.
    Few lines hold them, so most lines rule such a rule out.
    """
    # What the analysis can use here: the standard parser, regex's case data. Without them
    # it trusts less, so a plan made with them must not serve where they are missing.
    analyses = (pattern_tree.available(), casefold.table() is not None)
    calls = tuple(
        (r.pattern, r.ignore_case, pattern_tree.list_key(r.pattern, lists)) for r in rules
    )
    return _analysed_all(calls, analyses)


@memo.persistent("rules.plans")
def _analysed_all(
    calls: tuple[tuple[str, bool, pattern_tree.ListKey], ...], analyses: tuple[bool, bool]
) -> tuple[_Plan, ...]:
    """The plans of a whole set of rules: one entry, read in one query where one per rule
    would cost a query each before the first line; a set not seen before is made of each
    rule's own entry, so a rule added costs only its own analysis."""
    return tuple(_analysed(*call, analyses) for call in calls)


@memo.persistent("rules.plan")
def _analysed(
    pattern: str, ignore_case: bool, list_key: pattern_tree.ListKey, analyses: tuple[bool, bool]
) -> _Plan:
    lists = {name: list(words) for name, words in list_key}
    keys = prefilter.prefix_keys(pattern, lists)
    words = prefilter.word_bounds(pattern, lists)
    need = None if keys is not None else prefilter.required_literals(pattern, lists, ignore_case)
    marks = prefilter.required_marks(pattern, lists, ignore_case)
    return _Plan(keys, need, words, marks if marks != need else None)
