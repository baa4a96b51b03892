"""Planning a run: which files, read how, written where.

``plan`` turns the command line's paths into one ``Task`` per input file, walking
directories and mirroring them under the output; inputs that cannot be processed come
back as error reports, so that the run goes on with the others.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..files import COMPRESSED, compression, why_unreadable
from .options import Mode, Options
from .report import FileReport

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)


def _globs(suffixes: tuple[str, ...]) -> tuple[str, ...]:
    """``*.txt`` and its compressed forms ``*.txt.gz``, ``*.txt.zst``, for each suffix."""
    return tuple(f"*{s}{c}" for s in suffixes for c in ("", *COMPRESSED))


# Every kind of input is also read (and written) compressed: crawls are stored that way.
TEXT_GLOBS = _globs(TEXT_SUFFIXES)
HTML_GLOBS = _globs(HTML_SUFFIXES)
JSONL_GLOBS = _globs(JSONL_SUFFIXES)


class UsageError(ValueError):
    """The request itself is wrong (not one input): the CLI exits 2 before doing anything."""


@dataclass(frozen=True)
class Task:
    """One input file, how to read it, and where its output goes (None: nowhere)."""

    src: Path
    mode: Mode
    dest: Path | None = None
    in_place: bool = False


def mode_of(path: Path, opts: Options) -> Mode:
    """JSONL and HTML by flag, else by suffix (under a compression suffix); everything else
    is text."""
    name = path.name.lower().removesuffix(compression(path))
    if opts.jsonl or name.endswith(JSONL_SUFFIXES):
        return Mode.JSONL
    if opts.html or name.endswith(HTML_SUFFIXES):
        return Mode.HTML
    return Mode.TEXT


def default_globs(opts: Options, in_place: bool = False) -> tuple[str, ...]:
    """Text, JSONL and (unless rewriting in place, which cannot turn HTML into text) HTML."""
    if opts.jsonl:
        return JSONL_GLOBS
    if opts.html:
        return HTML_GLOBS
    return TEXT_GLOBS + JSONL_GLOBS + (() if in_place else HTML_GLOBS)


def walk(root: Path, globs: Sequence[str], leave_out: Path | None = None) -> list[Path]:
    """Files under ``root`` matching any glob (by name or relative path), sorted.

    Hidden files and directories (``.git``, our own temporary files) are left out, and so
    is the directory ``leave_out`` (resolved; the output tree, when it lies inside).
    """
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [
            d
            for d in dirnames
            if not d.startswith(".") and (leave_out is None or real(Path(dirpath, d)) != leave_out)
        ]
        for name in filenames:
            path = Path(dirpath, name)
            if not name.startswith(".") and matches(path.relative_to(root), globs):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def real(path: Path) -> Path:
    """``path`` with every symbolic link resolved; a link loop stays as it is (an error
    when it is read), where ``Path.resolve`` would raise."""
    return Path(os.path.realpath(path))


def matches(path: Path, globs: Sequence[str]) -> bool:
    """Whether ``path``'s name, or the whole relative path, matches one of ``globs``."""
    posix = path.as_posix()
    return any(fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(posix, g) for g in globs)


def output_name(rel: Path, mode: Mode) -> Path:
    """HTML becomes text, so its output gets a ``.txt`` suffix (``page.html.gz`` becomes
    ``page.txt.gz``); everything else keeps its name."""
    if mode is not Mode.HTML:
        return rel
    packed = compression(rel)
    return rel.with_name(rel.name.removesuffix(packed)).with_suffix(".txt" + packed)


def plan(
    paths: Sequence[Path],
    opts: Options,
    output: Path | None = None,
    in_place: bool = False,
    globs: Sequence[str] | None = None,
    into_dir: bool = False,
) -> tuple[list[Task], list[FileReport]]:
    """Expand ``paths`` into tasks, and report the inputs that cannot be processed.

    Directories are walked recursively and mirrored under ``output``. A single file is
    written to ``output`` itself, unless ``output`` is a directory or ``into_dir`` says it
    is meant as one (``-o DIR/``): then into it, under the file's own name. Raises
    UsageError for a request that makes no sense as a whole (``-o`` naming an input without
    ``--in-place``).
    """
    if output is not None and in_place:
        raise UsageError("-o and --in-place exclude each other")
    globs = tuple(globs or default_globs(opts, in_place))
    if output is not None:
        target = real(output)
        for p in paths:
            if p.exists() and real(p) == target:
                raise UsageError(f"-o {output} is the input itself; use --in-place to rewrite it")
    single = (
        output is not None
        and not into_dir
        and len(paths) == 1
        and paths[0].is_file()
        and not output.is_dir()
    )
    tasks: list[Task] = []
    errors: list[FileReport] = []
    seen: dict[Path, Path] = {}
    # An output tree inside an input directory is not read as input (a second run would
    # clean the first one's output into out/out/...).
    leave_out = real(output) if output is not None and not single else None
    for p in paths:
        if p.is_dir():
            items = [(f, f.relative_to(p)) for f in walk(p, globs, leave_out)]
        elif p.is_file():
            items = [(p, Path(p.name))]
        else:
            errors.append(FileReport.error(p, f"{p}: {why_unreadable(p)}"))
            continue
        for src, rel in items:
            mode = mode_of(src, opts)
            dest: Path | None = None
            if in_place:
                if mode is Mode.HTML:
                    message = f"{src}: HTML cannot be rewritten in place as text; use -o"
                    errors.append(FileReport.error(src, message))
                    continue
                # Through a symlink, the file it names is rewritten and the link stays.
                dest = real(src) if src.is_symlink() else src
            elif output is not None:
                dest = output if single else output / output_name(rel, mode)
            if dest is not None:
                key = real(dest)
                if key in seen:
                    if not in_place:
                        message = f"{src}: same output {dest} as {seen[key]}; skipped"
                        errors.append(FileReport.error(src, message))
                    continue  # in place: the same file reached again, through a link
                seen[key] = src
            tasks.append(Task(src, mode, dest, in_place))
    if in_place:
        return tasks, errors
    # Nor may an output overwrite an input (the trees can overlap: `clean out/in -o out`).
    inputs = {real(t.src) for t in tasks}
    kept = [t for t in tasks if t.dest is None or real(t.dest) not in inputs]
    errors += [
        FileReport.error(t.src, f"{t.src}: its output {t.dest} is an input; skipped")
        for t in tasks
        if t not in kept
    ]
    return kept, errors
