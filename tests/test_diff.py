"""``--diff``, ``-o`` and ``--in-place`` agree, and the diff is one that ``patch -p0`` and
``git apply -p0`` apply: files without a final newline, CRLF, other encodings, several
files in one diff, and standard input."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ARTICLE, CLI, PROSE, expected, write

JUNK_LAST = ARTICLE.rstrip("\n") + "\nViews: 0"  # no final newline; the last line goes
PROSE_LAST = "Advertisement\n" + ARTICLE.rstrip("\n")  # no final newline; the last line stays
FILES: dict[str, bytes] = {
    "scraped/a.txt": JUNK_LAST.encode(),
    "scraped/b.txt": PROSE_LAST.encode(),
    "scraped/crlf.txt": JUNK_LAST.replace("\n", "\r\n").encode(),
    "scraped/latin.txt": ARTICLE.replace("coast", "côte").encode("latin-1"),
    "scraped/sub/clean.txt": PROSE.encode(),
    "scraped/z.txt": ARTICLE.encode(),
}


def tree(root: Path) -> Path:
    for rel, data in FILES.items():
        write(root / rel, data)
    return root


def contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.txt")}


def cli(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    res = subprocess.run([*CLI, *args], cwd=cwd, input=stdin, capture_output=True)
    assert res.returncode == 0, res.stderr
    return res


@pytest.fixture
def cleaned(tmp_path: Path) -> dict[str, bytes]:
    """What --in-place makes of the tree; -o must write the same bytes."""
    work = tree(tmp_path / "in-place")
    cli(work, "clean", "scraped", "--in-place", "-q")
    got = contents(work)
    cli(tree(tmp_path / "out"), "clean", "scraped", "-o", "cleaned", "-q")
    assert contents(tmp_path / "out" / "cleaned") == {
        k.removeprefix("scraped/"): v for k, v in got.items()
    }
    assert got != contents(tree(tmp_path / "orig"))  # there was something to clean
    return got


def test_the_kept_last_line_keeps_its_newline(cleaned: dict[str, bytes]) -> None:
    assert cleaned["scraped/a.txt"].endswith(b"bridges.\n")
    assert cleaned["scraped/crlf.txt"].endswith(b"bridges.\r\n")
    assert cleaned["scraped/b.txt"].endswith(b"bridges.")  # the input's last line: none


@pytest.mark.parametrize("tool", ["patch", "git"])
@pytest.mark.skipif(not (shutil.which("patch") and shutil.which("git")), reason="needs both")
def test_the_diff_applies(tmp_path: Path, cleaned: dict[str, bytes], tool: str) -> None:
    work = tree(tmp_path / tool)
    diff = cli(work, "clean", "scraped", "--diff", "-q").stdout
    assert contents(work) == FILES  # --diff alone writes nothing
    assert diff.count(b"\\ No newline at end of file\n") == 3  # a, crlf (old side), b (both)
    if tool == "patch":
        cmd = ["patch", "-p0", "--quiet", "--batch"]
    else:
        cmd = ["git", "apply", "-p0", "--whitespace=nowarn", "-"]
    subprocess.run(cmd, cwd=work, input=diff, check=True, capture_output=True)
    assert contents(work) == cleaned


def test_stdin_diff_prints_only_the_diff(tmp_path: Path) -> None:
    res = cli(tmp_path, "clean", "-", "--diff", "-q", stdin=JUNK_LAST.encode())
    assert res.stdout.startswith(b"--- -\n+++ -\n@@ ")
    assert b"-Views: 0\n\\ No newline at end of file\n" in res.stdout
    assert all(line[:1] in b"-+ @\\" for line in res.stdout.splitlines())  # nothing else
    out = tmp_path / "o.txt"
    res = cli(tmp_path, "clean", "-", "--diff", "-q", "-o", str(out), stdin=JUNK_LAST.encode())
    assert res.stdout.startswith(b"--- -\n") and out.read_bytes() == expected(JUNK_LAST).encode()


def test_stdin_and_file_outputs_agree(tmp_path: Path, cleaned: dict[str, bytes]) -> None:
    for rel, data in FILES.items():
        assert cli(tmp_path, "clean", "-", "-q", stdin=data).stdout == cleaned[rel]
