"""Reading a corpus's documents for statistics (``cleaner learn``): text files, and one
document per JSONL record. Nothing is cleaned or written here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..files import MissingExtra, SkipFile, decode, open_read, read_file, why_unreadable
from .options import Mode, Options
from .plan import mode_of, walk
from .records import BadRecord, parse_record


@dataclass(frozen=True)
class Document:
    """One document of a corpus: its text, where it came from, and its URL if known."""

    text: str
    path: Path  # the file (for JSONL: the file holding the record)
    root: Path  # the directory argument it was found under (a file argument's parent)
    rel: Path  # ``path`` relative to ``root``
    url: str | None = None


def iter_documents(
    paths: Sequence[Path],
    globs: Sequence[str],
    opts: Options,
    errors: list[str],
) -> Iterator[Document]:
    """Every text document under ``paths``: text files, and one per JSONL record.

    HTML is not read here. Unreadable inputs and records are appended to ``errors``.
    """
    for p in paths:
        if p.is_dir():
            root, files = p, walk(p, globs)
        elif p.is_file():
            root, files = p.parent, [p]
        else:
            errors.append(f"{p}: {why_unreadable(p)}")
            continue
        for src in files:
            try:
                yield from _documents_in(src, root, opts, errors)
            except SkipFile as e:
                errors.append(str(e))
            except (OSError, EOFError, MissingExtra) as e:
                errors.append(f"{src}: {e}")


def _documents_in(src: Path, root: Path, opts: Options, errors: list[str]) -> Iterator[Document]:
    mode = mode_of(src, opts)
    rel = src.relative_to(root)
    if mode is Mode.HTML:
        errors.append(f"{src}: HTML is not read here; give extracted text or JSONL")
        return
    if mode is Mode.TEXT:
        try:
            yield Document(decode(read_file(src)[0], str(src)).text, src, root, rel, opts.url)
        except SkipFile as e:
            errors.append(str(e))
        return
    with open_read(src) as reader:
        for no, line in enumerate(reader, 1):
            try:
                record = parse_record(no, line, opts)
            except BadRecord as e:
                errors.append(f"{src}: {e}")
                continue
            if record is not None:
                yield Document(record.value, src, root, rel, record.url)
