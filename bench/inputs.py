"""Text-mode inputs made from a page's HTML, cached on disk so a rerun costs only the cleaning
(the oracle's scores, which depend only on the texts, are cached the same way).

Two extractors make realistic scraped text: trafilatura's output with library defaults (as the
article-extraction-benchmark's ``trafilatura.json`` was made) and the page's whole visible
text with block elements on their own lines (``html_text.extract_text(guess_layout=True)``,
as its ``html-text.json``). A third, trafilatura without comments, is only a reference row of
the HTML section. A cache entry is keyed by the set, the page id, a hash of the page bytes and
the extractor's name and version, so a changed page or a new library version is never served
stale text.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import ModuleType

from . import metrics, oracle

CACHE_DIR_NAME = "cleaner-bench"
_UNSAFE = re.compile(r"[^A-Za-z0-9._@-]")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"


def _trafilatura(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def _trafilatura_no_comments(html: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def _html_text(html: bytes, url: str | None) -> str:
    """The whole page's text; bytes are decoded the way trafilatura decodes them."""
    import html_text
    from trafilatura.utils import decode_file

    return str(html_text.extract_text(decode_file(html), guess_layout=True))


@dataclass(frozen=True)
class Extractor:
    """A named way to turn HTML into text, with the packages whose versions key its cache."""

    name: str
    call: str  # how the report names it
    fn: Callable[[bytes, str | None], str]
    packages: tuple[str, ...]

    @property
    def version(self) -> str:
        """Versions of the packages that shape its output, e.g. ``html-text-0.7.1_...``."""
        return "_".join(f"{p}-{_version(p)}" for p in self.packages)


EXTRACTORS: dict[str, Extractor] = {
    e.name: e
    for e in (
        Extractor("trafilatura", "trafilatura.extract(html, url)", _trafilatura, ("trafilatura",)),
        Extractor(
            "html-text",
            "html_text.extract_text(html, guess_layout=True)",
            _html_text,
            ("html-text", "trafilatura"),  # trafilatura decodes the bytes
        ),
        Extractor(
            "trafilatura-no-comments",
            "trafilatura.extract(html, url, include_comments=False)",
            _trafilatura_no_comments,
            ("trafilatura",),
        ),
    )
}
TEXT_INPUTS = ("trafilatura", "html-text")  # the generated inputs that text mode cleans


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/cleaner-bench``, else ``~/.cache/cleaner-bench``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / CACHE_DIR_NAME


def page_hash(html: bytes) -> str:
    """Short content hash of a page's bytes (part of the cache key)."""
    return hashlib.sha256(html).hexdigest()[:16]


@dataclass(frozen=True)
class Cache:
    """Results that do not depend on the cleaner, kept on disk: extracted texts under
    ``root/<set>/<extractor>@<version>/<page id>.<page hash>.txt``, oracle scores under
    ``root/oracle@<code hash>/``."""

    root: Path

    def path(self, dataset: str, page_id: str, html: bytes, extractor: Extractor) -> Path:
        """Where this page's text from this extractor (at its installed version) lives."""
        folder = self.root / dataset / _UNSAFE.sub("_", f"{extractor.name}@{extractor.version}")
        return folder / f"{_UNSAFE.sub('_', page_id)}.{page_hash(html)}.txt"

    def text(self, dataset: str, page_id: str, html: bytes, url: str | None, name: str) -> str:
        """The page's text from extractor ``name``, extracted on the first call only."""
        extractor = EXTRACTORS[name]
        path = self.path(dataset, page_id, html, extractor)
        return self.memo(path, lambda: extractor.fn(html, url))

    def oracle(self, truth: str, text: str, compute: Callable[[], str]) -> str:
        """An oracle result for this truth and text, computed on the first call only
        (keyed by both texts and by the oracle's and metrics' code)."""
        key = hashlib.sha256(f"{truth}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
        return self.memo(self.root / f"oracle@{_ORACLE_CODE}" / f"{key[:32]}.json", compute)

    @staticmethod
    def memo(path: Path, compute: Callable[[], str]) -> str:
        """The text stored at ``path``, or ``compute()`` stored there (atomically, so that a
        run interrupted or racing another never leaves a half-written entry)."""
        try:
            with path.open(encoding="utf-8", newline="") as f:  # line endings as stored
                return f.read()
        except FileNotFoundError:
            pass
        text = compute()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8", newline="")
        os.replace(tmp, path)
        return text


def _code_hash(*modules: ModuleType) -> str:
    """A short hash of modules' source: any edit to them makes a new cache key."""
    digest = hashlib.sha256()
    for m in modules:
        digest.update(Path(str(m.__file__)).read_bytes())
    return digest.hexdigest()[:12]


_ORACLE_CODE = _code_hash(oracle, metrics)
