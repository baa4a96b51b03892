"""``python -m bench``: run the chosen sections, print the markdown report, write BENCHMARKS.md."""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

from . import report, subject
from .context import Context
from .sections import SECTIONS

DEFAULT_DATA = subject.REPO_ROOT.parent / "shared" / "bench"  # repo-relative, not cwd-relative
DEFAULT_OUT = subject.REPO_ROOT / "BENCHMARKS.md"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """CLI options; defaults suit ``make bench`` run from the repo root."""
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument(
        "--data",
        type=Path,
        action="append",
        help="folder with article-extraction-benchmark/ and trafilatura-eval/, or a clone of "
        f"either upstream repo; repeatable (default: {DEFAULT_DATA})",
    )
    p.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help=f"comma-separated, from: {', '.join(SECTIONS)} (default: all)",
    )
    p.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="report file (default: %(default)s)"
    )
    p.add_argument("--no-write", action="store_true", help="print the report only")
    p.add_argument("--worst", type=int, default=10, help="documents per error listing")
    p.add_argument(
        "--cleaner",
        default=subject.DEFAULT_SPEC,
        help="module:Factory under test, or 'identity' to check the harness (default: %(default)s)",
    )
    args = p.parse_args(argv)
    args.sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = [s for s in args.sections if s not in SECTIONS]
    if unknown:
        p.error(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
    args.data = args.data or [DEFAULT_DATA]
    missing = [str(d) for d in args.data if not d.is_dir()]
    if missing:
        p.error(f"data folder not found: {', '.join(missing)}")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run and report; exit status 0 unless the arguments are wrong."""
    args = parse_args(argv)
    loaded = subject.load(args.cleaner)
    if loaded.note:
        print(f"[bench] {loaded.note} Reporting as-is rows only.", file=sys.stderr)
    ctx = Context([d.resolve() for d in args.data], loaded, args.worst)
    command = shlex.join(["python", "-m", "bench", *(sys.argv[1:] if argv is None else argv)])
    parts = [report.header(loaded.label, loaded.version, ctx.roots, command)]
    for name in args.sections:
        t0 = time.perf_counter()
        body = SECTIONS[name](ctx)
        took = time.perf_counter() - t0
        print(f"[bench] {name}: {took:.1f} s", file=sys.stderr, flush=True)
        parts.append(f"{body}\n\n_Section `{name}` took {took:.1f} s._")
    text = "\n\n".join(parts) + "\n"
    sys.stdout.write(text)
    if not args.no_write:
        args.out.write_text(text, encoding="utf-8")
        print(f"[bench] wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
