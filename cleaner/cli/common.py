"""What every command shares: the typer apps, the help's form, the options, and running a
plan with a progress bar. Commands only parse, print and set exit codes; the work is done
by the corpus package (files, JSONL, the process pool) and learn.py."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from .. import Cleaner, RuleError, __version__, accel
from .. import corpus as cp
from ..corpus.allocator import fix_mmap_threshold
from ..files import atomic_open
from ..heuristics import MODES

EXIT_CODES = """\b
Exit codes:
  0  done (for check: no junk found)
  1  check found junk
  2  usage or input errors (other files are still processed; errors are listed at the end)"""


class _Command(TyperCommand):
    """Help in the usual form: values by their metavar (``PATH...``, ``N``), not by their
    Python names and types (``{paths}...``, ``<list[Path]>``, ``<int range>``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for p in self.params:
            if p.metavar is None and not getattr(p, "is_flag", False):
                p.metavar = (p.name or "").upper()

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [_argument(p) for p in self.get_params(ctx) if _is_argument(p)]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        params = self.get_params(ctx)
        arguments = [
            (_argument(p), getattr(p, "help", None) or "") for p in params if _is_argument(p)
        ]
        options = [p.get_help_record(ctx) for p in params if p.param_type_name == "option"]
        for title, rows in (("Arguments", arguments), ("Options", [r for r in options if r])):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _is_argument(p: Any) -> bool:
    return bool(p.param_type_name == "argument")


def _argument(p: Any) -> str:
    """An argument as help shows it: ``PATH...``, ``[FILE]``."""
    name = p.metavar if p.required else f"[{p.metavar}]"
    return f"{name}..." if p.nargs != 1 else str(name)


app = typer.Typer(
    help="Strip web-scraped news text of boilerplate and keep the article.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="Inspect and validate rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

COMPRESSED_NOTE = "each also .gz or .zst"
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules", "-r", metavar="PATH", help="Extra rule file or directory (repeatable)."
    ),
]
UrlOpt = Annotated[
    str | None, typer.Option("--url", metavar="URL", help="Page URL: enables per-site rules.")
]
PathsArg = Annotated[
    list[Path],
    typer.Argument(metavar="PATH", help="Files or directories (recursive); '-' for stdin."),
]


def _glob_opt(default: str) -> Any:
    return typer.Option(
        "--glob",
        "-g",
        metavar="PATTERN",
        help=f"File pattern inside directories (repeatable). Default: {default}.",
    )


GlobOpt = Annotated[
    list[str] | None, _glob_opt(f"*.txt *.text *.jsonl *.html *.htm ({COMPRESSED_NOTE})")
]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes (default: all cores)."),
]
HtmlOpt = Annotated[
    bool, typer.Option("--html", help="Treat every input as HTML (.html/.htm always are).")
]
JsonlOpt = Annotated[
    bool,
    typer.Option("--jsonl", help="Treat every input as JSONL (.jsonl files always are)."),
]
FieldOpt = Annotated[
    str, typer.Option("--field", metavar="NAME", help="JSONL: the field to clean.")
]
UrlFieldOpt = Annotated[
    str,
    typer.Option(
        "--url-field", metavar="NAME", help="JSONL: the field with the page URL ('' for none)."
    ),
]
ReportOpt = Annotated[
    Path | None,
    typer.Option(
        "--report", metavar="FILE", help="Write a JSON report: every file, every removal."
    ),
]
ReportHtmlOpt = Annotated[
    Path | None,
    typer.Option(
        "--report-html",
        metavar="FILE",
        help="Write an HTML report to look at: charts, the documents that lost the most, a sample.",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")]
ModeOpt = Annotated[
    str,
    typer.Option(
        "--mode",
        metavar="|".join(MODES),
        help="How sure the scorer must be: conservative removes only what rules, markup and "
        "named barriers show; aggressive also trusts the scorer's own guesses.",
    ),
]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__} ({accel.STATUS})")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    pass


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _usage(message: str) -> typer.Exit:
    _err(f"error: {message}")
    return typer.Exit(2)


def _cleaner(rules: list[Path] | None, url: str | None, mode: str = "balanced") -> Cleaner:
    """The run's Cleaner; the CLI's process returns large freed blocks (see ``allocator``)."""
    fix_mmap_threshold()
    if mode not in MODES:
        raise _usage(f"--mode {mode}: one of {', '.join(MODES)}")
    try:
        return Cleaner(rules or [], url=url, mode=mode)
    except RuleError as e:
        raise _usage(str(e)) from None


def _options(
    html: bool, jsonl: bool, field: str, url_field: str, url: str | None, **kw: Any
) -> cp.Options:
    """Run options; --jsonl --html means JSONL records whose field holds HTML."""
    return cp.Options(html, jsonl, field, url_field or None, url, **kw)


@contextmanager
def _progress(total: int | None, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal; otherwise a tick that does nothing."""
    if quiet or not sys.stderr.isatty():  # rich loads only for a bar that will show
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    console = Console(stderr=True)
    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("cleaning", total=total)
        yield lambda n: bar.advance(task, n)


def _run(
    paths: list[Path],
    opts: cp.Options,
    cleaner: Cleaner,
    jobs: int | None,
    quiet: bool,
    output: str | None = None,
    in_place: bool = False,
    globs: list[str] | None = None,
) -> Iterator[cp.FileReport]:
    """Plan and run; input errors found while planning come out as error reports first.

    ``output`` is ``-o`` as typed: a trailing slash means a directory, existing or not.
    """
    into_dir = output is not None and output.endswith(("/", os.sep))
    try:
        tasks, errors = cp.plan(
            paths, opts, Path(output) if output else None, in_place, globs, into_dir
        )
    except cp.UsageError as e:
        raise _usage(str(e)) from None
    yield from errors
    # Files count one each; JSONL files advance by records, so the bar has no fixed end.
    has_jsonl = any(t.mode is cp.Mode.JSONL for t in tasks)
    jobs = jobs or cp.default_jobs()
    with (
        cp.pool_for(cp.Job(cleaner, opts), jobs, cp.work_units(tasks, jobs)) as pool,
        _progress(None if has_jsonl else len(tasks), quiet) as tick,
    ):
        yield from cp.run_in(pool, tasks, opts, tick)


def write_html(report: dict[str, Any], path: Path) -> None:
    """Write the HTML report of ``report`` (``Summary.report()`` or a saved JSON report) to
    ``path``, atomically; a report that lacks what the page shows is a usage error."""
    from ..reporthtml import ReportFormatError, render

    try:
        page = render(report)
    except ReportFormatError as e:
        raise _usage(f"not a report the HTML page can show: {e}") from None
    try:
        with atomic_open(path, compress=False) as f:
            f.write(page.encode("utf-8", errors="replace"))  # a path not in UTF-8
    except OSError as e:
        raise _usage(f"{path}: {e}") from None


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"
