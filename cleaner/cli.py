"""The ``cleaner`` command line (typer). It parses, prints and sets exit codes; the work
is done by the corpus package (files, JSONL, the process pool) and learn.py.

Exit codes: 0 done (or nothing found), 1 ``check`` found junk, 2 usage or input errors
(other files are still processed; errors are listed at the end).
"""

from __future__ import annotations

import json
import os
import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from . import Cleaner, RuleError, __version__, lengthcheck
from . import corpus as cp
from . import learn as learn_mod
from . import rules as rules_mod
from .corpus.content import NothingExtracted, clean_content
from .files import MissingExtra, SkipFile, atomic_open, decode, read_file
from .segment import segment

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
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary.")]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
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


def _cleaner(rules: list[Path] | None, url: str | None) -> Cleaner:
    try:
        return Cleaner(rules or [], url=url)
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
    html: HtmlOpt = False,
    jsonl: JsonlOpt = False,
    field: FieldOpt = "text",
    url_field: UrlFieldOpt = "url",
    annotate: Annotated[
        bool, typer.Option("--annotate", help="JSONL: add each record's removals under 'cleaner'.")
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option("--report", metavar="FILE", help="Write a JSON report of every removal."),
    ] = None,
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
    opts = _options(
        html, jsonl, field, url_field, url, annotate=annotate, diff=diff,
        keep_removed=verbose or report is not None,
    )  # fmt: skip
    stream = _stream(paths, output, in_place, diff)
    c = _cleaner(rules, url)
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
    with cp.ReportWriter(report) if report else nullcontext() as writer:
        for r in reports:
            summary.add(r)
            if writer is not None:
                writer.add(r)
            _show(r, verbose)
        if writer is not None:
            writer.finish(summary)
    _close(summary, quiet)


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
    html: HtmlOpt = False,
    jsonl: JsonlOpt = False,
    field: FieldOpt = "text",
    url_field: UrlFieldOpt = "url",
    quiet: QuietOpt = False,
) -> None:
    """List the files that contain junk, changing nothing. Exit 1 if any does."""
    opts = _options(html, jsonl, field, url_field, url)
    stdin = "-" in map(str, paths)
    if stdin and len(paths) > 1:
        raise _usage("'-' (stdin) must be the only input")
    c = _cleaner(rules, url)
    summary = cp.Summary()
    reports = (
        iter([cp.run_stream(c, opts, cp.STDIN, write=False)])
        if stdin
        else _run(paths, opts, c, jobs, quiet, globs=glob)
    )
    for r in reports:
        summary.add(r)
        if r.counts:
            kinds = ", ".join(f"{k} {n}" for k, n in sorted(r.counts.items()))
            n = sum(r.counts.values())
            if r.mode is cp.Mode.JSONL:
                what = f"{r.records_changed} of {r.records} records with junk, {n} lines"
            else:
                what = f"{n} junk line{'s' * (n != 1)}"
            typer.echo(f"{r.src}: {what} ({kinds})")
        _show(r, False)
    _close(summary, quiet, check=True)
    if summary.changed:
        raise typer.Exit(1)


@app.command(epilog=EXIT_CODES)
def explain(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A text or HTML file, or '-' for stdin.")
    ],
    rules: RulesOpt = None,
    url: UrlOpt = None,
    html: HtmlOpt = False,
    fmt: Annotated[
        str, typer.Option("--format", metavar="table|json", help="Output format.")
    ] = "table",
    width: Annotated[int, typer.Option(metavar="N", help="Characters of each line to show.")] = 60,
) -> None:
    """Show every line's verdict: keep/drop, kind, rule, score and the reason."""
    if fmt not in ("table", "json"):
        raise _usage(f"--format must be table or json, not {fmt!r}")
    c = _cleaner(rules, url)
    stdin = file == cp.STDIN
    is_html = html or (not stdin and cp.mode_of(file, cp.Options()) is cp.Mode.HTML)
    mode = cp.Mode.HTML if is_html else cp.Mode.TEXT
    try:
        data = sys.stdin.buffer.read() if stdin else read_file(file)[0]
        result = clean_content(c, mode, data, None, str(file)).result
    except SkipFile as e:
        raise _usage(str(e)) from None
    except (OSError, MissingExtra, NothingExtracted) as e:
        raise _usage(f"{file}: {e}") from None
    if fmt == "json":
        rows = [
            {
                "line_no": d.line_no,
                "action": d.action,
                "kind": d.kind and d.kind.value,
                "rule": d.rule,
                "score": d.score,
                "reason": d.reason,
                "class": d.label,
                "text": d.text,
            }
            for d in result.lines
        ]
        typer.echo(
            json.dumps(
                {"flagged": result.flagged, "language": result.language, "lines": rows},
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    typer.echo(
        f"{'line':>5}  {'action':6}  {'kind':13}  {'rule':30}  {'score':>5}  {'seen as':24}  text"
    )
    for d in result.lines:
        if not d.text.strip():
            continue
        shown = d.text.strip()
        shown = shown if len(shown) <= width else shown[: width - 1] + "…"
        typer.echo(
            f"{d.line_no:>5}  {d.action:6}  {(d.kind or '-'):13}  {(d.rule or '-'):30}  "
            f"{d.score:5.2f}  {d.label[:24]:24}  {shown}"
        )
        if not d.keep:
            typer.echo(f"{'':>5}  {'':6}  why: {d.reason}")
    if result.flagged:
        typer.echo(f"flagged: {result.flag_reason}")


@rules_app.command("list")
def rules_list(rules: RulesOpt = None) -> None:
    """List the loaded rules: id, kind, action, sites and the file they come from."""
    c = _cleaner(rules, None)
    typer.echo(f"{'id':40} {'kind':14} {'action':9} {'sites':20} source")
    for r in c.ruleset.rules:
        sites = ",".join(r.sites) or "-"
        typer.echo(f"{r.id:40} {r.kind.value:14} {r.action:9} {sites:20} {Path(r.source).name}")


@rules_app.command("check", epilog=EXIT_CODES)
def rules_check(
    paths: Annotated[list[Path], typer.Argument(help="Rule files or directories.")],
    sample: Annotated[
        list[Path] | None,
        typer.Option("--sample", "-s", help="Text file to dry-run the rules on (repeatable)."),
    ] = None,
) -> None:
    """Validate rule files (after the built-in packs), then dry-run them on sample files.

    Every fault of every file is listed with its file and rule id (exit 2), and a warning
    for every rule that can match a line of more than 60 words without `unbounded = true`.
    The dry run shows the sample lines each rule removes, as `clean` decides it (sites and
    lang are not applied), and the lines it matches that an earlier rule takes.
    """
    try:
        files = rules_mod.rule_files(paths)
    except RuleError as e:
        raise _usage(str(e)) from None
    rs, faults = rules_mod.check(files)
    for fault in faults:
        _err(f"error: {fault}")
    checked = {f.resolve() for f in files}
    mine = [r for r in rs.rules if Path(r.source).resolve() in checked]
    examples = _examples(rs)
    warned = 0
    for rule in mine:
        problem = lengthcheck.problem(rule, rs.lists, examples.get(rule.id, []))
        if problem:
            warned += 1
            _err(f"warning: {rule.source}: rule {rule.id!r}: {problem}")
    if faults:
        raise typer.Exit(2)
    typer.echo(
        f"ok: {_n(len(mine), 'rule')} in {_n(len(files), 'file')}; "
        f"{_n(len(rs.rules), 'rule')} loaded in all" + (f"; {_n(warned, 'warning')}" * bool(warned))
    )
    if sample:
        _dry_run(rs, mine, sample)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _examples(rs: rules_mod.RuleSet) -> dict[str, list[str]]:
    """Each rule's examples, from the parsed files."""
    out: dict[str, list[str]] = {}
    for _, doc in rs.docs:
        for entry in doc.get("rule", []) if isinstance(doc.get("rule"), list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("examples"), list):
                out[str(entry.get("id"))] = [e for e in entry["examples"] if isinstance(e, str)]
    return out


def _dry_run(rs: rules_mod.RuleSet, mine: list[rules_mod.Rule], samples: list[Path]) -> None:
    """Each checked rule's hits on the samples, found as ``clean`` finds them: the lines
    of ``segment``, matched by one Matcher over every loaded rule in load order."""
    matcher = rules_mod.Matcher(rs.rules, rs.lists)
    taken: dict[str, list[str]] = {r.id: [] for r in mine}
    shadowed: dict[str, list[str]] = {r.id: [] for r in mine}
    for s in samples:
        try:
            text = decode(s.read_bytes(), str(s)).text
        except (OSError, SkipFile) as e:
            raise _usage(str(e)) from None
        for line in segment(text):
            if line.blank:
                continue
            warnings: list[str] = []
            hits = matcher.matches(line.view, warnings)
            for w in warnings:
                _err(f"warning: {s}:{line.no}: {w}")
            where = f"  {s}:{line.no}: {line.raw.strip()}"
            for k, rule in enumerate(hits):
                if rule.id in taken:
                    if k == 0:
                        taken[rule.id].append(where)
                    else:
                        shadowed[rule.id].append(f"{where}  (taken by {hits[0].id})")
    for rule in mine:
        typer.echo(f"{rule.id} ({rule.kind.value}): {_n(len(taken[rule.id]), 'hit')}")
        for where in taken[rule.id]:
            typer.echo(where)
        if shadowed[rule.id]:
            typer.echo(
                f"  also matches {_n(len(shadowed[rule.id]), 'line')} an earlier rule takes:"
            )
            for where in shadowed[rule.id]:
                typer.echo(f"  {where}")


@app.command(epilog=EXIT_CODES)
def learn(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Corpus files or directories.")
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="Rule file to write ('-' for stdout)."),
    ],
    min_docs: Annotated[
        int,
        typer.Option(
            "--min-docs", min=2, metavar="N", help="A line must be in this many documents..."
        ),
    ] = 5,
    min_share: Annotated[
        float,
        typer.Option(
            "--min-share", min=0.0, max=1.0, metavar="X", help="...and this share of its site's."
        ),
    ] = 0.5,
    site_from: Annotated[
        learn_mod.SiteFrom,
        typer.Option(
            "--site-from",
            metavar="dir|url-field",
            help="Group documents by the first directory under PATH, or by the URL's host.",
        ),
    ] = learn_mod.SiteFrom.DIR,
    glob: Annotated[
        list[str] | None, _glob_opt(f"*.txt *.text *.jsonl ({COMPRESSED_NOTE})")
    ] = None,
    jsonl: JsonlOpt = False,
    field: Annotated[
        str, typer.Option("--field", metavar="NAME", help="JSONL: the field with the text.")
    ] = "text",
    url_field: UrlFieldOpt = "url",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Learn each site's repeated boilerplate lines from a corpus and write them as rules."""
    opts = _options(False, jsonl, field, url_field, None)
    try:
        lopts = learn_mod.LearnOptions(min_docs, min_share, site_from)
    except ValueError as e:
        raise _usage(str(e)) from None
    if site_from is learn_mod.SiteFrom.URL_FIELD and not url_field:
        raise _usage("--site-from url-field needs --url-field")
    globs = tuple(glob or (cp.JSONL_GLOBS if jsonl else cp.TEXT_GLOBS + cp.JSONL_GLOBS))
    errors: list[str] = []

    def documents() -> Iterator[cp.Document]:
        errors.clear()  # each pass meets the same errors: report them once
        return cp.iter_documents(paths, globs, opts, errors)

    builtin = rules_mod.load()
    try:
        learned, stats = learn_mod.learn(documents, lopts, lambda host: builtin.matcher(host, None))
    except MissingExtra as e:
        raise _usage(str(e)) from None
    args = [*map(str, paths), "-o", str(output), f"--min-docs={min_docs}"]
    args += [f"--min-share={min_share}", f"--site-from={site_from.value}"]
    command = "cleaner learn " + " ".join(map(shlex.quote, args))
    text = learn_mod.to_toml(learned, stats, lopts, command)
    learn_mod.validate(text, str(output))
    if str(output) == "-":
        sys.stdout.write(text)
    else:
        with atomic_open(output, compress=False) as f:
            f.write(text.encode("utf-8"))
    if not quiet:
        _err(
            f"learned {_n(len(learned), 'rule')} on {_n(len({x.site for x in learned}), 'site')} "
            f"from {_n(stats.documents, 'document')} ({_n(stats.sites, 'site')}, "
            f"{stats.small_sites} with fewer than {min_docs} documents, "
            f"{stats.unsited} documents without a site)"
        )
    for message in errors:
        _err(f"error: {message}")
    if errors:
        raise typer.Exit(2)


# Every command's help in the usual form (see _Command), whoever defined the command.
for _info in (*app.registered_commands, *rules_app.registered_commands):
    if _info.cls is TyperCommand:
        _info.cls = _Command


def main() -> None:  # pragma: no cover - console entry point
    app()


__all__ = ["app", "main"]
