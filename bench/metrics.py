"""The benchmarks' metrics, re-implemented to match their upstream evaluators exactly.

article-extraction-benchmark (scrapinghub, ``evaluate.py``): ``\\w+`` tokens, 4-gram shingles with
counts, per-document TP/FP/FN normalised to sum 1, P and R averaged over documents, F1 from the
averages (WCXB's ``main_content`` is scored the same way). trafilatura-eval
(``tests/comparison.py``): whitespace-normalised substring matching of ``with``/``without``
segments, P/R/F1 over all segments pooled (WCXB's snippets are counted the same way).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TOKEN_RE = re.compile(r"\w+")
NGRAM = 4

Shingle = tuple[str, ...]


def tokenize(text: str | None) -> list[str]:
    """Upstream tokenisation: case-sensitive ``\\w+`` matches."""
    return TOKEN_RE.findall(text or "")


def shingles(tokens: Sequence[str], n: int = NGRAM) -> Counter[Shingle]:
    """Counted n-grams; a text shorter than n tokens is one short shingle (as upstream)."""
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


@dataclass(frozen=True)
class DocScore:
    """Normalised (tp, fp, fn) of one document; they sum to 1 unless both texts are empty."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted: upstream leaves such documents out of precision."""
        if self.tp + self.fp == 0:
            return None
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """None when the ground truth is empty (left out of recall, symmetric to precision)."""
        if self.tp + self.fn == 0:
            return None
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Per-document F1, for ranking documents (0 when either side is missing)."""
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def counts_score(true: Counter[Shingle], pred: Counter[Shingle]) -> DocScore:
    """TP/FP/FN over shingle counts, normalised so that long documents weigh no more.

    TP is the shared count of each shingle (its minimum on both sides); FP and FN are what
    is left of the prediction's and of the truth's totals.
    """
    small, big = (true, pred) if len(true) <= len(pred) else (pred, true)
    tp = sum(min(c, big[k]) for k, c in small.items() if k in big)
    fp = pred.total() - tp
    fn = true.total() - tp
    total = tp + fp + fn
    if total == 0:  # both empty: a perfect (and weightless) match
        return DocScore(1.0, 0.0, 0.0)
    return DocScore(tp / total, fp / total, fn / total)


def shingle_score(true: str, pred: str) -> DocScore:
    """Score one document's predicted article body against its ground truth."""
    return counts_score(shingles(tokenize(true)), shingles(tokenize(pred)))


@dataclass(frozen=True)
class PRF:
    """Aggregate precision, recall and F1."""

    precision: float
    recall: float
    f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def aggregate(scores: Iterable[DocScore]) -> PRF:
    """Average P and R over documents (skipping undefined ones), then F1 from the averages."""
    scores = list(scores)
    p = _mean([s.precision for s in scores if s.precision is not None])
    r = _mean([s.recall for s in scores if s.recall is not None])
    return PRF(p, r, _f1(p, r))


def normalize_ws(text: str) -> str:
    """Collapse every whitespace run to one space and trim, as trafilatura's evaluation does."""
    return " ".join(text.split())


def line_share(line: str, truth_grams: dict[int, set[Shingle]]) -> float | None:
    """Share of a line's n-grams found in a ground truth's (``ngram_sets``), n = min(4,
    its length); None for a line without tokens. Used to list lines for reading, not as
    a metric."""
    toks = tokenize(line)
    if not toks:
        return None
    n = min(NGRAM, len(toks))
    grams = [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]
    return sum(g in truth_grams[n] for g in grams) / len(grams)


def ngram_sets(truth: str) -> dict[int, set[Shingle]]:
    """The n-gram sets (n = 1..4) of a ground truth, for ``line_share``."""
    toks = tokenize(truth)
    return {n: {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)} for n in range(1, 5)}


@dataclass
class SegmentCounts:
    """TP/FN/FP/TN over trafilatura-eval segments (or WCXB snippets): of one page, or
    pooled over pages with ``+``."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    @classmethod
    def of(cls, result: str | None, with_: Iterable[str], without: Iterable[str]) -> SegmentCounts:
        """The counts of one page."""
        counts = cls()
        counts.add(result, with_, without)
        return counts

    def __add__(self, other: SegmentCounts) -> SegmentCounts:
        return SegmentCounts(
            self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn
        )

    @property
    def with_found(self) -> float | None:
        """Share of ``with`` segments found (a page's segment recall); None without any."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def without_found(self) -> float | None:
        """Share of ``without`` segments found (boilerplate kept); None without any."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else None

    def add(self, result: str | None, with_: Iterable[str], without: Iterable[str]) -> None:
        """Count one page: ``with`` segments should be in the result, ``without`` ones not."""
        text = normalize_ws(result or "")
        for seg in with_:
            if normalize_ws(seg) in text:
                self.tp += 1
            else:
                self.fn += 1
        for seg in without:
            if normalize_ws(seg) in text:
                self.fp += 1
            else:
                self.tn += 1

    def prf(self) -> PRF:
        """P/R/F1 over all segments together."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return PRF(p, r, _f1(p, r))
