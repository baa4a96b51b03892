"""``cleaner learn``: rules for a site's repeated boilerplate, from a corpus."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from .. import corpus as cp
from .. import learn as learn_mod
from .. import rules as rules_mod
from ..files import MissingExtra, atomic_open
from .common import (
    COMPRESSED_NOTE,
    EXIT_CODES,
    JsonlOpt,
    UrlFieldOpt,
    _err,
    _glob_opt,
    _n,
    _options,
    _usage,
    app,
)


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
