"""Cleaning one document's content, text or HTML: the one place that tells them apart.

Files, standard input, JSONL fields and ``cleaner explain`` all go through
``clean_content``: text is decoded (keeping its encoding, to write it back the same) and
cleaned; HTML is extracted by trafilatura and cleaned.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..files import MissingExtra, decode
from ..pipeline import Cleaner
from ..result import CleanResult
from .options import Mode


@dataclass(frozen=True)
class Cleaned:
    """One cleaned document, and what is needed to write and diff it."""

    result: CleanResult
    before: str  # the input text ('' for HTML, which is not shown as a diff)
    encoding: str  # how the output text is written back

    @property
    def text(self) -> str:
        return self.result.text


def clean_content(
    cleaner: Cleaner, mode: Mode, data: bytes | str, url: str | None, name: str = "<bytes>"
) -> Cleaned:
    """Clean ``data`` as text or HTML. Bytes of text are decoded (SkipFile if not text)."""
    if mode is Mode.HTML:
        return Cleaned(cleaner.clean_html(data, url), "", "utf-8")
    if isinstance(data, str):
        text, encoding = data, "utf-8"
    else:
        decoded = decode(data, name)
        text, encoding = decoded.text, decoded.encoding
    return Cleaned(cleaner.clean(text, url), text, encoding)


def unified_diff(before: str, after: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), old, new
        )
    )


def describe(e: BaseException) -> str:
    """OS errors say what they are; anything else also names its type (it is unexpected)."""
    if isinstance(e, OSError | MissingExtra):
        return str(e)
    return f"{type(e).__name__}: {e}"
