"""Reading and writing files without ever damaging one.

Text is decoded as UTF-8 (a BOM is kept as part of the text, so it survives the round
trip); UTF-16/32 files are recognised by their BOM; other encodings are detected with
charset_normalizer and the file is written back in the encoding it came in. Writes are
atomic: a temporary file in the same directory, fsync, then ``os.replace`` with the
original's permissions. ``.gz`` and ``.zst`` files are (de)compressed on the fly.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import io
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE one. The codecs keep the BOM
# as U+FEFF at the start of the text, and encoding writes it back.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
COMPRESSED = (".gz", ".zst")


class SkipFile(Exception):
    """This file is not text we can safely clean; the message says why."""


class MissingExtra(RuntimeError):
    """An optional dependency is needed for this input; the message says how to get it."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, name: str = "<bytes>") -> Decoded:
    """Decode bytes to text, or raise SkipFile for binary or undecodable input.

    Whatever is returned encodes back to ``data`` exactly, line by line: so any subset of
    its lines, written with ``Decoded.encoding``, reproduces those lines' original bytes.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(data.decode(codec), codec), data, name)
            except UnicodeDecodeError:
                raise SkipFile(f"{name}: has a {codec} BOM but is not {codec}") from None
    if b"\x00" in data:
        raise SkipFile(f"{name}: binary file (NUL bytes)")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), data, name)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SkipFile(f"{name}: not text in any encoding charset_normalizer knows")
    decoded = Decoded(str(best), best.encoding)
    if not _round_trips(decoded, data):
        raise SkipFile(
            f"{name}: detected as {best.encoding}, but re-encoding it would not give back "
            "the same bytes; left alone"
        )
    return _checked(decoded, data, name)


# C0 controls that text files do not hold (tab, line and page breaks, ESC and the DOS
# end-of-file mark excepted), and DEL.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1c-\x1f\x7f]")
_SNIFF = 1 << 20  # characters looked at for control characters
MAX_CONTROL_SHARE = 0.01


def _checked(decoded: Decoded, data: bytes, name: str) -> Decoded:
    """Refuse text that is really binary: too many control characters near the start."""
    head = decoded.text[:_SNIFF]
    controls = len(_CONTROLS.findall(head))
    if controls and controls > MAX_CONTROL_SHARE * len(head):
        raise SkipFile(f"{name}: binary file ({controls} control characters)")
    return decoded


def _round_trips(decoded: Decoded, data: bytes) -> bool:
    """Whether each line, encoded on its own, gives back its bytes (no stateful codecs)."""
    try:
        if decoded.text.encode(decoded.encoding) != data:
            return False
        lines = decoded.text.splitlines(keepends=True)
        return b"".join(line.encode(decoded.encoding) for line in lines) == data
    except (UnicodeError, LookupError):
        return False


@contextlib.contextmanager
def atomic_open(path: Path, compress: bool = True) -> Iterator[IO[bytes]]:
    """A binary stream whose content replaces ``path`` only if the block ends without error.

    The temporary file sits in the same directory (so ``os.replace`` is atomic), is
    fsynced, and gets the original's permissions. With ``compress``, a ``.gz`` or ``.zst``
    suffix compresses what is written.
    """
    mode = None
    with contextlib.suppress(FileNotFoundError):
        mode = stat.S_IMODE(path.stat().st_mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as raw:
            with _compressor(raw, path if compress else None) as f:
                yield f
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process umask (read by setting and restoring it): new files get 0o666 & ~umask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _compressor(raw: IO[bytes], path: Path | None) -> Iterator[IO[bytes]]:
    suffix = path.suffix if path is not None else ""
    if suffix == ".gz":
        # mtime=0 and no file name: the same input gives the same bytes.
        with gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
            yield gz  # type: ignore[misc]
    elif suffix == ".zst":
        with _zstd().ZstdCompressor().stream_writer(raw, closefd=False) as zw:
            yield zw
    else:
        yield raw


_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def why_unreadable(path: Path, error: OSError | None = None) -> str:
    """Why ``path`` cannot be read as a file, in words: what it is instead (a directory, a
    named pipe, a broken symbolic link and what it points to), else the OS's own words."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        if e.errno == errno.ENOENT and path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)})"
        return e.strerror or str(e)
    if kind := _KINDS.get(stat.S_IFMT(mode)):
        return f"{kind}, not a regular file"
    if error is not None:
        return error.strerror or str(error)
    return "not a regular file"


def read_file(path: Path) -> bytes:
    """All of ``path``'s bytes, decompressed if it is a ``.gz`` or ``.zst`` file."""
    with open_read(path) as f:
        return f.read()


def compression(path: Path) -> str:
    """The compression suffix of ``path`` (``.gz``, ``.zst``), or ''."""
    return path.suffix if path.suffix in COMPRESSED else ""


class Unreadable(OSError):
    """A file that cannot be opened for reading; the message says why, in words."""


@contextlib.contextmanager
def open_read(path: Path) -> Iterator[IO[bytes]]:
    """A buffered binary reader of ``path``, decompressing ``.gz`` and ``.zst`` files.

    A path that cannot be opened raises Unreadable, saying what it is (see why_unreadable).
    """
    try:
        opened = path.open("rb")
    except OSError as e:
        raise Unreadable(why_unreadable(path, e)) from None
    with opened as raw:
        if path.suffix == ".gz":
            with gzip.GzipFile(fileobj=raw, mode="rb") as gz:
                yield gz  # type: ignore[misc]
        elif path.suffix == ".zst":
            reader: Any = _zstd().ZstdDecompressor().stream_reader(raw, closefd=False)
            with io.BufferedReader(reader) as buffered:
                yield buffered
        else:
            yield raw


def _zstd() -> Any:
    try:
        import zstandard
    except ImportError:
        raise MissingExtra(
            "reading or writing .zst files needs the zstandard package: pip install 'cleaner[zstd]'"
        ) from None
    return zstandard
