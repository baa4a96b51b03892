"""The scorer's verdict on one line, and the words it is told in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .features import checked_frozen
from .heuristics import TopicParams
from .lineclass import LineClass
from .result import Kind


class Region(StrEnum):
    """Where a line stands relative to the article's span."""

    HEAD = "head"  # before it
    BODY = "body"
    TAIL = "tail"  # after it


class Side(StrEnum):
    """A side of the article, as walked outward from it."""

    BEFORE = "before"
    AFTER = "after"


@dataclass(slots=True)
class Assessment:
    """The scorer's view of one line; ``kind`` is set when the scorer calls it junk."""

    cls: LineClass = LineClass.BLANK
    wrapped: bool = False  # a piece of a hard-wrapped paragraph (see ``lineclass.unwrap``)
    overlap: float | None = None  # see ``topic``; None: unknown
    region: Region = Region.BODY
    kind: Kind | None = None
    score: float = 0.0
    reason: str = ""
    # The kind is the side's, not the line's own: a line past the page furniture's start
    # is furniture of some kind, and navigation or related is a guess at which.
    side_kind: bool = False

    def on_topic(self, p: TopicParams) -> bool:
        """Known to share the article's words."""
        return self.overlap is not None and self.overlap >= p.on_topic

    def off_topic(self, p: TopicParams) -> bool:
        """Known to be about something else."""
        return self.overlap is not None and self.overlap < p.off_topic

    def judge(self, kind: Kind, score: float, reason: str, side_kind: bool = False) -> None:
        """Call the line junk of ``kind`` (``side_kind``: a guess from where it stands)."""
        self.kind, self.score, self.reason, self.side_kind = kind, score, reason, side_kind

    def overlap_text(self) -> str:
        """The overlap as a reason states it."""
        return "unknown" if self.overlap is None else f"{self.overlap:.2f}"


@checked_frozen
class Mark:
    """A line's removal: its kind, the rule id (or ``scorer``, ``html``), score and reason.

    Never changed once made, so one mark stands for every line a rule's ``cut`` or
    ``drop-run`` takes with the same words (a record may cut 100 000 lines).
    """

    kind: Kind
    rule: str
    score: float
    reason: str
