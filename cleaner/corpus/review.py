"""What a report keeps of one cleaned document (``Outcome``): its counts, what it lost,
and, for the HTML report's document view, a bounded view of its lines, kept and removed
in place.

Outcomes and views are made in the worker that cleaned the document, from its per-line
decisions, and are bounded there: a report of a huge corpus holds a few views, each of a
fixed size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..result import CleanResult, LineDecision, LineDecisions, Removal
from ..schema import removal_dict


@dataclass(frozen=True)
class ReviewLimits:
    """How much of a run a report shows: whatever the corpus, a reviewer gets the same few
    documents to read, and the page stays small enough to open in any browser."""

    worst: int = 20  # documents shown because they lost the largest share of their words
    sample: int = 20  # documents shown as a sample of all those that lost something
    view_lines: int = 100  # lines with text shown per document: a long news article
    view_chars: int = 10_000  # characters shown per document (~1 700 words)
    line_chars: int = 600  # characters shown per line (~100 words); the rest is cut, counted
    context: int = 2  # kept lines shown around removals; the page folds away the rest, and a
    # document too long to show whole keeps only these (the others are counted)
    rules_shown: int = 25  # rules in the "fired most" chart (every kind is always shown)
    messages_shown: int = 20  # errors and skipped files listed; the rest are counted


LIMITS = ReviewLimits()


def words(text: str) -> int:
    """Words as the report counts them: runs of non-space characters."""
    return len(text.split())


@dataclass(frozen=True)
class Outcome:
    """What cleaning one document did, without the document: all a report needs. Workers
    send this back, not the CleanResult, whose per-line decisions weigh several times the
    document (and would be pickled across processes for nothing)."""

    changed: bool
    flagged: bool
    counts: dict[str, int]  # lines removed, by kind
    removed: tuple[Removal, ...]  # empty unless asked for (--verbose, --report)
    warnings: tuple[str, ...]
    lines: int = 0  # lines with text
    words: int = 0
    # (rule, kind): (lines, words) removed. Counted always, so that a report needs no
    # ``removed``: a file's removals (a JSONL file's may be millions) stay in the worker.
    by_rule: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    view: tuple[ViewLine, ...] | None = None  # for a changed document, if asked for

    @classmethod
    def of(cls, result: CleanResult, keep_removed: bool, views: bool = False) -> Outcome:
        """``keep_removed``: keep every removal; ``views``: a changed document's view."""
        lines = result.lines
        texts = lines.texts() if isinstance(lines, LineDecisions) else (d.text for d in lines)
        n_lines = n_words = 0
        for text in texts:
            n_lines += bool(text.strip())
            n_words += words(text)
        by_rule: dict[tuple[str, str], tuple[int, int]] = {}
        for r in result.removed:
            n, w = by_rule.get((r.rule, r.kind.value), (0, 0))
            by_rule[r.rule, r.kind.value] = (n + 1, w + words(r.text))
        return cls(
            result.changed,
            result.flagged,
            result.counts(),
            tuple(result.removed) if keep_removed else (),
            tuple(result.warnings),
            n_lines,
            n_words,
            by_rule,
            view(result) if views and result.changed else None,
        )

    @property
    def words_removed(self) -> int:
        return sum(w for _, w in self.by_rule.values())


@dataclass(frozen=True, slots=True)
class ViewLine:
    """One line of a document view: kept (``removal`` None) or removed. ``text`` may be
    cut to the limit; ``cut`` counts the characters left out. ``hidden`` > 0 marks a run
    of that many kept lines, from ``line_no`` on, that the view leaves out."""

    line_no: int
    text: str = ""
    removal: Removal | None = None
    cut: int = 0
    hidden: int = 0

    def to_json(self) -> dict[str, Any]:
        """A kept line is ``{"line_no", "text"}``, a removed one a removal record (with its
        text as shown); ``cut`` and ``hidden`` appear when they are not 0."""
        if self.hidden:
            return {"line_no": self.line_no, "hidden": self.hidden}
        out = (
            removal_dict(self.removal) | {"text": self.text}
            if self.removal is not None
            else {"line_no": self.line_no, "text": self.text}
        )
        return out | ({"cut": self.cut} if self.cut else {})


def view(result: CleanResult, limits: ReviewLimits = LIMITS) -> tuple[ViewLine, ...]:
    """The document's lines with text, kept and removed, within ``limits``.

    A document that fits is shown whole. A longer one keeps every removed line with
    ``context`` kept lines around it, the kept runs between them counted, not shown; what
    still does not fit is counted in one closing ``hidden`` line.
    """
    removed = {r.line_no: r for r in result.removed}
    lines = [d for d in result.lines if d.text.strip()]
    items: Sequence[LineDecision | ViewLine] = lines
    if len(lines) > limits.view_lines or sum(len(d.text) for d in lines) > limits.view_chars:
        items = _near_removals(lines, removed, limits.context)
    return tuple(_bounded(items, removed, limits))


def _near_removals(
    lines: Sequence[LineDecision], removed: dict[int, Removal], context: int
) -> list[LineDecision | ViewLine]:
    """The lines removed or within ``context`` lines of one; each run of other lines
    becomes one ``hidden`` line that counts them."""
    near: set[int] = set()
    for i, d in enumerate(lines):
        if d.line_no in removed:
            near.update(range(max(0, i - context), i + context + 1))
    out: list[LineDecision | ViewLine] = []
    for i, d in enumerate(lines):
        gap = out[-1] if out and isinstance(out[-1], ViewLine) else None
        if i in near:
            out.append(d)
        elif gap is not None:
            out[-1] = ViewLine(gap.line_no, hidden=gap.hidden + 1)
        else:
            out.append(ViewLine(d.line_no, hidden=1))
    return out


def _bounded(
    items: Sequence[LineDecision | ViewLine], removed: dict[int, Removal], limits: ReviewLimits
) -> Iterator[ViewLine]:
    """View lines with text cut at ``line_chars``, and the whole cut at ``view_lines`` and
    ``view_chars``: the lines past that are counted in one closing ``hidden`` line."""
    chars = shown = 0
    for n, item in enumerate(items):
        if isinstance(item, ViewLine):
            yield item
            continue
        if shown == limits.view_lines or chars == limits.view_chars:
            rest = sum(x.hidden if isinstance(x, ViewLine) else 1 for x in items[n:])
            yield ViewLine(item.line_no, hidden=rest)
            return
        text = item.text[: min(limits.line_chars, limits.view_chars - chars)]
        chars += len(text)
        shown += 1
        yield ViewLine(item.line_no, text, removed.get(item.line_no), len(item.text) - len(text))
