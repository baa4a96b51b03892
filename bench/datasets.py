"""Loaders for the two benchmark layouts, exactly as in their upstream repositories.

``--data`` may point at a folder holding ``article-extraction-benchmark/`` and ``trafilatura-eval/``
(the shared dev halves) or straight at a clone of either upstream repo; layouts are detected by
their files, so a full clone works unchanged.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

AEB_DIR = "article-extraction-benchmark"
TE_DIR = "trafilatura-eval"


def _find(roots: Iterable[Path], subdir: str, marker: str) -> Path | None:
    """First root that is (or has a ``subdir`` that is) a layout containing ``marker``."""
    for root in roots:
        for cand in (root, root / subdir):
            if (cand / marker).is_file():
                return cand
    return None


@dataclass(frozen=True)
class AEBDoc:
    """One article-extraction-benchmark page."""

    id: str
    url: str | None
    truth: str


class ArticleExtractionBenchmark:
    """scrapinghub/article-extraction-benchmark: ``html/<id>.html.gz``, ``ground-truth.json``,
    ``output/<extractor>.json``."""

    name = "article-extraction-benchmark"

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def find(cls, roots: Iterable[Path]) -> ArticleExtractionBenchmark | None:
        """Locate the layout among ``roots``; None if absent."""
        root = _find(roots, AEB_DIR, "ground-truth.json")
        return cls(root) if root else None

    @cached_property
    def docs(self) -> list[AEBDoc]:
        """Documents in ground-truth order (the order upstream iterates)."""
        gt = json.loads((self.root / "ground-truth.json").read_text(encoding="utf-8"))
        return [AEBDoc(k, v.get("url"), v.get("articleBody") or "") for k, v in gt.items()]

    def extractors(self) -> list[str]:
        """Names of the extractor outputs shipped in ``output/`` (file stems), sorted."""
        return sorted(p.stem for p in (self.root / "output").glob("*.json"))

    def output(self, extractor: str) -> dict[str, str]:
        """``{id: articleBody}`` of one extractor; handles both file shapes, missing ids give ''."""
        data = json.loads((self.root / "output" / f"{extractor}.json").read_text(encoding="utf-8"))
        if isinstance(data.get("output"), dict) and "version" in data:
            data = data["output"]
        return {d.id: ((data.get(d.id) or {}).get("articleBody") or "") for d in self.docs}

    def html(self, doc_id: str) -> bytes:
        """Raw page bytes (gunzipped, not decoded: the extractor detects the encoding)."""
        return gzip.decompress((self.root / "html" / f"{doc_id}.html.gz").read_bytes())


@dataclass(frozen=True)
class TEPage:
    """One trafilatura-eval page with its expected and unwanted segments."""

    key: str
    url: str | None
    path: Path
    with_: list[str]
    without: list[str]


class TrafilaturaEval:
    """trafilatura's evaluation set: ``tests/evaldata.json`` plus ``tests/eval|cache/<file>``."""

    name = "trafilatura-eval"

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def find(cls, roots: Iterable[Path]) -> TrafilaturaEval | None:
        """Locate the layout among ``roots``; None if absent."""
        root = _find(roots, TE_DIR, "tests/evaldata.json")
        return cls(root) if root else None

    @cached_property
    def pages(self) -> list[TEPage]:
        """Pages whose HTML file exists (upstream looks in ``eval/`` then ``cache/``)."""
        tests = self.root / "tests"
        data = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
        pages = []
        for key, item in data.items():
            path = next(
                (p for d in ("eval", "cache") if (p := tests / d / item["file"]).is_file()), None
            )
            if path is None:
                continue
            url = key.strip() if key.strip().startswith(("http://", "https://")) else None
            pages.append(
                TEPage(
                    key,
                    url,
                    path,
                    [s for s in item.get("with") or [] if s is not None],
                    [s for s in item.get("without") or [] if s is not None],
                )
            )
        return pages

    def missing(self) -> int:
        """How many evaldata entries have no HTML file (reported, not silently dropped)."""
        data = json.loads((self.root / "tests" / "evaldata.json").read_text(encoding="utf-8"))
        return len(data) - len(self.pages)
