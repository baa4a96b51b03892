"""Damage first: how much of what the cleaner removes is article text, on every input and set.

The definitions live in ``bench/damage.py`` (and are printed with the table); this section
lays the figures out: one row per input (WCXB split into articles and other page types),
article words removed by kind, then in the listings by rule and the documents that lost most.
"""

from __future__ import annotations

from .. import damage as dm
from ..context import Context
from ..datasets import ARTICLE, Dataset
from ..report import arrow, clip, details, f3, share, signed, table
from ..runner import AEB_DEV_INPUTS, SHIPPED, DocResult, Input
from ..scores import AFTER, ASIS, damage, prf
from . import Part

MAX_LINES = 8  # removed article lines shown per document in the worst listing

DEFINITIONS = (
    "**Removal precision**: the share of removed words (`\\w+` tokens) that are not "
    "ground-truth article text. Against an article text (article-extraction-benchmark, "
    "WCXB `main_content`), a removed line is article when its casefolded word sequence "
    f"({dm.MIN_WORDS}+ words) occurs in the ground truth, net of repeats: a repeat that the "
    "output still holds as many times as the ground truth has it is not a loss. Lines of "
    f"fewer than {dm.MIN_WORDS} words never count as article under this definition (so a "
    "removed short heading or a line of one long CJK run is counted as junk). Against "
    "trafilatura-eval's segments, a removed line is article when it overlaps a `with` "
    "segment that the output no longer holds: it contains the segment, or its word sequence "
    f"({dm.MIN_WORDS}+ words) occurs in it. **Recall drop**: shingle recall as-is minus "
    "after cleaning (trafilatura-eval: the page's share of `with` segments found); the "
    "columns give the share of documents losing more than "
    + " and ".join(f"{t:.2f}" for t in dm.DROP_THRESHOLDS)
    + ". ΔR and F1 are the set's own metric. clean_html is measured against its own "
    "extraction (the lines of the extracted text that it removed)."
)


def ordered_inputs(ctx: Context, dataset: Dataset) -> list[Input]:
    """Cleaned inputs in report order: the developed-on ones, clean_html, then the rest."""
    cleaned = [i for i in ctx.inputs(dataset) if i.clean]
    first = [i for i in cleaned if i.source == SHIPPED and i.id in AEB_DEV_INPUTS]
    first.sort(key=lambda i: AEB_DEV_INPUTS.index(i.id))
    rest = [i for i in cleaned if i not in first and i.source == SHIPPED]
    return first + [i for i in cleaned if i.source != SHIPPED] + rest


def groups(dataset: Dataset, docs: list[DocResult]) -> list[tuple[str, list[DocResult]]]:
    """WCXB: articles and the other page types apart; other sets: all pages together."""
    if dataset.key != "wcxb":
        return [("", docs)]
    return [
        ("articles", [d for d in docs if d.page.page_type == ARTICLE]),
        ("other types", [d for d in docs if d.page.page_type != ARTICLE]),
    ]


def label(dataset: Dataset, inp: Input) -> str:
    """``**`trafilatura`**`` for inputs developed on, `` `name` `` otherwise."""
    dev = dataset.key == "aeb" and inp.id in AEB_DEV_INPUTS
    return f"**`{inp.id}`**" if dev else f"`{inp.id}`"


def _row(dataset: Dataset, inp: Input, group: str, docs: list[DocResult]) -> list[object]:
    d = damage(docs)
    before, after = prf(docs, ASIS, dataset.metric), prf(docs, AFTER, dataset.metric)
    name = dataset.title + (f" ({group})" if group else "")
    if d is None or before is None or after is None:
        return [name, label(dataset, inp), len(docs), *["-"] * 8]
    return [
        name,
        label(dataset, inp),
        len(docs),
        d.removed_lines,
        d.removed_words,
        d.article_words,
        f3(d.precision),
        *(share(d.dropped[t], d.docs) for t in dm.DROP_THRESHOLDS),
        signed(after.recall - before.recall),
        arrow(before.f1, after.f1),
    ]


def _summary_table(ctx: Context) -> str:
    heads = ["set", "input", "docs", "lines removed", "words removed", "article words"]
    heads += ["removal precision"]
    heads += [f"docs R↓ > {t:.2f}" for t in dm.DROP_THRESHOLDS]
    heads += ["ΔR", "F1 as-is → cleaned"]
    rows = []
    for ds in ctx.datasets:
        for inp in ordered_inputs(ctx, ds):
            docs = ctx.results[(ds.key, inp.id)]
            rows += [_row(ds, inp, g, part) for g, part in groups(ds, docs)]
    return table(heads, rows)


def columns(ctx: Context) -> list[tuple[str, list[DocResult]]]:
    """The inputs of the by-kind and by-rule tables (the peers of the article-extraction-
    benchmark pooled into one column, to keep the table readable)."""
    cols = []
    for ds in ctx.datasets:
        peers: list[DocResult] = []
        n_peers = 0
        for inp in ordered_inputs(ctx, ds):
            docs = ctx.results[(ds.key, inp.id)]
            if ds.key == "aeb" and inp.source == SHIPPED and inp.id not in AEB_DEV_INPUTS:
                peers += docs
                n_peers += 1
            else:
                cols.append((f"{ds.key} {inp.id}", docs))
        if n_peers:
            cols.append((f"{ds.key} {n_peers} other extractors", peers))
    return cols


def _by(ctx: Context, key: str) -> str:
    """Article words / removed words per kind (``key`` "kind") or per rule ("rule")."""
    cols = [(name, damage(docs)) for name, docs in columns(ctx)]
    known = [(n, d) for n, d in cols if d is not None]
    article: dict[str, list[int]] = {}
    removed: dict[str, list[int]] = {}
    for j, (_, d) in enumerate(known):
        for (kind, rule), r in d.removed_by_rule.items():
            k = kind if key == "kind" else f"{kind}/{rule}"
            removed.setdefault(k, [0] * len(known))[j] += r
            article.setdefault(k, [0] * len(known))[j] += d.article_by_rule[(kind, rule)]
    rows_keys = sorted(removed, key=lambda k: (-sum(article[k]), -sum(removed[k]), k))
    if key == "rule":
        rows_keys = [k for k in rows_keys if sum(article[k])]
    rows = [
        [
            f"`{k}`",
            *(f"{a} / {r}" if r else "" for a, r in zip(article[k], removed[k], strict=True)),
        ]
        for k in rows_keys
    ]
    return table([key, *(f"`{n}`" for n, _ in known)], rows)


def _lost(d: DocResult) -> bool:
    """Whether cleaning cost this document recall or article words."""
    return d.damage is not None and (d.damage.drop > 0 or d.damage.article_words > 0)


def _worst(dataset: Dataset, inp: Input, docs: list[DocResult], n: int) -> str:
    """The ``n`` documents that lost the most recall (then article words), with the removed
    lines judged article."""
    hurt = sorted(
        filter(_lost, docs),
        key=lambda d: (-d.damage.drop, -d.damage.article_words),  # type: ignore[union-attr]
    )
    out = []
    for d in hurt[:n]:
        dd = d.damage
        assert dd is not None
        kind = f" ({d.page.page_type})" if d.page.page_type else ""
        out.append(
            f"- `{d.page.id[:24]}`{kind} {d.page.url or ''}: recall "
            f"{arrow(dd.recall_before, dd.recall_after)}, {dd.article_words} of "
            f"{dd.removed_words} removed words article"
        )
        for line in dd.article_lines[:MAX_LINES]:
            out.append(f"    - L{line.line_no} [{line.kind}/{line.rule}] {clip(line.text)}")
        if len(dd.article_lines) > MAX_LINES:
            out.append(f"    - … {len(dd.article_lines) - MAX_LINES} more")
        if not dd.article_lines:
            out.append("    - (no removed line is article by the definition: partial lines)")
    head = f"{dataset.title} `{inp.id}`: {len(hurt)} documents lost recall or article words"
    return details(head, "\n".join(out) if out else "No document lost anything.")


def run(ctx: Context) -> Part:
    """Damage table and words by kind; by rule and the worst documents as listings."""
    if not ctx.datasets:
        return Part("## Damage\n\nNo benchmark found under --data: skipped.")
    if ctx.loaded.subject is None:
        return Part(f"## Damage\n\nNo cleaner run: {ctx.loaded.note}")
    summary = [
        "## Damage: what cleaning removes that is article text",
        DEFINITIONS,
        _summary_table(ctx),
        "### Article words removed by kind (article words / removed words)",
        _by(ctx, "kind"),
    ]
    listings = [
        "## Damage listings",
        "### Article words removed by rule (article words / removed words)",
        "Rules that removed article words somewhere; the scorer's and the HTML roles' "
        "decisions are split by their reason (numbers masked).",
        _by(ctx, "rule"),
        f"### The documents that lost most (worst {ctx.worst} per input)",
        "Documents whose recall dropped or that lost article words, ranked by recall drop, "
        "then by article words removed; under each, the removed lines judged article (line "
        "number, kind/rule, text).",
    ]
    for ds in ctx.datasets:
        for inp in ordered_inputs(ctx, ds):
            listings.append(_worst(ds, inp, ctx.results[(ds.key, inp.id)], ctx.worst))
    return Part("\n\n".join(summary), "\n\n".join(listings))
