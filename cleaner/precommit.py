"""pre-commit hooks (see ``.pre-commit-hooks.yaml``): fix or report boilerplate in staged files.

Like pre-commit-hooks' fixers, ``strip-news-boilerplate`` rewrites the files it changes
and exits 1 so that the commit stops for a look; ``check-news-boilerplate`` only reports.
Both exit 2 on bad rules or unreadable files. pre-commit passes the staged file names and
runs several processes itself, so the hooks clean in this process.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import corpus as cp
from .pipeline import Cleaner
from .rules import RuleError

DEFAULT_GLOBS = ("*.txt",)


def _parse(argv: Sequence[str] | None, prog: str, what: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog=prog, description=what)
    p.add_argument("filenames", nargs="*", type=Path)
    p.add_argument("--rules", "-r", action="append", type=Path, default=[], help="rule file/dir")
    p.add_argument(
        "--glob", "-g", action="append", default=[], help="only files matching (default *.txt)"
    )
    p.add_argument("--url", help="page URL for per-site rules")
    return p.parse_args(argv)


def _reports(args: argparse.Namespace, fix: bool) -> list[cp.FileReport] | int:
    """Clean the selected files (rewriting them if ``fix``), or 2 if the rules are bad."""
    try:
        cleaner = Cleaner(args.rules, url=args.url)
    except RuleError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    opts = cp.Options(url=args.url, keep_removed=not fix)
    globs = tuple(args.glob) or DEFAULT_GLOBS
    paths = [f for f in args.filenames if cp.matches(f, globs)]
    tasks, errors = cp.plan(paths, opts, in_place=fix, globs=globs)
    if not fix:
        tasks = [cp.Task(t.src, t.mode) for t in tasks]  # read only
    return errors + list(cp.run(tasks, cleaner, opts, jobs=1))


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
