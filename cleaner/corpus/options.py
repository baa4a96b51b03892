"""What a run does with every input: how each file is read, and what is produced."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Mode(StrEnum):
    """How an input is read: plain text, an HTML page, or JSONL records."""

    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"


@dataclass(frozen=True)
class Options:
    """How to read and clean each input; the same for every file of a run."""

    html: bool = False  # every input is HTML (else only *.html, *.htm)
    jsonl: bool = False  # every input is JSONL (else only *.jsonl[.gz|.zst])
    field: str = "text"
    url_field: str | None = "url"
    url: str | None = None
    annotate: bool = False
    diff: bool = False
    keep_removed: bool = False  # return every Removal (for --verbose and --report)
    views: bool = False  # return a view of each changed document (for either report)

    @property
    def content_mode(self) -> Mode:
        """How a document's content (a file's, stdin's, a record field's) is read."""
        return Mode.HTML if self.html else Mode.TEXT
