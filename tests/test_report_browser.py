"""The HTML report in a real browser (headless Chromium): the numbers it shows are the
JSON report's, the filter works from the address (#kind=...&rule=...), the page reads
with JavaScript off, scraped markup stays text, and it renders to a screenshot."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from cleaner.cli import app
from tests import browser
from tests.conftest import BRIDGE, write

FIXTURES = Path(__file__).parent / "fixtures" / "kinds"
HOSTILE_LINE = "<script>document.body.setAttribute('data-pwned', '1')</script> \"quoted\" & more"
HOSTILE_KEPT = f"{BRIDGE[2]} <img src=x onerror=\"this.outerHTML='<p id=injected>'\">"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """The JSON report and the page of one run over the kinds' fixtures and a document
    whose junk line carries a script."""
    browser.chromium()
    root = tmp_path_factory.mktemp("report")
    src = root / "in"
    for f in sorted(FIXTURES.glob("*.txt")):
        if not f.name.endswith(".expected.txt"):
            shutil.copy(f, write(src / f.name, b""))
    junk = f"Photo by: Reuters {HOSTILE_LINE}"
    write(src / "hostile.txt", "\n".join([BRIDGE[0], junk, BRIDGE[1], HOSTILE_KEPT, *BRIDGE[3:]]))
    rep, page = root / "report.json", root / "report.html"
    args = ["clean", str(src), "-o", str(root / "out"), "--report", str(rep)]
    res = CliRunner().invoke(app, [*args, "--report-html", str(page)])
    assert res.exit_code == 0, res.output
    return json.loads(rep.read_text()), page


def _dom(page: Path, fragment: str = "") -> Any:
    return lxml_html.fromstring(browser.dump_dom(page, fragment))


def test_numbers_shown_are_the_reports(report: tuple[dict[str, Any], Path]) -> None:
    data, page = report
    s = data["summary"]
    dom = _dom(page)
    for key in ("files_read", "files_changed", "files_unchanged", "lines_removed"):
        (shown,) = dom.xpath(f'//*[@id="stat-{key}"]/b')
        assert shown.text_content() == f"{s[key]:,}" and shown.get("data-value") == str(s[key])
    bars = dom.xpath('//*[@id="chart-kind-lines"]//*[@class="bar"]')
    shown_kinds = {
        b.get("data-kind"): b.xpath('string(.//*[@class="value"])') for b in bars
    }  # fmt: skip
    n = s["removed_by_kind"]
    assert shown_kinds == {k: f"{v} line{'s' * (v != 1)}" for k, v in n.items()}
    assert len(n) >= 10  # the fixtures hold most kinds
    bins = dom.xpath('//*[@id="chart-shares"]//*[@class="bin"]')
    assert [int(b.get("data-documents")) for b in bins] == s["share_removed_histogram"]
    rows = dom.xpath('//table[@id="worst-table"]/tbody/tr')
    assert len(rows) == sum("worst" in d["why"] for d in data["documents"])


def test_documents_hold_every_line_struck_through_or_kept(
    report: tuple[dict[str, Any], Path],
) -> None:
    data, page = report
    dom = _dom(page)
    articles = dom.xpath('//article[@class="doc"]')
    assert len(articles) == len(data["documents"])
    for article, doc in zip(articles, data["documents"], strict=True):
        removed = [v for v in doc["view"] if "kind" in v]
        struck = article.xpath('.//li[contains(@class, "rm")]')
        assert [(li.get("data-kind"), li.get("data-rule")) for li in struck] == [
            (v["kind"], v["rule"]) for v in removed
        ]
        assert [li.xpath("string(.//del)") for li in struck] == [v["text"] for v in removed]
        assert [li.get("title") for li in struck] == [v["reason"] for v in removed]
        assert article.get("hidden") is None  # no filter: everything shows


def test_the_filter_follows_the_address(report: tuple[dict[str, Any], Path]) -> None:
    data, page = report
    docs = data["documents"]
    for fragment, match in [
        ("#kind=comments", lambda v: v.get("kind") == "comments"),
        ("#rule=credit.photo", lambda v: v.get("rule") == "credit.photo"),
        ("#kind=advertisement&why=worst", lambda v: v.get("kind") == "advertisement"),
    ]:
        dom = _dom(page, fragment)
        want_worst = "why=worst" in fragment
        shown = [
            any(match(v) for v in d["view"]) and (not want_worst or "worst" in d["why"])
            for d in docs
        ]
        assert 0 < sum(shown) < len(docs), fragment
        articles = dom.xpath('//article[@class="doc"]')
        assert [a.get("hidden") is None for a in articles] == shown, fragment
        counted = f"{sum(shown)} of {len(docs)} documents shown"
        assert dom.xpath('string(//*[@id="shown"])') == counted
        for li in dom.xpath('//li[contains(@class, "rm")]'):  # other removals are dimmed
            hit = match({"kind": li.get("data-kind"), "rule": li.get("data-rule")})
            assert ("dim" in li.get("class").split()) is not hit, fragment


def test_the_page_reads_without_javascript(report: tuple[dict[str, Any], Path]) -> None:
    """Without scripts a browser shows the page as written (headless Chromium cannot dump
    or shoot a page with scripts off: it uses them to do so), so the file itself is read."""
    data, page = report
    dom = lxml_html.fromstring(page.read_text())
    articles = dom.xpath('//article[@class="doc"]')
    assert len(articles) == len(data["documents"])
    assert all(a.get("hidden") is None for a in articles)  # no filter without a script
    assert dom.xpath('//*[@id="filter"]')[0].get("hidden") is not None  # nor its controls
    assert "need JavaScript" in dom.xpath("string(//noscript)")


def test_scraped_markup_stays_text(report: tuple[dict[str, Any], Path]) -> None:
    _, page = report
    dom = _dom(page)
    body = dom.xpath("//body")[0]
    assert body.get("data-pwned") is None and not dom.xpath('//*[@id="injected"]')
    assert len(dom.xpath("//script")) == 1 and not dom.xpath("//img")
    removed = [t.strip() for t in dom.xpath('//li[contains(@class, "rm")]//del/text()')]
    assert f"Photo by: Reuters {HOSTILE_LINE}" in removed
    assert HOSTILE_KEPT in [
        t.strip() for t in dom.xpath('//ol[@class="lines"]/li/span[@class="t"]/text()')
    ]
    assert dom.xpath("string(//title)").startswith("cleaner report: ")


def test_screenshot(report: tuple[dict[str, Any], Path], tmp_path: Path) -> None:
    _, page = report
    png = browser.screenshot(page, tmp_path / "report.png", 1000, 1400)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 1000 and int.from_bytes(data[20:24], "big") == 1400
    assert len(data) > 20_000  # a rendered page, not a blank one
