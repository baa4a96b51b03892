"""A Scrapy item pipeline that strips each scraped article of its boilerplate lines.

Enable it in the project's settings::

    ITEM_PIPELINES = {"cleaner.integrations.scrapy.BoilerplatePipeline": 300}

Settings (all optional):

- ``CLEANER_FIELD`` (``"text"``): the field with the article text; it is replaced by the
  cleaned text.
- ``CLEANER_HTML_FIELD`` (unset): a field with the page's raw HTML. When an item has it, the
  article is extracted (trafilatura) and cleaned, and the result is written to
  ``CLEANER_FIELD``; items without it are cleaned from ``CLEANER_FIELD`` as text.
- ``CLEANER_URL_FIELD`` (``"url"``): the field with the page's address, which switches on
  per-site rules.
- ``CLEANER_RULES`` (``[]``): rule files or directories added to the built-in rules.
- ``CLEANER_ANNOTATE`` (``False``): store the removals on the item, under ``cleaner_removed``,
  as a list of dicts (line_no, text, kind, rule, score, reason: see ``cleaner.schema``).

Items may be dicts, ``scrapy.Item`` or dataclass/attrs items (through ``itemadapter``); the
latter must declare ``CLEANER_FIELD`` and, when annotating, ``cleaner_removed``. Crawl stats
count ``cleaner/items``, ``cleaner/flagged`` and ``cleaner/removed/<kind>``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from ..pipeline import Cleaner
from ..result import CleanResult
from ..schema import removal_dicts

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

ANNOTATION_FIELD = "cleaner_removed"


class BoilerplatePipeline:
    """Clean one field of every item; the Cleaner is compiled once, when the crawler starts."""

    def __init__(
        self,
        cleaner: Cleaner,
        field: str = "text",
        html_field: str | None = None,
        url_field: str | None = "url",
        annotate: bool = False,
        stats: StatsCollector | None = None,
    ) -> None:
        self.cleaner = cleaner
        self.field = field
        self.html_field = html_field
        self.url_field = url_field
        self.annotate = annotate
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BoilerplatePipeline:
        """Read the ``CLEANER_*`` settings; a bad rule file fails the crawl here, at start-up."""
        s = crawler.settings
        return cls(
            Cleaner(rules=s.getlist("CLEANER_RULES")),
            field=s.get("CLEANER_FIELD", "text"),
            html_field=s.get("CLEANER_HTML_FIELD") or None,
            url_field=s.get("CLEANER_URL_FIELD", "url") or None,
            annotate=s.getbool("CLEANER_ANNOTATE"),
            stats=crawler.stats,
        )

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the item in place and return it; items with nothing to clean pass unchanged.

        ``spider`` is optional so that Scrapy versions which no longer pass it do not warn.
        """
        adapter = ItemAdapter(item)
        result = self._clean(adapter)
        if result is None:
            return item
        _store(adapter, self.field, result.text)
        if self.annotate:
            _store(adapter, ANNOTATION_FIELD, removal_dicts(result))
        self._count(result)
        return item

    def _clean(self, adapter: ItemAdapter) -> CleanResult | None:
        """HTML when the item carries it, else the text field; None when it has neither."""
        url = adapter.get(self.url_field) if self.url_field else None
        url = url if isinstance(url, str) else None
        if self.html_field:
            html = adapter.get(self.html_field)
            if isinstance(html, str | bytes) and html:
                return self.cleaner.clean_html(html, url)
        text = adapter.get(self.field)
        if isinstance(text, str):
            return self.cleaner.clean(text, url)
        return None

    def _count(self, result: CleanResult) -> None:
        if self.stats is None:
            return
        self.stats.inc_value("cleaner/items")
        if result.flagged:
            self.stats.inc_value("cleaner/flagged")
        for kind, n in result.counts().items():
            self.stats.inc_value(f"cleaner/removed/{kind}", n)


def _store(adapter: ItemAdapter, field: str, value: Any) -> None:
    """Set ``field``, saying which setting needs it when the item class does not declare it."""
    try:
        adapter[field] = value
    except KeyError as exc:
        raise KeyError(
            f"{type(adapter.item).__name__} has no field {field!r}; declare it to use "
            "cleaner's BoilerplatePipeline (CLEANER_FIELD, or cleaner_removed for "
            "CLEANER_ANNOTATE)"
        ) from exc
