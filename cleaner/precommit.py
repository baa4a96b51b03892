"""pre-commit hooks (see ``.pre-commit-hooks.yaml``): fix or report boilerplate in staged files.

Like pre-commit-hooks' fixers, ``strip-news-boilerplate`` rewrites the files it changes
and exits 1 so that the commit stops for a look; ``check-news-boilerplate`` only reports.
Both exit 2 on bad rules or unreadable files. pre-commit passes the staged file names and
runs several processes itself, so the hooks clean in this process.

The hook definitions match no file until the user's ``files:`` names the scraped ones: a
repository's other text files (a LICENSE.txt, a requirements.txt) must never be touched.
Of the files given, the hooks take text and JSONL files (or ``--glob``) and pass over the
rest, saying so.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import corpus as cp
from .heuristics import MODES
from .pipeline import Cleaner
from .rules import RuleError

DEFAULT_SCOPE = "not a text or JSONL file (*.txt, *.text, *.jsonl; --glob to choose)"


def _parse(argv: Sequence[str] | None, prog: str, what: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog=prog, description=what)
    p.add_argument("filenames", nargs="*", type=Path)
    p.add_argument("--rules", "-r", action="append", type=Path, default=[], help="rule file/dir")
    p.add_argument(
        "--glob",
        "-g",
        action="append",
        default=[],
        metavar="PATTERN",
        help="only files matching PATTERN (repeatable; default: text and JSONL files)",
    )
    p.add_argument("--url", help="page URL for per-site rules")
    p.add_argument("--mode", choices=MODES, default="balanced", help="see cleaner clean --mode")
    return p.parse_args(argv)


def _reports(args: argparse.Namespace, fix: bool) -> list[cp.FileReport] | int:
    """Clean the selected files (rewriting them if ``fix``), or 2 if the rules are bad."""
    try:
        cleaner = Cleaner(args.rules, url=args.url, mode=args.mode)
    except RuleError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    opts = cp.Options(url=args.url, keep_removed=not fix)
    # What `cleaner clean --in-place` takes in a directory: text and JSONL, not HTML.
    globs = tuple(args.glob) or cp.default_globs(opts, in_place=True)
    taken = [f for f in args.filenames if cp.matches(f, globs)]
    why = f"does not match --glob {' '.join(args.glob)}" if args.glob else DEFAULT_SCOPE
    passed = [
        cp.FileReport(str(f), None, None, cp.Status.SKIPPED, message=f"{f}: {why}")
        for f in args.filenames
        if f not in taken
    ]
    tasks, errors = cp.plan(taken, opts, in_place=fix, globs=globs)  # no -o: read only
    return passed + errors + list(cp.run(tasks, cleaner, opts, jobs=1))


def _exit(reports: list[cp.FileReport]) -> int:
    for r in reports:
        if r.status in (cp.Status.ERROR, cp.Status.SKIPPED):
            print(f"{r.status}: {r.message}", file=sys.stderr)
    if any(r.status is cp.Status.ERROR for r in reports):
        return 2
    return int(any(r.changed for r in reports))


def strip_main(argv: Sequence[str] | None = None) -> int:
    """Remove boilerplate lines from the given files in place; 1 if any file changed."""
    args = _parse(argv, "strip-news-boilerplate", strip_main.__doc__ or "")
    reports = _reports(args, fix=True)
    if isinstance(reports, int):
        return reports
    for r in reports:
        if r.changed:
            n = sum(r.counts.values())
            print(f"Fixing {r.src} ({n} boilerplate line{'s' * (n != 1)} removed)")
    return _exit(reports)


def check_main(argv: Sequence[str] | None = None) -> int:
    """List boilerplate lines in the given files, changing nothing; 1 if there are any."""
    args = _parse(argv, "check-news-boilerplate", check_main.__doc__ or "")
    reports = _reports(args, fix=False)
    if isinstance(reports, int):
        return reports
    for r in reports:
        for where, rm in r.removals():
            print(f"{where}: {rm.kind}: {rm.text.strip()}")
    return _exit(reports)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(strip_main())
