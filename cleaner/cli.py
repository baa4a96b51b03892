"""The ``cleaner`` command line (typer). IO lives here and in files.py, nowhere else.

Exit codes: 0 done (or nothing to report), 1 ``check`` found junk, 2 usage or input errors
(other files are still processed; errors are listed at the end).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from . import Cleaner, RuleError
from .files import SkipFile, read_text, write_atomic
from .result import CleanResult

app = typer.Typer(
    help="Strip web-scraped news text of boilerplate and keep the article.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
rules_app = typer.Typer(help="Inspect and validate rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

RulesOpt = Annotated[
    list[Path] | None,
    typer.Option("--rules", "-r", help="Extra rule file or directory (repeatable)."),
]
UrlOpt = Annotated[str | None, typer.Option("--url", help="Page URL: enables per-site rules.")]


def _cleaner(rules: list[Path] | None, url: str | None) -> Cleaner:
    try:
        return Cleaner(rules or [], url=url)
    except RuleError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None


def _inputs(paths: list[Path], glob: str) -> Iterator[tuple[Path, Path]]:
    """(file, path relative to the argument it came from), directories recursively, sorted."""
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob(glob)):
                if f.is_file():
                    yield f, f.relative_to(p)
        else:
            yield p, Path(p.name)


@app.command()
def clean(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories; '-' for stdin.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Output file or directory.")
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Rewrite inputs atomically.")
    ] = False,
    glob: Annotated[str, typer.Option("--glob", help="File pattern inside directories.")] = "*.txt",
    rules: RulesOpt = None,
    url: UrlOpt = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every removed line.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Clean files or stdin; print a summary of what was removed, by kind."""
    c = _cleaner(rules, url)
    if [str(p) for p in paths] == ["-"]:
        result = c.clean(sys.stdin.read())
        sys.stdout.write(result.text)
        _report_removals("-", result, verbose)
        return
    if output is None and not in_place:
        typer.echo("error: give -o OUTPUT or --in-place (or '-' to filter stdin)", err=True)
        raise typer.Exit(2)
    if output is not None and in_place:
        typer.echo("error: -o and --in-place exclude each other", err=True)
        raise typer.Exit(2)
    started = time.perf_counter()
    kinds: Counter[str] = Counter()
    read = changed = flagged = 0
    errors: list[str] = []
    files = list(_inputs(paths, glob))
    single = len(files) == 1 and not paths[0].is_dir() and not (output and output.is_dir())
    for src, rel in files:
        try:
            decoded = read_text(src)
        except (OSError, SkipFile) as e:
            errors.append(str(e))
            continue
        read += 1
        result = c.clean(decoded.text)
        kinds.update(result.counts())
        changed += result.changed
        flagged += result.flagged
        dest = src if in_place else (output if single else output / rel)  # type: ignore[operator]
        try:
            if not in_place or result.changed:
                write_atomic(dest, result.text, decoded.encoding)
        except OSError as e:
            errors.append(f"{dest}: {e}")
        _report_removals(str(src), result, verbose)
    if not quiet:
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"
        typer.echo(
            f"{read} files read, {changed} changed, {flagged} flagged, {len(errors)} errors; "
            f"lines removed by kind: {by_kind} ({time.perf_counter() - started:.2f}s)",
            err=True,
        )
    for e in errors:
        typer.echo(f"error: {e}", err=True)
    if errors:
        raise typer.Exit(2)


def _report_removals(name: str, result: CleanResult, verbose: bool) -> None:
    if result.flagged:
        typer.echo(f"{name}: flagged: {result.flag_reason}", err=True)
    if verbose:
        for r in result.removed:
            typer.echo(f"{name}:{r.line_no}\t{r.kind}\t{r.rule}\t{r.text}", err=True)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="A text file, or '-' for stdin.")],
    rules: RulesOpt = None,
    url: UrlOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    width: Annotated[int, typer.Option(help="Characters of each line to show.")] = 60,
) -> None:
    """Show every line's verdict: keep/drop, kind, rule, score and the reason."""
    c = _cleaner(rules, url)
    try:
        text = sys.stdin.read() if str(file) == "-" else read_text(file).text
    except (OSError, SkipFile) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    result = c.clean(text)
    if fmt == "json":
        rows = [
            {
                "line": d.line_no,
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
    typer.echo(f"{'line':>5}  {'action':6}  {'kind':13}  {'rule':30}  {'score':>5}  text")
    for d in result.lines:
        if not d.text.strip():
            continue
        shown = d.text.strip()
        shown = shown if len(shown) <= width else shown[: width - 1] + "…"
        typer.echo(
            f"{d.line_no:>5}  {d.action:6}  {(d.kind or '-'):13}  {(d.rule or '-'):30}  "
            f"{d.score:5.2f}  {shown}"
        )
        if not d.keep:
            typer.echo(f"{'':>5}  {'':6}  why: {d.reason}")
    if result.flagged:
        typer.echo(f"flagged: {result.flag_reason}")


@rules_app.command("list")
def rules_list(rules: RulesOpt = None) -> None:
    """List the loaded rules: id, kind, action and the file they come from."""
    c = _cleaner(rules, None)
    for r in c.ruleset.rules:
        typer.echo(f"{r.id:40} {r.kind.value:14} {r.action:9} {Path(r.source).name}")


@rules_app.command("check")
def rules_check(paths: Annotated[list[Path], typer.Argument(help="Rule files or dirs.")]) -> None:
    """Validate rule files (with the built-in packs loaded first)."""
    try:
        rs = Cleaner(paths).ruleset
    except RuleError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"ok: {len(rs.rules)} rules from {len(rs.sources)} files")


def main() -> None:  # pragma: no cover - console entry point
    app()


__all__ = ["app", "main"]
