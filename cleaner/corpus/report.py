"""Accounting for a run: what happened to each file, the totals, the JSON report."""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from ..files import atomic_open
from ..result import Removal
from ..schema import removal_dict
from .options import Mode
from .review import Outcome
from .tally import Tally


class Status(StrEnum):
    """What happened to one input file."""

    CHANGED = "changed"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"  # not text we can clean (binary, undecodable): left alone
    ERROR = "error"  # could not be read, cleaned or written; the message says why


@dataclass
class FileReport:
    """What happened to one input file."""

    src: str
    dest: str | None
    mode: Mode | None  # None: the input never got as far as being read
    status: Status
    flagged: int = 0  # documents left unchanged because everything would have gone
    counts: dict[str, int] = field(default_factory=dict)
    removed: list[tuple[int | None, Removal]] = field(default_factory=list)  # (record, removal)
    records: int = 0
    records_changed: int = 0
    message: str = ""
    diff: bytes = b""  # a unified diff, in the file's own bytes
    warnings: list[str] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)  # lines, words, the documents to show

    @classmethod
    def error(cls, src: Path | str, message: str) -> FileReport:
        """An input that could not be processed at all (``message`` names it)."""
        return cls(str(src), None, None, Status.ERROR, message=message)

    @property
    def changed(self) -> bool:
        return self.status is Status.CHANGED

    def fail(self, status: Status, message: str) -> FileReport:
        """Mark this file skipped or in error, saying why; returns the report."""
        self.status, self.message = status, message
        return self

    def add(self, outcome: Outcome, record: int | None = None) -> None:
        """Count one cleaned document (``record``: its number in a JSONL file)."""
        for kind, n in outcome.counts.items():
            self.counts[kind] = self.counts.get(kind, 0) + n
        self.flagged += int(outcome.flagged)
        self.removed.extend((record, r) for r in outcome.removed)
        self.tally.add(outcome, self.src, record)
        where = f"record {record}" if record is not None else self.src
        self.warnings.extend(f"{where}: {w}" for w in outcome.warnings)

    def removals(self) -> list[tuple[str, Removal]]:
        """Every kept removal with where it was: ``FILE:LINE``, or ``FILE:record N:LINE``."""
        return [
            (f"{self.src}:{'' if n is None else f'record {n}:'}{r.line_no}", r)
            for n, r in self.removed
        ]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.src,
            "output": self.dest,
            "mode": self.mode or "",
            "status": self.status,
            "flagged": self.flagged > 0,
            "counts": self.counts,
            "lines": self.tally.lines,
            "words": self.tally.words,
            "words_removed": self.tally.words_removed,
        }
        if self.mode is Mode.JSONL:
            out |= {
                "records": self.records,
                "records_changed": self.records_changed,
                "records_flagged": self.flagged,
            }
        if self.message:
            out["message"] = self.message
        if self.warnings:
            out["warnings"] = self.warnings
        out["removed"] = [
            ({"record": record} if record is not None else {}) | removal_dict(r)
            for record, r in self.removed
        ]
        return out


@dataclass
class Summary:
    """Totals over a run, for the closing lines and the JSON report."""

    read: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    flagged: int = 0
    records: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.perf_counter)
    jsonl: bool = False
    tally: Tally = field(default_factory=Tally)

    def add(self, r: FileReport) -> None:
        if r.status is Status.SKIPPED:
            self.skipped += 1
            self.notes.append(r.message)
            return
        if r.status is Status.ERROR:
            self.errors.append(r.message)
            if r.records == 0:
                return
        self.read += 1
        self.changed += r.records_changed > 0
        self.unchanged += r.records_changed == 0
        self.flagged += r.flagged
        self.kinds.update(r.counts)
        self.tally.merge(r.tally)
        if r.mode is Mode.JSONL:
            self.jsonl = True
            self.records += r.records

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def lines(self, check: bool = False) -> list[str]:
        """The closing summary, as a few short lines (``check``: nothing was changed)."""
        recs = f" ({self.records} JSONL records)" if self.jsonl else ""
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items(), key=_by_count))
        total = sum(self.kinds.values())
        changed, unchanged, removed = (
            ("with junk", "clean", "junk lines")
            if check
            else ("changed", "unchanged", "lines removed")
        )
        return [
            f"files: {self.read} read{recs}, {self.changed} {changed}, {self.unchanged} "
            f"{unchanged}, {self.skipped} skipped, {self.flagged} flagged, "
            f"{len(self.errors)} errors",
            f"{removed}: {total}" + (f" ({by_kind})" if total else ""),
            f"time: {self.seconds:.2f}s",
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "files_read": self.read,
            "files_changed": self.changed,
            "files_unchanged": self.unchanged,
            "files_skipped": self.skipped,
            "flagged": self.flagged,
            "records": self.records,
            "removed_by_kind": dict(sorted(self.kinds.items())),
            **self.tally.to_json(),
            "errors": self.errors,
            "skipped": self.notes,
            "seconds": round(self.seconds, 3),
        }

    def report(self) -> dict[str, Any]:
        """What the JSON report holds but its file entries: the summary and the documents
        shown (the HTML report is made of this alone)."""
        return {"summary": self.to_json(), "documents": self.tally.documents_json()}


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


class ReportWriter:
    """Streams the JSON report to a file, atomically: one entry per file, each on a line of
    its own, then the summary and the documents shown.

    Entries are written as they come, so a large run does not hold them all in memory.
    """

    def __init__(self, path: Path) -> None:
        self._cm = atomic_open(path, compress=False)
        self._f: IO[bytes] | None = None
        self._first = True

    def __enter__(self) -> ReportWriter:
        self._f = self._cm.__enter__()
        self._f.write(FILES_OPEN + b"\n")
        return self

    def add(self, report: FileReport) -> None:
        assert self._f is not None
        sep = b"" if self._first else b",\n"
        self._first = False
        self._f.write(sep + _line(report.to_json()))

    def finish(self, tail: dict[str, Any]) -> None:
        """Close the file list; write ``tail`` (``Summary.report()``): the summary, then the
        documents shown, one a line."""
        assert self._f is not None
        summary = json.dumps(tail["summary"], ensure_ascii=False, indent=1)
        self._f.write(b'\n],\n"summary": ' + summary.encode() + b',\n"documents": [\n')
        self._f.write(b",\n".join(map(_line, tail["documents"])) + b"\n]}\n")

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(*exc)  # type: ignore[arg-type]


FILES_OPEN = b'{"files": ['


def _line(entry: dict[str, Any]) -> bytes:
    return json.dumps(entry, ensure_ascii=False).encode()


def read_report(path: Path) -> dict[str, Any]:
    """The summary and documents of a JSON report (``{"summary", "documents"}``).

    A report as ``ReportWriter`` wrote it is read without parsing its file entries (one a
    line), so a report of any number of files reads in little memory; any other layout of
    the same JSON (reformatted, say) is parsed whole. ValueError if it is not JSON.
    """
    with path.open("rb") as f:
        if f.readline().rstrip(b"\r\n") == FILES_OPEN:
            for line in f:
                if line.startswith(b"]"):
                    data = json.loads(b"{" + line[1:].lstrip(b" ,\r\n") + f.read())
                    break
            else:
                raise ValueError("the list of files is not closed: the report is cut short")
        else:
            f.seek(0)
            data = json.load(f)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return {k: data[k] for k in ("summary", "documents") if k in data}
