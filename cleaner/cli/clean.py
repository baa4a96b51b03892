"""``cleaner clean`` and ``cleaner check``: files, directories, JSONL corpora, stdin."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from .. import corpus as cp
from .common import (
    COMPRESSED_NOTE,
    EXIT_CODES,
    FieldOpt,
    GlobOpt,
    HtmlOpt,
    JobsOpt,
    JsonlOpt,
    ModeOpt,
    PathsArg,
    QuietOpt,
    ReportHtmlOpt,
    ReportOpt,
    RulesOpt,
    UrlFieldOpt,
    UrlOpt,
    _cleaner,
    _err,
    _glob_opt,
    _options,
    _run,
    _usage,
    app,
    write_html,
)


@app.command(epilog=EXIT_CODES)
def clean(
    paths: PathsArg,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Where to write: a directory (the inputs' tree is mirrored in it; a "
            "trailing '/' makes one), a file name for one input file, or '-' for standard "
            "output.",
        ),
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Rewrite inputs atomically.")
    ] = False,
    glob: Annotated[
        list[str] | None,
        _glob_opt(f"*.txt *.text *.jsonl, and *.html *.htm unless --in-place ({COMPRESSED_NOTE})"),
    ] = None,
    jobs: JobsOpt = None,
    rules: RulesOpt = None,
    url: UrlOpt = None,
    mode: ModeOpt = "balanced",
    html: HtmlOpt = False,
    jsonl: JsonlOpt = False,
    field: FieldOpt = "text",
    url_field: UrlFieldOpt = "url",
    annotate: Annotated[
        bool, typer.Option("--annotate", help="JSONL: add each record's removals under 'cleaner'.")
    ] = False,
    report: ReportOpt = None,
    report_html: ReportHtmlOpt = None,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="Print a unified diff per changed file (alone: write nothing)."
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every removed line.")
    ] = False,
    quiet: QuietOpt = False,
) -> None:
    """Clean files, directories, JSONL corpora or stdin; summarise what was removed, by kind.

    Output mirrors the input tree under -o (HTML inputs become .txt files). With '-' the
    input is read from stdin and written to stdout (or -o FILE).
    """
    reporting = _reporting(report, report_html)
    opts = _options(
        html, jsonl, field, url_field, url, annotate=annotate, diff=diff,
        keep_removed=verbose or report is not None, views=reporting,
    )  # fmt: skip
    stream = _stream(paths, output, in_place, diff)
    c = _cleaner(rules, url, mode)
    summary = cp.Summary()
    if stream is not None:
        src, dest = stream
        # --diff alone shows only the diff; with -o FILE it writes the file too.
        write = dest is not None or not diff
        reports: Iterator[cp.FileReport] = iter([cp.run_stream(c, opts, src, dest, write)])
    elif output is None and not in_place and not diff:
        raise _usage("give -o OUTPUT, --in-place or --diff (or '-' to filter stdin)")
    else:
        reports = _run(paths, opts, c, jobs, quiet, output, in_place, glob)
    _account(reports, summary, report, report_html, lambda r: _show(r, verbose))
    _close(summary, quiet)


def _reporting(report: Path | None, report_html: Path | None) -> bool:
    """Whether a report is asked for (then the documents' views are kept)."""
    if report is not None and report_html is not None and report.resolve() == report_html.resolve():
        raise _usage("--report and --report-html name the same file")
    return report is not None or report_html is not None


def _account(
    reports: Iterator[cp.FileReport],
    summary: cp.Summary,
    report: Path | None,
    report_html: Path | None,
    show: Callable[[cp.FileReport], None],
) -> None:
    """Count every file's report into ``summary`` and show it as it comes; write the JSON
    report (streamed) and the HTML report (at the end) when asked for."""
    with cp.ReportWriter(report) if report else nullcontext() as writer:
        for r in reports:
            summary.add(r)
            if writer is not None:
                writer.add(r)
            show(r)
        if writer is None and report_html is None:
            return
        tail = summary.report()
        if writer is not None:
            writer.finish(tail)
    if report_html is not None:
        write_html(tail, report_html)


def _stream(
    paths: list[Path], output: str | None, in_place: bool, diff: bool
) -> tuple[Path, Path | None] | None:
    """(input, output file or None for stdout) when one input goes through as a stream:
    stdin ('-'), or one file to standard output (-o -); None for a planned run."""
    stdin = "-" in map(str, paths)
    if output is not None and in_place:
        raise _usage("-o and --in-place exclude each other")
    if stdin and len(paths) > 1:
        raise _usage("'-' (stdin) must be the only input")
    if stdin and in_place:
        raise _usage("stdin cannot be rewritten --in-place")
    if output == "-" and diff:
        raise _usage("--diff and -o - would both write to standard output")
    if stdin:
        return cp.STDIN, None if output in (None, "-") else Path(output)
    if output == "-":
        if len(paths) != 1 or not paths[0].is_file():
            raise _usage("-o - (standard output) takes one input file")
        return paths[0], None
    return None


def _show(r: cp.FileReport, verbose: bool) -> None:
    if r.diff:
        sys.stdout.buffer.write(r.diff)
        sys.stdout.buffer.flush()
    if r.flagged:
        what = f"{r.flagged} records" if r.mode is cp.Mode.JSONL else "everything"
        _err(f"{r.src}: flagged: {what} would be removed; left unchanged")
    if verbose:
        for where, rm in r.removals():
            _err(f"{where}\t{rm.kind}\t{rm.rule}\t{rm.text}")
    for w in r.warnings:
        _err(f"warning: {w}")


def _close(summary: cp.Summary, quiet: bool, check: bool = False) -> None:
    """The closing summary, then skipped files and errors; exit 2 if there were errors."""
    if not quiet:
        for line in summary.lines(check):
            _err(line)
    for note in summary.notes:
        _err(f"skipped: {note}")
    for e in summary.errors:
        _err(f"error: {e}")
    if summary.errors:
        raise typer.Exit(2)


@app.command(epilog=EXIT_CODES)
def check(
    paths: PathsArg,
    glob: GlobOpt = None,
    jobs: JobsOpt = None,
    rules: RulesOpt = None,
    url: UrlOpt = None,
    mode: ModeOpt = "balanced",
    html: HtmlOpt = False,
    jsonl: JsonlOpt = False,
    field: FieldOpt = "text",
    url_field: UrlFieldOpt = "url",
    report: ReportOpt = None,
    report_html: ReportHtmlOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """List the files that contain junk, changing nothing. Exit 1 if any does."""
    reporting = _reporting(report, report_html)
    keep = report is not None
    opts = _options(html, jsonl, field, url_field, url, keep_removed=keep, views=reporting)
    stdin = "-" in map(str, paths)
    if stdin and len(paths) > 1:
        raise _usage("'-' (stdin) must be the only input")
    c = _cleaner(rules, url, mode)
    summary = cp.Summary()
    reports = (
        iter([cp.run_stream(c, opts, cp.STDIN, write=False)])
        if stdin
        else _run(paths, opts, c, jobs, quiet, globs=glob)
    )
    _account(reports, summary, report, report_html, _show_junk)
    _close(summary, quiet, check=True)
    if summary.changed:
        raise typer.Exit(1)


def _show_junk(r: cp.FileReport) -> None:
    """``check``'s line for a file with junk."""
    if r.counts:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(r.counts.items()))
        n = sum(r.counts.values())
        if r.mode is cp.Mode.JSONL:
            what = f"{r.records_changed} of {r.records} records with junk, {n} lines"
        else:
            what = f"{n} junk line{'s' * (n != 1)}"
        typer.echo(f"{r.src}: {what} ({kinds})")
    _show(r, False)
