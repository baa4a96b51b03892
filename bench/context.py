"""State shared by all sections of one run: datasets parsed once, the subject run once."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import runner
from .datasets import (
    WCXB,
    ArticleExtractionBenchmark,
    Dataset,
    TrafilaturaEval,
    find_all,
    in_quick_sample,
)
from .runner import DocResult, Input
from .subject import Loaded, Spec

Results = dict[tuple[str, str], list[DocResult]]  # (set key, input id) -> pages in order


@dataclass
class Context:
    """Everything a section needs: data, the subject, report options and the runs."""

    roots: list[Path]
    loaded: Loaded
    spec: Spec = field(default_factory=Spec)
    worst: int = 10
    quick: bool = False
    cache_dir: Path = Path(".")
    jobs: int = 2
    run_seconds: float = 0.0

    @cached_property
    def datasets(self) -> list[Dataset]:
        """The layouts found under ``roots``, in report order."""
        return find_all(self.roots)

    def _get(self, cls: type[Dataset]) -> Dataset | None:
        return next((d for d in self.datasets if isinstance(d, cls)), None)

    @property
    def aeb(self) -> ArticleExtractionBenchmark | None:
        """article-extraction-benchmark layout under ``roots``, if any."""
        found = self._get(ArticleExtractionBenchmark)
        return found if isinstance(found, ArticleExtractionBenchmark) else None

    @property
    def te(self) -> TrafilaturaEval | None:
        """trafilatura-eval layout under ``roots``, if any."""
        found = self._get(TrafilaturaEval)
        return found if isinstance(found, TrafilaturaEval) else None

    @property
    def wcxb(self) -> WCXB | None:
        """WCXB layout under ``roots``, if any."""
        found = self._get(WCXB)
        return found if isinstance(found, WCXB) else None

    @property
    def has_html(self) -> bool:
        """Whether the subject has ``clean_html`` (HTML-mode rows)."""
        return self.loaded.subject is not None and hasattr(self.loaded.subject, "clean_html")

    def inputs(self, dataset: Dataset) -> list[Input]:
        """The inputs run on ``dataset`` with this subject."""
        return [i for i in runner.inputs_of(dataset) if i.source != runner.HTML or self.has_html]

    @cached_property
    def results(self) -> Results:
        """Every input of every set, run once (in a pool) for all accuracy sections."""
        t0 = time.perf_counter()
        tasks = runner.plan(self.datasets, quick=self.quick, html=self.has_html)
        out: Results = {(d.key, i.id): [] for d in self.datasets for i in self.inputs(d)}
        done = runner.run_tasks(runner.evaluate_doc, tasks, self.spec, self.cache_dir, self.jobs)
        for task, res in zip(tasks, runner.progress(done, len(tasks), "run"), strict=True):
            out[(task.dataset, task.input.id)].append(res)
        self.run_seconds = time.perf_counter() - t0
        print(
            f"[bench] cleaning runs: {self.run_seconds:.1f} s ({len(tasks)} documents, "
            f"{self.jobs} processes)",
            file=sys.stderr,
            flush=True,
        )
        return out

    def pages_note(self, dataset: Dataset) -> str:
        """ "88 pages" or, in quick mode, "11 of 88 pages (quick sample)"."""
        total = len(dataset.pages)
        if not self.quick:
            return f"{total} pages"
        n = sum(1 for p in dataset.pages if in_quick_sample(p.id))
        return f"{n} of {total} pages, quick sample"
