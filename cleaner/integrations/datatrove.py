"""A datatrove pipeline step that strips each document of its boilerplate lines.

``BoilerplateStripper`` cleans ``Document.text`` (raw HTML with ``html=True``), records what
it removed in ``Document.metadata["cleaner"]`` and counts removed lines per kind in the
step's stats. It drops lines, never documents: a document the cleaner would empty comes
through unchanged and is marked ``flagged``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from datatrove.data import Document, DocumentsPipeline
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.typeshelper import StatHints

from ..pipeline import Cleaner
from ..result import CleanResult
from ..schema import account


class BoilerplateStripper(PipelineStep):  # type: ignore[misc]  # datatrove is untyped
    """Remove junk lines from every document and say, in its metadata, which and why.

    ``rules`` adds rule files or directories to the built-in ones; ``html`` says
    ``Document.text`` is a page's HTML, to be extracted (trafilatura) before cleaning;
    ``url_key`` names the metadata field with the page's address (per-site rules);
    ``metadata_key`` is where the account goes: ``{"removed": [...], "flagged": bool}``
    (see ``cleaner.schema``).
    The Cleaner is compiled lazily, once per worker, so the step ships small to each task.
    """

    name = "🧹 Boilerplate"
    type = "✂️ - FORMAT"

    def __init__(
        self,
        rules: Iterable[str | Path] = (),
        html: bool = False,
        url_key: str | None = "url",
        metadata_key: str = "cleaner",
    ) -> None:
        super().__init__()
        self.rules = [str(p) for p in rules]
        self.html = html
        self.url_key = url_key
        self.metadata_key = metadata_key
        self._cleaner: Cleaner | None = None

    @property
    def cleaner(self) -> Cleaner:
        """The Cleaner, built on first use in whichever process runs the step."""
        if self._cleaner is None:
            self._cleaner = Cleaner(rules=self.rules)
        return self._cleaner

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean each document and pass it on; documents are never dropped."""
        if data is None:
            return
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                result = self._clean(doc)
            doc.text = result.text
            doc.metadata[self.metadata_key] = account(result)
            self._count(result)
            self.stat_update(StatHints.forwarded)
            yield doc

    def _clean(self, doc: Document) -> CleanResult:
        url = doc.metadata.get(self.url_key) if self.url_key else None
        url = url if isinstance(url, str) else None
        if self.html:
            return self.cleaner.clean_html(doc.text, url)
        return self.cleaner.clean(doc.text, url)

    def _count(self, result: CleanResult) -> None:
        """Per-kind stats: ``removed_<kind>`` sums lines; its ``n`` counts documents."""
        if result.changed:
            self.stat_update("changed")
            self.stat_update("removed_lines", value=len(result.removed))
        if result.flagged:
            self.stat_update("flagged")
        for kind, n in result.counts().items():
            self.stat_update(f"removed_{kind}", value=n)
