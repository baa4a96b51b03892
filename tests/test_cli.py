"""The command line, through typer's runner and as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from cleaner.cli import app
from tests.golden import FIXTURES, expected_paths

runner = CliRunner()
SEED = sorted(p for p in (FIXTURES / "seeds").glob("*.txt") if ".expected" not in p.name)[0]


def test_clean_directory_mirrors_tree(tmp_path: Path) -> None:
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / "a.txt").write_bytes(SEED.read_bytes())
    res = runner.invoke(app, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "out" / "sub" / "a.txt").read_bytes() == expected_paths(SEED)[0].read_bytes()
    assert "related" in res.output


def test_stdin_to_stdout() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=True,
    )
    assert res.stdout == expected_paths(SEED)[0].read_bytes()


def test_explain_table_and_json() -> None:
    res = runner.invoke(app, ["explain", str(SEED)])
    assert res.exit_code == 0
    assert "drop" in res.output and "keep" in res.output and "why:" in res.output
    res = runner.invoke(app, ["explain", str(SEED), "--format", "json"])
    data = json.loads(res.output)
    assert {row["action"] for row in data["lines"]} == {"keep", "drop"}


def test_missing_file_is_exit_2(tmp_path: Path) -> None:
    res = runner.invoke(app, ["clean", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o")])
    assert res.exit_code == 2


def test_rules_list_and_check(tmp_path: Path) -> None:
    res = runner.invoke(app, ["rules", "list"])
    assert "caption.position-marker" in res.output
    bad = tmp_path / "bad.toml"
    bad.write_text("[[rule]]\nid = 'x'\nkind = 'nope'\npattern = 'a'\n")
    res = runner.invoke(app, ["rules", "check", str(bad)])
    assert res.exit_code == 2 and "unknown kind" in res.output
