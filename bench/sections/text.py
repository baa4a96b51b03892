"""Text mode on article-extraction-benchmark: scraped texts as-is vs after ``clean``.

Inputs are other extractors' outputs shipped with the benchmark (realistic scraped text). The
three development inputs are scored as-is, after the cleaner (page URL from the ground truth)
and after the line-dropping oracle (the ceiling for a line-level cleaner); error listings show
which lines cost F1 or P. Every other output is scored as-is and cleaned, without the oracle:
text of shapes nobody tuned for.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .. import oracle
from ..context import Context
from ..datasets import AEBDoc
from ..metrics import NGRAM, PRF, DocScore, aggregate, shingle_score, tokenize
from ..report import clip, f3, prf_cells, signed, table
from ..subject import kind_name

INPUTS = ("trafilatura", "newspaper", "html-text")
MOSTLY = 0.5  # a line is "in the ground truth" when at least this share of its n-grams is
MAX_LINES = 8  # lines listed per document in error listings


class TruthIndex:
    """n-gram sets (n = 1..4) of one ground truth, to judge single lines of any length."""

    def __init__(self, truth: str) -> None:
        toks = tokenize(truth)
        self.sets = {
            n: {tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)} for n in range(1, 5)
        }

    def share(self, line: str) -> float | None:
        """Share of the line's n-grams found in the truth; None for lines without tokens."""
        toks = tokenize(line)
        if not toks:
            return None
        n = min(NGRAM, len(toks))
        grams = [tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)]
        return sum(g in self.sets[n] for g in grams) / len(grams)


@dataclass
class InputRun:
    """One scraped-text input scored as-is, after the cleaner and under the oracle."""

    name: str
    texts: dict[str, str]
    asis: dict[str, DocScore]
    oracle: dict[str, DocScore]
    after: dict[str, DocScore] = field(default_factory=dict)
    after_texts: dict[str, str] = field(default_factory=dict)
    removed: dict[str, list[Any]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    unstable: int = 0  # documents whose cleaned text changes when cleaned again
    seconds: float = 0.0


def _run_input(
    ctx: Context, docs: list[AEBDoc], name: str, texts: dict[str, str], *, ceiling: bool = True
) -> InputRun:
    """Score ``texts`` as-is, cleaned and (when ``ceiling``) under the oracle."""
    run = InputRun(
        name,
        texts,
        {d.id: shingle_score(d.truth, texts[d.id]) for d in docs},
        {d.id: shingle_score(d.truth, oracle.oracle_text(d.truth, texts[d.id])) for d in docs}
        if ceiling
        else {},
    )
    subject = ctx.loaded.subject
    if subject is None:
        return run
    for d in docs:
        t0 = time.perf_counter()
        cleaned = True
        try:
            r = subject.clean(texts[d.id], url=d.url)
            out, removed = r.text, list(r.removed)
        except Exception as exc:  # one bad page must not hide the other 87: count and show it
            run.errors.append(f"{d.id[:12]}: {type(exc).__name__}: {exc}")
            out, removed, cleaned = texts[d.id], [], False
        run.seconds += time.perf_counter() - t0
        if cleaned:
            run.unstable += _changed_again(subject, out, d.url)
        run.after_texts[d.id], run.removed[d.id] = out, removed
        run.after[d.id] = shingle_score(d.truth, out)
    return run


def _changed_again(subject: Any, text: str, url: str | None) -> bool:
    """Whether cleaning ``text`` (a cleaned output) again changes it: cleaning should be
    idempotent, since a pre-commit hook reruns it on its own output."""
    try:
        return bool(subject.clean(text, url=url).text != text)
    except Exception:
        return True


def _summary(runs: list[InputRun], label: str) -> str:
    rows = []
    for r in runs:
        after = aggregate(r.after.values()) if r.after else None
        asis = aggregate(r.asis.values())
        rows.append(
            [
                f"`{r.name}`",
                *prf_cells(asis),
                *prf_cells(after),
                *_losses(r, asis, after),
                *prf_cells(aggregate(r.oracle.values())),
                sum(map(len, r.removed.values())) if after else "-",
                f"{1000 * r.seconds / len(r.texts):.2f}" if after else "-",
            ]
        )
    heads = ["input", "as-is F1", "P", "R", f"+{label} F1", "P", "R", "ΔF1", "ΔR"]
    heads += ["docs R↓", "oracle F1", "P", "R", "lines removed", "ms/doc"]
    return table(heads, rows)


def _peers(ctx: Context, docs: list[AEBDoc], runs: list[InputRun], label: str) -> str:
    """Every extractor's output as-is and cleaned: the inputs not developed on show generality."""
    assert ctx.aeb is not None
    done = {r.name: r for r in runs}
    rows: list[tuple[float, list[object]]] = []
    for ex in ctx.aeb.extractors():
        run = done.get(ex)
        if run is None:
            print(f"[text] {ex} (peer) …", file=sys.stderr, flush=True)
            run = _run_input(ctx, docs, ex, ctx.aeb.output(ex), ceiling=False)
        asis = aggregate(run.asis.values())
        after = aggregate(run.after.values()) if run.after else None
        name = f"**`{ex}`**" if ex in done else f"`{ex}`"
        cells = [name, *prf_cells(asis), *prf_cells(after)]
        cells += [*_losses(run, asis, after), run.unstable if after else "-"]
        rows.append(((after or asis).f1, cells))
    rows.sort(key=lambda x: -x[0])
    heads = ["extractor", "as-is F1", "P", "R", f"+{label} F1", "P", "R", "ΔF1", "ΔR", "docs R↓"]
    heads.append("changed by a 2nd clean")
    return table(heads, [r for _, r in rows])


def _losses(run: InputRun, asis: PRF, after: PRF | None) -> list[object]:
    """ΔF1, ΔR and the number of documents whose recall went down."""
    if after is None:
        return ["-"] * 3
    dropped = sum(1 for k, s in run.after.items() if (s.recall or 0) < (run.asis[k].recall or 0))
    return [signed(after.f1 - asis.f1), signed(after.recall - asis.recall), dropped]


def _kinds(runs: list[InputRun]) -> str:
    counts = {r.name: Counter(kind_name(x) for rs in r.removed.values() for x in rs) for r in runs}
    kinds = sorted({k for c in counts.values() for k in c})
    rows = [[k, *(counts[r.name][k] for r in runs)] for k in kinds]
    rows.append(["**total**", *(sum(counts[r.name].values()) for r in runs)])
    return table(["kind", *(f"`{r.name}`" for r in runs)], rows)


def _doc_head(d: AEBDoc, before: DocScore, after: DocScore) -> str:
    def pair(a: float | None, b: float | None) -> str:
        return f3(a) if before is after else f"{f3(a)} → {f3(b)}"

    return (
        f"- `{d.id[:12]}` {d.url or ''} — F1 {pair(before.f1, after.f1)}, "
        f"P {pair(before.precision, after.precision)}, R {pair(before.recall, after.recall)}"
    )


def _listing(items: list[str]) -> list[str]:
    more = [f"    - … {len(items) - MAX_LINES} more"] if len(items) > MAX_LINES else []
    return [f"    - {x}" for x in items[:MAX_LINES]] + more


def _errors(run: InputRun, docs: list[AEBDoc], n: int) -> str:
    """Worst F1 losses with the removed lines that were article, then junk that was kept."""
    out = [f"#### `{run.name}`: worst {n} F1 losses (removed lines mostly in the ground truth)"]
    by_id = {d.id: d for d in docs}
    if run.after:
        losses = sorted(run.after, key=lambda k: run.after[k].f1 - run.asis[k].f1)[:n]
        losses = [k for k in losses if run.after[k].f1 < run.asis[k].f1 - 1e-9]
        for k in losses:
            index = TruthIndex(by_id[k].truth)
            out.append(_doc_head(by_id[k], run.asis[k], run.after[k]))
            costly = []
            for x in run.removed[k]:
                share = index.share(str(getattr(x, "text", "")))
                if share is not None and share >= MOSTLY:
                    rule = f"{kind_name(x)}/{getattr(x, 'rule', '?')}"
                    costly.append(f"L{getattr(x, 'line_no', '?')} [{rule}] {clip(x.text)}")
            out += _listing(costly or ["(no removed line is mostly ground truth: partial lines)"])
        if not losses:
            out.append("No document lost F1.")
    else:
        out.append("No cleaner run.")
    texts, scores = (run.after_texts, run.after) if run.after else (run.texts, run.asis)
    state = "after cleaning" if run.after else "as-is"
    out.append(f"\n#### `{run.name}`: worst {n} precision {state} (kept lines not in ground truth)")
    for k in sorted(scores, key=lambda k: scores[k].precision or 0.0)[:n]:
        index = TruthIndex(by_id[k].truth)
        junk = [
            f"{len(tokenize(line))} tok {clip(line)}"
            for line in texts[k].split("\n")
            if (s := index.share(line)) is not None and s < MOSTLY
        ]
        out.append(_doc_head(by_id[k], run.asis[k], scores[k]))
        out += _listing(junk or ["(no kept line is mostly junk: partial lines)"])
    return "\n".join(out)


def run(ctx: Context) -> str:
    """Section body: summary, peers, removals by kind, error listings."""
    if ctx.aeb is None:
        return "## Text mode\n\narticle-extraction-benchmark not found under --data: skipped."
    docs = ctx.aeb.docs
    present = [n for n in INPUTS if n in ctx.aeb.extractors()]
    label = ctx.loaded.label
    runs = []
    for name in present:
        print(f"[text] {name} …", file=sys.stderr, flush=True)
        runs.append(_run_input(ctx, docs, name, ctx.aeb.output(name)))
    parts = [
        "## Text mode (article-extraction-benchmark)",
        f"{len(docs)} pages from `{ctx.aeb.root}`. Scraped texts from `output/` cleaned with "
        f"`{label}.clean(text, url=ground-truth url)`. Metric: upstream `evaluate.py` "
        "(4-gram shingles, per-document normalised, P/R averaged over documents). "
        f"Oracle: {oracle.METHOD}; an upper bound for any line-dropping cleaner. "
        "ΔR and *docs R↓* record the recall lost versus as-is.",
    ]
    if ctx.loaded.subject is None:
        parts.append(f"**No cleaner run**: {ctx.loaded.note} Only as-is and oracle rows.")
    parts += [_summary(runs, label), "### Every extractor's output, as-is and cleaned"]
    parts.append(
        f"The inputs in bold are the ones {label} was developed on; the other extractors' "
        "outputs were not used to tune rules or thresholds, so their rows show how cleaning "
        "carries over to scraped text of other shapes (a table rendered one cell per line, "
        "paragraphs glued into one line, no line breaks at all). The last column counts "
        "documents whose cleaned text changes when cleaned again (cleaning should be "
        "idempotent: 0)."
    )
    parts.append(_peers(ctx, docs, runs, label))
    for r in runs:
        if r.errors:
            parts.append(f"**{len(r.errors)} errors on `{r.name}`**, first: `{r.errors[0]}`")
    if any(r.after for r in runs):
        parts += ["### Removed lines by kind", _kinds(runs)]
    parts.append("### Errors to read")
    parts.append(
        f"A line counts as ground truth when ≥{MOSTLY:.0%} of its shingles "
        "(or shorter n-grams for short lines) occur in the ground truth."
    )
    parts += [_errors(r, docs, ctx.worst) for r in runs]
    return "\n\n".join(parts)
