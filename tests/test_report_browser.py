"""The HTML report in a real browser (headless Chromium): the numbers it shows are the
JSON report's, the filter works from the address (#kind=...&rule=...), the page reads
with JavaScript off, scraped markup stays text, and the README's screenshots of it are
made by the code that ``make screenshot`` runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.corpus.review import LIMITS
from tests import browser, report_screenshot
from tests.conftest import ARTICLE, BRIDGE, JUNK, PROSE, write

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "kinds"
HOSTILE_LINE = "<script>document.body.setAttribute('data-pwned', '1')</script> \"quoted\" & more"
HOSTILE_KEPT = f"{BRIDGE[2]} <img src=x onerror=\"this.outerHTML='<p id=injected>'\">"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """The JSON report and the page of one run over the kinds' fixtures, a document whose
    junk line carries a script, one that is all junk (flagged) and a JSONL file."""
    browser.chromium()
    root = tmp_path_factory.mktemp("report")
    src = root / "in"
    for f in sorted(FIXTURES.glob("*.txt")):
        if not f.name.endswith(".expected.txt"):
            shutil.copy(f, write(src / f.name, b""))
    junk = f"Photo by: Reuters {HOSTILE_LINE}"
    write(src / "hostile.txt", "\n".join([BRIDGE[0], junk, BRIDGE[1], HOSTILE_KEPT, *BRIDGE[3:]]))
    write(src / "all-junk.txt", "\n".join(JUNK) + "\n")  # flagged: left as it is
    write(src / "c.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in (ARTICLE, PROSE)))
    rep, page = root / "report.json", root / "report.html"
    args = ["clean", str(src), "-o", str(root / "out"), "--report", str(rep)]
    res = CliRunner().invoke(app, [*args, "--report-html", str(page)])
    assert res.exit_code == 0, res.output
    return json.loads(rep.read_text()), page


def _dom(page: Path, fragment: str = "") -> Any:
    return lxml_html.fromstring(browser.dump_dom(page, fragment))


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' * (n != 1)}"


def test_numbers_shown_are_the_reports(report: tuple[dict[str, Any], Path]) -> None:
    """Every number the page shows, as the browser renders it, is the JSON report's."""
    data, page = report
    s = data["summary"]
    dom = _dom(page)
    cards = {k: s[k] for k in ("files_read", "files_changed", "files_unchanged", "records")}
    cards |= {k: s[k] for k in ("files_skipped", "flagged", "lines_removed", "words_removed")}
    cards["errors"] = len(s["errors"])
    assert s["records"] == 2 and s["flagged"] == 1  # the JSONL file and all-junk.txt
    for key, value in cards.items():
        (shown,) = dom.xpath(f'//*[@id="stat-{key}"]/b')
        assert shown.text_content() == f"{value:,}" and shown.get("data-value") == str(value)
    lede = dom.xpath('string(//*[@class="lede"])')
    assert f"Removed {s['lines_removed']:,} of {s['lines']:,} lines" in lede
    assert f"{s['words_removed']:,} of {s['words']:,} words" in lede
    assert f"from {s['documents_changed']:,} of {s['documents_read']:,} documents" in lede

    def bars(chart: str, key: str) -> list[tuple[str | None, str]]:
        found = dom.xpath(f'//*[@id="{chart}"]//*[@class="bar"]')
        return [(b.get(f"data-{key}"), b.xpath('string(.//*[@class="value"])')) for b in found]

    lines, words = s["removed_by_kind"], s["words_removed_by_kind"]
    assert len(lines) >= 10  # the fixtures hold most kinds
    by_lines = sorted(lines, key=lambda k: (-lines[k], k))
    assert bars("chart-kind-lines", "kind") == [(k, _count(lines[k], "line")) for k in by_lines]
    by_words = sorted(words, key=lambda k: (-words[k], k))
    assert bars("chart-kind-words", "kind") == [(k, _count(words[k], "word")) for k in by_words]
    rules = s["removed_by_rule"][: LIMITS.rules_shown]
    assert len(s["removed_by_rule"]) > len(rules)  # the chart shows the rules that fired most
    assert bars("chart-rules", "rule") == [
        (r["rule"], f"{_count(r['lines'], 'line')} · {_count(r['words'], 'word')}") for r in rules
    ]
    bins = dom.xpath('//*[@id="chart-shares"]//*[@class="bin"]')
    assert [int(b.get("data-documents")) for b in bins] == s["share_removed_histogram"]
    assert [b.xpath('string(.//*[@class="value"])') for b in bins] == [
        f"{n:,}" for n in s["share_removed_histogram"]
    ]
    worst = [d for d in data["documents"] if "worst" in d["why"]]
    rows = dom.xpath('//table[@id="worst-table"]/tbody/tr')
    assert [[td.text_content() for td in row.xpath("td")[1:5]] for row in rows] == [
        [
            d["path"] + (f", record {d['record']}" if "record" in d else ""),
            f"{d['words_removed'] / d['words']:.1%}",
            f"{d['words_removed']:,} of {d['words']:,}",
            f"{d['lines_removed']:,} of {d['lines']:,}",
        ]
        for d in worst
    ]
    metas = [m.text_content() for m in dom.xpath('//article[@class="doc"]//*[@class="meta"]')]
    assert len(metas) == len(data["documents"])
    for meta, d in zip(metas, data["documents"], strict=True):
        lost = f"{d['words_removed']:,} of {d['words']:,} words, "
        assert lost + f"{d['lines_removed']:,} of {d['lines']:,} lines" in meta


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


def test_a_filter_on_a_rule_no_document_shown_has(
    report: tuple[dict[str, Any], Path], tmp_path: Path
) -> None:
    """A bar of the rules' chart links to its filter even when none of the documents shown
    has its lines: the filter says so (0 documents), it does not fall back to all."""
    data, _ = report
    first = data["documents"][0]
    rules = {v["rule"] for v in first["view"] if "kind" in v}
    other = next(r for r in data["summary"]["removed_by_rule"] if r["rule"] not in rules)
    saved = write(tmp_path / "one.json", json.dumps(data | {"documents": [first]}))
    page = tmp_path / "one.html"
    res = CliRunner().invoke(app, ["report", str(saved), "-o", str(page)])
    assert res.exit_code == 0, res.output
    dom = _dom(page, f"#rule={other['rule']}")
    assert dom.xpath('string(//*[@id="shown"])') == "0 of 1 documents shown"
    assert [a.get("hidden") for a in dom.xpath('//article[@class="doc"]')] == [""]
    (option,) = dom.xpath(f'//select[@name="rule"]/option[@value="{other["rule"]}"]')
    assert option.text_content() == f"{other['rule']} (0 lines)"


def test_the_readmes_screenshots(tmp_path: Path) -> None:
    """The README shows docs/report-*.png, made by ``make screenshot``: the same code
    makes them here, from a report of the fixtures; they are rendered pages of the sizes
    committed, and the document view is the one the script picks."""
    readme = (REPO / "README.md").read_text()
    made = report_screenshot.shoot(tmp_path)
    assert [p.name for p in made] == ["report-summary.png", "report-document.png"]
    for png in made:
        assert f"](docs/{png.name})" in readme
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert _size(data) == _size((REPO / "docs" / png.name).read_bytes())
        assert len(data) > 40_000  # a rendered page, not a blank one


def _size(png: bytes) -> tuple[int, int]:
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
