"""Speed and scale: throughput next to jusText and a regex floor, growth, directory runs,
and HTML mode's time against trafilatura.

Throughput is CPU time of this one process (``time.process_time``), the best of
``THROUGHPUT_ROUNDS`` rounds in which the systems take turns, so it is one core's rate and
other load on the machine disturbs it less than wall time would, and alike for every system.
Directory runs are wall time of the real CLI with ``--jobs 2``; their memory is the peak,
over time, of the summed RSS of the whole process tree (polled from ``/proc``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from ..context import Context
from ..datasets import Dataset, in_quick_sample
from ..report import table
from ..shapes import SHAPES
from ..subject import DEFAULT_SPEC, REPO_ROOT, load, result_text
from . import Part, startup

INPUTS = ("newspaper", "html-text")
REPEATS = 3
THROUGHPUT_ROUNDS = 5
GROWTH = (1, 10, 100)
# Hostile shapes (``bench.shapes``) are cleaned at this many characters and at
# ``SHAPE_GROWTH`` times as many: linear time grows as much as the input does. Each
# timing is the best of ``REPEATS``, and one core's speed drifts by ±20% here, so up to
# ``SHAPE_BOUND`` times counts as linear; time that grew with the square of the input
# would grow 16 times.
SHAPE_SIZE = 250_000
SHAPE_GROWTH = 4
SHAPE_BOUND = 6.0
FILES = int(os.environ.get("BENCH_SPEED_FILES", "20000"))
JOBS = 2
POLL = 0.05  # seconds between /proc samples
HTML_SAMPLED = ("wcxb",)  # sets timed in HTML mode on their --quick sample only
HTML_TARGET = 1.15  # clean_html's time against trafilatura.extract
FLOOR = re.compile(r"^\s*(?:advertisement|related (?:posts|stories)|share this)\s*:?$", re.I)
WORDS = re.compile(r"\w+")

Doc = tuple[str, str | None]  # (text, url)


def _cpu_time(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    """Best CPU time of ``repeats`` calls (the least disturbed by other load)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def _interleaved(systems: dict[str, Callable[[], float]]) -> dict[str, float]:
    """Best CPU time of each system over ``THROUGHPUT_ROUNDS`` rounds that run them in turn;
    each system's call times one run of it and returns its CPU seconds.

    On a shared machine the speed of a core drifts by tens of percent over minutes; taking
    turns exposes every system to the same drift, so their ratios hold even when the
    absolute figures move.
    """
    best = dict.fromkeys(systems, float("inf"))
    for _ in range(THROUGHPUT_ROUNDS):
        for name, run in systems.items():
            best[name] = min(best[name], run())
    return best


def _here(fn: Callable[[], object]) -> Callable[[], float]:
    """A system run in this process: its call returns the CPU time of one run."""
    return lambda: _cpu_time(fn, repeats=1)


# The other build of cleaner (pure Python, or compiled by ``make accel``) in a process of
# its own: it cleans every document once per line read from stdin and writes its CPU time.
_OTHER_BUILD = """
import json, sys, time
from bench.subject import Spec, load
name, settings, path = json.loads(sys.argv[1])
subject = load(Spec(name, tuple(map(tuple, settings)))).subject
docs = json.load(open(path, encoding="utf-8"))
def clean():
    t0 = time.process_time()
    for text, url in docs:
        subject.clean(text, url=url)
    return time.process_time() - t0
clean()  # warm up
print(json.dumps(sys.modules["cleaner"].ACCELERATED), flush=True)
for _ in sys.stdin:
    print(clean(), flush=True)
"""


class _OtherBuild:
    """The build of cleaner this process does not run, timed in a worker process; None
    from ``start`` when there is none (no current ``make accel`` build, another subject)."""

    def __init__(self, proc: subprocess.Popen[str], accelerated: bool) -> None:
        self.proc, self.accelerated = proc, accelerated

    @classmethod
    def start(cls, ctx: Context, docs: Sequence[Doc], tmp: Path) -> _OtherBuild | None:
        from cleaner import accel

        found = accel.compiled_modules()
        if ctx.spec.name != DEFAULT_SPEC or not found or accel.stale(found) is not None:
            return None
        path = tmp / "docs.json"
        path.write_text(json.dumps(list(docs)), encoding="utf-8")
        env = os.environ | {accel.PURE_ENV: "1" if accel.ACCELERATED else ""}
        arg = json.dumps([ctx.spec.name, ctx.spec.settings, str(path)])
        proc = subprocess.Popen(
            [sys.executable, "-c", _OTHER_BUILD, arg],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO_ROOT,
        )
        assert proc.stdout is not None
        accelerated = json.loads(proc.stdout.readline())
        assert accelerated != accel.ACCELERATED, "the worker runs the same build"
        return cls(proc, accelerated)

    def __call__(self) -> float:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        return float(self.proc.stdout.readline())

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def build_name(accelerated: bool) -> str:
    return "compiled, make accel" if accelerated else "pure Python"


def _floor(docs: Sequence[Doc]) -> None:
    """The least any line filter does: split lines and run one compiled regex on each."""
    for text, _ in docs:
        for line in text.splitlines():
            FLOOR.search(line)


def _features_floor(docs: Sequence[Doc]) -> None:
    """The least a per-line classifier with stopword density does in CPython: the floor
    plus lower-casing, tokenising and counting stopwords, in C-level calls, per line.

    What is left between this row and cleaner's is the classifier itself; what is
    between this row and the floor is out of reach of any pure-Python line classifier.
    """
    from justext import get_stoplist

    stop = frozenset(get_stoplist("English")).__contains__
    for text, _ in docs:
        for line in text.splitlines():
            if line.strip():
                low = line.lower()
                sum(map(stop, WORDS.findall(low)))
                FLOOR.search(low)


def _justext_paragraphs(text: str) -> list[object]:
    """jusText Paragraphs built from the text's non-blank lines, one per line.

    jusText normally builds paragraphs from an lxml DOM; here each line is a ``<p>`` with
    no links, so classification sees the same text units as cleaner does.
    """
    from justext.paragraph import Paragraph

    out = []
    for k, line in enumerate(text.splitlines()):
        if line.strip():
            p = Paragraph(SimpleNamespace(dom="body.p", xpath=f"/body/p[{k}]"))
            p.append_text(line)
            out.append(p)
    return out


def _justext(docs: Sequence[Doc]) -> None:
    """jusText's own classification (context-free, then context revision) of every line."""
    from justext import get_stoplist
    from justext.core import classify_paragraphs, revise_paragraph_classification

    stoplist = frozenset(get_stoplist("English"))
    for text, _ in docs:
        paragraphs = _justext_paragraphs(text)
        classify_paragraphs(paragraphs, stoplist)
        revise_paragraph_classification(paragraphs)


# datatrove's document filters that a corpus pipeline runs where it would run cleaner;
# they split words with spaCy's tokenizer (the ``peers`` extra, which ``make bench`` installs).
DATATROVE_FILTERS = ("FineWebQualityFilter", "C4QualityFilter")


def _datatrove(name: str) -> Callable[[Sequence[Doc]], None] | None:
    """datatrove's filter ``name`` (English settings, as jusText's stoplist) run on every
    document, or None where datatrove or its word tokenizer is not installed."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline import filters

        step = getattr(filters, name)()
        step.filter(Document(text="One line. Another line.", id="warm-up"))  # loads spaCy
    except ImportError:
        return None

    def run(docs: Sequence[Doc]) -> None:
        for k, (text, _) in enumerate(docs):
            step.filter(Document(text=text, id=str(k)))

    return run


def _peers(docs: Sequence[Doc]) -> dict[str, Callable[[], object]]:
    """The systems timed beside cleaner on the same texts (datatrove's where installed)."""
    found: dict[str, Callable[[], object]] = {"jusText": lambda: _justext(docs)}
    for name in DATATROVE_FILTERS:
        step = _datatrove(name)
        if step is not None:
            found[f"datatrove {name}"] = lambda step=step: step(docs)
    found["features floor"] = lambda: _features_floor(docs)
    found["floor"] = lambda: _floor(docs)
    return found


def _throughput(ctx: Context, docs: Sequence[Doc]) -> tuple[str, dict[str, float]]:
    """The throughput table, and MB/s by system (``cleaner``: the build this process runs;
    ``cleaner, other build``: the other one, when a current compiled build is there)."""
    subject = ctx.loaded.subject
    assert subject is not None
    size = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6

    def clean() -> None:
        for text, url in docs:
            subject.clean(text, url=url)

    clean()  # warm up: rules compiled, stoplists loaded
    with tempfile.TemporaryDirectory(prefix="cleaner-speed-") as tmp:
        other = _OtherBuild.start(ctx, docs, Path(tmp))
        systems = {"cleaner": _here(clean)}
        if other is not None:
            systems["cleaner, other build"] = other
        systems |= {name: _here(fn) for name, fn in _peers(docs).items()}
        try:
            runs = _interleaved(systems)
        finally:
            if other is not None:
                other.close()
    names = {"cleaner": f"cleaner ({build_name(_accelerated())})"}
    if other is not None:
        names["cleaner, other build"] = f"cleaner ({build_name(other.accelerated)})"
    rows = [
        [
            names.get(name, name),
            f"{secs:.3f}",
            f"{size / secs:.2f}",
            f"{len(docs) / secs:.0f}",
            f"{secs / runs['floor']:.1f}×",
        ]
        for name, secs in runs.items()
    ]
    head = ["system", "CPU s", "MB/s", "docs/s", "time vs floor"]
    return table(head, rows), {k: size / v for k, v in runs.items()}


def _accelerated() -> bool:
    """Whether this process runs cleaner compiled (``make accel``)."""
    module = sys.modules.get("cleaner")
    return bool(getattr(module, "ACCELERATED", False))


def _growth(ctx: Context, docs: Sequence[Doc]) -> str:
    """The same document repeated: time must grow linearly.

    Each timing uses a fresh subject (built outside the timing, with the run's settings),
    so no run profits from another's caches; within one document repeated lines do hit
    the rule cache.
    """
    text, url = sorted(docs, key=lambda d: len(d[0]))[len(docs) // 2]
    rows, base = [], 0.0
    for n in GROWTH:
        big = "\n".join([text] * n)
        secs = float("inf")
        for _ in range(REPEATS if n < GROWTH[-1] else 1):
            cleaner = load(ctx.spec).subject
            assert cleaner is not None
            t0 = time.process_time()
            cleaner.clean(big, url=url)
            secs = min(secs, time.process_time() - t0)
        base = base or secs
        kb = len(big.encode()) / 1e3
        rows.append(
            [f"{n}×", f"{kb:.0f} KB", f"{secs:.3f}", f"{secs / base:.1f}", f"{secs / base / n:.2f}"]
        )
    return table(["size", "bytes", "CPU s", "time / 1×", "per unit"], rows)


# One hostile shape cleaned once in a process of its own, so that it starts with empty
# line caches: in one process, repeated timings would find the small input's lines
# remembered (it fits in the caches, the large one does not) and favour it.
_SHAPE_RUN = """
import json, sys, time
from bench import shapes
from bench.subject import Spec, load
name, settings, index, size = json.loads(sys.argv[1])
subject = load(Spec(name, tuple(map(tuple, settings)))).subject
shape = shapes.SHAPES[index]
doc = shape.build(size)
clean = subject.clean_html if shape.html else subject.clean
clean(shapes.WARM_UP_PAGE if shape.html else shapes.WARM_UP)  # rules, tables, imports
t0 = time.process_time()
clean(doc)
print(time.process_time() - t0)
"""


def _shape_time(ctx: Context, index: int, size: int) -> float | str:
    """Best CPU time of cleaning shape ``index`` built to ``size``, each in a process of
    its own (``_SHAPE_RUN``); or the error that stopped one, so that the table shows it
    and the other shapes are still timed."""
    arg = json.dumps([ctx.spec.name, ctx.spec.settings, index, size])
    best = float("inf")
    for _ in range(REPEATS):
        run = subprocess.run(
            [sys.executable, "-c", _SHAPE_RUN, arg], capture_output=True, text=True, cwd=REPO_ROOT
        )
        if run.returncode != 0:
            return (run.stderr.strip().splitlines() or [f"exit {run.returncode}"])[-1]
        best = min(best, float(run.stdout))
    return best


def _hostile(ctx: Context) -> str:
    """Each hostile shape at two sizes: time must grow no faster than the input; an HTML
    shape is timed with ``trafilatura.extract`` too, which ``clean_html`` runs inside."""
    import trafilatura

    rows = []
    for index, shape in enumerate(SHAPES):
        if shape.html and not ctx.has_html:
            continue
        large = shape.build(SHAPE_SIZE * SHAPE_GROWTH)
        small_s, large_s = (
            _shape_time(ctx, index, n) for n in (SHAPE_SIZE, SHAPE_SIZE * SHAPE_GROWTH)
        )
        peer = "-"
        if shape.html:
            peer = f"{_cpu_time(partial(trafilatura.extract, large)):.3f}"
        size = f"{len(large.encode()) / 1e6:.1f} MB"
        if isinstance(small_s, str) or isinstance(large_s, str):
            error = small_s if isinstance(small_s, str) else large_s
            rows.append([shape.name, shape.stresses, size, "-", "-", "-", f"error: {error}", peer])
            continue
        growth = large_s / small_s if small_s else float("inf")
        verdict = "linear" if growth <= SHAPE_BOUND else "**faster than the input**"
        rows.append(
            [
                shape.name,
                shape.stresses,
                size,
                f"{small_s:.3f}",
                f"{large_s:.3f}",
                f"{growth:.1f}",
                verdict,
                peer,
            ]
        )
    heads = [
        "shape",
        "it stressed",
        "input (large)",
        "CPU s, small",
        "CPU s, large",
        "time grew",
        "verdict",
        "trafilatura, large",
    ]
    return table(heads, rows)


def _tree_rss(root: int) -> tuple[int, int]:
    """(summed RSS of ``root`` and its descendants, largest single RSS), in bytes."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            status = Path(entry.path, "status").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        parent[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
        rss[pid] = int(m.group(1)) * 1024 if m else 0
    tree = {root}
    changed = True
    while changed:
        new = {p for p, pp in parent.items() if pp in tree and p not in tree}
        tree |= new
        changed = bool(new)
    sizes = [rss.get(p, 0) for p in tree]
    return sum(sizes), max(sizes, default=0)


def _run_measured(cmd: list[str]) -> tuple[float, int, int, int]:
    """Run ``cmd``: (wall seconds, peak tree RSS, peak single RSS, exit code)."""
    peak = [0, 0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def poll() -> None:
        while proc.poll() is None:
            total, single = _tree_rss(proc.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], single)
            time.sleep(POLL)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    code = proc.wait()
    secs = time.perf_counter() - t0
    watcher.join()
    return secs, peak[0], peak[1], code


def _corpus(root: Path, docs: Sequence[Doc], n: int) -> None:
    """``n`` files cycling through ``docs``, one directory per site (the page's host)."""
    for i in range(n):
        text, url = docs[i % len(docs)]
        site = (urlsplit(url).hostname or "unknown") if url else "unknown"
        d = root / site
        d.mkdir(exist_ok=True)
        (d / f"{i:05d}.txt").write_text(text, encoding="utf-8")


def _directory(docs: Sequence[Doc]) -> str:
    mb = 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="cleaner-speed-") as tmp:
        src, out = Path(tmp, "in"), Path(tmp, "out")
        src.mkdir()
        _corpus(src, docs, FILES)
        size = sum(p.stat().st_size for p in src.rglob("*.txt")) / 1e6
        cli = [sys.executable, "-m", "cleaner"]
        runs = [
            ("clean", [*cli, "clean", str(src), "-o", str(out), "--jobs", str(JOBS), "-q"]),
            ("learn", [*cli, "learn", str(src), "-o", str(Path(tmp, "learned.toml")), "-q"]),
        ]
        rows = []
        for name, cmd in runs:
            secs, tree, single, code = _run_measured(cmd)
            rows.append(
                [
                    f"`cleaner {name}`",
                    code,
                    f"{secs:.1f}",
                    f"{FILES / secs:.0f}",
                    f"{size / secs:.2f}",
                    f"{tree / mb:.0f}",
                    f"{single / mb:.0f}",
                ]
            )
    head = [
        "command",
        "exit",
        "wall s",
        "files/s",
        "MB/s",
        "peak tree RSS MB",
        "largest process MB",
    ]
    note = (
        f"{FILES} files ({size:.0f} MB) generated from the dev inputs, one directory per "
        f"site; `clean` with `--jobs {JOBS}`. Peak tree RSS: the most memory the whole "
        "process tree held at one moment (summed VmRSS, sampled every "
        f"{int(POLL * 1000)} ms); largest process: the biggest single process seen."
    )
    return note + "\n\n" + table(head, rows)


def _docs(ctx: Context) -> list[Doc]:
    assert ctx.aeb is not None
    docs: list[Doc] = []
    for name in INPUTS:
        out = ctx.aeb.output(name)
        docs += [(out[p.id], p.url) for p in ctx.aeb.pages if out[p.id]]
    return docs


def _html_pages(dataset: Dataset) -> list[tuple[bytes, str | None]]:
    """The pages timed in HTML mode: all, or WCXB's fixed sample (its pages are large)."""
    sample = dataset.key in HTML_SAMPLED
    return [(p.html(), p.url) for p in dataset.pages if not sample or in_quick_sample(p.id)]


def _html_times(ctx: Context) -> str:
    """clean_html against trafilatura.extract, page by page in turns, one process."""
    import trafilatura

    clean_html = ctx.loaded.subject.clean_html  # type: ignore[union-attr]
    systems: dict[str, Callable[[bytes, str | None], object]] = {
        "`trafilatura.extract(html, url)`": lambda h, u: trafilatura.extract(h, url=u) or "",
        f"`{ctx.loaded.label}.clean_html(html, url)`": lambda h, u: result_text(
            clean_html(h, url=u)
        ),
    }
    rows = []
    for ds in ctx.datasets:
        print(f"[speed] HTML mode on {ds.title} …", file=sys.stderr, flush=True)
        pages = _html_pages(ds)
        secs, errors = _take_turns(systems, pages)
        base = secs[next(iter(systems))]
        note = " (sample)" if ds.key in HTML_SAMPLED else ""
        rows += [
            [
                f"{ds.title}{note}",
                len(pages),
                name,
                f"{1000 * secs[name] / len(pages):.1f}",
                f"{secs[name] / base:.2f}×" if base else "-",
                errors[name],
            ]
            for name in systems
        ]
    heads = ["set", "pages", "system", "CPU ms/page", "time vs trafilatura", "errors"]
    return table(heads, rows)


def _take_turns(
    systems: dict[str, Callable[[bytes, str | None], object]],
    pages: Sequence[tuple[bytes, str | None]],
) -> tuple[dict[str, float], dict[str, int]]:
    """CPU seconds and errors of each system over ``pages``, alternating which goes first
    page by page, so that neither is favoured by machine load or cache warm-up."""
    secs = dict.fromkeys(systems, 0.0)
    errors = dict.fromkeys(systems, 0)
    names = list(systems)
    for name in names:  # warm-up, not counted: imports, lazy compiles, caches
        systems[name](*pages[0])
    for i, (html, url) in enumerate(pages):
        for name in names if i % 2 == 0 else names[::-1]:
            t0 = time.process_time()
            try:
                systems[name](html, url)
            except Exception:
                errors[name] += 1
            secs[name] += time.process_time() - t0
    return secs, errors


def run(ctx: Context) -> Part:
    """Section body: throughput, growth, directory runs, HTML-mode times."""
    if ctx.aeb is None:
        return Part("## Speed\n\narticle-extraction-benchmark not found under --data: skipped.")
    if ctx.loaded.subject is None:
        return Part("## Speed\n\nNo cleaner to time.")
    docs = _docs(ctx)
    size = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6
    print("[speed] throughput …", file=sys.stderr, flush=True)
    through, rates = _throughput(ctx, docs)
    print("[speed] growth …", file=sys.stderr, flush=True)
    growth = _growth(ctx, docs)
    print("[speed] hostile shapes …", file=sys.stderr, flush=True)
    hostile = _hostile(ctx)
    print(f"[speed] {FILES} files …", file=sys.stderr, flush=True)
    directory = _directory(docs)
    html = _html_times(ctx) if ctx.has_html else "The subject has no `clean_html`."
    print("[speed] start-up …", file=sys.stderr, flush=True)
    start = startup.run(docs)
    fineweb = rates.get(f"datatrove {DATATROVE_FILTERS[0]}")
    verdict = (
        f"cleaner ({build_name(_accelerated())}): {rates['cleaner']:.2f} MB/s; its time is "
        f"{rates['jusText'] / rates['cleaner']:.2f}× jusText's on the same lines (target: "
        "≤ 0.67×)"
        + (
            f", {fineweb / rates['cleaner']:.2f}× datatrove's {DATATROVE_FILTERS[0]}'s"
            if fineweb
            else ""
        )
        + f" and {rates['floor'] / rates['cleaner']:.0f}× the floor's."
    )
    missing = [n for n in DATATROVE_FILTERS if f"datatrove {n}" not in rates]
    if missing:
        verdict += (
            f" Not timed: datatrove's {', '.join(missing)} (needs datatrove and spaCy: "
            "`pip install -e '.[all,peers]'`)."
        )
    if "cleaner, other build" in rates:
        other = rates["cleaner, other build"]
        compiled, pure = (rates["cleaner"], other) if _accelerated() else (other, rates["cleaner"])
        where = "this process" if _accelerated() else "a process of its own"
        verdict += (
            f" Compiled (`make accel`, in {where}) it is {compiled / pure:.2f}× as fast as "
            f"pure Python; its time is {rates['jusText'] / compiled:.2f}× jusText's."
        )
    return Part(
        "\n\n".join(
            [
                "## Speed",
                f"Text mode, one core: {len(docs)} documents ({size:.2f} MB) of "
                f"`{'` + `'.join(INPUTS)}` from article-extraction-benchmark `output/`. CPU time "
                f"of this process, best of {THROUGHPUT_ROUNDS} rounds in which the systems take "
                "turns. "
                "jusText: its own `classify_paragraphs` + "
                "`revise_paragraph_classification` "
                "on Paragraphs built from the same non-blank lines (one `<p>` each, English "
                "stoplist). Floor: `splitlines()` and one compiled regex per line. Features floor: "
                "the floor plus lower-casing, tokenising and counting stopwords on every non-blank "
                "line, the least a line classifier with stopword density does in CPython. "
                "datatrove: its document filters' `filter` on each document (English "
                "settings): they judge a whole document, where a pipeline would run cleaner.",
                through,
                verdict,
                "### Growth (one document repeated; a fresh Cleaner per size)",
                growth,
                "### Growth on hostile shapes",
                "Inputs made of one piece repeated (`bench/shapes.py`), on each of which some "
                "stage once took time that grew with the square of the input. Each is cleaned "
                f"at about {SHAPE_SIZE // 1000} KB and at {SHAPE_GROWTH}× that, each timing in "
                f"a process of its own (empty line caches), best of {REPEATS}. Linear time "
                f"grows {SHAPE_GROWTH}×; up to "
                f"{SHAPE_BOUND:.0f}× is the machine's noise (quadratic would be "
                f"{SHAPE_GROWTH**2}×). trafilatura: `trafilatura.extract` on the large page, "
                "which `clean_html` runs inside.",
                hostile,
                "### Directory runs",
                directory,
                "### HTML mode: time against trafilatura",
                "CPU time of this process; `trafilatura.extract` (defaults) and `clean_html` "
                "take turns page by page, alternating which goes first; target for "
                f"`clean_html` ≤ {HTML_TARGET:.2f}×. WCXB's pages are large: timed on its "
                "fixed `--quick` sample.",
                html,
                start,
            ]
        )
    )
