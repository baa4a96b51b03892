"""Upper bound for a line-dropping cleaner: the best line subset per document.

Exact search is exponential, so this is a greedy hill-climb: sweep the lines, toggling (dropping
or restoring) any line whose toggle raises the document's shingle F1, until a sweep changes
nothing (best-improvement steps gave the same scores on the dev half, 20× slower). One
document's F1 is ``2·TP / (|pred| + |true|)`` in raw shingle counts, so only TP and |pred| need
tracking, and a toggle changes only the 4-grams touching that line (plus 3 tokens of context on
each side), which keeps every move O(line length) instead of O(document).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Sequence

from .metrics import NGRAM, Shingle, shingles, tokenize

METHOD = "greedy first-improvement hill-climb over line drops/restores, per document"


def _grams(tokens: Sequence[str]) -> Counter[Shingle]:
    """Only full n-grams: used on local windows, never on a whole short text."""
    return Counter(tuple(tokens[i : i + NGRAM]) for i in range(len(tokens) - NGRAM + 1))


class _State:
    def __init__(self, true: Counter[Shingle], toks: list[list[str]]) -> None:
        self.true, self.toks = true, toks
        self.kept = [True] * len(toks)
        # kept lines that hold tokens, in order: what _context walks (dropped lines are
        # skipped by a binary search instead of a walk, which on a whole page's text,
        # mostly dropped, made every move cost the length of the page)
        self.live = [i for i, tk in enumerate(toks) if tk]
        self.n_true = sum(true.values())
        self._rebuild()

    def _rebuild(self) -> None:
        flat = [t for tk, k in zip(self.toks, self.kept, strict=True) if k for t in tk]
        self.pred = shingles(flat)
        self.n_tokens = len(flat)
        self.tp = sum(min(c, self.true.get(g, 0)) for g, c in self.pred.items())
        self.n_pred = sum(self.pred.values())

    def f1(self, tp: int, n_pred: int) -> float:
        return 2 * tp / (n_pred + self.n_true) if n_pred + self.n_true else 1.0

    def _context(self, i: int, step: int) -> list[str]:
        """Up to NGRAM-1 kept tokens before (step=-1) or after (step=1) line i."""
        out: list[str] = []
        live = self.live
        if step < 0:
            at = bisect_left(live, i) - 1
            while at >= 0 and len(out) < NGRAM - 1:
                out = self.toks[live[at]][-(NGRAM - 1) :] + out
                at -= 1
            return out[-(NGRAM - 1) :]
        at = bisect_right(live, i)
        while at < len(live) and len(out) < NGRAM - 1:
            out += self.toks[live[at]]
            at += 1
        return out[: NGRAM - 1]

    def delta(self, i: int) -> tuple[Counter[Shingle], int, int]:
        """Shingle delta, new TP and new |pred| if line i were toggled."""
        line = self.toks[i]
        new_tokens = self.n_tokens + (-len(line) if self.kept[i] else len(line))
        if self.n_tokens < NGRAM or new_tokens < NGRAM:  # short-text rule: recompute whole
            flat = [
                t
                for j, (tk, k) in enumerate(zip(self.toks, self.kept, strict=True))
                if (k != (j == i))
                for t in tk
            ]
            d = shingles(flat)
            d.subtract(self.pred)
        else:
            before, after = self._context(i, -1), self._context(i, 1)
            with_line, without = _grams(before + line + after), _grams(before + after)
            d = without if self.kept[i] else with_line
            d.subtract(with_line if self.kept[i] else without)
        tp, n_pred = self.tp, self.n_pred
        for g, c in d.items():
            if c:
                t, p = self.true.get(g, 0), self.pred.get(g, 0)
                tp += min(t, p + c) - min(t, p)
                n_pred += c
        return d, tp, n_pred

    def apply(self, i: int, d: Counter[Shingle], tp: int, n_pred: int) -> None:
        self.kept[i] = not self.kept[i]
        if self.toks[i]:
            if self.kept[i]:
                insort(self.live, i)
            else:
                del self.live[bisect_left(self.live, i)]
        self.pred.update(d)  # counts may reach 0 and stay as keys: lookups treat it as absent
        self.tp, self.n_pred = tp, n_pred
        self.n_tokens += len(self.toks[i]) if self.kept[i] else -len(self.toks[i])


def best_lines(truth: str, text: str) -> list[bool]:
    """Keep-mask over ``text.split('\\n')`` that (greedily) maximises this document's F1."""
    toks = [tokenize(line) for line in text.split("\n")]
    st = _State(shingles(tokenize(truth)), toks)
    cur = st.f1(st.tp, st.n_pred)
    changed = True
    while changed:  # sweep until a full pass toggles nothing: a local optimum
        changed = False
        for i, tk in enumerate(toks):
            if not tk:  # token-less lines cannot change any shingle
                continue
            d, tp, n_pred = st.delta(i)
            if (f := st.f1(tp, n_pred)) > cur + 1e-12:
                st.apply(i, d, tp, n_pred)
                cur, changed = f, True
    return st.kept


def oracle_text(truth: str, text: str) -> str:
    """The input with the oracle's dropped lines removed."""
    lines = text.split("\n")
    return "\n".join(x for x, k in zip(lines, best_lines(truth, text), strict=True) if k)
