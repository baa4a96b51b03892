"""The scorer's verdict on one line, and the words it is told in."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from .frozen import checked_frozen
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


class Assessments:
    """The scorer's view of a document's lines, a column per field: ``out.cls[k]`` is
    the class of the view's line ``k``; ``kind`` is set when the scorer calls it junk.

    Columns, not an object a line: an ``Assessment`` object a line (104 bytes) cost a
    large record more than its size. Lists, read by position as fast as a field is read,
    but for the two flags (a byte a line).
    """

    __slots__ = ("cls", "kind", "overlap", "reason", "region", "score", "side_kind", "wrapped")

    def __init__(self, classes: list[LineClass], wrapped: Sequence[bool]) -> None:
        n = len(classes)
        self.cls = classes
        self.wrapped = bytearray(wrapped)  # a piece of a hard-wrapped paragraph (``unwrap``)
        self.overlap: list[float | None] = [None] * n  # see ``topic``; None: unknown
        self.region = [Region.BODY] * n
        self.kind: list[Kind | None] = [None] * n
        self.score = [0.0] * n
        self.reason = [""] * n
        # The kind is the side's, not the line's own: a line past the page furniture's
        # start is furniture of some kind, and navigation or related is a guess at which.
        self.side_kind = bytearray(n)

    def __len__(self) -> int:
        return len(self.cls)

    def on_topic(self, k: int, p: TopicParams) -> bool:
        """Line ``k`` is known to share the article's words."""
        overlap = self.overlap[k]
        return overlap is not None and overlap >= p.on_topic

    def off_topic(self, k: int, p: TopicParams) -> bool:
        """Line ``k`` is known to be about something else."""
        overlap = self.overlap[k]
        return overlap is not None and overlap < p.off_topic

    def judge(self, k: int, kind: Kind, score: float, reason: str, side_kind: bool = False) -> None:
        """Call line ``k`` junk of ``kind`` (``side_kind``: a guess from where it stands)."""
        self.kind[k], self.score[k], self.reason[k], self.side_kind[k] = (
            kind,
            score,
            reason,
            side_kind,
        )

    def overlap_text(self, k: int) -> str:
        """Line ``k``'s overlap as a reason states it."""
        overlap = self.overlap[k]
        return "unknown" if overlap is None else f"{overlap:.2f}"


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
