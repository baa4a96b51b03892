"""Cleaning many documents: directory trees, JSONL corpora, a process pool, a summary.

The CLI and the pre-commit hooks describe *what* to do (``plan``); this module does it
(``run``) and accounts for it (``FileReport``, ``Summary``, ``ReportWriter``). Work runs in
a process pool: each worker gets the compiled Cleaner once (it pickles), cleans whole
files, and for JSONL the records in batches. Results come back in input order, so the
output never depends on scheduling.
"""

from __future__ import annotations

import contextlib
import difflib
import fnmatch
import itertools
import json
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, TypeVar

from .files import MissingExtra, SkipFile, atomic_open, decode, open_read
from .pipeline import Cleaner
from .result import CleanResult, Removal

TEXT_GLOBS = ("*.txt", "*.text")
HTML_GLOBS = ("*.html", "*.htm")
JSONL_GLOBS = ("*.jsonl", "*.jsonl.gz", "*.jsonl.zst")
ANNOTATION_KEY = "cleaner"
BATCH = 64  # JSONL records per pool task: big enough to amortise the round trip


class Mode(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"


class UsageError(ValueError):
    """The request itself is wrong (not one input): the CLI exits 2 before doing anything."""


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


@dataclass(frozen=True)
class Task:
    """One input file, how to read it, and where its output goes (None: nowhere)."""

    src: Path
    mode: Mode
    dest: Path | None = None
    in_place: bool = False


@dataclass
class FileReport:
    """What happened to one input file. ``status``: changed, unchanged, skipped or error."""

    src: str
    dest: str | None
    mode: str
    status: str
    flagged: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    removed: list[tuple[str, Removal]] = field(default_factory=list)  # (where, removal)
    records: int = 0
    records_changed: int = 0
    message: str = ""
    diff: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.status == "changed"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.src,
            "output": self.dest,
            "mode": self.mode,
            "status": self.status,
            "flagged": self.flagged,
            "counts": self.counts,
        }
        if self.mode == Mode.JSONL:
            out |= {"records": self.records, "records_changed": self.records_changed}
        if self.message:
            out["message"] = self.message
        if self.warnings:
            out["warnings"] = self.warnings
        out["removed"] = [_removal_json(r) | ({"where": w} if w else {}) for w, r in self.removed]
        return out


def _removal_json(r: Removal) -> dict[str, Any]:
    return {
        "line": r.line_no,
        "kind": r.kind.value,
        "rule": r.rule,
        "score": r.score,
        "reason": r.reason,
        "text": r.text,
    }


# ---------------------------------------------------------------------------------------
# Planning: which files, read how, written where


def mode_of(path: Path, opts: Options) -> Mode:
    """JSONL and HTML by flag, else by suffix; everything else is text."""
    name = path.name.lower()
    if opts.jsonl or name.endswith((".jsonl", ".jsonl.gz", ".jsonl.zst")):
        return Mode.JSONL
    if opts.html or name.endswith((".html", ".htm")):
        return Mode.HTML
    return Mode.TEXT


def default_globs(opts: Options, in_place: bool = False) -> tuple[str, ...]:
    """Text, JSONL and (unless rewriting in place, which cannot turn HTML into text) HTML."""
    if opts.jsonl:
        return JSONL_GLOBS
    if opts.html:
        return HTML_GLOBS
    return TEXT_GLOBS + JSONL_GLOBS + (() if in_place else HTML_GLOBS)


def walk(root: Path, globs: Sequence[str]) -> list[Path]:
    """Files under ``root`` matching any glob (by name or relative path), sorted.

    Hidden files and directories (``.git``, our own temporary files) are left out.
    """
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath, name)
            if not name.startswith(".") and matches(path.relative_to(root), globs):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def matches(path: Path, globs: Sequence[str]) -> bool:
    posix = path.as_posix()
    return any(fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(posix, g) for g in globs)


def output_name(rel: Path, mode: Mode) -> Path:
    """HTML becomes text, so its output gets a ``.txt`` suffix; everything else keeps its name."""
    return rel.with_suffix(".txt") if mode is Mode.HTML else rel


def plan(
    paths: Sequence[Path],
    opts: Options,
    output: Path | None = None,
    in_place: bool = False,
    globs: Sequence[str] | None = None,
) -> tuple[list[Task], list[str]]:
    """Expand ``paths`` into tasks, and list the inputs that cannot be processed.

    Directories are walked recursively and mirrored under ``output``. A single file with an
    ``output`` that is not a directory is written to that name. Raises UsageError for a
    request that makes no sense as a whole (``-o`` naming an input without ``--in-place``).
    """
    if output is not None and in_place:
        raise UsageError("-o and --in-place exclude each other")
    globs = tuple(globs or default_globs(opts, in_place))
    if output is not None:
        target = output.resolve()
        for p in paths:
            if p.exists() and p.resolve() == target:
                raise UsageError(f"-o {output} is the input itself; use --in-place to rewrite it")
    single = (
        output is not None
        and len(paths) == 1
        and paths[0].is_file()
        and not output.is_dir()
        and not str(output).endswith(os.sep)
    )
    tasks: list[Task] = []
    errors: list[str] = []
    seen: dict[Path, Path] = {}
    for p in paths:
        if p.is_dir():
            items = [(f, f.relative_to(p)) for f in walk(p, globs)]
        elif p.is_file():
            items = [(p, Path(p.name))]
        else:
            errors.append(f"{p}: {_not_a_file(p)}")
            continue
        for src, rel in items:
            mode = mode_of(src, opts)
            dest: Path | None = None
            if in_place:
                if mode is Mode.HTML:
                    errors.append(f"{src}: HTML cannot be rewritten in place as text; use -o")
                    continue
                # Through a symlink, the file it names is rewritten and the link stays.
                dest = src.resolve() if src.is_symlink() else src
            elif output is not None:
                dest = output if single else output / output_name(rel, mode)
            if dest is not None:
                key = dest.resolve()
                if key in seen:
                    if not in_place:
                        errors.append(f"{src}: same output {dest} as {seen[key]}; skipped")
                    continue  # in place: the same file reached again, through a link
                seen[key] = src
            tasks.append(Task(src, mode, dest, in_place))
    return tasks, errors


# ---------------------------------------------------------------------------------------
# Workers: one Cleaner per process, set up once by the pool's initializer

_state: tuple[Cleaner, Options] | None = None


def _init(cleaner: Cleaner, opts: Options) -> None:
    global _state
    _state = (cleaner, opts)


def _worker() -> tuple[Cleaner, Options]:
    assert _state is not None, "corpus worker used without _init"
    return _state


def _clean_one(cleaner: Cleaner, mode: Mode, content: str | bytes, url: str | None) -> CleanResult:
    if mode is Mode.HTML:
        return cleaner.clean_html(content, url)
    assert isinstance(content, str)
    return cleaner.clean(content, url)


def clean_file(task: Task) -> FileReport:
    """Clean one text or HTML file (in a worker): read, clean, write, report."""
    cleaner, opts = _worker()
    src = str(task.src)
    report = FileReport(src, str(task.dest) if task.dest else None, task.mode, "unchanged")
    try:
        data = task.src.read_bytes()
        if task.mode is Mode.HTML:
            before, encoding = "", "utf-8"
            result = cleaner.clean_html(data, opts.url)
            after = result.text + ("\n" if result.text and not result.text.endswith("\n") else "")
        else:
            decoded = decode(data, src)
            before, encoding = decoded.text, decoded.encoding
            result = cleaner.clean(before, opts.url)
            after = result.text
    except SkipFile as e:
        return _failed(report, "skipped", str(e))
    except Exception as e:  # one bad file must not stop the run: report it, go on
        return _failed(report, "error", f"{src}: {_describe(e)}")
    _account(report, result, "", opts)
    report.records = 1
    report.records_changed = int(result.changed)
    if result.changed:
        report.status = "changed"
    if opts.diff and task.mode is Mode.TEXT and result.changed:
        report.diff = unified_diff(before, after, src, str(task.dest or task.src))
    if task.dest is not None and (result.changed or not task.in_place):
        try:
            with atomic_open(task.dest, compress=False) as f:
                f.write(after.encode(encoding))
        except OSError as e:
            return _failed(report, "error", f"{task.dest}: {e}")
    return report


def _not_a_file(path: Path) -> str:
    """Why ``path``, neither a directory nor a file, cannot be read: the OS's own words
    (no such file, a symlink loop, permission denied) or what kind of thing it is."""
    try:
        path.stat()
    except OSError as e:
        return e.strerror or str(e)
    return "not a regular file or directory"


def _describe(e: BaseException) -> str:
    """OS errors say what they are; anything else also names its type (it is unexpected)."""
    if isinstance(e, OSError | MissingExtra):
        return str(e)
    return f"{type(e).__name__}: {e}"


def _failed(report: FileReport, status: str, message: str) -> FileReport:
    report.status, report.message = status, message
    return report


def _account(report: FileReport, result: CleanResult, where: str, opts: Options) -> None:
    for kind, n in result.counts().items():
        report.counts[kind] = report.counts.get(kind, 0) + n
    report.flagged += int(result.flagged)
    if opts.keep_removed:
        report.removed.extend((where, r) for r in result.removed)
    report.warnings.extend(f"{where or report.src}: {w}" for w in result.warnings)


def unified_diff(before: str, after: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), old, new
        )
    )


@dataclass
class RecordOut:
    """One cleaned JSONL record: the bytes to write and what was done to it."""

    no: int
    data: bytes
    result: CleanResult | None = None
    error: str = ""


def clean_records(batch: list[tuple[int, bytes]]) -> list[RecordOut]:
    """Clean a batch of JSONL lines (in a worker). A bad line is passed through unchanged."""
    cleaner, opts = _worker()
    return [_clean_record(cleaner, opts, no, line) for no, line in batch]


def _clean_record(cleaner: Cleaner, opts: Options, no: int, line: bytes) -> RecordOut:
    body, end = _split_eol(line)
    if not body.strip():
        return RecordOut(no, line)
    try:
        record = json.loads(body.decode("utf-8-sig" if no == 1 else "utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return RecordOut(no, line, error=f"record {no}: not valid JSON ({e})")
    if not isinstance(record, dict):
        return RecordOut(no, line, error=f"record {no}: not a JSON object")
    value = record.get(opts.field)
    if not isinstance(value, str):
        what = "missing" if value is None else f"a {type(value).__name__}, not a string"
        return RecordOut(no, line, error=f"record {no}: field {opts.field!r} is {what}")
    url = record.get(opts.url_field) if opts.url_field else None
    url = url if isinstance(url, str) and url else opts.url
    mode = Mode.HTML if opts.html else Mode.TEXT
    try:
        result = _clean_one(cleaner, mode, value, url)
    except Exception as e:  # one bad record must not stop the corpus
        return RecordOut(no, line, error=f"record {no}: {_describe(e)}")
    if mode is Mode.TEXT and not result.changed and not opts.annotate:
        return RecordOut(no, line, result)  # byte for byte as it came
    record[opts.field] = result.text
    if opts.annotate:
        record[ANNOTATION_KEY] = {
            "removed": [_removal_json(r) for r in result.removed],
            "flagged": result.flagged,
        }
    data = json.dumps(record, ensure_ascii=False).encode("utf-8") + (end or b"\n")
    return RecordOut(no, data, result)


def _split_eol(line: bytes) -> tuple[bytes, bytes]:
    if line.endswith(b"\r\n"):
        return line[:-2], b"\r\n"
    if line.endswith(b"\n"):
        return line[:-1], b"\n"
    return line, b""


def clean_jsonl(
    task: Task,
    pool: Workers,
    opts: Options,
    tick: Callable[[int], None] | None = None,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
) -> FileReport:
    """Clean one JSONL file record by record, streaming: memory does not grow with its size.

    Records are cleaned in the pool in batches and written in their input order.
    """
    src = "-" if stdin is not None else str(task.src)
    dest = "-" if stdout is not None else (str(task.dest) if task.dest else None)
    report = FileReport(src, dest, Mode.JSONL, "unchanged")
    errors: list[str] = []
    try:
        with contextlib.ExitStack() as stack:
            reader = stdin if stdin is not None else stack.enter_context(open_read(task.src))
            writer: IO[bytes] | None = stdout
            if writer is None and task.dest is not None:
                writer = stack.enter_context(atomic_open(task.dest))
            batches = _batches(enumerate(reader, 1), BATCH)
            for outs in pool.map(clean_records, batches):
                for out in outs:
                    _account_record(report, out, opts, errors)
                    if writer is not None:
                        writer.write(out.data)
                if tick is not None:
                    tick(len(outs))
            if task.in_place and report.records_changed == 0 and not opts.annotate:
                raise _Unchanged  # leave the file as it was: the temporary file goes
    except _Unchanged:
        pass
    except (OSError, EOFError, MissingExtra) as e:
        return _failed(report, "error", f"{src}: {_describe(e)}")
    if report.records_changed:
        report.status = "changed"
    if errors:
        shown = errors[:5] + ([f"... and {len(errors) - 5} more"] if len(errors) > 5 else [])
        report.status = "error"
        report.message = f"{src}: " + "; ".join(shown)
    return report


class _Unchanged(Exception):
    """Abandon an in-place rewrite that would write the same records back."""


def _account_record(report: FileReport, out: RecordOut, opts: Options, errors: list[str]) -> None:
    report.records += 1
    if out.error:
        errors.append(out.error)
    if out.result is None:
        return
    _account(report, out.result, f"record {out.no}", opts)
    report.records_changed += int(out.result.changed)


T = TypeVar("T")
R = TypeVar("R")


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def ordered_map(
    pool: Executor, fn: Callable[[T], R], items: Iterable[T], window: int
) -> Iterator[R]:
    """``map`` that keeps input order with at most ``window`` tasks in flight.

    Unlike ``Executor.map`` it does not submit the whole input first, so a huge corpus
    streams through in bounded memory.
    """
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class InlineExecutor(Executor):
    """Runs each task at once in this process: ``--jobs 1``, and small runs not worth a pool."""

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        fut: Future[R] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as e:
            fut.set_exception(e)
        return fut


@dataclass(frozen=True)
class Workers:
    """An executor whose workers each hold the Cleaner, and how many there are."""

    executor: Executor
    size: int

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return ordered_map(self.executor, fn, items, 4 * self.size)


@contextlib.contextmanager
def pool_for(cleaner: Cleaner, opts: Options, jobs: int, work: int) -> Iterator[Workers]:
    """A process pool of ``jobs`` workers that each hold ``cleaner``; inline for one job."""
    jobs = max(1, min(jobs, work))
    if jobs == 1:
        global _state
        saved, _state = _state, (cleaner, opts)
        try:
            yield Workers(InlineExecutor(), 1)
        finally:
            _state = saved
        return
    with ProcessPoolExecutor(jobs, initializer=_init, initargs=(cleaner, opts)) as pool:
        # Start the workers now, before the caller starts threads (a progress bar): forking
        # a process with running threads can copy a lock some thread holds.
        pool.submit(int).result()
        yield Workers(pool, jobs)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def work_units(tasks: Sequence[Task], jobs: int) -> int:
    """How many workers the tasks can keep busy: one per file, any number for JSONL."""
    return len(tasks) + (jobs if any(t.mode is Mode.JSONL for t in tasks) else 0)


def run(
    tasks: Sequence[Task],
    cleaner: Cleaner,
    opts: Options,
    jobs: int,
    tick: Callable[[int], None] | None = None,
) -> Iterator[FileReport]:
    """Clean every task, in parallel, yielding one report per task in task order."""
    with pool_for(cleaner, opts, jobs, work_units(tasks, jobs)) as pool:
        yield from run_in(pool, tasks, opts, tick)


def run_in(
    pool: Workers,
    tasks: Sequence[Task],
    opts: Options,
    tick: Callable[[int], None] | None = None,
) -> Iterator[FileReport]:
    """``run`` with a pool the caller made; ``tick(n)`` is called as work gets done."""
    # Runs of text/HTML files share the pool file by file; a JSONL file uses it record by record.
    for is_jsonl, group in itertools.groupby(tasks, key=lambda t: t.mode is Mode.JSONL):
        if is_jsonl:
            for task in group:
                yield clean_jsonl(task, pool, opts, tick)
            continue
        for report in pool.map(clean_file, group):
            if tick is not None:
                tick(1)
            yield report


def run_stdin(cleaner: Cleaner, opts: Options, output: Path | None = None) -> FileReport:
    """Clean standard input to ``output`` or standard output, in this process."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    if opts.jsonl:
        with pool_for(cleaner, opts, 1, 1) as pool:
            if output is None:
                return clean_jsonl(Task(Path("-"), Mode.JSONL), pool, opts, None, stdin, stdout)
            with atomic_open(output) as f:
                return clean_jsonl(Task(Path("-"), Mode.JSONL), pool, opts, None, stdin, f)
    data = stdin.read()
    mode = Mode.HTML if opts.html else Mode.TEXT
    report = FileReport("-", str(output) if output else "-", mode, "unchanged", records=1)
    try:
        if mode is Mode.HTML:
            before, encoding = "", "utf-8"
            result = cleaner.clean_html(data, opts.url)
        else:
            decoded = decode(data, "<stdin>")
            before, encoding = decoded.text, decoded.encoding
            result = cleaner.clean(before, opts.url)
    except SkipFile as e:
        _write_out(data, output, stdout)  # not text: pass it through, as a filter should
        return _failed(report, "skipped", str(e))
    _account(report, result, "", opts)
    if result.changed:
        report.status, report.records_changed = "changed", 1
    if opts.diff and mode is Mode.TEXT and result.changed:
        report.diff = unified_diff(before, result.text, "-", "-")
    _write_out(result.text.encode(encoding), output, stdout)
    return report


def _write_out(data: bytes, output: Path | None, stdout: IO[bytes]) -> None:
    if output is None:
        stdout.write(data)
        stdout.flush()
    else:
        with atomic_open(output, compress=False) as f:
            f.write(data)


# ---------------------------------------------------------------------------------------
# Accounting


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

    def add(self, r: FileReport) -> None:
        if r.status == "skipped":
            self.skipped += 1
            self.notes.append(r.message)
            return
        if r.status == "error" and r.records == 0:
            self.errors.append(r.message)
            return
        if r.status == "error":
            self.errors.append(r.message)
        self.read += 1
        self.changed += r.records_changed > 0
        self.unchanged += r.records_changed == 0
        self.flagged += r.flagged
        self.kinds.update(r.counts)
        if r.mode == Mode.JSONL:
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
            "errors": self.errors,
            "skipped": self.notes,
            "seconds": round(self.seconds, 3),
        }


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


class ReportWriter:
    """Streams the JSON report (one entry per file, then the summary) to a file, atomically.

    Entries are written as they come, so a large run does not hold them all in memory.
    """

    def __init__(self, path: Path) -> None:
        self._cm = atomic_open(path, compress=False)
        self._f: IO[bytes] | None = None
        self._first = True

    def __enter__(self) -> ReportWriter:
        self._f = self._cm.__enter__()
        self._f.write(b'{"files": [\n')
        return self

    def add(self, report: FileReport) -> None:
        assert self._f is not None
        sep = b"" if self._first else b",\n"
        self._first = False
        self._f.write(sep + json.dumps(report.to_json(), ensure_ascii=False).encode())

    def finish(self, summary: Summary) -> None:
        assert self._f is not None
        tail = json.dumps(summary.to_json(), ensure_ascii=False, indent=1)
        self._f.write(b'\n],\n"summary": ' + tail.encode() + b"}\n")

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(*exc)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# Reading documents for corpus statistics (``cleaner learn``)


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
            errors.append(f"{p}: {_not_a_file(p)}")
            continue
        for src in files:
            try:
                yield from _documents_in(src, root, opts, errors)
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
            yield Document(decode(src.read_bytes(), str(src)).text, src, root, rel, opts.url)
        except SkipFile as e:
            errors.append(str(e))
        return
    with open_read(src) as reader:
        for no, line in enumerate(reader, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line.decode("utf-8-sig" if no == 1 else "utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                errors.append(f"{src}: record {no}: not valid JSON ({e})")
                continue
            text = record.get(opts.field) if isinstance(record, dict) else None
            if not isinstance(text, str):
                errors.append(f"{src}: record {no}: no string field {opts.field!r}")
                continue
            url = record.get(opts.url_field) if opts.url_field else None
            yield Document(text, src, root, rel, url if isinstance(url, str) and url else opts.url)
