"""Cleaning one document's content, text or HTML: the one place that tells them apart.

Files, standard input, JSONL fields and ``cleaner explain`` all go through
``clean_content``: text is decoded (keeping its encoding, to write it back the same) and
cleaned; HTML is extracted by trafilatura and cleaned.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass

from ..files import MissingExtra, decode
from ..pipeline import Cleaner, Handover
from ..result import CleanResult
from .options import Mode


@dataclass(frozen=True)
class Cleaned:
    """One cleaned document, and what is needed to write and diff it."""

    mode: Mode
    result: CleanResult
    before: str  # the input text ('' for HTML, not shown as a diff, or a text handed over)
    encoding: str  # how the output text is written back

    @property
    def output(self) -> bytes:
        """What is written: text as it came minus its removed lines, in its own encoding;
        for HTML the extracted text, one block a line, each line ending in a newline."""
        text = self.result.text
        if self.mode is Mode.HTML and text and not text.endswith("\n"):
            text += "\n"
        return text.encode(self.encoding)

    def diff(self, old: str, new: str) -> bytes:
        """A unified diff from the input to the output (b"" for HTML or when unchanged)."""
        if self.mode is Mode.HTML or not self.result.changed:
            return b""
        if "\n".encode(self.encoding) == b"\n":  # ASCII-compatible: diff the file's bytes
            return unified_diff(self.before.encode(self.encoding), self.output, old, new)
        # UTF-16/32: a byte diff would be unreadable; show the text, as UTF-8.
        return unified_diff(self.before.encode(), self.result.text.encode(), old, new)


class NothingExtracted(ValueError):
    """A page with text from which no article text could be extracted: an error, never an
    empty output."""


def clean_content(
    cleaner: Cleaner,
    mode: Mode,
    data: bytes | str | Handover[str],
    url: str | None,
    name: str = "<bytes>",
) -> Cleaned:
    """Clean ``data`` as text or HTML. Bytes of text are decoded (SkipFile if not text);
    a page that yields no text although it has some raises NothingExtracted. A text
    handed over (a JSONL field) is not kept: its ``Cleaned`` has no ``before``."""
    if mode is Mode.HTML:
        result = cleaner.clean_html(data.take() if isinstance(data, Handover) else data, url)
        if result.flagged and not result.text:  # see Cleaner.clean_html
            raise NothingExtracted(result.flag_reason or "no text extracted")
        return Cleaned(mode, result, "", "utf-8")
    if isinstance(data, Handover):
        return Cleaned(mode, cleaner.clean_handed(data, url), "", "utf-8")
    if isinstance(data, str):
        text, encoding = data, "utf-8"
    else:
        decoded = decode(data, name)
        text, encoding = decoded.text, decoded.encoding
    return Cleaned(mode, cleaner.clean(text, url), text, encoding)


_LINE = re.compile(rb"[^\n]*\n|[^\n]+\Z")
NO_EOL = b"\\ No newline at end of file\n"


def unified_diff(before: bytes, after: bytes, old: str, new: str) -> bytes:
    """A unified diff that ``patch`` and ``git apply`` accept: lines end at LF only (as they
    count them), and a last line without one is marked "\\ No newline at end of file"."""
    out: list[bytes] = []
    for line in difflib.diff_bytes(
        difflib.unified_diff,
        _LINE.findall(before),
        _LINE.findall(after),
        os.fsencode(old),
        os.fsencode(new),
    ):
        out.append(line)
        if not line.endswith(b"\n"):
            out.append(b"\n" + NO_EOL)
    return b"".join(out)


def describe(e: BaseException) -> str:
    """OS errors say what they are; anything else also names its type (it is unexpected)."""
    if isinstance(e, OSError | MissingExtra | NothingExtracted):
        return str(e)
    return f"{type(e).__name__}: {e}"
