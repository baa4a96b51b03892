"""Reading and writing files without ever damaging one.

Text is decoded as UTF-8 (a BOM is kept as part of the text, so it survives the round
trip); other encodings are detected with charset_normalizer and the file is written back in
the encoding it came in. Writes are atomic: a temporary file in the same directory, fsync,
then ``os.replace`` with the original's permissions.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path


class SkipFile(Exception):
    """This file is not text we can safely clean; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, name: str = "<bytes>") -> Decoded:
    """Decode bytes to text, or raise SkipFile for binary or undecodable input."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SkipFile(f"{name}: binary file (NUL bytes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipFile(f"{name}: not text in any encoding charset_normalizer knows")
    text = str(best)
    try:
        if text.encode(best.encoding) != data:
            raise SkipFile(f"{name}: {best.encoding} does not round-trip; left alone")
    except (UnicodeEncodeError, LookupError):
        raise SkipFile(f"{name}: {best.encoding} does not round-trip; left alone") from None
    return Decoded(text, best.encoding)


def read_text(path: Path) -> Decoded:
    return decode(path.read_bytes(), str(path))


def write_atomic(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` so that readers see the old file or the new, never half."""
    data = text.encode(encoding)
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
