"""``cleaner report``: the HTML report of a saved JSON report (``--report FILE``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import corpus as cp
from .common import EXIT_CODES, _usage, app, write_html


@app.command(epilog=EXIT_CODES)
def report(
    json_report: Annotated[
        Path,
        typer.Argument(
            metavar="REPORT", help="A JSON report written by clean or check --report FILE."
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="The HTML page to write."),
    ],
) -> None:
    """Make a JSON report into one self-contained HTML page to look at: what was removed,
    by kind and rule, the documents that lost the most and a sample, struck through in
    place. Runs can also write it directly: clean or check --report-html FILE."""
    if output.resolve() == json_report.resolve():
        raise _usage(f"-o {output} would overwrite the JSON report it is made from")
    try:
        data = cp.read_report(json_report)
    except OSError as e:
        raise _usage(f"{json_report}: {e.strerror or e}") from None
    except ValueError as e:
        raise _usage(f"{json_report}: not a JSON report ({e})") from None
    write_html(data, output)
    typer.echo(f"wrote {output}", err=True)
