"""Modes: the same damage figures for ``conservative`` and ``aggressive`` beside ``balanced``.

``Cleaner(mode=...)`` trades recall for precision (issue 21); this section runs the
non-default modes on the inputs that matter most for that trade (the extractor outputs and
whole-page text of every set, and clean_html on the article-extraction-benchmark) and lays
their removal precision, recall drops and F1 beside the default's from the damage section.
Skipped for a subject other than the default ``cleaner:Cleaner`` (it may take no mode).
"""

from __future__ import annotations

from dataclasses import replace

from .. import damage as dm
from ..context import Context
from ..datasets import Dataset
from ..report import arrow, f3, share, table
from ..runner import DocResult, Input, evaluate_doc, plan, progress, run_tasks
from ..scores import AFTER, ASIS, damage, prf
from ..subject import DEFAULT_SPEC
from . import Part
from .damage import groups

MODES = ("conservative", "balanced", "aggressive")
BALANCED = "balanced"
# The inputs each set runs in every mode: text mode on extractor output everywhere,
# whole-page text and clean_html where the pages are fewer (WCXB's 1 497 whole pages would
# double the bench's time).
INPUTS = {
    "aeb": ("trafilatura", "newspaper", "html-text", "clean_html"),
    "teval": ("trafilatura", "html-text"),
    "wcxb": ("trafilatura",),
}


def _picked(dataset: Dataset, inp: Input) -> bool:
    return inp.clean and inp.id in INPUTS.get(dataset.key, ())


def _results(ctx: Context, mode: str) -> dict[tuple[str, str], list[DocResult]]:
    """Every picked input of every set cleaned in ``mode`` (balanced: the damage run's)."""
    keys = [(ds.key, i.id) for ds in ctx.datasets for i in ctx.inputs(ds) if _picked(ds, i)]
    if mode == BALANCED:
        return {k: ctx.results[k] for k in keys}
    tasks = [
        t
        for t in plan(ctx.datasets, quick=ctx.quick, html=ctx.has_html)
        if (t.dataset, t.input.id) in keys
    ]
    spec = replace(ctx.spec, settings=(*ctx.spec.settings, ("mode", mode)))
    out: dict[tuple[str, str], list[DocResult]] = {k: [] for k in keys}
    done = run_tasks(evaluate_doc, tasks, spec, ctx.cache_dir, ctx.jobs)
    for task, res in zip(tasks, progress(done, len(tasks), mode), strict=True):
        out[(task.dataset, task.input.id)].append(res)
    return out


def run(ctx: Context) -> Part:
    """Section body: one row per (set, input, page group, mode)."""
    if ctx.spec.name != DEFAULT_SPEC or ctx.spec.settings:
        return Part("## Modes\n\nOnly run for the default subject without --set: skipped.")
    by_mode = {mode: _results(ctx, mode) for mode in MODES}
    heads = ["set", "input", "mode", "words removed", "article words", "removal precision"]
    heads += [f"docs R↓ > {t:.2f}" for t in dm.DROP_THRESHOLDS] + ["F1 as-is → cleaned"]
    rows: list[list[object]] = []
    for ds in ctx.datasets:
        for inp in (i for i in ctx.inputs(ds) if _picked(ds, i)):
            for mode in MODES:
                docs = by_mode[mode][(ds.key, inp.id)]
                for group, part in groups(ds, docs):
                    rows.append(_row(ds, inp, group, mode, part))
    intro = (
        "`Cleaner(mode=...)`: `conservative` removes only what rules, markup, title repeats "
        "and named barriers show; `balanced` is the default (the damage table above); "
        "`aggressive` also trusts the scorer's own menus and story lists as barriers. "
        "Figures as in the damage table."
    )
    return Part("\n\n".join(["## Modes", intro, table(heads, rows)]))


def _row(ds: Dataset, inp: Input, group: str, mode: str, docs: list[DocResult]) -> list[object]:
    d = damage(docs)
    before, after = prf(docs, ASIS, ds.metric), prf(docs, AFTER, ds.metric)
    name = ds.title + (f" ({group})" if group else "")
    if d is None or before is None or after is None:
        return [name, f"`{inp.id}`", mode, *["-"] * 6]
    return [
        name,
        f"`{inp.id}`",
        f"**{mode}**" if mode == BALANCED else mode,
        d.removed_words,
        d.article_words,
        f3(d.precision),
        *(share(d.dropped[t], d.docs) for t in dm.DROP_THRESHOLDS),
        arrow(before.f1, after.f1),
    ]
