"""JSONL records: the one parser of a record line, and the cleaning of one record.

A record is one line holding a JSON object; ``Options.field`` names the string to clean
and ``Options.url_field`` the page's address. A line that is not such a record is passed
through unchanged, with a message that says what is wrong with it.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from typing import Any

from ..pipeline import Cleaner, Handover
from ..schema import account
from .content import clean_content, describe
from .options import Mode, Options
from .review import Outcome

ANNOTATION_KEY = "cleaner"
# A lone surrogate: JSON can escape one ("\ud800"), Python decodes it, UTF-8 cannot hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")


class BadRecord(ValueError):
    """A line that is not a JSON object with a string in the field to clean."""


@dataclass(frozen=True)
class Record:
    """One parsed JSONL record."""

    no: int  # 1-based line number in its file
    fields: dict[str, Any]
    value: str  # the text (or HTML) to clean
    url: str | None  # the record's URL, else the run's
    end: bytes  # the line ending it came with


def parse_record(no: int, line: bytes, opts: Options) -> Record | None:
    """Parse line ``no`` of a JSONL file; None for a blank line, BadRecord if not a record.

    A record may be tens of megabytes: the line is decoded and parsed as it is (its ending
    is white space to JSON), never sliced or stripped into copies.
    """
    if not line or line.isspace():
        return None
    end = _ending(line)
    try:
        fields = json.loads(line.decode("utf-8-sig" if no == 1 else "utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BadRecord(f"record {no}: not valid JSON ({e})") from None
    if not isinstance(fields, dict):
        raise BadRecord(f"record {no}: not a JSON object")
    value = fields.get(opts.field)
    if not isinstance(value, str):
        what = "missing" if value is None else f"a {type(value).__name__}, not a string"
        raise BadRecord(f"record {no}: field {opts.field!r} is {what}")
    if b"\\u" in line and (bad := _SURROGATE.search(value)):  # only escapes make one
        raise BadRecord(
            f"record {no}: field {opts.field!r} holds a lone surrogate (\\u{ord(bad[0]):04x}), "
            "which is not text"
        )
    url = fields.get(opts.url_field) if opts.url_field else None
    return Record(no, fields, value, url if isinstance(url, str) and url else opts.url, end)


def _ending(line: bytes) -> bytes:
    for end in (b"\r\n", b"\n"):
        if line.endswith(end):
            return end
    return b""


@dataclass
class RecordOut:
    """One cleaned JSONL record: the bytes to write (``data``, then ``end``: written apart,
    as joining them would copy a large record once more) and what was done to it."""

    no: int
    data: bytes
    outcome: Outcome | None = None
    error: str = ""
    end: bytes = b""


# A line this long or longer is held compressed while its record is cleaned (zlib's
# fastest level: text shrinks about 3 to 1 in ~1% of the time its clean takes). Shorter
# lines, the common case, are held as they are: compressing them would cost time per
# record and save nothing that matters.
HOLD_COMPRESSED_BYTES = 1 << 20


class _Held:
    """A record's line as it came, held to be passed on byte for byte if nothing goes
    or the clean fails; compressed when it is large and handed over (no other copy of
    it lives)."""

    __slots__ = ("_data", "_packed")

    def __init__(self, line: bytes, owned: bool) -> None:
        self._packed = owned and len(line) >= HOLD_COMPRESSED_BYTES
        self._data = zlib.compress(line, 1) if self._packed else line

    def line(self) -> bytes:
        return zlib.decompress(self._data) if self._packed else self._data


def clean_record(
    cleaner: Cleaner, opts: Options, no: int, line: bytes | Handover[bytes]
) -> RecordOut:
    """Clean one JSONL line; a line that is not a record, or fails, passes unchanged.

    A line handed over is taken out of its handover: the batch that carried it then
    holds no copy of a record that may be tens of megabytes (see ``_Held``).
    """
    owned = isinstance(line, Handover)
    data = line.take() if isinstance(line, Handover) else line
    del line
    try:
        record = parse_record(no, data, opts)
    except BadRecord as e:
        return RecordOut(no, data, error=str(e))
    if record is None:
        return RecordOut(no, data)
    held = _Held(data, owned)
    del data
    mode = opts.content_mode
    fields, end, url = record.fields, record.end or b"\n", record.url
    # The text goes to the cleaner alone, which lets it go once split into lines (a
    # record's text may cost 4 bytes a character: see ``Cleaner.clean_handed``). The
    # field keeps its place among the others for the output.
    handover = Handover(record.value)
    fields[opts.field] = None
    del record
    try:
        result = clean_content(cleaner, mode, handover, url).result
    except Exception as e:  # one bad record must not stop the corpus
        return RecordOut(no, held.line(), error=f"record {no}: {describe(e)}")
    outcome = Outcome.of(result, opts.keep_removed, opts.views)
    if mode is Mode.TEXT and not result.changed and not opts.annotate:
        return RecordOut(no, held.line(), outcome)  # byte for byte as it came
    text = result.text
    if opts.annotate:
        fields[ANNOTATION_KEY] = account(result)
    del result  # its per-line decisions go before the output is encoded
    try:
        data = encode_record(fields, opts.field, text)
    except UnicodeEncodeError:  # a lone surrogate in another field: UTF-8 cannot write it
        return RecordOut(
            no,
            held.line(),
            error=f"record {no}: a field holds a lone surrogate, which "
            "UTF-8 cannot write; passed through unchanged",
        )
    return RecordOut(no, data, outcome, end=end)


# Characters of a large text escaped and encoded at a time (see ``encode_record``).
ENCODE_CHUNK = 1 << 16
_FIELD_SEP, _ITEM_SEP = ": ", ", "  # json.dumps's, as the output has always been written


def encode_record(fields: dict[str, Any], key: str, text: str) -> bytes:
    """``json.dumps(fields | {key: text}, ensure_ascii=False).encode()``, byte for byte,
    without that string and its copy: ``text`` (a record's, tens of megabytes) is escaped
    and encoded a chunk at a time. JSON escapes character by character, so the chunks'
    escapes join into the whole's. ``key`` must be in ``fields``; its value is ignored."""
    items = list(fields.items())
    at = next(i for i, (k, _) in enumerate(items) if k == key)
    before = json.dumps(dict(items[:at]), ensure_ascii=False)[:-1]  # "{...", no "}"
    after = json.dumps(dict(items[at + 1 :]), ensure_ascii=False)[1:]  # "...}", no "{"
    escape = json.encoder.encode_basestring
    parts = [
        before.encode("utf-8"),
        (_ITEM_SEP if at else "").encode(),
        json.dumps(key, ensure_ascii=False).encode("utf-8"),
        f'{_FIELD_SEP}"'.encode(),
    ]
    for k in range(0, len(text), ENCODE_CHUNK):
        parts.append(escape(text[k : k + ENCODE_CHUNK])[1:-1].encode("utf-8"))
    parts.append(
        b'"' + (_ITEM_SEP.encode() if len(items) > at + 1 else b"") + after.encode("utf-8")
    )
    return b"".join(parts)
