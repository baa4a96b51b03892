"""Run the subject over every input of every set, in a pool of worker processes.

A *task* is one page of one input: the worker gets the input text (shipped with the set,
extracted from the HTML through the cache, or the subject's own ``clean_html``), cleans it,
and returns what the report needs (scores, damage, the output) or, for a snapshot, every line's
decision. Each worker builds its subject once. Results come back in task order, so reports and
snapshots are the same on every run whatever the pool's timing.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from . import oracle
from .damage import (
    DocDamage,
    Removed,
    article_in_segments,
    article_in_text,
    doc_damage,
    rule_key,
)
from .datasets import ArticleExtractionBenchmark, Dataset, Page, in_quick_sample
from .inputs import TEXT_INPUTS, Cache
from .metrics import DocScore, SegmentCounts, counts_score, shingles, tokenize
from .subject import Decision, Spec, Subject, decisions, load, result_text

SHIPPED, EXTRACTED, HTML = "shipped", "extracted", "html"
AEB_DEV_INPUTS = ("trafilatura", "newspaper", "html-text")  # developed on; get the oracle
CHUNK = 4  # tasks per round trip to a worker: small, as pages differ a lot in cost

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Input:
    """One input of a set: where its text comes from and what to do with it.

    ``clean`` False: scored as-is only (an HTML-mode reference row). ``oracle``: also score the
    best line subset (a ceiling for line-dropping cleaners).
    """

    id: str
    source: str
    extractor: str | None = None
    clean: bool = True
    oracle: bool = False


def inputs_of(dataset: Dataset) -> list[Input]:
    """The inputs of a set, in report order."""
    if isinstance(dataset, ArticleExtractionBenchmark):
        shipped = [Input(n, SHIPPED, oracle=n in AEB_DEV_INPUTS) for n in dataset.extractors()]
        return [
            *shipped,
            Input("clean_html", HTML),
            Input("extract:trafilatura", EXTRACTED, "trafilatura", clean=False),
            Input(
                "extract:trafilatura-no-comments",
                EXTRACTED,
                "trafilatura-no-comments",
                clean=False,
            ),
        ]
    with_oracle = dataset.metric == "shingle"
    return [
        *(Input(n, EXTRACTED, n, oracle=with_oracle) for n in TEXT_INPUTS),
        Input("clean_html", HTML),
        Input("trafilatura-no-comments", EXTRACTED, "trafilatura-no-comments", clean=False),
    ]


@dataclass(frozen=True)
class Task:
    """One page of one input. ``text`` is the shipped text (None for the other sources)."""

    dataset: str
    input: Input
    page: Page
    text: str | None = None


@dataclass
class DocResult:
    """What the report needs of one cleaned (or as-is) page."""

    page: Page
    output: str
    asis: DocScore | None = None  # shingle scores against ``page.truth``
    after: DocScore | None = None
    segments_asis: SegmentCounts | None = None  # with/without found
    segments_after: SegmentCounts | None = None
    oracle: DocScore | None = None
    damage: DocDamage | None = None
    removed_lines: int = 0
    seconds: float = 0.0  # CPU time of the cleaning
    changed_again: bool = False
    error: str | None = None


@dataclass
class DocDecisions:
    """Every line's decision on one page, for snapshots."""

    dataset: str
    input: str
    page_id: str
    output: str
    flagged: bool
    lines: list[Decision]
    error: str | None = None


class _Worker:
    """Per-process state: the subject, built once, and the text-input cache."""

    subject: Subject | None = None
    cache: Cache | None = None


def init_worker(spec: Spec, cache_dir: Path) -> None:
    """Pool initializer (also called in-process when running without a pool)."""
    _Worker.subject = load(spec).subject
    _Worker.cache = Cache(cache_dir)


def _input_text(task: Task, html: bytes | None) -> str:
    if task.input.source == SHIPPED:
        return task.text or ""
    assert _Worker.cache is not None and html is not None and task.input.extractor
    return _Worker.cache.text(task.dataset, task.page.id, html, task.page.url, task.input.extractor)


def _clean(task: Task) -> tuple[str | None, Any, float, str | None]:
    """(the text the subject cleaned, its result, CPU seconds, error). For ``clean_html``
    the text is its own extraction, read back from the result's lines."""
    page, subject = task.page, _Worker.subject
    html = page.html() if task.input.source != SHIPPED else None
    text: str | None = None
    if task.input.source != HTML:
        try:
            text = _input_text(task, html)
        except Exception as exc:  # an extractor failing on a page: an error, not a crash
            return "", None, 0.0, f"{task.input.extractor}: {type(exc).__name__}: {exc}"
    if subject is None or not task.input.clean:
        return text, None, 0.0, None
    t0 = time.process_time()
    try:
        if task.input.source == HTML:
            result = subject.clean_html(html, url=page.url)  # type: ignore[attr-defined]
        else:
            result = subject.clean(text or "", url=page.url)
    except Exception as exc:  # one bad page must not hide the others: count and show it
        return text, None, time.process_time() - t0, f"{type(exc).__name__}: {exc}"
    seconds = time.process_time() - t0
    if text is None:
        lines = decisions(result, None)
        text = None if lines is None else "\n".join(d.text for d in lines)
    return text, result, seconds, None


def snapshot_doc(task: Task) -> DocDecisions:
    """Every line's decision on one page (no scoring)."""
    text, result, _, error = _clean(task)
    lines = decisions(result, text) if result is not None else None
    return DocDecisions(
        task.dataset,
        task.input.id,
        task.page.id,
        result_text(result) if result is not None else (text or ""),
        bool(getattr(result, "flagged", False)),
        lines or [],
        error,
    )


def evaluate_doc(task: Task) -> DocResult:
    """Score one page as-is and cleaned, with its damage.

    A page the subject fails on counts as an error and as left unchanged (nothing removed),
    so one bad page neither stops the run nor blanks its input's rows.
    """
    page = task.page
    text, result, seconds, error = _clean(task)
    cleaned = _Worker.subject is not None and task.input.clean
    lines = None if result is None else decisions(result, text)
    if result is not None:
        out = result_text(result)
    else:
        out = text or ""
        lines = decisions(None, out) if cleaned else None  # unchanged: every line kept
    base = text if text is not None else out  # an HTML result without lines: as-is unknown
    doc = DocResult(page, out, seconds=seconds, error=error)
    if page.truth is not None:
        truth = shingles(tokenize(page.truth))

        def score(text: str) -> DocScore:
            return counts_score(truth, shingles(tokenize(text)))

        doc.asis = score(base)
        doc.after = score(out) if cleaned else None
        if task.input.oracle:
            doc.oracle = _oracle(page.truth, base, score)
    # with/without counts on every page (zero where a page has none), so that they pool
    doc.segments_asis = SegmentCounts.of(base, page.with_, page.without)
    doc.segments_after = SegmentCounts.of(out, page.with_, page.without) if cleaned else None
    if cleaned and lines is not None and text is not None:
        doc.damage = _damage(page, lines, out, doc)
        doc.removed_lines = doc.damage.removed_lines
    if cleaned and result is not None and task.input.source != HTML:
        doc.changed_again = _changed_again(out, page.url)
    return doc


def _oracle(truth: str, text: str, score: Callable[[str], DocScore]) -> DocScore:
    """The oracle's score (cached: it depends only on the two texts)."""
    assert _Worker.cache is not None

    def compute() -> str:
        s = score(oracle.oracle_text(truth, text))
        return json.dumps([s.tp, s.fp, s.fn])

    tp, fp, fn = json.loads(_Worker.cache.oracle(truth, text, compute))
    return DocScore(tp, fp, fn)


def _damage(page: Page, lines: Sequence[Decision], out: str, doc: DocResult) -> DocDamage:
    removed = [
        Removed(d.line_no, d.text, d.kind or "?", rule_key(d.rule or "scorer", d.reason))
        for d in lines
        if not d.keep
    ]
    if page.truth is not None:
        assert doc.asis is not None and doc.after is not None
        article = article_in_text(page.truth, removed, out)
        before, after = doc.asis.recall, doc.after.recall
    else:
        assert doc.segments_asis is not None and doc.segments_after is not None
        article = article_in_segments(page.with_, removed, out)
        before, after = doc.segments_asis.with_found, doc.segments_after.with_found
    return doc_damage(removed, article, before, after)


def _changed_again(text: str, url: str | None) -> bool:
    """Whether cleaning a cleaned output again changes it: cleaning should be idempotent,
    since a pre-commit hook reruns it on its own output."""
    assert _Worker.subject is not None
    try:
        return bool(_Worker.subject.clean(text, url=url).text != text)
    except Exception:
        return True


def plan(
    datasets: Iterable[Dataset], *, quick: bool, html: bool, only_cleaned: bool = False
) -> list[Task]:
    """Every (set, input, page) task, in report order. ``quick`` keeps the fixed sample;
    ``html`` False leaves out ``clean_html`` (a subject without it); ``only_cleaned`` leaves
    out the inputs scored as-is only (for snapshots)."""
    tasks = []
    for ds in datasets:
        pages = [p for p in ds.pages if not quick or in_quick_sample(p.id)]
        for inp in inputs_of(ds):
            if (only_cleaned and not inp.clean) or (inp.source == HTML and not html):
                continue
            shipped = (
                ds.output(inp.id)
                if inp.source == SHIPPED and isinstance(ds, ArticleExtractionBenchmark)
                else {}
            )
            tasks += [Task(ds.key, inp, p, shipped.get(p.id)) for p in pages]
    return tasks


def run_tasks(
    fn: Callable[[T], R], tasks: Sequence[T], spec: Spec, cache_dir: Path, jobs: int
) -> Iterator[R]:
    """``fn`` over ``tasks`` in order: in a pool of ``jobs`` processes, or here if jobs is 1."""
    if jobs <= 1 or len(tasks) <= 1:
        init_worker(spec, cache_dir)
        yield from map(fn, tasks)
        return
    with ProcessPoolExecutor(jobs, initializer=init_worker, initargs=(spec, cache_dir)) as pool:
        yield from pool.map(fn, tasks, chunksize=CHUNK)


def progress(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    """Pass ``items`` through, telling stderr how far along they are every 10%."""
    step = max(1, total // 10)
    for i, item in enumerate(items, 1):
        if i % step == 0 or i == total:
            print(f"[{label}] {i}/{total}", file=sys.stderr, flush=True)
        yield item
