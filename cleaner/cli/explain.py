"""``cleaner explain``: every line of one document with its verdict and reason."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import corpus as cp
from ..corpus.content import NothingExtracted, clean_content
from ..files import MissingExtra, SkipFile, read_file
from .common import EXIT_CODES, HtmlOpt, ModeOpt, RulesOpt, UrlOpt, _cleaner, _usage, app


@app.command(epilog=EXIT_CODES)
def explain(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A text or HTML file, or '-' for stdin.")
    ],
    rules: RulesOpt = None,
    url: UrlOpt = None,
    mode: ModeOpt = "balanced",
    html: HtmlOpt = False,
    fmt: Annotated[
        str, typer.Option("--format", metavar="table|json", help="Output format.")
    ] = "table",
    width: Annotated[int, typer.Option(metavar="N", help="Characters of each line to show.")] = 60,
) -> None:
    """Show every line's verdict: keep/drop, kind, rule, score and the reason."""
    if fmt not in ("table", "json"):
        raise _usage(f"--format must be table or json, not {fmt!r}")
    c = _cleaner(rules, url, mode)
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
