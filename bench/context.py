"""State shared by all sections of one run, so datasets are parsed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .datasets import ArticleExtractionBenchmark, TrafilaturaEval
from .subject import Loaded


@dataclass
class Context:
    """Everything a section needs: data roots, the subject, and report options."""

    roots: list[Path]
    loaded: Loaded
    worst: int = 10
    notes: list[str] = field(default_factory=list)

    @cached_property
    def aeb(self) -> ArticleExtractionBenchmark | None:
        """article-extraction-benchmark layout under ``roots``, if any."""
        return ArticleExtractionBenchmark.find(self.roots)

    @cached_property
    def te(self) -> TrafilaturaEval | None:
        """trafilatura-eval layout under ``roots``, if any."""
        return TrafilaturaEval.find(self.roots)
