"""``python -m bench``: run the chosen sections, print the markdown report, write BENCHMARKS.md.

With ``--snapshot FILE`` it instead writes every line's decision on every dev input; with
``--compare FILE`` it lists what changed since such a snapshot (exit status 1 if anything did).
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

from . import report, runner, snapshot, subject
from .context import Context
from .datasets import find_all
from .inputs import default_cache_dir
from .sections import ACCURACY, Part, sections

DEFAULT_DATA = subject.REPO_ROOT.parent / "shared" / "bench"  # repo-relative, not cwd-relative
DEFAULT_OUT = subject.REPO_ROOT / "BENCHMARKS.md"
DEFAULT_JOBS = 2


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """CLI options; defaults suit ``make bench`` run from the repo root."""
    known = sections()
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument(
        "--data",
        type=Path,
        action="append",
        help="folder with article-extraction-benchmark/, trafilatura-eval/ and wcxb/, or a "
        f"clone of an upstream repo; repeatable (default: {DEFAULT_DATA})",
    )
    p.add_argument(
        "--sections",
        help=f"comma-separated, from: {', '.join(known)} "
        f"(default: all; with --quick: {','.join(ACCURACY)})",
    )
    p.add_argument(
        "--quick",
        action="store_true",
        help="a fixed sample of about 1 page in 8 of every set, accuracy sections only; "
        "writes no report unless --out is given",
    )
    p.add_argument("--out", type=Path, help=f"report file (default: {DEFAULT_OUT})")
    p.add_argument("--no-write", action="store_true", help="print the report only")
    p.add_argument(
        "--worst", type=int, default=10, help="documents per listing (default: %(default)s)"
    )
    p.add_argument(
        "--cleaner",
        default=subject.DEFAULT_SPEC,
        help="module:Factory under test, or 'identity' to check the harness (default: %(default)s)",
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="keyword argument for the factory (value read as JSON if it parses, else as a "
        "string); repeatable",
    )
    p.add_argument(
        "--cache",
        type=Path,
        default=default_cache_dir(),
        help="where text inputs made from HTML are kept (default: %(default)s)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        help="worker processes for the cleaning runs (default: %(default)s)",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--snapshot", type=Path, metavar="FILE", help="write every line's decision to FILE"
    )
    mode.add_argument(
        "--compare",
        type=Path,
        metavar="FILE",
        help="list the decisions that differ from snapshot FILE; exit status 1 if any",
    )
    args = p.parse_args(argv)
    chosen = args.sections or ",".join(ACCURACY if args.quick else known)
    args.sections = [s.strip() for s in chosen.split(",") if s.strip()]
    unknown = [s for s in args.sections if s not in known]
    if unknown:
        p.error(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(known)}")
    args.data = [d.resolve() for d in (args.data or [DEFAULT_DATA])]
    missing = [str(d) for d in args.data if not d.is_dir()]
    if missing:
        p.error(f"data folder not found: {', '.join(missing)}")
    try:
        args.spec = subject.Spec(args.cleaner, subject.parse_settings(args.set))
    except ValueError as exc:
        p.error(str(exc))
    if args.compare is not None and not args.compare.is_file():
        p.error(f"snapshot not found: {args.compare}")
    if args.out is None:
        args.no_write = args.no_write or args.quick
        args.out = DEFAULT_OUT
    return args


def _snapshot(args: argparse.Namespace, loaded: subject.Loaded) -> int:
    """Write a snapshot, or compare this run with one."""
    quick = args.quick
    if args.compare is not None:
        header = snapshot.read_header(args.compare)
        quick = quick or bool(header.get("quick"))
        print(f"[bench] comparing with {args.compare}: {header}", file=sys.stderr)
    has_html = loaded.subject is not None and hasattr(loaded.subject, "clean_html")
    tasks = runner.plan(find_all(args.data), quick=quick, html=has_html, only_cleaned=True)
    t0 = time.perf_counter()
    docs = runner.progress(
        runner.run_tasks(runner.snapshot_doc, tasks, args.spec, args.cache, args.jobs),
        len(tasks),
        "snapshot",
    )
    if args.snapshot is not None:
        header = {"cleaner": args.spec.describe(), "version": loaded.version, "quick": quick}
        n = snapshot.write(args.snapshot, header, docs)
        took = time.perf_counter() - t0
        print(f"[bench] wrote {n} documents to {args.snapshot} in {took:.1f} s", file=sys.stderr)
        return 0
    scope = {(t.dataset, t.input.id, t.page.id) for t in tasks}
    result = snapshot.compare(snapshot.records(args.compare), docs, scope)
    for line in result.listing:
        print(line)
    print(result.summary())
    print(f"[bench] compared in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 1 if result.differs else 0


def main(argv: list[str] | None = None) -> int:
    """Run and report (exit status 0 unless the arguments are wrong), or snapshot/compare."""
    args = parse_args(argv)
    loaded = subject.load(args.spec)
    if loaded.note:
        print(f"[bench] {loaded.note} Reporting as-is rows only.", file=sys.stderr)
    if args.snapshot is not None or args.compare is not None:
        return _snapshot(args, loaded)
    ctx = Context(
        args.data,
        loaded,
        args.spec,
        worst=args.worst,
        quick=args.quick,
        cache_dir=args.cache,
        jobs=args.jobs,
    )
    command = shlex.join(["python", "-m", "bench", *(sys.argv[1:] if argv is None else argv)])
    head = report.header(loaded.label, loaded.version, ctx.roots, command, args.spec.describe())
    if any(s in ACCURACY for s in args.sections):
        ctx.results  # noqa: B018 -- run every input once, timed on its own
        head += f"\n\n_Cleaning runs ({ctx.jobs} processes) took {ctx.run_seconds:.1f} s._"
    summaries, listings = [head], []
    known = sections()
    for name in args.sections:
        t0 = time.perf_counter()
        part: Part = known[name](ctx)
        took = time.perf_counter() - t0
        print(f"[bench] {name}: {took:.1f} s", file=sys.stderr, flush=True)
        summaries.append(f"{part.summary}\n\n_Section `{name}` took {took:.1f} s._")
        if part.listings:
            listings.append(part.listings)
    text = "\n\n".join([*summaries, "# Listings", *listings] if listings else summaries) + "\n"
    sys.stdout.write(text)
    if not args.no_write:
        args.out.write_text(text, encoding="utf-8")
        print(f"[bench] wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
