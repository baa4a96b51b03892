"""Running planned tasks: files through the pool one each, JSONL files record batch by
record batch, and standard input in this process. Reports come back in task order, so
the output never depends on scheduling.
"""

from __future__ import annotations

import contextlib
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from ..files import MissingExtra, SkipFile, atomic_open, open_read, open_source
from ..pipeline import Cleaner, Handover
from .content import NothingExtracted, clean_content, describe
from .job import Job
from .options import Mode, Options
from .plan import Task, mode_of
from .pool import Workers, pool_for
from .records import RecordOut
from .report import FileReport, Status
from .review import Outcome

BATCH = 64  # JSONL records per pool task: big enough to amortise the round trip
BATCH_BYTES = 1 << 20  # ... and no more bytes than this, unless one record is larger


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
    with pool_for(Job(cleaner, opts), jobs, work_units(tasks, jobs)) as pool:
        yield from run_in(pool, tasks, opts, tick)


def run_in(
    pool: Workers[Job],
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
        for report in pool.map(Job.clean_file, group):
            if tick is not None:
                tick(1)
            yield report


def clean_jsonl(
    task: Task,
    pool: Workers[Job],
    opts: Options,
    tick: Callable[[int], None] | None = None,
    reader: IO[bytes] | None = None,
    writer: IO[bytes] | None = None,
) -> FileReport:
    """Clean one JSONL file record by record, streaming: memory does not grow with its size.

    Records are cleaned in the pool in batches and written in their input order. ``reader``
    and ``writer``, when given, stand for the task's source and destination (streams).
    """
    src = str(task.src)
    dest = "-" if writer is not None else (str(task.dest) if task.dest else None)
    report = FileReport(src, dest, Mode.JSONL, Status.UNCHANGED)
    errors: list[str] = []
    try:
        with contextlib.ExitStack() as stack:
            read = None
            if reader is None:
                reader, read = stack.enter_context(open_source(task.src))
            if writer is None and task.dest is not None:
                replaces = read if task.in_place else None  # not if it changed since
                writer = stack.enter_context(atomic_open(task.dest, replaces=replaces))
            batches = _batches(reader, BATCH, BATCH_BYTES)
            for outs in pool.map(Job.clean_records, batches):
                for out in outs:
                    _account_record(report, out, opts, errors)
                    if writer is not None:
                        writer.write(out.data)
                        writer.write(out.end)
                if tick is not None:
                    tick(len(outs))
            if task.in_place and report.records_changed == 0 and not opts.annotate:
                raise _Unchanged  # leave the file as it was: the temporary file goes
    except _Unchanged:
        pass
    except SkipFile as e:
        return report.fail(Status.SKIPPED, str(e))
    except (OSError, EOFError, MissingExtra) as e:
        return report.fail(Status.ERROR, f"{src}: {describe(e)}")
    if report.records_changed:
        report.status = Status.CHANGED
    if errors:
        shown = errors[:5] + ([f"... and {len(errors) - 5} more"] if len(errors) > 5 else [])
        report.fail(Status.ERROR, f"{src}: " + "; ".join(shown))
    return report


class _Unchanged(Exception):
    """Abandon an in-place rewrite that would write the same records back."""


def _account_record(report: FileReport, out: RecordOut, opts: Options, errors: list[str]) -> None:
    report.records += 1
    if out.error:
        errors.append(out.error)
    if out.outcome is None:
        return
    report.add(out.outcome, out.no)
    report.records_changed += int(out.outcome.changed)


def _batches(
    reader: Iterable[bytes], size: int, max_bytes: int
) -> Iterator[list[tuple[int, Handover[bytes]]]]:
    """The lines of ``reader``, numbered from 1, in batches of ``size``, or fewer when they
    reach ``max_bytes``: the records in flight stay bounded in bytes, not only in number,
    when some are large. Each line is handed over (see ``records.clean_record``): nothing
    here keeps a reference to a line's bytes."""
    batch: list[tuple[int, Handover[bytes]]] = []
    held = 0
    for item in enumerate(map(Handover, reader), 1):
        batch.append(item)
        held += len(item[1])
        if len(batch) == size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


STDIN = Path("-")


def run_stream(
    cleaner: Cleaner,
    opts: Options,
    src: Path = STDIN,
    output: Path | None = None,
    write: bool = True,
) -> FileReport:
    """Clean one input (a file, or standard input) in this process, to ``output`` or else
    standard output; ``write=False`` writes nothing (a check, or a diff alone)."""
    mode = mode_of(src, opts)  # stdin ('-') by the options alone
    try:
        with (
            _source(src) as reader,
            _sink(output, write) as writer,
        ):
            if mode is Mode.JSONL:
                with pool_for(Job(cleaner, opts), 1, 1) as pool:
                    return clean_jsonl(Task(src, mode), pool, opts, None, reader, writer)
            dest = "-" if output is None else str(output)
            return _clean_stream(cleaner, opts, mode, src, reader.read(), writer, dest)
    except SkipFile as e:
        return FileReport(str(src), None, mode, Status.SKIPPED, message=str(e))
    except (OSError, EOFError, MissingExtra) as e:
        return FileReport.error(src, f"{src}: {describe(e)}")


@contextlib.contextmanager
def _source(src: Path) -> Iterator[IO[bytes]]:
    if src == STDIN:
        yield sys.stdin.buffer
    else:
        with open_read(src) as f:
            yield f


@contextlib.contextmanager
def _sink(output: Path | None, write: bool) -> Iterator[IO[bytes] | None]:
    """Where a stream's output goes: nowhere, standard output, or a file (atomically,
    compressed if its name says so)."""
    if not write:
        yield None
    elif output is None:
        yield sys.stdout.buffer
    else:
        with atomic_open(output) as f:
            yield f


def _clean_stream(
    cleaner: Cleaner,
    opts: Options,
    mode: Mode,
    src: Path,
    data: bytes,
    sink: IO[bytes] | None,
    dest: str,
) -> FileReport:
    name = "<stdin>" if src == STDIN else str(src)
    report = FileReport(str(src), dest if sink else None, mode, Status.UNCHANGED)
    try:
        cleaned = clean_content(cleaner, mode, data, opts.url, name)
    except SkipFile as e:
        if sink is not None:
            sink.write(data)  # not text: pass it through, as a filter should
        return report.fail(Status.SKIPPED, str(e))
    except NothingExtracted as e:
        return report.fail(Status.ERROR, f"{src}: {e}")
    result = cleaned.result
    report.add(Outcome.of(result, opts.keep_removed, opts.views))
    report.records = 1
    if result.changed:
        report.status, report.records_changed = Status.CHANGED, 1
    if opts.diff:
        report.diff = cleaned.diff(str(src), str(src))
    if sink is not None:
        sink.write(cleaned.output)
        sink.flush()
    return report
