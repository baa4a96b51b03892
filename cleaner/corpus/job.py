"""The units of work that run in the pool: one text or HTML file, a batch of JSONL records.

A ``Job`` holds what every worker needs, the compiled Cleaner and the run's options; the
pool hands it to each worker process once (it pickles) and calls its methods there.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..files import SkipFile, atomic_open, read_file, refuse_hard_links
from ..pipeline import Cleaner, Handover
from .content import clean_content, describe
from .options import Options
from .plan import Task
from .records import RecordOut, clean_record
from .report import FileReport, Status
from .review import Outcome


@dataclass(frozen=True)
class Job:
    """The Cleaner and options of a run; its methods are the work a worker does."""

    cleaner: Cleaner
    opts: Options

    def clean_file(self, task: Task) -> FileReport:
        """Clean one text or HTML file: read, clean, write, report."""
        opts = self.opts
        src = str(task.src)
        report = FileReport(src, str(task.dest) if task.dest else None, task.mode, Status.UNCHANGED)
        try:
            data, snapshot = read_file(task.src)
            if task.in_place and task.dest is not None:
                refuse_hard_links(task.dest, snapshot)
            cleaned = clean_content(self.cleaner, task.mode, data, opts.url, src)
        except SkipFile as e:
            return report.fail(Status.SKIPPED, str(e))
        except Exception as e:  # one bad file must not stop the run: report it, go on
            return report.fail(Status.ERROR, f"{src}: {describe(e)}")
        result = cleaned.result
        report.add(Outcome.of(result, opts.keep_removed, opts.views))
        report.records = 1
        report.records_changed = int(result.changed)
        if result.changed:
            report.status = Status.CHANGED
        if opts.diff:
            report.diff = cleaned.diff(src, str(task.dest or task.src))
        if task.dest is not None and (result.changed or not task.in_place):
            replaces = snapshot if task.in_place else None  # not if it changed since
            try:
                with atomic_open(task.dest, replaces=replaces) as f:
                    f.write(cleaned.output)
            except OSError as e:
                return report.fail(Status.ERROR, f"{task.dest}: {e}")
        return report

    def clean_records(self, batch: list[tuple[int, Handover[bytes]]]) -> list[RecordOut]:
        """Clean a batch of numbered JSONL lines, each handed over (see ``clean_record``);
        a bad line is passed through unchanged."""
        return [clean_record(self.cleaner, self.opts, no, line) for no, line in batch]
