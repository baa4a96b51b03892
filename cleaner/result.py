"""The result types: what was kept, what was removed, and why."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, overload


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


class LineDecisions(Sequence[LineDecision]):
    """Every input line's decision (``CleanResult.lines``), built when first read.

    Most callers read only the text and the removed lines; building a decision for every
    kept line of every document cost them several percent of the clean. It reads as a
    list, compares equal to a list of the same decisions, and pickles as one. Until it
    is read, the result holds what builds it: the last pass's view of the document.
    """

    __slots__ = ("_build", "_items", "_texts")

    def __init__(
        self,
        build: Callable[[], list[LineDecision]],
        texts: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        self._build: Callable[[], list[LineDecision]] | None = build
        self._items: list[LineDecision] = []
        self._texts = texts

    def texts(self) -> Iterable[str]:
        """Every line's text, in order, without building the decisions if ``texts`` can
        tell them (a report counts a document's lines and words: a decision per line of a
        large document weighs several times its text)."""
        if self._build is not None and self._texts is not None:
            return self._texts()
        return (d.text for d in self._list())

    def _list(self) -> list[LineDecision]:
        if self._build is not None:
            self._items, self._build = self._build(), None
        return self._items

    @overload
    def __getitem__(self, index: int) -> LineDecision: ...
    @overload
    def __getitem__(self, index: slice) -> list[LineDecision]: ...
    def __getitem__(self, index: int | slice) -> LineDecision | list[LineDecision]:
        return self._list()[index]

    def __len__(self) -> int:
        return len(self._list())

    def __iter__(self) -> Iterator[LineDecision]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LineDecisions):
            other = other._list()
        return self._list() == other if isinstance(other, list) else NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking, like the list it stands for

    def __repr__(self) -> str:
        return repr(self._list())

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (self._list(),))


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
    lines: Sequence[LineDecision] = field(default_factory=list, repr=False)
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
