"""The HTML report and what the JSON report gained for it: document views within their
limits, the documents picked (worst and sample), the page made from a run or from a saved
report, its escaping of scraped text, and its size on a corpus of 100 000 files. The page
in a real browser is tested in test_report_browser.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner import corpus as cp
from cleaner.cli import app
from cleaner.corpus import FileReport, Mode, ReportWriter, Status, Summary, read_report
from cleaner.corpus.review import LIMITS, Outcome, ReviewLimits, view
from cleaner.corpus.tally import Document, Picks
from cleaner.reporthtml import ReportFormatError, render
from tests.conftest import ARTICLE, BRIDGE, PROSE, write

runner = CliRunner()
HOSTILE = [
    "<script>document.body.setAttribute('data-pwned', '1')</script>",
    'He said "enough" & <b>left</b> <img src=x onerror="document.title=1">',
]
# An article whose junk lines carry markup and quotes: they must show as text.
HOSTILE_ARTICLE = "\n".join([BRIDGE[0], "Advertisement " + HOSTILE[0], *BRIDGE[1:3], HOSTILE[1]])
HOSTILE_ARTICLE += "\nPhoto by: Reuters\n" + "\n".join(BRIDGE[3:]) + "\n"


def run_report(tmp_path: Path, *extra: str, cmd: str = "clean") -> tuple[dict[str, Any], str]:
    """Clean (or check) a small corpus with both reports; the JSON and the page."""
    src = tmp_path / "in"
    write(src / "a.txt", ARTICLE)
    write(src / "b.txt", PROSE)
    write(src / "hostile.txt", HOSTILE_ARTICLE)
    write(src / "c.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in (ARTICLE, PROSE)))
    rep, page = tmp_path / "report.json", tmp_path / "report.html"
    out = ["-o", str(tmp_path / "out")] if cmd == "clean" else []
    args = [cmd, str(src), *out, "--report", str(rep), "--report-html", str(page), *extra]
    res = runner.invoke(app, args)
    assert res.exit_code == (0 if cmd == "clean" else 1), res.output
    return json.loads(rep.read_text()), page.read_text()


def test_json_report_counts_words_and_rules_and_holds_document_views(tmp_path: Path) -> None:
    data, _ = run_report(tmp_path)
    s = data["summary"]
    article = Cleaner().clean(ARTICLE)
    assert s["documents_read"] == 5 and s["documents_changed"] == 3  # 3 files + 2 records
    texts = [ARTICLE, PROSE, HOSTILE_ARTICLE, ARTICLE, PROSE]
    assert s["words"] == sum(len(t.split()) for t in texts)
    assert s["lines_removed"] == sum(s["removed_by_kind"].values())
    assert s["words_removed"] == sum(s["words_removed_by_kind"].values())
    assert sum(r["lines"] for r in s["removed_by_rule"]) == s["lines_removed"]
    assert sum(s["share_removed_histogram"]) == s["documents_changed"]
    a = next(f for f in data["files"] if f["path"].endswith("a.txt"))
    assert a["words"] == len(ARTICLE.split())
    assert a["words_removed"] == sum(len(r.text.split()) for r in article.removed)

    docs = {(Path(d["path"]).name, d.get("record")): d for d in data["documents"]}
    assert set(docs) == {("a.txt", None), ("hostile.txt", None), ("c.jsonl", 1)}
    view_a = docs["a.txt", None]["view"]
    removed = {r.line_no: r for r in article.removed}
    # every line with text, in order; removed lines are removal records, kept ones are not
    assert [v["line_no"] for v in view_a] == [
        i for i, line in enumerate(ARTICLE.splitlines(), 1) if line.strip()
    ]
    for v in view_a:
        if v["line_no"] in removed:
            r = removed[v["line_no"]]
            assert v == {
                "line_no": r.line_no, "text": r.text, "kind": r.kind.value, "rule": r.rule,
                "score": r.score, "reason": r.reason,
            }  # fmt: skip
        else:
            assert set(v) == {"line_no", "text"}
    worst = [d for d in data["documents"] if "worst" in d["why"]]
    shares = [d["words_removed"] / d["words"] for d in worst]
    assert shares == sorted(shares, reverse=True)


def test_reports_count_rules_without_holding_a_files_removals(tmp_path: Path) -> None:
    """--report-html alone keeps no file's removals (a JSONL file's may be millions): the
    rules are counted in the worker, and the page is the one --report also gets."""
    records = [ARTICLE, PROSE, HOSTILE_ARTICLE] * 3
    src = write(tmp_path / "c.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in records))
    runs = []
    for keep in (False, True):
        opts = cp.Options(keep_removed=keep, views=True)
        tasks, _ = cp.plan([src], opts, output=tmp_path / f"out{keep}")
        (file,) = cp.run(tasks, Cleaner(), opts, 1)
        summary = Summary()
        summary.add(file)
        runs.append((file.removed, summary.report()))
    (none, report), (every, with_removals) = runs
    assert none == [] and len(every) == report["summary"]["lines_removed"]
    del report["summary"]["seconds"], with_removals["summary"]["seconds"]
    assert report == with_removals
    rules = report["summary"]["removed_by_rule"]
    assert sum(r["lines"] for r in rules) == report["summary"]["lines_removed"] > 0
    assert sum(r["words"] for r in rules) == report["summary"]["words_removed"] > 0
    run_report(tmp_path / "both")
    alone = tmp_path / "alone.html"
    args = ["clean", str(tmp_path / "both" / "in"), "-o", str(tmp_path / "out-alone")]
    res = runner.invoke(app, [*args, "--report-html", str(alone)])
    assert res.exit_code == 0, res.output
    both = (tmp_path / "both" / "report.html").read_text()
    assert alone.read_text() == both and '<g class="bar" data-rule="credit.photo"' in both


def test_page_from_a_run_equals_page_from_its_saved_report(tmp_path: Path) -> None:
    _, page = run_report(tmp_path)
    again = tmp_path / "again.html"
    res = runner.invoke(app, ["report", str(tmp_path / "report.json"), "-o", str(again)])
    assert res.exit_code == 0, res.output
    assert again.read_text() == page
    assert "<title>cleaner report: 4 files, " in page


def test_check_writes_the_reports_too_and_still_exits_1(tmp_path: Path) -> None:
    data, page = run_report(tmp_path, cmd="check")
    assert data["summary"]["files_changed"] == 3 and not (tmp_path / "out").exists()
    assert 'id="doc-1"' in page


def test_scraped_text_is_escaped_everywhere(tmp_path: Path) -> None:
    _, page = run_report(tmp_path)
    assert page.count("<script") == 1  # the page's own filter script, at the end
    assert "<img" not in page and "<b>left" not in page
    assert "&lt;script&gt;document.body.setAttribute(&#x27;data-pwned&#x27;" in page
    assert "He said &quot;enough&quot; &amp; &lt;b&gt;left&lt;/b&gt;" in page
    assert "http" not in page.replace("https://", "").replace("http://", "")  # nothing loaded
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)


def test_a_long_document_is_shown_within_the_limits() -> None:
    limits = ReviewLimits(view_lines=10, view_chars=400, line_chars=60, context=1)
    lines = [f"{BRIDGE[i % 5]} ({i})" for i in range(60)]
    lines[30] = "Advertisement"
    lines[50] = "Photo by: Reuters"
    result = Cleaner().clean("\n".join(lines))
    removed = {r.line_no for r in result.removed}
    assert {31, 51} <= removed
    shown = view(result, limits)
    texts = [v for v in shown if not v.hidden]
    assert len(texts) <= limits.view_lines
    assert sum(len(v.text) for v in texts) <= limits.view_chars
    assert all(len(v.text) <= limits.line_chars for v in texts)
    assert all(v.cut == len(lines[v.line_no - 1]) - len(v.text) for v in texts)
    # the removals with one line of context each; the rest counted, in order, none twice
    assert [v.line_no for v in texts] == [30, 31, 32, 50, 51, 52]
    hidden = sum(v.hidden for v in shown)
    assert hidden + len(texts) == 60
    assert [v.line_no for v in shown] == sorted(v.line_no for v in shown)


def test_a_view_that_does_not_fit_counts_what_it_leaves_out() -> None:
    limits = ReviewLimits(view_lines=3, view_chars=10_000, context=0)
    text = "\n".join(["Advertisement", BRIDGE[0], "Advertisement", BRIDGE[1]] * 3)
    result = Cleaner().clean(text)
    shown = view(result, limits)
    assert sum(not v.hidden for v in shown) == 3
    assert sum(not v.hidden for v in shown) + sum(v.hidden for v in shown) == 12
    assert shown[-1].hidden > 0


def _doc(i: int, words: int, removed: int) -> Document:
    return Document(f"d{i:03}.txt", None, 10, 1, words, removed, ())


def test_picks_are_the_worst_and_a_sample_whatever_the_order_and_split() -> None:
    docs = [_doc(i, 100, 1 + i % 97) for i in range(300)]
    limits = ReviewLimits(worst=5, sample=7)
    one = Picks(limits)
    for d in docs:
        one.offer(d)
    shuffled = random.Random(1).sample(docs, len(docs))
    merged = Picks(limits)
    for k in range(0, 300, 40):  # per-file picks, merged as the run merges them
        part = Picks(limits)
        for d in shuffled[k : k + 40]:
            part.offer(d)
        merged.merge(part)

    def names(p: Picks) -> list[tuple[str, list[str]]]:
        return [(d.path, why) for d, why in p.documents()]

    assert names(one) == names(merged)
    worst = [d for d, why in one.documents() if "worst" in why]
    assert [d.words_removed for d in worst] == [97] * 3 + [96] * 2  # 96+1: i = 96, 193, 290
    assert len(one.documents()) <= 12 and sum("sample" in w for _, w in one.documents()) == 7


def test_report_reads_back_whatever_its_layout(tmp_path: Path) -> None:
    data, _ = run_report(tmp_path)
    path = tmp_path / "report.json"
    tail = {"summary": data["summary"], "documents": data["documents"]}
    assert read_report(path) == tail
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(data, indent=2))
    assert read_report(pretty) == tail
    cut = tmp_path / "cut.json"
    cut.write_bytes(path.read_bytes().split(b"\n],\n")[0])
    with pytest.raises(ValueError, match="cut short"):
        read_report(cut)


def test_report_refuses_what_is_not_a_report(tmp_path: Path) -> None:
    old = write(tmp_path / "old.json", json.dumps({"files": [], "summary": {"files_read": 0}}))
    res = runner.invoke(app, ["report", str(old), "-o", str(tmp_path / "o.html")])
    assert res.exit_code == 2 and "write it again with `cleaner clean --report`" in res.stderr
    bad = write(tmp_path / "bad.json", "{not json")
    res = runner.invoke(app, ["report", str(bad), "-o", str(tmp_path / "o.html")])
    assert res.exit_code == 2 and "not a JSON report" in res.stderr
    res = runner.invoke(app, ["report", str(tmp_path / "none.json"), "-o", str(tmp_path / "o")])
    assert res.exit_code == 2 and "No such file" in res.stderr
    assert not (tmp_path / "o.html").exists() and not (tmp_path / "o").exists()
    res = runner.invoke(app, ["report", str(old), "-o", str(old)])
    assert res.exit_code == 2 and "would overwrite" in res.stderr
    res = runner.invoke(app, ["check", str(old), "--report", "r", "--report-html", "./r"])
    assert res.exit_code == 2 and "name the same file" in res.stderr
    with pytest.raises(ReportFormatError, match="'words' is missing"):
        summary = Summary().to_json()
        del summary["words"]
        render({"summary": summary, "documents": []})


# What the README promises of the page's size, whatever the corpus.
PAGE_BOUND = 6_000_000


def test_a_report_of_100_000_files_makes_a_page_of_bounded_size(tmp_path: Path) -> None:
    cleaner = Cleaner()
    variants = [ARTICLE.replace("Tuesday", f"day {i}") for i in range(50)] + [PROSE]
    outcomes = [Outcome.of(cleaner.clean(t), True, True) for t in variants]
    summary = Summary()
    path = tmp_path / "report.json"
    with ReportWriter(path) as writer:
        for i in range(100_000):
            r = FileReport(f"corpus/{i // 1000:03}/{i:06}.txt", None, Mode.TEXT, Status.UNCHANGED)
            outcome = outcomes[i % len(outcomes)]
            r.add(outcome)
            r.records, r.records_changed = 1, int(outcome.changed)
            r.status = Status.CHANGED if outcome.changed else Status.UNCHANGED
            summary.add(r)
            writer.add(r)
        writer.finish(summary.report())
    data = read_report(path)
    assert data["summary"]["files_read"] == 100_000
    assert len(data["documents"]) == LIMITS.worst + LIMITS.sample
    page = render(data).encode()
    assert len(page) < 400_000  # news-sized documents: a few hundred kilobytes
    assert path.stat().st_size > 50 * len(page)  # while the JSON holds every removal


def test_the_page_stays_under_its_bound_at_every_limit() -> None:
    """The largest page the limits allow: every document shown at its full size, every
    character one that escaping makes six bytes, long paths, messages and rule names."""
    text = '"' * (LIMITS.view_chars // LIMITS.view_lines)
    line = {"kind": "advertisement", "rule": "r" * 60, "score": 1.0, "reason": "x" * 200}
    view_: list[dict[str, Any]] = []
    for n in range(1, LIMITS.view_lines + 1):  # each line removed, each between two gaps
        view_.append({"line_no": 2 * n, "hidden": 10**6})
        view_.append({"line_no": 2 * n + 1, "text": text, "cut": 10**6} | line)
    view_.append({"line_no": 10**7, "hidden": 10**6})
    big = {"lines": 10**6, "lines_removed": 10**5, "words": 10**7, "words_removed": 10**6}
    doc = {"path": "/".join(["p" * 255] * 16), "why": ["worst", "sample"], "view": view_} | big
    summary = Summary()
    summary.errors = ["e" * 4000] * 10**4
    summary.notes = ["s" * 4000] * 10**4
    s = summary.to_json()
    s["removed_by_rule"] = [
        {"rule": f"{'r' * 60}{i}", "kind": "related", "lines": 10**6, "words": 10**7}
        for i in range(1000)
    ]
    s["removed_by_kind"] = {k: 10**6 for k in ("advertisement", "related", "credit")}
    docs = [doc | {"record": i} for i in range(LIMITS.worst + LIMITS.sample)]
    page = render({"summary": s, "documents": docs}).encode()
    assert len(page) < PAGE_BOUND
