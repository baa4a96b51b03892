"""The harness end to end on tiny data sets in the three upstream layouts (made here, so no
benchmark data is needed): the report's damage rows, ``--set`` reaching the factory, the
text-input cache, and snapshots compared across runs and worker pools."""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bench import __main__ as cli
from bench.datasets import in_quick_sample
from bench.inputs import EXTRACTORS, Cache, Extractor
from bench.subject import Decision, Spec, load, parse_settings

ARTICLE = [
    "Officials in the northern province confirmed on Tuesday that the bridge would reopen.",
    "Engineers spent three months replacing the cables that had corroded over decades.",
    "Traffic is expected to return to normal levels by the end of the month, they said.",
]
PAGE = (
    "<html><head><title>Bridge reopens</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/n'>News</a></nav><article><h1>Bridge reopens</h1>"
    + "".join(f"<p>{s}</p>" for s in ARTICLE)
    + "<p>Subscribe junk newsletter offer for all our readers today</p></article>"
    "<footer>Copyright junk footer text</footer></body></html>"
)


@dataclass
class Result:
    text: str
    removed: list[Decision] = field(default_factory=list)
    lines: list[Decision] = field(default_factory=list)


class Dropper:
    """A tiny subject: drops every line holding ``word``; clean_html cleans the page's text."""

    def __init__(self, word: str = "junk", fail_on: str | None = None) -> None:
        self.word, self.fail_on = word, fail_on

    def clean(self, text: str, url: str | None = None) -> Result:
        if self.fail_on and self.fail_on in text:
            raise ValueError(f"cannot clean {self.fail_on}")
        lines = (
            [
                Decision(
                    no,
                    t,
                    self.word not in t,
                    None if self.word not in t else "legal",
                    None if self.word not in t else "drop.word",
                    1.0,
                    "",
                    "",
                )
                for no, t in enumerate(text.split("\n"), 1)
            ]
            if text
            else []
        )
        kept = "\n".join(d.text for d in lines if d.keep)
        return Result(kept, [d for d in lines if not d.keep], lines)

    def clean_html(self, html: bytes, url: str | None = None) -> Result:
        return self.clean(EXTRACTORS["html-text"].fn(html, url), url)


def _gz(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(data))


def _json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    """One page per set (AEB: two), in the upstream layouts."""
    root = tmp_path / "data"
    truth = "\n".join(ARTICLE)
    aeb = root / "article-extraction-benchmark"
    gt = {pid: {"articleBody": truth, "url": f"https://a.example/{pid}"} for pid in ("p1", "p2")}
    _json(aeb / "ground-truth.json", gt)
    for pid in gt:
        _gz(aeb / "html" / f"{pid}.html.gz", PAGE.encode())
    # newspaper: p1 loses an article line holding the word, p2 only junk
    lossy = "\n".join([ARTICLE[0], "A junk line here", ARTICLE[1] + " junk", ARTICLE[2]])
    _json(
        aeb / "output" / "newspaper.json",
        {"p1": {"articleBody": lossy}, "p2": {"articleBody": truth + "\njunk junk"}},
    )
    te = root / "trafilatura-eval" / "tests"
    _json(
        te / "evaldata.json",
        {
            "https://t.example/1": {
                "file": "t1.html",
                "with": ARTICLE[:2],
                "without": ["Copyright junk footer"],
            }
        },
    )
    (te / "eval").mkdir(parents=True)
    (te / "eval" / "t1.html").write_text(PAGE, encoding="utf-8")
    wc = root / "wcxb" / "dev"
    _json(
        wc / "ground-truth" / "0001.json",
        {
            "url": "https://w.example/1",
            "_internal": {"page_type": {"primary": "article"}},
            "ground_truth": {"main_content": truth, "with": ARTICLE[2:], "without": ["Home"]},
        },
    )
    _gz(wc / "html" / "0001.html.gz", PAGE.encode())
    return root


def _report(data: Path, tmp: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """The printed report of a run with ``extra`` options, in this process."""
    capsys.readouterr()
    assert _run(data, tmp, "--jobs", "1", "--no-write", *extra) == 0
    return capsys.readouterr().out


def _run(data: Path, tmp: Path, *extra: str) -> int:
    return cli.main(
        [
            "--data",
            str(data),
            "--cache",
            str(tmp / "cache"),
            "--cleaner",
            "bench.test_harness:Dropper",
            *extra,
        ]
    )


def _row(report: str, set_title: str, name: str) -> list[str]:
    for line in report.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) > 2 and cells[0] == set_title and cells[1].strip("*`") == name:
            return cells
    raise AssertionError(f"no damage row for {set_title} {name}")


def test_report_damage_rows_from_every_set(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    code = _run(data, tmp_path, "--sections", "damage,text,html", "--jobs", "1", "--out", str(out))
    assert code == 0
    report = out.read_text(encoding="utf-8")
    assert report.index("## Damage") < report.index("## Text mode") < report.index("# Listings")
    # p1: removed "A junk line here" (4 words, junk) and ARTICLE[1] + " junk" (13 words,
    # but its word sequence is not in the truth: the truth lacks the trailing word);
    # p2: "junk junk" (2 words). So no article words; 2 of 2 docs removed something.
    row = _row(report, "article-extraction-benchmark", "newspaper")
    assert row[3:7] == ["3", "19", "0", "1.000"]
    # p1 still lost recall, so the listing shows it, with no article line to name
    listing = report[report.index("article-extraction-benchmark `newspaper`: 1 documents lost") :]
    assert listing.index("`p1`") < listing.index("partial lines") < listing.index("</details>")
    # html-text of the page: the subscribe line and the footer hold the word
    row = _row(report, "WCXB (articles)", "html-text")
    assert row[2:6] == ["1", "2", "13", "0"]  # 9 + 4 words
    assert _row(report, "trafilatura-eval", "clean_html")[2] == "1"


def test_article_lines_are_counted_and_listed(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # drop the lines holding "cables": the article's second sentence, on every input
    report = _report(data, tmp_path, capsys, "--sections", "damage", "--set", "word=cables")
    words = len(ARTICLE[1].split())
    row = _row(report, "WCXB (articles)", "trafilatura")
    assert row[4:7] == [str(words), str(words), "0.000"]  # all removed words are article
    assert row[7:9] == ["100.0% (1)", "100.0% (1)"]  # its recall dropped by > 0.05
    assert "Engineers spent three months replacing" in report  # listed under the worst
    # trafilatura-eval: the removed line is a missing `with` segment
    assert _row(report, "trafilatura-eval", "trafilatura")[4:7] == [str(words), str(words), "0.000"]


def test_a_page_the_subject_fails_on_counts_as_an_error_and_unchanged(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = _report(
        data, tmp_path, capsys, "--sections", "damage,text", "--set", "fail_on=A junk line"
    )
    # p1 of newspaper fails: left unchanged; p2 still cleaned (its 2 junk words removed)
    assert _row(report, "article-extraction-benchmark", "newspaper")[2:7] == [
        "2",
        "1",
        "2",
        "0",
        "1.000",
    ]
    assert (
        "**1 errors on `newspaper`**, first: `p1: ValueError: cannot clean A junk line`" in report
    )


def test_an_extractor_failing_on_a_page_is_an_error_not_a_crash(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(html: bytes, url: str | None) -> str:
        raise RuntimeError("bad markup")

    broken = Extractor("html-text", "html_text", fail, ("html-text",))
    monkeypatch.setitem(EXTRACTORS, "html-text", broken)
    report = _report(data, tmp_path, capsys, "--sections", "damage,text")
    assert "**1 errors on `html-text`**, first: `0001: html-text: RuntimeError: bad markup`" in (
        report
    )
    assert _row(report, "WCXB (articles)", "html-text")[3:5] == ["0", "0"]
    assert not list((tmp_path / "cache").glob("wcxb/html-text@*/*"))  # nothing cached


def test_generated_inputs_are_cached_and_reused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _report(data, tmp_path, capsys, "--sections", "damage")
    cache = Cache(tmp_path / "cache")
    html = gzip.decompress((data / "wcxb/dev/html/0001.html.gz").read_bytes())
    path = cache.path("wcxb", "0001", html, EXTRACTORS["html-text"])
    assert path.is_file() and "Bridge reopens" in path.read_text(encoding="utf-8")
    assert "html-text-" in path.parent.name and "trafilatura-" in path.parent.name
    # the rerun reads the cache: an edited entry is what gets cleaned
    path.write_text("A cached junk line with plenty of words\nkept", encoding="utf-8")
    report = _report(data, tmp_path, capsys, "--sections", "damage")
    assert _row(report, "WCXB (articles)", "html-text")[3:5] == ["1", "8"]
    # another page's bytes give another entry
    assert cache.path("wcxb", "0001", html + b" ", EXTRACTORS["html-text"]) != path


def test_oracle_scores_are_cached_and_reused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _report(data, tmp_path, capsys, "--sections", "text")
    stored = list((tmp_path / "cache").glob("oracle@*/*.json"))
    assert stored  # AEB's developed-on input and WCXB's generated ones get the oracle
    for path in stored:
        assert sum(json.loads(path.read_text())) == pytest.approx(1.0)  # tp + fp + fn
        path.write_text("[0.5, 0.5, 0.0]")  # precision 0.5, recall 1: F1 0.667
    report = _report(data, tmp_path, capsys, "--sections", "text")
    row = next(x for x in report.splitlines() if x.startswith("| **`newspaper`** | "))
    assert row.split(" | ")[10:13] == ["0.667", "0.500", "1.000"]  # oracle F1, P, R


def test_snapshot_then_compare(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snap = tmp_path / "snap.jsonl.gz"
    assert _run(data, tmp_path, "--snapshot", str(snap), "--jobs", "1") == 0
    with gzip.open(snap, "rt", encoding="utf-8") as f:
        records = [json.loads(x) for x in f]
    assert records[0]["snapshot"] == 1 and records[0]["quick"] is False
    keys = [(r["set"], r["input"], r["page"]) for r in records[1:]]
    # every cleaned input: AEB's shipped output and clean_html; generated inputs elsewhere
    assert keys == [
        ("aeb", "newspaper", "p1"),
        ("aeb", "newspaper", "p2"),
        ("aeb", "clean_html", "p1"),
        ("aeb", "clean_html", "p2"),
        ("teval", "trafilatura", "t1.html"),
        ("teval", "html-text", "t1.html"),
        ("teval", "clean_html", "t1.html"),
        ("wcxb", "trafilatura", "0001"),
        ("wcxb", "html-text", "0001"),
        ("wcxb", "clean_html", "0001"),
    ]
    p1 = records[1]
    assert p1["lines"][1] == [2, False, "legal", "drop.word", "", 1.0, "", "A junk line here"]
    assert len(p1["output_sha256"]) == 64
    capsys.readouterr()
    # the same decisions through a pool of two workers: nothing differs
    assert _run(data, tmp_path, "--compare", str(snap), "--jobs", "2") == 0
    assert "compared 10 documents: 0 differ" in capsys.readouterr().out
    # another setting changes decisions: listed per document, exit status 1
    assert _run(data, tmp_path, "--compare", str(snap), "--jobs", "1", "--set", "word=cables") == 1
    out = capsys.readouterr().out
    assert "aeb/newspaper/p1: output differs" in out
    assert re.search(r"L2 drop legal/drop\.word -> keep: .*`A junk line here`", out)
    assert "keep -> drop" in out and "drop -> keep" in out


def test_quick_runs_the_sample_and_writes_no_report(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sampled = data / "wcxb/dev"  # page 0011 is in the fixed sample, 0001 is not
    for sub, ext in (("ground-truth", ".json"), ("html", ".html.gz")):
        (sampled / sub / f"0001{ext}").rename(sampled / sub / f"0011{ext}")
    (sampled / "ground-truth/0001.json").write_text(
        (sampled / "ground-truth/0011.json").read_text()
    )
    (sampled / "html/0001.html.gz").write_bytes((sampled / "html/0011.html.gz").read_bytes())
    default = tmp_path / "BENCHMARKS.md"
    monkeypatch.setattr(cli, "DEFAULT_OUT", default)
    capsys.readouterr()
    assert _run(data, tmp_path, "--quick", "--jobs", "1") == 0
    report = capsys.readouterr().out
    assert not default.exists()
    assert "## Speed" not in report and "## HTML mode" in report
    assert "1 of 2 pages, quick sample" in report
    assert _row(report, "WCXB (articles)", "trafilatura")[2] == "1"
    assert _row(report, "article-extraction-benchmark", "newspaper")[2] == "0"


def test_settings_are_parsed_and_passed_to_the_factory() -> None:
    assert parse_settings(["mode=conservative", "n=3", "x=[1, 2]", "flag=true"]) == (
        ("mode", "conservative"),
        ("n", 3),
        ("x", [1, 2]),
        ("flag", True),
    )
    with pytest.raises(ValueError, match="key=value"):
        parse_settings(["novalue"])
    loaded = load(Spec("bench.test_harness:Dropper", (("word", "cables"),)))
    assert isinstance(loaded.subject, Dropper) and loaded.subject.word == "cables"
    with pytest.raises(TypeError):
        load(Spec("identity", (("mode", "x"),)))
    assert Spec("m:F", (("mode", "x"),)).describe() == "m:F(mode='x')"


def test_quick_sample_is_fixed_and_about_one_in_eight() -> None:
    ids = [f"{i:04d}" for i in range(8000)]
    share = sum(map(in_quick_sample, ids)) / len(ids)
    assert 0.11 < share < 0.14
    assert [i for i in ids[:40] if in_quick_sample(i)] == ["0011", "0012", "0017", "0021", "0027"]


def test_modes_lay_each_mode_beside_the_default(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The modes section runs the real cleaner in every mode on the picked inputs; a subject
    other than the default is told it is skipped."""
    capsys.readouterr()
    args = ["--data", str(data), "--cache", str(tmp_path / "cache"), "--jobs", "1"]
    assert cli.main([*args, "--no-write", "--sections", "modes"]) == 0
    report = capsys.readouterr().out
    modes = [
        cells[2].strip("*")
        for line in report.splitlines()
        if (cells := [c.strip() for c in line.strip("|").split("|")])[:2]
        == ["WCXB (articles)", "`trafilatura`"]
    ]
    assert modes == ["conservative", "balanced", "aggressive"]
    report = _report(data, tmp_path, capsys, "--sections", "modes")
    assert "## Modes" in report and "skipped" in report
