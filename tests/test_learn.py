"""``cleaner learn``: a site's repeated lines become rules; prose repeated by chance does not."""

from __future__ import annotations

import json
import random
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner import learn as lm
from cleaner.cli import app
from cleaner.corpus import Document
from tests.conftest import write

runner = CliRunner()
WORDS = [
    *("river", "council", "budget", "storm", "harbour", "school", "minister", "bridge"),
    *("market", "election", "festival", "hospital", "railway", "museum", "farmers"),
    *("police", "court", "village", "airport", "factory", "teachers"),
]
MENU = ["Example Daily Morning Edition", "Weather & Traffic", "Crosswords (daily)"]
FOOTER = "© 2024 Example News Group. All rights reserved."
NEWSLETTER = "Sign up for our newsletter"


def prose(rng: random.Random, n: int = 3) -> list[str]:
    """Unique article sentences: long, and never repeated across documents."""
    return [
        " ".join(rng.choice(WORDS) for _ in range(18)).capitalize() + f" on day {rng.random()}."
        for _ in range(n)
    ]


def site_doc(rng: random.Random, i: int, chance: str | None = None) -> str:
    lines = [*MENU, "", *prose(rng), ""]
    if i % 2 == 0:
        lines.append(NEWSLETTER)  # on half the pages: still the site's
    if chance:
        lines.append(chance)
    return "\n".join([*lines, FOOTER, ""])


CHANCE = (
    "The minister said the council would publish a full report on the river bridge "
    "before the end of the year."
)


def make_corpus(root: Path) -> None:
    rng = random.Random(7)
    for i in range(6):
        # A long sentence repeated in 4 of 6 documents: prose, not template.
        chance = CHANCE if i < 4 else None
        write(root / "example.com" / f"{i}.txt", site_doc(rng, i, chance))
    for i in range(6):
        write(root / "blog" / "posts" / f"{i}.txt", "\n".join(["Blog roll", *prose(rng)]) + "\n")
    for i in range(2):  # too few documents to learn from
        write(root / "tiny.org" / f"{i}.txt", "\n".join(["Tiny menu", *prose(rng)]) + "\n")


def test_learn_from_directories_writes_reviewable_rules(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus")
    out = tmp_path / "rules" / "learned.toml"
    res = runner.invoke(app, ["learn", str(tmp_path / "corpus"), "-o", str(out), "--min-docs", "3"])
    assert res.exit_code == 0, res.output
    text = out.read_text()
    rules = {r["examples"][0]: r for r in tomllib.loads(text)["rule"]}
    assert set(rules) == {*MENU, FOOTER, NEWSLETTER, "Blog roll"}
    menu = rules["Example Daily Morning Edition"]
    assert menu["sites"] == ["example.com"]  # the directory is a host name
    assert menu["pattern"] == "^Example Daily Morning Edition$"
    assert menu["kind"] == "navigation"  # no built-in rule: page chrome by default
    assert rules["Crosswords (daily)"]["pattern"] == r"^Crosswords \(daily\)$"
    # A built-in rule's kind is reused.
    builtin = Cleaner().ruleset.matcher("example.com", None)
    for line in (FOOTER, NEWSLETTER):
        hit = builtin.match(line)
        assert hit is not None and rules[line]["kind"] == hit.kind.value
    assert "sites" not in rules["Blog roll"]  # "blog" is no host: applies everywhere
    assert "# in 6 of 6 example.com documents (100%)" in text
    assert "# in 3 of 6 example.com documents (50%)" in text  # the newsletter prompt
    assert CHANCE not in text and "Tiny menu" not in text
    assert (
        "learned 6 rules on 2 sites from 14 documents (3 sites, 1 with fewer than 3" in res.stderr
    )
    # It is a valid rule file, and `clean --rules` applies it on its site only.
    assert runner.invoke(app, ["rules", "check", str(out)]).exit_code == 0
    page = write(tmp_path / "new.txt", site_doc(random.Random(1), 1))
    for url, gone in (("https://www.example.com/x", True), ("https://other.net/x", False)):
        res = runner.invoke(
            app, ["clean", str(page), "-o", str(tmp_path / "o.txt"), "-r", str(out), "--url", url]
        )
        assert res.exit_code == 0, res.output
        assert ("Example Daily Morning Edition" not in (tmp_path / "o.txt").read_text()) is gone


def test_learn_groups_jsonl_by_url_host(tmp_path: Path) -> None:
    rng = random.Random(3)
    recs = []
    for i in range(8):
        host = "www.news.example" if i % 2 else "blog.example.org"
        tag = "Share on Fakebook" if i % 2 else "Read the Example Org blog"
        body = "\n".join([tag, *prose(rng), "Tags: " + rng.choice(WORDS)])
        recs.append({"url": f"https://{host}/{i}", "text": body})
    recs.append({"text": "no url here\nShare on Fakebook"})
    src = write(tmp_path / "c.jsonl", "".join(json.dumps(r) + "\n" for r in recs))
    out = tmp_path / "learned.toml"
    args = ["learn", str(src), "-o", str(out), "--site-from", "url-field", "--min-docs", "3"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    rules = tomllib.loads(out.read_text())["rule"]
    assert [(r["sites"], r["examples"]) for r in rules] == [
        (["blog.example.org"], ["Read the Example Org blog"]),
        (["news.example"], ["Share on Fakebook"]),  # www. dropped, as rules compare hosts
    ]
    assert "1 documents without a site" in res.stderr


def test_line_keys_fold_case_and_space() -> None:
    keys = lm.line_keys("Home\n  HOME \n\nwatch\u00a0  LIVE\n***\n")
    assert keys == {"home": "Home", "watch live": "watch LIVE"}


def test_escaping_survives_toml_and_regex(tmp_path: Path) -> None:
    nasty = r"""Price: $5 * [deal] (1+1) 'quoted' "double" back\slash ^caret? {x} | pipe"""
    item = lm.Learned("example.com", nasty, 5, 5, examples=[nasty])
    stats = lm.Stats(documents=5, sites=1)
    opts = lm.LearnOptions(min_docs=2, site_from=lm.SiteFrom.URL_FIELD)
    text = lm.to_toml([item], stats, opts, "cleaner learn test")
    rs = lm.validate(text)
    rule = next(r for r in rs.rules if r.id.startswith("learned."))
    assert rule.search(nasty) and rule.search(nasty.upper())
    assert not rule.search(nasty + " more") and not rule.search("Price: 5 x [deal]")


def test_lossy_counting_keeps_frequent_lines_in_bounded_memory() -> None:
    counter = lm._LossyCounter(width=4)  # error 1/4: keeps what is in at least 25% of documents
    every, half, rare = lm.digest("every"), lm.digest("half"), lm.digest("rare")
    peak = 0
    for i in range(4000):
        unique = [lm.digest(f"doc {i} line {j}") for j in range(20)]
        extra = [half] if i % 2 else []
        extra += [rare] if i % 10 == 0 else []
        counter.add([every, *extra, *unique])
        peak = max(peak, len(counter.counts))
    assert peak < 200  # 80,000 distinct lines seen, never more than a few documents' worth held
    cands = counter.candidates(lm.threshold(4000, lm.LearnOptions(min_share=0.5)))
    assert {every, half} <= cands and rare not in cands


def test_learn_counts_exactly_on_the_second_pass() -> None:
    rng = random.Random(5)
    docs = []
    for i in range(40):
        lines = prose(rng, 2) + (["Section: World"] if i % 5 else []) + ["Most read"] * (i < 25)
        docs.append(
            Document("\n".join(lines), Path(f"s.com/{i}.txt"), Path("."), Path(f"s.com/{i}.txt"))
        )
    learned, stats = lm.learn(lambda: iter(docs), lm.LearnOptions(min_docs=5, min_share=0.6))
    got = {x.text: (x.docs, x.site_docs) for x in learned}
    assert got == {"Section: World": (32, 40), "Most read": (25, 40)}
    assert stats.documents == 40 and stats.sites == 1


def test_bad_options_exit_2(tmp_path: Path) -> None:
    make_corpus(tmp_path / "c")
    out = str(tmp_path / "l.toml")
    for extra in (["--min-docs", "1"], ["--min-share", "0"], ["--site-from", "moon"]):
        res = runner.invoke(app, ["learn", str(tmp_path / "c"), "-o", out, *extra])
        assert res.exit_code == 2, extra
