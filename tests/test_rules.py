"""Rule files: validation errors name file and rule, extensions load, timeouts hold."""

from __future__ import annotations

import pickle
import re
import textwrap
import threading
from pathlib import Path

import pytest

import cleaner
from cleaner import rules
from cleaner.result import Kind
from tests.conftest import BRIDGE

ARTICLE = (
    "\n".join([*BRIDGE[:3], "Sharing is good for you, says our newsletter team", *BRIDGE[3:]])
    + "\n"
)


def write(tmp_path: Path, body: str, name: str = "extra.toml") -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_builtin_rules_load_and_examples_hold() -> None:
    rs = rules.load()
    assert len(rs.rules) > 20
    assert {r.kind for r in rs.rules} >= set(Kind) - {Kind.DUPLICATE}


# A news paragraph of some 260 words: longer than any piece of junk a rule is meant to remove.
PARAGRAPH = " ".join(
    [
        "The council met on Tuesday evening to discuss the budget for the coming year, and",
        "members argued for hours about whether the new library should be built before the",
        "road repairs that residents have been asking for since the floods of last spring.",
        "In the end the mayor said a decision would be taken next month, after the public",
        "consultation closes and the engineers have delivered their report on the state of",
        "the bridges in the northern part of the town, two of which were closed in March.",
    ]
    * 3
)


BUILTIN = rules.load()
BUILTIN_BY_ID = {r.id: r for r in BUILTIN.rules}
BUILTIN_EXAMPLES = [
    (str(entry["id"]), example)
    for _, doc in BUILTIN.docs
    for entry in doc.get("rule", [])
    for example in entry.get("examples", [])
]


@pytest.mark.parametrize(("rule_id", "example"), BUILTIN_EXAMPLES)
def test_no_rule_removes_a_paragraph_for_junk_glued_to_it(rule_id: str, example: str) -> None:
    # Extractors glue blocks together (a credit before a paragraph, a caption after it):
    # the line is then mostly article, and removing it would lose the article's text.
    rule = BUILTIN_BY_ID[rule_id]
    assert rule.search(example)
    head, _, tail = PARAGRAPH.partition(" In the end ")
    for line in (f"{PARAGRAPH} {example}", f"{example} {PARAGRAPH}", f"{head} {example} {tail}"):
        assert not rule.search(line), line


SENTENCE = re.compile(r"^\S+(?:\s+\S+){3,}[.!?…]['\"’”)»]*$")


@pytest.mark.parametrize("rule_id", sorted(BUILTIN_BY_ID))
def test_every_rule_has_a_prose_counter_example(rule_id: str) -> None:
    # A rule is shaped to the whole line, and proves it on a sentence of running text
    # that holds its words ("Comments by the minister angered the opposition."): a rule
    # that fires inside prose takes the article's own sentences.
    counter = next(
        entry.get("counter_examples", [])
        for _, doc in BUILTIN.docs
        for entry in doc.get("rule", [])
        if entry["id"] == rule_id
    )
    assert any(SENTENCE.match(c) for c in counter), counter


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[[rule]]\nid = 'x'\nkind = 'ad'\npattern = 'a'\n", "unknown kind"),
        ("[[rule]]\nid = 'x'\nkind = 'share'\npattern = '(a'\n", "bad pattern"),
        ("[[rule]]\nid = 'x'\nkind = 'share'\npattern = 'a'\ncolour = 1\n", "unknown keys"),
        ("[[rule]]\nid = 'x'\nkind = 'share'\npattern = 'a'\naction = 'zap'\n", "unknown action"),
        ("[[rule]]\nkind = 'share'\npattern = 'a'\n", "no 'id'"),
        ("[[rule]]\nid = 'x'\nkind = 'share'\npattern = '^a$'\nexamples = ['b']\n", "example"),
        ("[[rule]]\nid = 'x'\nkind = 'share'\npattern = '\\\\L<nope>'\n", "undefined list"),
        ("[[rule]]\nid = 'share.buttons'\nkind = 'share'\npattern = 'a'\n", "duplicate id"),
        ("[[rule]]\nid = 'x'\nkind = 'share'\npattern = '(?i)a'\n", "inline flags"),
        ("[[rule]\nid = 'x'", "not valid TOML"),
        ("disable = ['no.such.rule']\n", "cannot disable"),
    ],
)
def test_bad_rule_files_name_file_and_rule(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path, body)
    with pytest.raises(rules.RuleError) as err:
        cleaner.Cleaner([path])
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_user_rule_file_extends_and_disables(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        disable = ["advertisement.label"]
        [lists]
        agencies = ["Example Wire"]
        [[rule]]
        id = "site.newsletter-team"
        kind = "subscribe"
        pattern = '^sharing is good for you, says our newsletter team$'
        examples = ["Sharing is good for you, says our newsletter team"]
        """,
    )
    c = cleaner.Cleaner([path])
    r = c.clean(ARTICLE + "Advertisement\nExample Wire\n")
    got = {(x.rule, x.text) for x in r.removed}
    assert ("site.newsletter-team", "Sharing is good for you, says our newsletter team") in got
    assert ("credit.agency", "Example Wire") in got
    assert "Advertisement" in r.text


def test_site_rules_apply_only_on_their_site(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        [[rule]]
        id = "site.team"
        kind = "subscribe"
        pattern = '^sharing is good for you'
        sites = ["example.com"]
        """,
    )
    c = cleaner.Cleaner([path])
    assert c.clean(ARTICLE).removed == []
    hit = c.clean(ARTICLE, url="https://www.news.example.com/a/b")
    assert [x.rule for x in hit.removed] == ["site.team"]


def test_catastrophic_pattern_times_out_and_is_reported(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
        [[rule]]
        id = "user.slow"
        kind = "share"
        pattern = '^(\\w|\\w\\w)+$'
        timeout = 0.01
        """,
    )
    c = cleaner.Cleaner([path])
    text = ARTICLE + "a" * 60 + "!\n"
    done: list[cleaner.CleanResult] = []
    t = threading.Thread(target=lambda: done.append(c.clean(text)))
    t.start()
    t.join(timeout=60)
    assert done, "a catastrophic user pattern hung the run"
    assert any("user.slow" in w and "timed out" in w for w in done[0].warnings)


def test_cleaner_pickles(tmp_path: Path) -> None:
    c = pickle.loads(pickle.dumps(cleaner.Cleaner()))
    assert [r.kind.value for r in c.clean(ARTICLE + "Views: 0\n").removed] == ["counter"]


def test_rule_error_crosses_process_boundaries() -> None:
    err = rules.RuleError("x.toml", "r.id", "bad pattern")
    back = pickle.loads(pickle.dumps(err))
    assert str(back) == str(err) and back.rule_id == "r.id"


def test_conservative_keeps_the_publications_notes_on_the_article(tmp_path: Path) -> None:
    """Rules marked ``editorial`` (a link to another of its stories, a reporting credit, a
    user's own note rule) remove their lines in the balanced mode; the conservative mode
    keeps them and still removes junk."""
    own = write(
        tmp_path,
        """
        [[rule]]
        id = "site.correction"
        kind = "source"
        pattern = '^an earlier version of this story misstated \\w+\\.$'
        editorial = true
        examples = ["An earlier version of this story misstated dates."]
        """,
    )
    notes = [
        "Read more: How the harbour pilots train for winter storms",
        "(Reporting by Will Dunham; Editing by Tom Brown)",
        "An earlier version of this story misstated dates.",
    ]
    text = "\n\n".join([ARTICLE, *notes, "Advertisement"])
    balanced = cleaner.Cleaner([own]).clean(text)
    conservative = cleaner.Cleaner([own], mode="conservative").clean(text)
    assert [r.text for r in balanced.removed][-4:] == [*notes, "Advertisement"]
    assert [r.text for r in conservative.removed][-1:] == ["Advertisement"]
    assert all(note in conservative.text for note in notes)
