"""HTML mode on every set: trafilatura's own ``extract`` vs ``Cleaner().clean_html``.

Accuracy only: every figure comes from the shared runs (trafilatura's outputs from the text
input cache, which holds exactly ``trafilatura.extract(html, url=url)``). The time of
``clean_html`` against ``trafilatura.extract`` is measured in the speed section, in one
process with the two taking turns.
"""

from __future__ import annotations

from ..context import Context
from ..datasets import Dataset
from ..report import f3, prf_cells, table
from ..runner import DocResult
from ..scores import AFTER, ASIS, by_type, counts, prf, snippets, type_columns
from . import Part

BASELINE = "trafilatura.extract(html, url)"


def systems(ctx: Context, dataset: Dataset) -> list[tuple[str, list[DocResult], str]]:
    """(name, results, stage) per row: trafilatura's two settings, clean_html's extraction
    and its result, and text mode on trafilatura's output."""
    label = ctx.loaded.label
    aeb = dataset.key == "aeb"
    prefix = "extract:" if aeb else ""
    res = ctx.results
    rows = [
        (f"`{BASELINE}`", res[(dataset.key, f"{prefix}trafilatura")], ASIS),
        (
            "`trafilatura.extract(html, url, include_comments=False)`",
            res[(dataset.key, f"{prefix}trafilatura-no-comments")],
            ASIS,
        ),
    ]
    if ctx.has_html:
        html = res[(dataset.key, "clean_html")]
        rows += [
            (f"`{label}.clean_html` extraction, before cleaning", html, ASIS),
            (f"`{label}.clean_html(html, url)`", html, AFTER),
        ]
    text_mode = res.get((dataset.key, "trafilatura"))
    if ctx.loaded.subject is not None and text_mode is not None:
        source = "output/trafilatura.json" if aeb else BASELINE
        rows.append((f"`{label}.clean({source})`", text_mode, AFTER))
    return rows


def _table(ctx: Context, dataset: Dataset) -> str:
    with_snippets = dataset.key == "wcxb"
    heads = ["system", "F1", "P", "R"]
    if with_snippets:
        heads += ["`with` found", "`without` found"]
    heads.append("errors")
    rows = []
    for name, docs, stage in systems(ctx, dataset):
        cells: list[object] = [name, *prf_cells(prf(docs, stage, dataset.metric))]
        if with_snippets:
            s = snippets(docs, stage)
            cells += [f3(s.with_found), f3(s.without_found)] if s else ["-", "-"]
        c = counts(docs) if stage == AFTER else None
        cells.append(
            "-"
            if c is None
            else f"{c.errors}" + (f" (first: `{c.first_error}`)" if c.errors else "")
        )
        rows.append(cells)
    return table(heads, rows)


def _by_type(ctx: Context, dataset: Dataset) -> str:
    rows = []
    for name, docs, stage in systems(ctx, dataset):
        parts = by_type(dataset, docs)
        cells = []
        for part in parts:
            s = prf(part, stage, dataset.metric) if part else None
            cells.append("-" if s is None else f3(s.f1))
        rows.append([name, *cells])
    return table(["system (F1)", *type_columns(dataset)], rows)


def run(ctx: Context) -> Part:
    """Section body: one table per set (WCXB also by page type)."""
    parts = [
        "## HTML mode",
        f"Baseline `{BASELINE}` = trafilatura defaults. `clean_html` is also shown before "
        "cleaning (its own extraction: trafilatura with the settings it uses) and the last "
        "row cleans trafilatura's plain text in text mode (no markup hints), for comparison. "
        "Times are in the speed section.",
    ]
    if not ctx.has_html:
        why = ctx.loaded.note or f"`{ctx.loaded.label}` has no `clean_html`."
        parts.append(f"**clean_html skipped**: {why} Only trafilatura rows.")
    for ds in ctx.datasets:
        missing = f", {ds.missing()} entries without HTML skipped" if ds.missing() else ""
        parts.append(f"### {ds.title} ({ctx.pages_note(ds)}{missing}, {ds.metric} metric)")
        parts.append(_table(ctx, ds))
        if ds.key == "wcxb":
            parts.append(_by_type(ctx, ds))
    if not ctx.datasets:
        parts.append("No benchmark found under --data: skipped.")
    return Part("\n\n".join(parts))
