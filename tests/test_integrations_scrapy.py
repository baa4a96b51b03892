"""BoilerplatePipeline in a real Scrapy crawl of a small site served from tests/fixtures/site.

The site is served by ``http.server`` on 127.0.0.1 in the test process; the crawl runs in a
subprocess (this module, run with ``python -m``) so that Twisted's reactor never meets pytest's
process. HTML pages become ``scrapy.Item`` and dataclass items carrying raw HTML, text
pages become dict items carrying text; all three go through the same pipeline.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import scrapy
from scrapy.crawler import CrawlerProcess

SITE = Path(__file__).parent / "fixtures" / "site"
REPO = Path(__file__).parent.parent


class ArticleItem(scrapy.Item):
    url = scrapy.Field()
    html = scrapy.Field()
    text = scrapy.Field()
    cleaner_removed = scrapy.Field()


@dataclasses.dataclass
class WorldStory:
    url: str
    html: str
    text: str | None = None
    cleaner_removed: list[dict[str, Any]] | None = None


class LedgerSpider(scrapy.Spider):
    """Follows the front page's links; one item per article, typed by section."""

    name = "ledger"

    def parse(self, response: scrapy.http.Response) -> Iterator[Any]:
        for href in response.css("main li a::attr(href)").getall():
            yield response.follow(href, self.parse_article)

    def parse_article(self, response: scrapy.http.Response) -> Any:
        if response.url.endswith(".txt"):
            return {"url": response.url, "text": response.text}
        if "/world/" in response.url:
            return WorldStory(url=response.url, html=response.text)
        return ArticleItem(url=response.url, html=response.text)


def crawl(base: str, out: Path) -> None:
    """Crawl the site at ``base`` with the pipeline on; items to ``out``/items.jsonl, stats too."""
    process = CrawlerProcess(
        {
            "ITEM_PIPELINES": {"cleaner.integrations.scrapy.BoilerplatePipeline": 300},
            "CLEANER_HTML_FIELD": "html",
            "CLEANER_RULES": [str(SITE / "ledger-rules.toml")],
            "CLEANER_ANNOTATE": True,
            "FEEDS": {str(out / "items.jsonl"): {"format": "jsonlines", "encoding": "utf8"}},
            "ROBOTSTXT_OBEY": False,
            "LOG_LEVEL": "WARNING",
            "TELNETCONSOLE_ENABLED": False,
        }
    )
    crawler = process.create_crawler(LedgerSpider)
    process.crawl(crawler, start_urls=[f"{base}/index.html"])
    process.start()
    (out / "stats.json").write_text(json.dumps(crawler.stats.get_stats(), default=str))


@pytest.fixture
def site() -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_crawl_cleans_items(site: str, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.test_integrations_scrapy", site, str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "items.jsonl").exists(), proc.stderr
    items = {
        Path(item["url"]).name: item
        for item in map(json.loads, (tmp_path / "items.jsonl").read_text().splitlines())
    }
    assert set(items) == {
        "ferry-fares.html",
        "grain-port.html",
        "council-budget.txt",
        "reservoir.txt",
    }

    ferry = items["ferry-fares.html"]
    # The headline is the page's <h1>: HTML text is the article's body.
    assert ferry["text"].startswith("Fares on the ferry between Eastmoor and the Skerran islands")
    assert "Helen Marsh" in ferry["text"]
    for junk in ("Advertisement", "Share this article", "Listen to The Harbour Hour"):
        assert junk not in ferry["text"]
    rules = [r["rule"] for r in ferry["cleaner_removed"]]
    assert rules == [
        "html",  # the headline
        "advertisement.label",
        "ledger.podcast",
        "share.buttons",
        "related.inline-link",
    ]

    grain = items["grain-port.html"]
    assert "Ana Lindqvist" in grain["text"]
    kinds = [r["kind"] for r in grain["cleaner_removed"]]
    assert kinds == ["duplicate", "advertisement", "credit", "subscribe"]

    budget = items["council-budget.txt"]
    source = (SITE / "wire" / "council-budget.txt").read_text(encoding="utf-8").splitlines()
    prose = [line for line in source if line.strip()]
    article = [prose[0], *prose[2:8]]  # the headline and six paragraphs; the rest is junk
    assert [line for line in budget["text"].splitlines() if line.strip()] == article
    for r in budget["cleaner_removed"]:
        assert source[r["line_no"] - 1] == r["text"].rstrip("\n")
    kinds = Counter(r["kind"] for r in budget["cleaner_removed"])
    assert kinds == {"advertisement": 1, "counter": 1, "related": 4, "source": 1}

    reservoir = items["reservoir.txt"]
    assert [r["kind"] for r in reservoir["cleaner_removed"]] == [
        "share",
        "share",
        "subscribe",
        "legal",
    ]
    assert all(
        set(r) == {"line_no", "text", "kind", "rule", "score", "reason"}
        for item in items.values()
        for r in item["cleaner_removed"]
    )

    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["cleaner/items"] == 4
    assert stats["cleaner/removed/advertisement"] == 3
    assert stats["cleaner/removed/subscribe"] == 3
    assert "cleaner/flagged" not in stats


if __name__ == "__main__":
    crawl(sys.argv[1], Path(sys.argv[2]))
