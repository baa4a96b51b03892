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


class NotRegularFile(SkipFile):
    """A named pipe, socket or device: never read (a pipe would block the run forever)."""


class HardLinked(SkipFile):
    """A file with other names: replacing it would leave them with the old text."""


class ChangedSinceRead(OSError):
    """A file written to while it was being cleaned: it is left as it now is."""


@dataclass(frozen=True)
class Snapshot:
    """What a file was when it was opened: enough to tell whether it has changed since
    (another process wrote to it) and how many names it has."""

    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int
    links: int

    @classmethod
    def of(cls, st: os.stat_result) -> Snapshot:
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_nlink)


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
def atomic_open(
    path: Path, compress: bool = True, replaces: Snapshot | None = None
) -> Iterator[IO[bytes]]:
    """A binary stream whose content replaces ``path`` only if the block ends without error.

    The temporary file sits in the same directory (so ``os.replace`` is atomic), is
    fsynced, and gets the original's permissions. With ``compress``, a ``.gz`` or ``.zst``
    suffix compresses what is written.

    ``replaces`` is ``path`` as it was read, for a rewrite in place: a file with other
    names (hard links) is refused at once (HardLinked: the rename would give this name a
    new file and leave the others with the old text), and one that has changed since it
    was read is left as it is (ChangedSinceRead: another process's write would be lost).
    """
    if replaces is not None:
        refuse_hard_links(path, replaces)
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
        if replaces is not None:
            _unchanged_since(path, replaces)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def refuse_hard_links(path: Path, read: Snapshot) -> None:
    """Raise HardLinked if the file ``path`` names (as read) has other names too."""
    if read.links > 1:
        raise HardLinked(
            f"{path}: has {read.links} hard links, and rewriting it would leave the other "
            "names with the old text; left unchanged (clean it with -o, or break the links)"
        )


def _unchanged_since(path: Path, read: Snapshot) -> None:
    """Raise ChangedSinceRead unless ``path`` is still the file, as it was, that was read."""
    try:
        now = Snapshot.of(path.stat())
    except FileNotFoundError:
        now = None
    if now != read:
        raise ChangedSinceRead(
            "changed while it was being cleaned (another process wrote to it); left as it "
            "now is, run again to clean it"
        )


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


def read_file(path: Path) -> tuple[bytes, Snapshot]:
    """All of ``path``'s bytes, decompressed if it is a ``.gz`` or ``.zst`` file, and the
    file as it was when read."""
    with open_source(path) as (f, snapshot):
        return f.read(), snapshot


def compression(path: Path) -> str:
    """The compression suffix of ``path`` (``.gz``, ``.zst``), or ''."""
    return path.suffix if path.suffix in COMPRESSED else ""


class Unreadable(OSError):
    """A file that cannot be opened for reading; the message says why, in words."""


@contextlib.contextmanager
def open_read(path: Path) -> Iterator[IO[bytes]]:
    """A buffered binary reader of ``path`` (see ``open_source``)."""
    with open_source(path) as (reader, _):
        yield reader


@contextlib.contextmanager
def open_source(path: Path) -> Iterator[tuple[IO[bytes], Snapshot]]:
    """A buffered binary reader of the regular file ``path``, decompressing ``.gz`` and
    ``.zst`` files, and the file as it was when opened.

    A path that cannot be opened raises Unreadable, saying what it is (see why_unreadable);
    a named pipe, socket or device raises NotRegularFile without being read: it is opened
    without waiting for a writer, and its type checked on the open file itself.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        raise Unreadable(why_unreadable(path, e)) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        kind = _KINDS.get(stat.S_IFMT(st.st_mode), "not a regular file")
        raise NotRegularFile(f"{path}: {kind}, not a regular file")
    with os.fdopen(fd, "rb") as raw, _decompressed(raw, path) as reader:
        yield reader, Snapshot.of(st)


@contextlib.contextmanager
def _decompressed(raw: IO[bytes], path: Path) -> Iterator[IO[bytes]]:
    """``raw`` read through the decompressor its suffix names (as it is, for none)."""
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
