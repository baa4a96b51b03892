"""Set-level figures from per-page results: each set's own metric, snippets, damage, counts.

Shared by the sections so that a number printed in two places is computed once, one way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce

from .damage import Damage
from .datasets import ARTICLE, Dataset
from .metrics import PRF, DocScore, SegmentCounts, aggregate
from .runner import DocResult

ASIS, AFTER, ORACLE = "asis", "after", "oracle"


def _shingles(docs: Sequence[DocResult], stage: str) -> list[DocScore] | None:
    scores = [getattr(d, stage) for d in docs]
    return None if not scores or any(s is None for s in scores) else scores


def _segments(docs: Sequence[DocResult], stage: str) -> SegmentCounts | None:
    counts = [getattr(d, f"segments_{stage}") for d in docs]
    if not counts or any(c is None for c in counts):
        return None
    return reduce(SegmentCounts.__add__, counts, SegmentCounts())


def prf(docs: Sequence[DocResult], stage: str, metric: str) -> PRF | None:
    """The set's own metric at a stage (as-is, after cleaning, oracle): shingle P/R averaged
    over documents, or segment P/R pooled; None when the stage was not run."""
    if metric == "shingle":
        scores = _shingles(docs, stage)
        return None if scores is None else aggregate(scores)
    if stage == ORACLE:
        return None
    counts = _segments(docs, stage)
    return None if counts is None else counts.prf()


def snippets(docs: Sequence[DocResult], stage: str) -> SegmentCounts | None:
    """Pooled with/without counts (WCXB snippets, trafilatura-eval segments)."""
    return _segments(docs, stage)


def damage(docs: Sequence[DocResult]) -> Damage | None:
    """Damage pooled over the documents; None when it is unknown (not cleaned)."""
    known = [d.damage for d in docs if d.damage is not None]
    return Damage.of(known) if known else None


@dataclass(frozen=True)
class Counts:
    """Run statistics of one input: errors, documents changed by a second clean, CPU time."""

    docs: int
    errors: int
    unstable: int
    ms_per_doc: float
    first_error: str | None


def counts(docs: Sequence[DocResult]) -> Counts:
    """Errors, idempotency failures and CPU milliseconds per document."""
    errors = [f"{d.page.id[:12]}: {d.error}" for d in docs if d.error]
    return Counts(
        len(docs),
        len(errors),
        sum(d.changed_again for d in docs),
        1000 * sum(d.seconds for d in docs) / len(docs) if docs else 0.0,
        errors[0] if errors else None,
    )


def recall_down(docs: Sequence[DocResult]) -> int:
    """Documents whose recall went down at all (shingle or segment recall)."""
    return sum(1 for d in docs if d.damage is not None and d.damage.drop > 0)


def type_columns(dataset: Dataset) -> list[str]:
    """Column heads of a by-page-type table: ``article (793)``, the other types by name,
    then ``all (1497)``."""
    types = _types(dataset)
    sizes = [sum(1 for p in dataset.pages if (p.page_type or "unknown") == t) for t in types]
    heads = [f"{t} ({n})" for t, n in zip(types, sizes, strict=True)]
    return [*heads, f"all ({len(dataset.pages)})"]


def by_type(dataset: Dataset, docs: list[DocResult]) -> list[list[DocResult]]:
    """``docs`` split as ``type_columns`` heads them (the last part is all of them)."""
    return [[d for d in docs if (d.page.page_type or "unknown") == t] for t in _types(dataset)] + [
        docs
    ]


def _types(dataset: Dataset) -> list[str]:
    return sorted(
        {p.page_type or "unknown" for p in dataset.pages}, key=lambda t: (t != ARTICLE, t)
    )
