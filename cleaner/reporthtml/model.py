"""The report as the page reads it: the JSON report's summary and documents, checked and
typed. A report that lacks what the page needs is refused here, with what is missing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class ReportFormatError(ValueError):
    """Not a JSON report of this version of cleaner; the message says what is missing."""


@dataclass(frozen=True)
class Count:
    """Lines and words removed under one name: a kind, or a rule (with its kind)."""

    name: str
    kind: str
    lines: int
    words: int


@dataclass(frozen=True)
class Line:
    """One line of a document view: kept (``kind`` empty) or removed; or, when ``hidden``
    is not 0, that many kept lines left out."""

    line_no: int
    text: str = ""
    kind: str = ""
    rule: str = ""
    score: float = 0.0
    reason: str = ""
    cut: int = 0
    hidden: int = 0


@dataclass(frozen=True)
class Doc:
    """A document shown, with why (``worst``, ``sample``) and what it lost."""

    path: str
    record: int | None
    why: tuple[str, ...]
    lines: int
    lines_removed: int
    words: int
    words_removed: int
    view: tuple[Line, ...]

    @property
    def share(self) -> float:
        return self.words_removed / self.words if self.words else 0.0

    @property
    def name(self) -> str:
        return self.path if self.record is None else f"{self.path}, record {self.record}"


@dataclass(frozen=True)
class Report:
    """Everything the page shows."""

    files_read: int
    files_changed: int
    files_unchanged: int
    files_skipped: int
    flagged: int
    records: int
    documents_read: int
    documents_changed: int
    lines: int
    words: int
    lines_removed: int
    words_removed: int
    kinds: tuple[Count, ...]  # most lines first
    rules: tuple[Count, ...]  # most lines first
    histogram: tuple[int, ...]  # documents that lost something, by tenth of words removed
    errors: tuple[str, ...]
    skipped: tuple[str, ...]
    docs: tuple[Doc, ...]


def parse(data: Mapping[str, Any]) -> Report:
    """The page's view of a JSON report (``{"summary": ..., "documents": [...]}``)."""
    if "documents" not in data or "summary" not in data:
        raise ReportFormatError(
            "it has no 'summary' and 'documents': not a JSON report of this version of "
            "cleaner (write it again with `cleaner clean --report` or `cleaner check --report`)"
        )
    s = _mapping(data["summary"], "summary")
    by_kind, words_by_kind = (_mapping(s.get(k), f"summary.{k}") for k in _KIND_KEYS)
    kinds = [Count(k, k, _int(by_kind, k), _int(words_by_kind, k, 0)) for k in by_kind]
    rules = [
        Count(_str(r, "rule"), _str(r, "kind"), _int(r, "lines"), _int(r, "words"))
        for r in map(_mapping, _list(s, "removed_by_rule"))
    ]
    return Report(
        files_read=_int(s, "files_read"),
        files_changed=_int(s, "files_changed"),
        files_unchanged=_int(s, "files_unchanged"),
        files_skipped=_int(s, "files_skipped"),
        flagged=_int(s, "flagged"),
        records=_int(s, "records"),
        documents_read=_int(s, "documents_read"),
        documents_changed=_int(s, "documents_changed"),
        lines=_int(s, "lines"),
        words=_int(s, "words"),
        lines_removed=_int(s, "lines_removed"),
        words_removed=_int(s, "words_removed"),
        kinds=tuple(sorted(kinds, key=lambda c: (-c.lines, c.name))),
        rules=tuple(rules),
        histogram=tuple(int(n) for n in _list(s, "share_removed_histogram")),
        errors=tuple(map(str, _list(s, "errors"))),
        skipped=tuple(map(str, _list(s, "skipped"))),
        docs=tuple(_doc(_mapping(d, "a document")) for d in _list(data, "documents")),
    )


_KIND_KEYS = ("removed_by_kind", "words_removed_by_kind")


def _doc(d: Mapping[str, Any]) -> Doc:
    record = d.get("record")
    return Doc(
        _str(d, "path"),
        record if isinstance(record, int) else None,
        tuple(map(str, _list(d, "why"))),
        _int(d, "lines"),
        _int(d, "lines_removed"),
        _int(d, "words"),
        _int(d, "words_removed"),
        view=tuple(_line(_mapping(v, "a line")) for v in _list(d, "view")),
    )


def _line(v: Mapping[str, Any]) -> Line:
    no = _int(v, "line_no")
    if "hidden" in v:
        return Line(no, hidden=_int(v, "hidden"))
    if "kind" not in v:
        return Line(no, _str(v, "text"), cut=_int(v, "cut", 0))
    score = v.get("score")
    return Line(
        no,
        _str(v, "text"),
        _str(v, "kind"),
        _str(v, "rule"),
        float(score) if isinstance(score, int | float) else 0.0,
        _str(v, "reason"),
        cut=_int(v, "cut", 0),
    )


def _mapping(value: Any, what: str = "an entry") -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ReportFormatError(f"{what} is not a JSON object")
    return value


def _list(d: Mapping[str, Any], key: str) -> list[Any]:
    value = d.get(key)
    if not isinstance(value, list):
        raise ReportFormatError(f"'{key}' is missing or not a list")
    return value


def _int(d: Mapping[str, Any], key: str, default: int | None = None) -> int:
    value = d.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ReportFormatError(f"'{key}' is missing or not a whole number")
    return value


def _str(d: Mapping[str, Any], key: str) -> str:
    value = d.get(key)
    if not isinstance(value, str):
        raise ReportFormatError(f"'{key}' is missing or not a string")
    return value
