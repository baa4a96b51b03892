"""What a run removed, added up for the report: lines and words, by kind and by rule, the
share of each document removed, and the few documents a reviewer should read.

A ``Tally`` is kept per file and merged into the run's: everything in it is bounded
(counters by kind and rule, ten histogram bins, a fixed number of documents), so a corpus
of any size, or one JSONL file of a million records, costs the same memory.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .review import LIMITS, Outcome, ReviewLimits, ViewLine

SHARE_BINS = 10  # the histogram of the share of words removed: (0,10%], ..., (90,100%]


@dataclass(frozen=True, eq=False)
class Document:
    """One cleaned document that lost something, as the report's document view shows it."""

    path: str
    record: int | None  # its record number in a JSONL file
    lines: int  # lines with text
    lines_removed: int
    words: int
    words_removed: int
    view: tuple[ViewLine, ...]

    @property
    def share(self) -> float:
        """The share of its words that were removed."""
        return self.words_removed / self.words if self.words else 0.0

    @property
    def key(self) -> int:
        """A fixed pseudo-random number per document: the sample is the documents with the
        smallest keys, the same whatever the order or the number of workers."""
        name = f"{self.path}\0{self.record}".encode(errors="surrogateescape")
        return int.from_bytes(hashlib.blake2b(name, digest_size=8).digest(), "big")

    def rank(self) -> tuple[float, int, int, str, int]:
        """Order of loss: the share of words removed, then the words; ties fixed by key."""
        return (self.share, self.words_removed, self.key, self.path, self.record or 0)

    def to_json(self, why: list[str]) -> dict[str, Any]:
        return {
            "path": self.path,
            **({"record": self.record} if self.record is not None else {}),
            "why": why,
            "lines": self.lines,
            "lines_removed": self.lines_removed,
            "words": self.words,
            "words_removed": self.words_removed,
            "view": [v.to_json() for v in self.view],
        }


@dataclass
class Picks:
    """The documents shown: the ``worst`` that lost the largest share of their words, and
    a ``sample`` of all that lost something (the smallest keys). Both merge exactly."""

    limits: ReviewLimits = LIMITS
    worst: list[tuple[tuple[float, int, int, str, int], Document]] = field(default_factory=list)
    sample: list[tuple[int, str, int, Document]] = field(default_factory=list)  # key negated

    def offer(self, doc: Document) -> None:
        _keep_largest(self.worst, (doc.rank(), doc), self.limits.worst)
        _keep_largest(self.sample, (-doc.key, doc.path, doc.record or 0, doc), self.limits.sample)

    def merge(self, other: Picks) -> None:
        for _, doc in other.worst:
            _keep_largest(self.worst, (doc.rank(), doc), self.limits.worst)
        for item in other.sample:
            _keep_largest(self.sample, item, self.limits.sample)

    def documents(self) -> list[tuple[Document, list[str]]]:
        """The worst, most lost first, then the rest of the sample in path order; each
        with why it is shown (``worst``, ``sample``, or both)."""
        sampled = {id(item[-1]) for item in self.sample}
        worst = [doc for _, doc in sorted(self.worst, key=lambda x: x[0], reverse=True)]
        out = [(d, ["worst", "sample"] if id(d) in sampled else ["worst"]) for d in worst]
        shown = {id(d) for d in worst}
        rest = sorted(
            (item[-1] for item in self.sample if id(item[-1]) not in shown),
            key=lambda d: (d.path, d.record or 0),
        )
        return out + [(d, ["sample"]) for d in rest]


def _keep_largest(heap: list[Any], item: Any, n: int) -> None:
    """Push ``item`` onto the min-heap ``heap``, keeping its ``n`` largest items."""
    if len(heap) < n:
        heapq.heappush(heap, item)
    elif n and item[:-1] > heap[0][:-1]:
        heapq.heapreplace(heap, item)


@dataclass
class Tally:
    """Lines and words read and removed, by kind and rule, over any number of documents."""

    documents: int = 0
    changed: int = 0
    lines: int = 0
    words: int = 0
    lines_removed: int = 0
    words_removed: int = 0
    kind_words: Counter[str] = field(default_factory=Counter)
    rule_lines: Counter[tuple[str, str]] = field(default_factory=Counter)  # (rule, kind)
    rule_words: Counter[tuple[str, str]] = field(default_factory=Counter)
    shares: list[int] = field(default_factory=lambda: [0] * SHARE_BINS)
    picks: Picks = field(default_factory=Picks)

    def add(self, outcome: Outcome, path: str, record: int | None = None) -> None:
        """Count one document; one that lost something, with a view, is offered to the
        picks (``record``: its number in a JSONL file)."""
        self.documents += 1
        self.lines += outcome.lines
        self.words += outcome.words
        self.changed += outcome.changed
        self.lines_removed += sum(outcome.counts.values())
        gone = outcome.words_removed
        self.words_removed += gone
        for (rule, kind), (n, w) in outcome.by_rule.items():
            self.rule_lines[rule, kind] += n
            self.rule_words[rule, kind] += w
            self.kind_words[kind] += w
        if gone and outcome.words:
            self.shares[(gone * SHARE_BINS - 1) // outcome.words] += 1
        if outcome.view is not None:
            lost = sum(outcome.counts.values())
            doc = Document(path, record, outcome.lines, lost, outcome.words, gone, outcome.view)
            self.picks.offer(doc)

    def merge(self, other: Tally) -> None:
        self.documents += other.documents
        self.changed += other.changed
        self.lines += other.lines
        self.words += other.words
        self.lines_removed += other.lines_removed
        self.words_removed += other.words_removed
        self.kind_words.update(other.kind_words)
        self.rule_lines.update(other.rule_lines)
        self.rule_words.update(other.rule_words)
        self.shares = [a + b for a, b in zip(self.shares, other.shares, strict=True)]
        self.picks.merge(other.picks)

    def to_json(self) -> dict[str, Any]:
        rules = sorted(self.rule_lines.items(), key=lambda x: (-x[1], x[0]))
        return {
            "documents_read": self.documents,
            "documents_changed": self.changed,
            "lines": self.lines,
            "words": self.words,
            "lines_removed": self.lines_removed,
            "words_removed": self.words_removed,
            "words_removed_by_kind": dict(sorted(self.kind_words.items())),
            "removed_by_rule": [
                {"rule": rule, "kind": kind, "lines": n, "words": self.rule_words[rule, kind]}
                for (rule, kind), n in rules
            ],
            "share_removed_histogram": self.shares,
        }

    def documents_json(self) -> list[dict[str, Any]]:
        return [doc.to_json(why) for doc, why in self.picks.documents()]
