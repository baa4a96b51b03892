"""Text mode on every set: scraped texts as-is vs after ``clean``.

article-extraction-benchmark: other extractors' outputs shipped with the benchmark. The three
development inputs are scored as-is, after the cleaner (page URL from the ground truth) and
after the line-dropping oracle (the ceiling for a line-level cleaner); every other output is
scored as-is and cleaned: text of shapes nobody tuned for. trafilatura-eval and WCXB: text
inputs made from each page (trafilatura's output and the whole page's text), scored with
the set's own metric; WCXB per page type.
"""

from __future__ import annotations

from ..context import Context
from ..datasets import Dataset
from ..metrics import line_share, ngram_sets
from ..report import clip, f3, prf_cells, signed, table
from ..runner import EXTRACTED, SHIPPED, DocResult, Input
from ..scores import (
    AFTER,
    ASIS,
    ORACLE,
    by_type,
    counts,
    prf,
    recall_down,
    snippets,
    type_columns,
)
from . import Part
from .damage import label, ordered_inputs

MOSTLY = 0.5  # a kept line is listed as junk when less than this share of its n-grams is true
MAX_LINES = 8  # lines listed per document in the kept-junk listing


def _changes(docs: list[DocResult], metric: str) -> list[object]:
    """Cleaned F1/P/R, ΔF1, ΔR and the documents whose recall went down."""
    before, after = prf(docs, ASIS, metric), prf(docs, AFTER, metric)
    if before is None or after is None:
        return [*prf_cells(after), "-", "-", "-"]
    return [
        *prf_cells(after),
        signed(after.f1 - before.f1),
        signed(after.recall - before.recall),
        recall_down(docs),
    ]


def _dev_table(ctx: Context, dataset: Dataset, inputs: list[Input]) -> str:
    """Inputs with the oracle: as-is, cleaned, oracle, removals and time."""
    rows = []
    for inp in inputs:
        docs = ctx.results[(dataset.key, inp.id)]
        c = counts(docs)
        rows.append(
            [
                label(dataset, inp),
                *prf_cells(prf(docs, ASIS, dataset.metric)),
                *_changes(docs, dataset.metric),
                *prf_cells(prf(docs, ORACLE, dataset.metric)),
                sum(d.removed_lines for d in docs),
                f"{c.ms_per_doc:.2f}",
                c.unstable,
            ]
        )
    heads = ["input", "as-is F1", "P", "R", "cleaned F1", "P", "R", "ΔF1", "ΔR", "docs R↓"]
    heads += ["oracle F1", "P", "R", "lines removed", "CPU ms/doc", "changed by a 2nd clean"]
    return table(heads, rows)


def _peers(ctx: Context, dataset: Dataset) -> str:
    """Every shipped extractor's output as-is and cleaned, best cleaned F1 first."""
    rows: list[tuple[float, list[object]]] = []
    for inp in ordered_inputs(ctx, dataset):
        if inp.source != SHIPPED:
            continue
        docs = ctx.results[(dataset.key, inp.id)]
        before = prf(docs, ASIS, dataset.metric)
        after = prf(docs, AFTER, dataset.metric)
        cells = [label(dataset, inp), *prf_cells(before), *_changes(docs, dataset.metric)]
        cells.append(counts(docs).unstable if after else "-")
        best = after or before
        rows.append((best.f1 if best else 0.0, cells))
    rows.sort(key=lambda x: -x[0])
    heads = ["extractor", "as-is F1", "P", "R", "cleaned F1", "P", "R", "ΔF1", "ΔR", "docs R↓"]
    heads.append("changed by a 2nd clean")
    return table(heads, [r for _, r in rows])


def _by_type(ctx: Context, dataset: Dataset, inputs: list[Input]) -> str:
    """WCXB: as-is and cleaned F1, snippets and damage per page type (columns)."""
    rows = []
    for inp in inputs:
        docs = ctx.results[(dataset.key, inp.id)]
        parts = by_type(dataset, docs)
        stages: list[tuple[str, list[str]]] = [
            ("as-is F1", [_f1(p, ASIS) for p in parts]),
            ("cleaned F1", [_f1(p, AFTER) for p in parts]),
            ("ΔR", [_delta_r(p) for p in parts]),
            ("`with` found as-is → cleaned", [_snippet(p, "with_found") for p in parts]),
            ("`without` found as-is → cleaned", [_snippet(p, "without_found") for p in parts]),
        ]
        if inp.oracle:
            stages.append(("oracle F1", [_f1(p, ORACLE) for p in parts]))
        rows += [[label(dataset, inp), name, *cells] for name, cells in stages]
    return table(["input", "", *type_columns(dataset)], rows)


def _f1(docs: list[DocResult], stage: str) -> str:
    s = prf(docs, stage, "shingle")
    return "-" if s is None or not docs else f3(s.f1)


def _delta_r(docs: list[DocResult]) -> str:
    before, after = prf(docs, ASIS, "shingle"), prf(docs, AFTER, "shingle")
    if before is None or after is None or not docs:
        return "-"
    return signed(after.recall - before.recall)


def _snippet(docs: list[DocResult], which: str) -> str:
    before, after = snippets(docs, ASIS), snippets(docs, AFTER)
    if before is None or not docs:
        return "-"
    a = getattr(before, which)
    b = None if after is None else getattr(after, which)
    return f"{f3(a)} → {f3(b)}" if b is not None else f3(a)


def _kept_junk(ctx: Context, dataset: Dataset, inp: Input) -> str:
    """Documents of worst precision after cleaning, with their kept lines that are mostly
    not in the ground truth (n-gram share below ``MOSTLY``)."""
    docs = ctx.results[(dataset.key, inp.id)]
    cleaned = all(d.after is not None for d in docs)
    state = "after cleaning" if cleaned else "as-is"
    out = [f"#### `{inp.id}`: worst {ctx.worst} precision {state} (kept lines not in truth)"]

    def precision(d: DocResult) -> float:
        s = d.after if cleaned else d.asis
        return (s.precision if s else None) or 0.0

    for d in sorted(docs, key=precision)[: ctx.worst]:
        grams = ngram_sets(d.page.truth or "")
        junk = [
            f"{len(line.split())} words {clip(line)}"
            for line in d.output.split("\n")
            if (s := line_share(line, grams)) is not None and s < MOSTLY
        ]
        a, b = d.asis, d.after if cleaned else d.asis
        assert a is not None and b is not None
        out.append(
            f"- `{d.page.id[:12]}` {d.page.url or ''}: F1 {f3(a.f1)} → {f3(b.f1)}, "
            f"P {f3(a.precision)} → {f3(b.precision)}, R {f3(a.recall)} → {f3(b.recall)}"
        )
        more = [f"    - … {len(junk) - MAX_LINES} more"] if len(junk) > MAX_LINES else []
        out += [f"    - {x}" for x in junk[:MAX_LINES]] + more
        if not junk:
            out.append("    - (no kept line is mostly junk: partial lines)")
    return "\n".join(out)


def _errors(ctx: Context, dataset: Dataset) -> list[str]:
    notes = []
    for inp in ctx.inputs(dataset):
        c = counts(ctx.results[(dataset.key, inp.id)])
        if c.errors:
            notes.append(f"**{c.errors} errors on `{inp.id}`**, first: `{c.first_error}`")
    return notes


def _aeb(ctx: Context, dataset: Dataset) -> tuple[list[str], list[str]]:
    label_ = ctx.loaded.label
    dev = [i for i in ordered_inputs(ctx, dataset) if i.oracle]
    summary = [
        f"### {dataset.title} ({ctx.pages_note(dataset)}, shingle metric)",
        f"Scraped texts from `output/` cleaned with `{label_}.clean(text, url=ground-truth "
        "url)`. Metric: upstream `evaluate.py` (4-gram shingles, per-document normalised, "
        "P/R averaged over documents). Oracle: the best line subset per document (greedy); "
        "an upper bound for any line-dropping cleaner. ΔR and *docs R↓* record the recall "
        "lost versus as-is; the last column counts documents whose cleaned text changes "
        "when cleaned again (cleaning should be idempotent: 0).",
        _dev_table(ctx, dataset, dev),
        "#### Every extractor's output, as-is and cleaned",
        f"The inputs in bold are the ones {label_} was developed on; the other extractors' "
        "outputs were not used to tune rules or thresholds, so their rows show how cleaning "
        "carries over to scraped text of other shapes (a table rendered one cell per line, "
        "paragraphs glued into one line, no line breaks at all).",
        _peers(ctx, dataset),
        *_errors(ctx, dataset),
    ]
    listings = [
        f"### {dataset.title}: kept junk, worst precision per input",
        f"A kept line is listed when less than {MOSTLY:.0%} of its shingles (or shorter "
        "n-grams for short lines) occur in the ground truth.",
        *(_kept_junk(ctx, dataset, i) for i in dev),
    ]
    return summary, listings


def _generated(ctx: Context, dataset: Dataset) -> list[str]:
    """trafilatura-eval and WCXB: the inputs made from each page."""
    inputs = [i for i in ctx.inputs(dataset) if i.source == EXTRACTED and i.clean]
    made = (
        "Text inputs made from each page (cached): `trafilatura` = "
        "`trafilatura.extract(html, url=url)` with library defaults; `html-text` = the whole "
        "page's visible text, block elements on their own lines "
        "(`html_text.extract_text(html, guess_layout=True)`)."
    )
    if dataset.metric == "segment":
        return [
            f"### {dataset.title} ({ctx.pages_note(dataset)}, segment metric)",
            made + " Metric: upstream segment matching, P/R/F1 pooled over all segments.",
            _dev_table(ctx, dataset, inputs),
            *_errors(ctx, dataset),
        ]
    return [
        f"### {dataset.title} ({ctx.pages_note(dataset)}, shingle metric, by page type)",
        made + " Metric: the article-extraction-benchmark's shingle F1 against "
        "`main_content`, plus the pooled shares of `with` snippets found (should be 1) and "
        "of `without` snippets found (should be 0).",
        _dev_table(ctx, dataset, inputs),
        _by_type(ctx, dataset, inputs),
        *_errors(ctx, dataset),
    ]


def run(ctx: Context) -> Part:
    """Section body: one block per set; the kept-junk listing at the end of the report."""
    summary = ["## Text mode"]
    listings: list[str] = []
    if ctx.loaded.subject is None:
        summary.append(f"**No cleaner run**: {ctx.loaded.note} Only as-is and oracle rows.")
    for ds in ctx.datasets:
        if ds.key == "aeb":
            s, li = _aeb(ctx, ds)
            summary += s
            listings += li
        else:
            summary += _generated(ctx, ds)
    if not ctx.datasets:
        summary.append("No benchmark found under --data: skipped.")
    more = "\n\n".join(["## Text-mode listings", *listings]) if listings else ""
    return Part("\n\n".join(summary), more)
