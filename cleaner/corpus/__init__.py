"""Cleaning many documents: directory trees, JSONL corpora, a process pool, a summary.

The CLI and the pre-commit hooks say *what* to do (``plan``); this package does it
(``run``) and accounts for it (``FileReport``, ``Summary``, ``ReportWriter``). Its modules,
one job each:

- ``options``: how every input of a run is read (``Mode``, ``Options``);
- ``plan``: which files, read how, written where (``Task``);
- ``content``: cleaning one document's content, text or HTML;
- ``records``: parsing and cleaning one JSONL record;
- ``job``: the work a worker does (a file, a batch of records);
- ``pool``: running a job's work in parallel, in input order;
- ``run``: running the planned tasks, and standard input;
- ``review``: what is kept of each cleaned document (``Outcome``), and its bounded view;
- ``tally``: lines and words removed by kind and rule, and the documents to show;
- ``report``: what happened to each file, the totals, the JSON report;
- ``documents``: reading a corpus's documents for ``cleaner learn``.
"""

from __future__ import annotations

from .documents import Document, iter_documents
from .job import Job
from .options import Mode, Options
from .plan import (
    HTML_GLOBS,
    JSONL_GLOBS,
    TEXT_GLOBS,
    Task,
    UsageError,
    default_globs,
    matches,
    mode_of,
    plan,
    walk,
)
from .pool import Workers, default_jobs, ordered_map, pool_for
from .report import FileReport, ReportWriter, Status, Summary, read_report
from .run import STDIN, run, run_in, run_stream, work_units

__all__ = [
    "HTML_GLOBS",
    "JSONL_GLOBS",
    "STDIN",
    "TEXT_GLOBS",
    "Document",
    "FileReport",
    "Job",
    "Mode",
    "Options",
    "ReportWriter",
    "Status",
    "Summary",
    "Task",
    "UsageError",
    "Workers",
    "default_globs",
    "default_jobs",
    "iter_documents",
    "matches",
    "mode_of",
    "ordered_map",
    "plan",
    "pool_for",
    "read_report",
    "run",
    "run_in",
    "run_stream",
    "walk",
    "work_units",
]
