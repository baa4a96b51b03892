"""HTML mode on both benchmarks: trafilatura's own ``extract`` vs ``Cleaner().clean_html``.

Both are timed in the same run, page by page, alternating which goes first, so the time ratio
(target ≤ 1.15×) is not skewed by machine load or cache warm-up. Bytes are passed as-is: both
functions detect the encoding.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import trafilatura

from ..context import Context
from ..metrics import PRF, SegmentCounts, aggregate, shingle_score
from ..report import prf_cells, table
from ..subject import result_text

# Plain settings: library defaults (output txt, include_comments=True, include_tables=True,
# no favor_precision/recall, no fast mode); a second row without comments for reference.
SYSTEMS: dict[str, dict[str, Any]] = {
    "trafilatura.extract(html, url)": {},
    "trafilatura.extract(html, url, include_comments=False)": {"include_comments": False},
}
BASELINE = next(iter(SYSTEMS))

Extract = Callable[[bytes, str | None], str]


@dataclass
class Timed:
    """Outputs and total seconds of one system over one benchmark."""

    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def call(self, fn: Extract, html: bytes, url: str | None) -> None:
        """Time one page; an exception counts as empty output so one page cannot stop the run."""
        t0 = time.perf_counter()
        try:
            out = fn(html, url)
        except Exception as exc:
            out = ""
            self.errors.append(f"{type(exc).__name__}: {exc} ({url})")
        self.seconds += time.perf_counter() - t0
        self.outputs.append(out)


def _systems(ctx: Context) -> dict[str, Extract]:
    systems: dict[str, Extract] = {
        name: (lambda h, u, kw=kw: trafilatura.extract(h, url=u, **kw) or "")
        for name, kw in SYSTEMS.items()
    }
    subject = ctx.loaded.subject
    if subject is not None and hasattr(subject, "clean_html"):
        clean_html = subject.clean_html
        systems[f"{ctx.loaded.label}.clean_html(html, url)"] = lambda h, u: result_text(
            clean_html(h, url=u)
        )
    if subject is not None:
        # What a crawler that kept only trafilatura's text gets: text mode, no markup hints.
        clean = subject.clean
        systems[f"{ctx.loaded.label}.clean(trafilatura.extract(html, url))"] = lambda h, u: (
            result_text(clean(trafilatura.extract(h, url=u) or "", url=u))
        )
    return systems


def _timed_runs(
    systems: dict[str, Extract], pages: list[tuple[bytes, str | None]]
) -> dict[str, Timed]:
    runs = {name: Timed() for name in systems}
    names = list(systems)
    for name in names:  # warm-up, not counted: imports, lazy compiles, caches
        Timed().call(systems[name], *pages[0])
    for i, (html, url) in enumerate(pages):
        for name in names if i % 2 == 0 else names[::-1]:
            runs[name].call(systems[name], html, url)
    return runs


def _rows(runs: dict[str, Timed], n: int, scores: dict[str, PRF]) -> list[list[str]]:
    base = runs[BASELINE].seconds
    return [
        [
            f"`{name}`",
            *prf_cells(scores[name]),
            f"{1000 * t.seconds / n:.1f}",
            f"{t.seconds / base:.2f}×" if base else "-",
            f"{len(t.errors)}" + (f" (first: `{t.errors[0][:80]}`)" if t.errors else ""),
        ]
        for name, t in runs.items()
    ]


def run(ctx: Context) -> str:
    """Section body: one table per benchmark found under --data."""
    systems = _systems(ctx)
    heads = ["system", "F1", "P", "R", "ms/page", "time vs baseline", "errors"]
    parts = [
        "## HTML mode",
        f"Baseline `{BASELINE}` = trafilatura defaults. Time ratio is against it; target for "
        "`clean_html` ≤ 1.15×. The last row cleans trafilatura's plain text in text mode "
        "(no markup hints), for comparison with `clean_html`.",
    ]
    if not any(name.endswith("clean_html(html, url)") for name in systems):
        why = ctx.loaded.note or f"`{ctx.loaded.label}` has no `clean_html`."
        parts.append(f"**clean_html skipped**: {why} Only trafilatura rows.")
    if ctx.aeb is not None:
        print("[html] article-extraction-benchmark …", file=sys.stderr, flush=True)
        docs = ctx.aeb.docs
        runs = _timed_runs(systems, [(ctx.aeb.html(d.id), d.url) for d in docs])
        scores = {
            name: aggregate(shingle_score(d.truth, o) for d, o in zip(docs, t.outputs, strict=True))
            for name, t in runs.items()
        }
        parts += [f"### article-extraction-benchmark ({len(docs)} pages, shingle metric)"]
        parts.append(table(heads, _rows(runs, len(docs), scores)))
    if ctx.te is not None:
        print("[html] trafilatura-eval …", file=sys.stderr, flush=True)
        pages = ctx.te.pages
        runs = _timed_runs(systems, [(p.path.read_bytes(), p.url) for p in pages])
        seg: dict[str, PRF] = {}
        for name, t in runs.items():
            c = SegmentCounts()
            for p, o in zip(pages, t.outputs, strict=True):
                c.add(o, p.with_, p.without)
            seg[name] = c.prf()
        missing = f", {ctx.te.missing()} entries without HTML skipped" if ctx.te.missing() else ""
        parts.append(f"### trafilatura-eval ({len(pages)} pages{missing}, segment metric)")
        parts.append(table(heads, _rows(runs, len(pages), seg)))
    if ctx.aeb is None and ctx.te is None:
        parts.append("No benchmark found under --data: skipped.")
    return "\n\n".join(parts)
