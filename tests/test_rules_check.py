"""``cleaner rules check``: every fault of every file, length warnings, and a dry run that
says what ``clean`` does (issues 22 item 6 and 23 items 1-3)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner, RuleError, lengthcheck, rules
from cleaner.cli import app

runner = CliRunner()
PROSE = "The council met on Tuesday to discuss the budget for the coming year."


def write(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_every_fault_of_a_file_is_listed(tmp_path: Path) -> None:
    """It stopped at a file's first fault; the docs promise every fault."""
    path = write(
        tmp_path / "bad.toml",
        """
        [[rule]]
        id = "x.one"
        kind = "nope"
        pattern = "(("
        [[rule]]
        id = "x.two"
        kind = "share"
        pattern = "^a$"
        examples = ["b"]
        score = 3
        [[rule]]
        id = "x.three"
        kind = "share"
        pattern = "^fine$"
        unbounded = "yes"
        editorial = 1
        """,
    )
    res = runner.invoke(app, ["rules", "check", str(path)])
    assert res.exit_code == 2
    for fault in (
        "rule 'x.one': unknown kind 'nope'",
        "rule 'x.one': bad pattern",
        "rule 'x.two': 'score' must be between 0 and 1",
        "rule 'x.two': example does not match: 'b'",
        "rule 'x.three': 'unbounded' has the wrong type (str)",
        "rule 'x.three': 'editorial' has the wrong type (int)",
    ):
        assert f"error: {path}: {fault}" in res.stderr, fault
    assert "Traceback" not in res.output
    with pytest.raises(RuleError, match=r"and 5 more; `cleaner rules check` lists them all"):
        Cleaner([path])


def test_deeply_nested_groups_are_a_rule_error_naming_file_and_rule(tmp_path: Path) -> None:
    """regex.compile raised RecursionError, and rules check printed a traceback."""
    deep = "^" + "(?:" * 300 + "a" + ")" * 300 + "$"
    path = write(
        tmp_path / "deep.toml", f"[[rule]]\nid = 'x.deep'\nkind = 'share'\npattern = '{deep}'\n"
    )
    with pytest.raises(RuleError) as err:
        Cleaner([path])
    assert err.value.source == str(path) and err.value.rule_id == "x.deep"
    assert "nest too deeply" in str(err.value)
    res = subprocess.run(
        [sys.executable, "-m", "cleaner", "rules", "check", str(path)],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 2
    assert f"error: {path}: rule 'x.deep': bad pattern" in res.stderr
    assert "Traceback" not in res.stderr


def test_dry_run_and_clean_agree_on_what_a_rule_removes(tmp_path: Path) -> None:
    """`rules check --sample` reported a hit on `bar` that `clean` then kept (the prefilter
    skipped the rule). The dry run now finds hits the way clean does, on clean's lines."""
    path = write(
        tmp_path / "r.toml",
        r"""
        [[rule]]
        id = "x.hoisted"
        kind = "share"
        pattern = '^(?:\S+\s){3}foo$|^bar$'
        [[rule]]
        id = "x.sponsor"
        kind = "advertisement"
        pattern = '^(?=(?:\S+\s){0,1}\S+$)foo|^proudly backed by acme corp today$'
        [[rule]]
        id = "x.turkish"
        kind = "navigation"
        pattern = '^yazı$'
        [[rule]]
        id = "x.advert"
        kind = "advertisement"
        pattern = '^advertisement$'
        """,
    )
    # A form feed stays inside its line for clean (segment); splitlines() split it.
    sample = write(
        tmp_path / "s.txt",
        f"{PROSE}\nbar\n{PROSE}\x0cmore\nProudly backed by Acme Corp today\nYAZI\n"
        f"Advertisement\n{PROSE}\n",
    )
    res = runner.invoke(app, ["rules", "check", str(path), "--sample", str(sample)])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert f"x.hoisted (share): 1 hit\n  {sample}:2: bar\n" in out
    assert f"x.sponsor (advertisement): 1 hit\n  {sample}:4: Proudly backed" in out
    assert f"x.turkish (navigation): 1 hit\n  {sample}:5: YAZI\n" in out
    assert "x.advert (advertisement): 0 hits" in out
    assert f"{sample}:6: Advertisement  (taken by advertisement.label)" in out
    report = tmp_path / "report.json"
    cleaned = tmp_path / "out.txt"
    args = ["clean", str(sample), "-o", str(cleaned), "--rules", str(path), "--report", str(report)]
    assert runner.invoke(app, args).exit_code == 0
    removed = {
        (r["line_no"], r["rule"])
        for f in json.loads(report.read_text())["files"]
        for r in f["removed"]
    }
    assert {
        (2, "x.hoisted"),
        (4, "x.sponsor"),
        (5, "x.turkish"),
        (6, "advertisement.label"),
    } <= removed


def test_rules_that_can_match_a_paragraph_are_warned_about(tmp_path: Path) -> None:
    """A `.*reuters.*` rule removed a whole paragraph that mentioned Reuters."""
    path = write(
        tmp_path / "r.toml",
        r"""
        [[rule]]
        id = "x.reuters"
        kind = "credit"
        pattern = '.*reuters.*'
        examples = ["Photo: Reuters"]
        [[rule]]
        id = "x.bounded"
        kind = "credit"
        pattern = '^(?=(?:\S+\s){0,59}\S+$).*reuters.*'
        [[rule]]
        id = "x.said-so"
        kind = "credit"
        pattern = '.*\breuters\b.*'
        unbounded = true
        [[rule]]
        id = "x.fuzzy"
        kind = "credit"
        pattern = '(?:reuters){e<=1}'
        [[rule]]
        id = "x.fuzzy-tried"
        kind = "credit"
        pattern = '^(?:photo: reuters){e<=1}$'
        examples = ["Photo: Reuters"]
        """,
    )
    res = runner.invoke(app, ["rules", "check", str(path)])
    assert res.exit_code == 0, res.output
    warned = {line.split("'")[1] for line in res.stderr.splitlines() if line.startswith("warning:")}
    assert warned == {"x.reuters", "x.fuzzy"}
    assert "e.g. it matches 6" in res.stderr  # a 60+-word line built from its example
    assert "cannot be analysed and it has no examples" in res.stderr  # x.fuzzy
    assert res.stdout.startswith("ok: 5 rules in 1 file;") and "; 2 warnings" in res.stdout
    assert Cleaner([path]).ruleset.rules[-3].unbounded


def test_no_shipped_rule_can_take_a_long_paragraph() -> None:
    """Every built-in rule is bounded to the length of what it removes, or says why a
    longer line of its shape is still junk (``unbounded = true``): none can remove a
    paragraph of prose that merely starts or ends like its junk."""
    rs = rules.load()
    examples = {
        str(e["id"]): e.get("examples", []) for _, doc in rs.docs for e in doc.get("rule", [])
    }
    flagged = {r.id for r in rs.rules if lengthcheck.problem(r, rs.lists, examples[r.id])}
    assert flagged == set()


def test_checking_the_built_in_packs_loads_them_once() -> None:
    """`rules check rules/` reported every built-in rule as a duplicate of itself."""
    res = runner.invoke(app, ["rules", "check", str(rules.builtin_rules_dir())])
    assert res.exit_code == 0, res.stderr
    n = len(rules.load().rules)
    assert res.stdout.startswith(f"ok: {n} rules in ")
    assert f"; {n} rules loaded in all" in res.stdout
    assert "error:" not in res.stderr
