"""The result types: what was kept, what was removed, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The taxonomy of junk; every removal names one of these."""

    ADVERTISEMENT = "advertisement"
    CAPTION = "caption"
    CREDIT = "credit"
    RELATED = "related"
    SHARE = "share"
    SUBSCRIBE = "subscribe"
    COUNTER = "counter"
    SOURCE = "source"
    TIMESTAMP = "timestamp"
    DUPLICATE = "duplicate"
    NAVIGATION = "navigation"
    LEGAL = "legal"
    COMMENTS = "comments"


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed input line and the reason it went.

    ``score`` is how surely the line is junk (0..1); ``rule`` is a rule id or ``"scorer"``.
    """

    line_no: int
    text: str
    kind: Kind
    rule: str
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class LineDecision:
    """The verdict on one input line, kept or not, for ``explain``."""

    line_no: int
    text: str
    keep: bool
    kind: Kind | None
    rule: str | None
    score: float
    reason: str
    label: str = ""

    @property
    def action(self) -> str:
        return "keep" if self.keep else "drop"


@dataclass(frozen=True)
class CleanResult:
    """The article (``text``) plus an account of every removed line.

    When the decision would have emptied the document, ``text`` is the input unchanged,
    ``flagged`` is true and ``flag_reason`` says why; ``removed`` is then empty.
    """

    text: str
    removed: list[Removal]
    flagged: bool = False
    flag_reason: str | None = None
    language: str | None = None
    lines: list[LineDecision] = field(default_factory=list, repr=False)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.removed)

    def counts(self) -> dict[str, int]:
        """Removed lines per kind, for summaries."""
        out: dict[str, int] = {}
        for r in self.removed:
            out[r.kind.value] = out.get(r.kind.value, 0) + 1
        return out
