"""Loaders for the three benchmark layouts, exactly as in their upstream repositories.

``--data`` may point at a folder holding ``article-extraction-benchmark/``, ``trafilatura-eval/``
and ``wcxb/`` (the shared dev parts) or straight at a clone of an upstream repo; layouts are
detected by their files, so a full clone works unchanged (of WCXB only the ``dev`` split is read).
Every set yields :class:`Page` records, so the rest of the harness handles them alike.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

AEB_DIR = "article-extraction-benchmark"
TE_DIR = "trafilatura-eval"
WCXB_DIR = "wcxb"
WCXB_SPLIT = "dev"
ARTICLE = "article"  # WCXB's page type for news and blog articles
QUICK_SHARE = 8  # --quick keeps about one page in this many, chosen by a hash of the page id


def in_quick_sample(page_id: str) -> bool:
    """Whether ``page_id`` belongs to the fixed ``--quick`` sample (same pages on every run)."""
    digest = hashlib.sha256(page_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % QUICK_SHARE == 0


def _find(roots: Iterable[Path], subdir: str, marker: str) -> Path | None:
    """First root that is (or has a ``subdir`` that is) a layout containing ``marker``."""
    for root in roots:
        for cand in (root, root / subdir):
            if (cand / marker).exists():
                return cand
    return None


@dataclass(frozen=True)
class Page:
    """One benchmark page: its HTML, address and ground truth.

    ``truth`` is the article's text where the set has one (AEB, WCXB); ``with_``/``without``
    are the segments or snippets that must / must not appear (trafilatura-eval, WCXB).
    """

    id: str
    url: str | None
    html_path: Path
    truth: str | None = None
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    page_type: str | None = None

    def html(self) -> bytes:
        """Raw page bytes (gunzipped if stored so; not decoded: extractors detect encodings)."""
        data = self.html_path.read_bytes()
        return gzip.decompress(data) if self.html_path.suffix == ".gz" else data


class Dataset:
    """A benchmark layout found under ``--data``: a key, a title and its pages."""

    key: str
    title: str
    metric: str

    def __init__(self, root: Path) -> None:
        self.root = root

    @cached_property
    def pages(self) -> list[Page]:
        """Pages in the order upstream iterates them."""
        raise NotImplementedError

    def missing(self) -> int:
        """Ground-truth entries without an HTML file (reported, not silently dropped)."""
        return 0


class ArticleExtractionBenchmark(Dataset):
    """scrapinghub/article-extraction-benchmark: ``html/<id>.html.gz``, ``ground-truth.json``,
    ``output/<extractor>.json``."""

    key = "aeb"
    title = "article-extraction-benchmark"
    metric = "shingle"

    @classmethod
    def find(cls, roots: Iterable[Path]) -> ArticleExtractionBenchmark | None:
        """Locate the layout among ``roots``; None if absent."""
        root = _find(roots, AEB_DIR, "ground-truth.json")
        return cls(root) if root else None

    @cached_property
    def pages(self) -> list[Page]:
        gt = json.loads((self.root / "ground-truth.json").read_text(encoding="utf-8"))
        return [
            Page(k, v.get("url"), self.root / "html" / f"{k}.html.gz", v.get("articleBody") or "")
            for k, v in gt.items()
        ]

    def extractors(self) -> list[str]:
        """Names of the extractor outputs shipped in ``output/`` (file stems), sorted."""
        return sorted(p.stem for p in (self.root / "output").glob("*.json"))

    def output(self, extractor: str) -> dict[str, str]:
        """``{id: articleBody}`` of one extractor; handles both file shapes, missing ids give ''."""
        data = json.loads((self.root / "output" / f"{extractor}.json").read_text(encoding="utf-8"))
        if isinstance(data.get("output"), dict) and "version" in data:
            data = data["output"]
        return {p.id: ((data.get(p.id) or {}).get("articleBody") or "") for p in self.pages}


class TrafilaturaEval(Dataset):
    """trafilatura's evaluation set: ``tests/evaldata.json`` plus ``tests/eval|cache/<file>``.

    A page's id is its file name (the evaldata keys are URLs or labels, not file-safe).
    """

    key = "teval"
    title = "trafilatura-eval"
    metric = "segment"

    @classmethod
    def find(cls, roots: Iterable[Path]) -> TrafilaturaEval | None:
        """Locate the layout among ``roots``; None if absent."""
        root = _find(roots, TE_DIR, "tests/evaldata.json")
        return cls(root) if root else None

    def _entries(self) -> dict[str, dict[str, object]]:
        data: dict[str, dict[str, object]] = json.loads(
            (self.root / "tests" / "evaldata.json").read_text(encoding="utf-8")
        )
        return data

    @cached_property
    def pages(self) -> list[Page]:
        """Pages whose HTML file exists (upstream looks in ``eval/`` then ``cache/``)."""
        tests = self.root / "tests"
        pages = []
        for key, item in self._entries().items():
            name = str(item["file"])
            path = next((p for d in ("eval", "cache") if (p := tests / d / name).is_file()), None)
            if path is None:
                continue
            url = key.strip() if key.strip().startswith(("http://", "https://")) else None
            pages.append(
                Page(
                    name,
                    url,
                    path,
                    with_=_strings(item.get("with")),
                    without=_strings(item.get("without")),
                )
            )
        return pages

    def missing(self) -> int:
        return len(self._entries()) - len(self.pages)


def _strings(items: object) -> tuple[str, ...]:
    """The non-null strings of a JSON list (upstream files hold the odd null)."""
    return tuple(s for s in items if isinstance(s, str)) if isinstance(items, list) else ()


class WCXB(Dataset):
    """WCXB's ``dev`` split: ``dev/html/<id>.html.gz`` and ``dev/ground-truth/<id>.json``."""

    key = "wcxb"
    title = "WCXB"
    metric = "shingle"

    @classmethod
    def find(cls, roots: Iterable[Path]) -> WCXB | None:
        """Locate the layout among ``roots``; None if absent."""
        root = _find(roots, WCXB_DIR, f"{WCXB_SPLIT}/ground-truth")
        return cls(root) if root else None

    @cached_property
    def _types(self) -> dict[str, str]:
        """Page types from ``metadata.json`` (a fallback: each ground-truth file has its own)."""
        meta = self.root / "metadata.json"
        if not meta.is_file():
            return {}
        files = json.loads(meta.read_text(encoding="utf-8")).get("files") or {}
        return {k: str(v.get("page_type")) for k, v in files.items() if v.get("page_type")}

    @cached_property
    def pages(self) -> list[Page]:
        """Pages with both a ground-truth file and an HTML file, by id."""
        split = self.root / WCXB_SPLIT
        pages = []
        for gt_path in sorted((split / "ground-truth").glob("*.json")):
            html = split / "html" / f"{gt_path.stem}.html.gz"
            if not html.is_file():
                continue
            data = json.loads(gt_path.read_text(encoding="utf-8"))
            gt = data.get("ground_truth") or {}
            kind = ((data.get("_internal") or {}).get("page_type") or {}).get("primary")
            pages.append(
                Page(
                    gt_path.stem,
                    data.get("url"),
                    html,
                    gt.get("main_content") or "",
                    _strings(gt.get("with")),
                    _strings(gt.get("without")),
                    kind or self._types.get(gt_path.stem) or "unknown",
                )
            )
        return pages

    def missing(self) -> int:
        return len(list((self.root / WCXB_SPLIT / "ground-truth").glob("*.json"))) - len(self.pages)


def find_all(roots: Iterable[Path]) -> list[Dataset]:
    """Every layout found under ``roots``, in report order (AEB, trafilatura-eval, WCXB)."""
    roots = list(roots)
    found = (ArticleExtractionBenchmark.find(roots), TrafilaturaEval.find(roots), WCXB.find(roots))
    return [d for d in found if d is not None]
