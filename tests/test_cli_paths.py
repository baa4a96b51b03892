"""Where the command line reads and writes: ``-o DIR/``, ``-o -``, ``check -``, and inputs
that are not what they seem (a directory for ``explain``, a broken link, compressed HTML).
All through the real CLI in a subprocess, on real files."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ARTICLE, CLI, HTML, expected, write


def cli(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], cwd=cwd, input=stdin, capture_output=True, timeout=120)


def files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("target", ["t1/", "existing"])
def test_o_dir_with_one_file_writes_into_the_directory(tmp_path: Path, target: str) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    (tmp_path / "existing").mkdir()
    res = cli(tmp_path, "clean", "a.txt", "-o", target, "-q")
    assert res.returncode == 0, res.stderr
    out = tmp_path / target.rstrip("/")
    assert out.is_dir() and (out / "a.txt").read_text() == expected(ARTICLE)


def test_o_dir_keeps_a_jsonl_files_name_and_compression(tmp_path: Path) -> None:
    """The README's own example: ``cleaner clean corpus.jsonl.gz -o cleaned/ --annotate``."""
    with gzip.open(tmp_path / "corpus.jsonl.gz", "wt") as f:
        f.write(json.dumps({"text": ARTICLE}) + "\n")
    res = cli(tmp_path, "clean", "corpus.jsonl.gz", "-o", "cleaned/", "--annotate", "-q")
    assert res.returncode == 0, res.stderr
    assert files(tmp_path / "cleaned") == ["corpus.jsonl.gz"]
    with gzip.open(tmp_path / "cleaned" / "corpus.jsonl.gz", "rt") as f:
        record = json.loads(f.read())
    assert record["text"] == expected(ARTICLE) and record["cleaner"]["removed"]


def test_o_file_with_one_file_is_that_file(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    assert cli(tmp_path, "clean", "a.txt", "-o", "b.txt", "-q").returncode == 0
    assert files(tmp_path) == ["a.txt", "b.txt"]


def test_o_dash_writes_to_stdout(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    res = cli(tmp_path, "clean", "a.txt", "-o", "-", "-q")
    assert res.returncode == 0, res.stderr
    assert res.stdout == expected(ARTICLE).encode() and files(tmp_path) == ["a.txt"]
    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as f:
        f.write(json.dumps({"text": ARTICLE}) + "\n")
    res = cli(tmp_path, "clean", "c.jsonl.gz", "-o", "-", "-q")
    assert json.loads(res.stdout)["text"] == expected(ARTICLE)
    write(tmp_path / "d" / "b.txt", ARTICLE)
    for args in (["d"], ["a.txt", "d/b.txt"], ["a.txt", "--diff"]):
        res = cli(tmp_path, "clean", *args, "-o", "-")
        assert res.returncode == 2 and b"standard output" in res.stderr and not res.stdout
    assert "-" not in files(tmp_path)


def test_check_reads_stdin(tmp_path: Path) -> None:
    res = cli(tmp_path, "check", "-", stdin=ARTICLE.encode())
    assert res.returncode == 1, res.stderr
    assert res.stdout == b"-: 2 junk lines (advertisement 1, credit 1)\n"
    assert cli(tmp_path, "check", "-", "-q", stdin=expected(ARTICLE).encode()).returncode == 0
    res = cli(tmp_path, "check", "-", "--jsonl", stdin=json.dumps({"text": ARTICLE}).encode())
    assert res.returncode == 1 and res.stdout.startswith(b"-: 1 of 1 records with junk")
    assert "-" in cli(tmp_path, "check", "--help").stdout.decode()  # as the help says


def test_explain_a_directory_or_a_broken_link_says_what_it_is(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    res = cli(tmp_path, "explain", "d")
    assert res.returncode == 2
    assert res.stderr == b"error: d: a directory, not a regular file\n"
    res = cli(tmp_path, "explain", "gone.txt")
    assert res.stderr == b"error: gone.txt: broken symbolic link (to nowhere.txt)\n"


def test_a_broken_link_is_named_as_one(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", ARTICLE)
    (tmp_path / "in" / "gone.txt").symlink_to("../nowhere.txt")
    for args in (["in", "-o", "out"], ["in/gone.txt", "-o", "one.txt"]):
        res = cli(tmp_path, "clean", *args)
        assert res.returncode == 2
        error = b"error: in/gone.txt: broken symbolic link (to ../nowhere.txt)\n"
        assert res.stderr.endswith(error), res.stderr
    assert files(tmp_path / "out") == ["a.txt"]


def test_compressed_html_is_read_as_html(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "page.html.gz", "wt") as f:
        f.write(HTML)
    res = cli(tmp_path, "clean", ".", "-o", "out", "-q")
    assert res.returncode == 0, res.stderr
    assert files(tmp_path / "out") == ["page.txt.gz"]
    with gzip.open(tmp_path / "out" / "page.txt.gz", "rt") as f:
        text = f.read()
    assert "Emergency crews worked through the night" in text and "<p>" not in text
    res = cli(tmp_path, "explain", "page.html.gz")
    assert res.returncode == 0 and b"Emergency crews" in res.stdout


def test_help_names_values_not_python_types() -> None:
    commands = [[], ["clean"], ["check"], ["explain"], ["learn"], ["rules"]]
    commands += [["rules", "list"], ["rules", "check"]]
    for args in commands:
        res = cli(Path.cwd(), *args, "--help")
        shown = res.stdout.decode()
        assert res.returncode == 0 and "Usage: cleaner" in shown, args
        # Not <list[Path]>, <int range>, <str> or {paths}...: the names a user would type.
        assert not re.search(r"<\w|\{\w|list\[", shown), (args, shown)


def test_version() -> None:
    import cleaner

    res = cli(Path.cwd(), "--version")
    expected = f"cleaner {cleaner.__version__} ({cleaner.accel.STATUS})\n"
    assert res.returncode == 0 and res.stdout.decode() == expected
    assert ("compiled" in expected) == cleaner.ACCELERATED
