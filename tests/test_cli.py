"""The command line, through typer's runner and as a real subprocess.

Expected outputs come from the library (``Cleaner().clean``), so these tests pin what the
CLI does with files (trees, encodings, exit codes, reports), not the scorer's verdicts;
the junk lines used here are ones the built-in rules remove.
"""

from __future__ import annotations

import json
import os
import pty
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner.cli import app
from tests.conftest import ARTICLE, CLI, HTML, JUNK, PROSE, expected, write

runner = CliRunner()


def corpus(root: Path) -> Path:
    """A small scraped tree: junk in two files, one clean, one ignored, one hidden."""
    write(root / "a.txt", ARTICLE)
    write(root / "site" / "deep" / "b.txt", ARTICLE.replace("Tuesday", "Wednesday"))
    write(root / "site" / "clean.txt", PROSE)
    write(root / "site" / "meta.json", '{"not": "cleaned"}')
    write(root / ".cache" / "c.txt", ARTICLE)
    return root


def test_clean_directory_mirrors_tree(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    res = runner.invoke(app, ["clean", str(src), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert res.exit_code == 0, res.output
    out = tmp_path / "out"
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert made == ["a.txt", "site/clean.txt", "site/deep/b.txt"]
    for rel in made:
        assert (out / rel).read_text() == expected((src / rel).read_text())
    assert all(j not in (out / "a.txt").read_text() for j in JUNK)
    assert (out / "site" / "clean.txt").read_bytes() == PROSE.encode()
    # The closing summary: files read/changed/skipped/flagged, lines per kind, time.
    assert "files: 3 read, 2 changed, 1 unchanged, 0 skipped, 0 flagged, 0 errors" in res.stderr
    assert "advertisement 2" in res.stderr and "credit 2" in res.stderr
    assert "time: " in res.stderr


def test_single_file_to_named_output(tmp_path: Path) -> None:
    src = write(tmp_path / "article.txt", ARTICLE)
    res = runner.invoke(app, ["clean", str(src), "-o", str(tmp_path / "article.clean.txt")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "article.clean.txt").read_text() == expected(ARTICLE)


def test_stdin_to_stdout() -> None:
    res = subprocess.run(
        [*CLI, "clean", "-", "--quiet"], input=ARTICLE.encode(), capture_output=True, check=True
    )
    assert res.stdout == expected(ARTICLE).encode()
    assert res.stderr == b""


def test_in_place_keeps_encoding_bom_line_endings_and_mode(tmp_path: Path) -> None:
    crlf = write(tmp_path / "crlf.txt", ("\ufeff" + ARTICLE).replace("\n", "\r\n").encode())
    utf16 = write(tmp_path / "sub" / "utf16.txt", ("\ufeff" + ARTICLE).encode("utf-16-be"))
    latin = write(tmp_path / "latin.txt", ARTICLE.replace("coast", "côte").encode("latin-1"))
    untouched = write(tmp_path / "clean.txt", PROSE)
    crlf.chmod(0o640)
    before = untouched.stat()
    res = subprocess.run(
        [*CLI, "clean", str(tmp_path), "--in-place", "--jobs", "2"], capture_output=True
    )
    assert res.returncode == 0, res.stderr
    data = crlf.read_bytes()
    assert (
        data.startswith(b"\xef\xbb\xbf")
        and b"\r\n" in data
        and b"\n" not in data.replace(b"\r\n", b"")
    )
    assert data.decode("utf-8") == expected(("\ufeff" + ARTICLE).replace("\n", "\r\n"))
    assert stat.S_IMODE(crlf.stat().st_mode) == 0o640
    raw16 = utf16.read_bytes()
    assert raw16.startswith(b"\xfe\xff")
    assert raw16.decode("utf-16-be") == expected("\ufeff" + ARTICLE)
    assert b"Advertisement" not in latin.read_bytes() and "côte".encode("latin-1") in (
        latin.read_bytes()
    )
    after = untouched.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not [p for p in tmp_path.rglob(".*.tmp")], "temporary files left behind"


def test_output_equal_to_input_is_refused(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    for target in (src, src / "a.txt"):
        arg = str(target)
        res = runner.invoke(app, ["clean", arg, "-o", arg])
        assert res.exit_code == 2 and "--in-place" in res.stderr
    assert (src / "a.txt").read_text() == ARTICLE


def test_input_errors_exit_2_after_processing_the_rest(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    binary = write(tmp_path / "bin.txt", b"\x00\x01\x02 not text")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    res = runner.invoke(app, ["clean", str(missing), str(good), str(binary), "-o", str(out)])
    assert res.exit_code == 2
    assert (out / "good.txt").read_text() == expected(ARTICLE)
    last = res.stderr.strip().splitlines()
    assert last[-1].startswith("error: ") and "missing.txt" in last[-1]
    assert any(line.startswith("skipped: ") and "bin.txt" in line for line in last)
    assert "1 skipped" in res.stderr and "1 errors" in res.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", ARTICLE)
    for args in (
        ["clean", str(src)],  # no -o / --in-place / --diff
        ["clean", str(src), "-o", str(tmp_path / "o"), "--in-place"],
        ["clean", "-", str(src)],
        ["clean", str(src), "--in-place", "--rules", str(tmp_path / "none.toml")],
    ):
        res = runner.invoke(app, args)
        assert res.exit_code == 2, args
        assert "error:" in res.stderr
    assert src.read_text() == ARTICLE


def test_check_lists_junk_files_and_changes_nothing(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    mtimes = {p: p.stat().st_mtime_ns for p in src.rglob("*") if p.is_file()}
    res = runner.invoke(app, ["check", str(src), "-j", "1"])
    assert res.exit_code == 1
    listed = [line.split(":")[0] for line in res.stdout.splitlines()]
    assert listed == [str(src / "a.txt"), str(src / "site" / "deep" / "b.txt")]
    assert "2 junk lines (advertisement 1, credit 1)" in res.stdout
    assert "files: 3 read, 2 with junk, 1 clean, 0 skipped" in res.stderr
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes
    res = runner.invoke(app, ["check", str(src / "site" / "clean.txt")])
    assert res.exit_code == 0 and res.stdout == ""


def test_diff_alone_writes_nothing(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", ARTICLE)
    res = runner.invoke(app, ["clean", str(src), "--diff", "-q"])
    assert res.exit_code == 0
    assert res.stdout.startswith(f"--- {src}\n+++ {src}\n")
    assert "-Advertisement\n" in res.stdout and "-Photo by: Reuters\n" in res.stdout
    assert src.read_text() == ARTICLE and sorted(tmp_path.iterdir()) == [src]


def test_report_and_verbose(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    report = tmp_path / "report.json"
    res = runner.invoke(
        app, ["clean", str(src), "-o", str(tmp_path / "out"), "--report", str(report), "-v"]
    )
    assert res.exit_code == 0, res.output
    data = json.loads(report.read_text())
    by_path = {f["path"]: f for f in data["files"]}
    a = by_path[str(src / "a.txt")]
    assert a["status"] == "changed" and a["counts"] == {"advertisement": 1, "credit": 1}
    assert [(r["line_no"], r["kind"], r["rule"], r["text"]) for r in a["removed"]] == [
        (r.line_no, r.kind.value, r.rule, r.text) for r in Cleaner().clean(ARTICLE).removed
    ]
    assert by_path[str(src / "site" / "clean.txt")]["status"] == "unchanged"
    assert data["summary"]["files_read"] == 3 and data["summary"]["files_changed"] == 2
    assert f"{src / 'a.txt'}:3\tadvertisement\tadvertisement.label\tAdvertisement" in res.stderr


def test_parallel_output_is_deterministic(tmp_path: Path) -> None:
    src = tmp_path / "in"
    for i in range(8):
        write(src / f"d{i % 3}" / f"{i}.txt", (ARTICLE if i % 2 else PROSE).replace("on", f"on{i}"))
    runs = []
    for jobs in ("1", "2"):
        out, rep = tmp_path / f"out{jobs}", tmp_path / f"rep{jobs}.json"
        res = subprocess.run(
            [*CLI, "clean", str(src), "-o", str(out), "--jobs", jobs, "--report", str(rep)],
            capture_output=True,
        )
        assert res.returncode == 0, res.stderr
        files = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.txt"))}
        report = json.loads(rep.read_text())
        del report["summary"]["seconds"]
        entries = [f | {"output": None} for f in report["files"]]
        runs.append((files, entries, report["summary"], report["documents"]))
    assert len(runs[0][0]) == 8 and len(runs[0][3]) == 4  # the 4 changed documents shown
    assert runs[0] == runs[1]


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in")
    res = subprocess.run([*CLI, "clean", str(src), "-o", str(tmp_path / "o")], capture_output=True)
    assert "━".encode() not in res.stderr and b"\x1b[" not in res.stderr
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [*CLI, "clean", str(src), "-o", str(tmp_path / "o2"), "-j", "1"],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        env=os.environ | {"TERM": "xterm", "COLUMNS": "100"},
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert proc.returncode == 0
    assert "━".encode() in seen and b"cleaning" in seen


def test_html_files_are_extracted_to_text(tmp_path: Path) -> None:
    page = write(tmp_path / "in" / "news" / "storm.html", HTML)
    res = runner.invoke(app, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    out = (tmp_path / "out" / "news" / "storm.txt").read_text()
    want = Cleaner().clean_html(page.read_bytes()).text
    assert out == want.removesuffix("\n") + "\n"  # one block a line, each ending in LF
    assert "Emergency crews worked through the night" in out and "<p>" not in out
    # stdin with --html; and HTML cannot be rewritten in place as text
    res = subprocess.run(
        [*CLI, "clean", "-", "--html", "-q"], input=HTML.encode(), capture_output=True
    )
    assert res.returncode == 0 and res.stdout.decode() == out  # the same as to a file
    res = runner.invoke(app, ["clean", str(page), "--in-place"])
    assert res.exit_code == 2 and "in place" in res.stderr and page.read_text() == HTML


def test_explain_table_and_json(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", ARTICLE)
    res = runner.invoke(app, ["explain", str(src)])
    assert res.exit_code == 0
    assert "advertisement.label" in res.output and "why:" in res.output
    res = runner.invoke(app, ["explain", str(src), "--format", "json"])
    data = json.loads(res.stdout)
    assert {row["action"] for row in data["lines"]} == {"keep", "drop"}
    assert runner.invoke(app, ["explain", str(src), "--format", "yaml"]).exit_code == 2


def test_rules_list(tmp_path: Path) -> None:
    extra = write(
        tmp_path / "site.toml",
        "[[rule]]\nid = 'site.morning'\nkind = 'subscribe'\npattern = '^get the morning brief'\n"
        "sites = ['example.com']\n",
    )
    res = runner.invoke(app, ["rules", "list", "--rules", str(extra)])
    assert res.exit_code == 0
    rows = {line.split()[0]: line.split() for line in res.stdout.splitlines()[1:]}
    assert rows["advertisement.label"][1] == "advertisement"
    assert rows["site.morning"][1:] == ["subscribe", "drop", "example.com", "site.toml"]


def test_rules_check_lists_every_fault_and_dry_runs_samples(tmp_path: Path) -> None:
    bad = write(
        tmp_path / "rules" / "a.toml", "[[rule]]\nid = 'x.one'\nkind = 'nope'\npattern = 'a'\n"
    )
    write(tmp_path / "rules" / "b.toml", "[[rule]]\nid = 'x.two'\nkind = 'share'\npattern = '(('\n")
    res = runner.invoke(app, ["rules", "check", str(tmp_path / "rules")])
    assert res.exit_code == 2
    assert f"{bad}: rule 'x.one': unknown kind" in res.stderr
    assert "b.toml: rule 'x.two': bad pattern" in res.stderr
    good = write(
        tmp_path / "good.toml",
        "[[rule]]\nid = 'x.storm'\nkind = 'related'\npattern = '^storm floods'\n"
        "[[rule]]\nid = 'x.never'\nkind = 'share'\npattern = '^never here$'\n",
    )
    sample = write(tmp_path / "sample.txt", ARTICLE)
    res = runner.invoke(app, ["rules", "check", str(good), "--sample", str(sample)])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[0].startswith("ok: 2 rules in 1 file;")
    assert "x.storm (related): 1 hit" in res.stdout
    assert f"  {sample}:1: Storm floods coastal towns" in res.stdout
    assert "x.never (share): 0 hits" in res.stdout


def test_help_documents_exit_codes() -> None:
    for args in ([], ["clean"], ["check"]):
        res = runner.invoke(app, [*args, "--help"])
        text = " ".join(res.stdout.split())
        assert "Exit codes: 0 done" in text and "1 check found junk" in text
        assert "2 usage or input errors (other files are still processed" in text


@pytest.mark.parametrize("script", ["cleaner", "strip-news-boilerplate", "check-news-boilerplate"])
def test_console_scripts_installed(script: str) -> None:
    exe = Path(sys.executable).with_name(script)
    res = subprocess.run([str(exe), "--help"], capture_output=True)
    assert res.returncode == 0 and b"usage" in res.stdout.lower()


def test_mode_chooses_how_sure_the_scorer_must_be(tmp_path: Path) -> None:
    """--mode reaches the Cleaner: conservative keeps a menu that only its shape names,
    balanced (the default) removes it (a page's text, with a "Skip to content" link that
    a rule names), and an unknown mode is a usage error."""
    menu = ["Local News Today", "Business And Markets", "Travel Deals Weekly", "Opinion Archive"]
    src = write(tmp_path / "a.txt", "Skip to content\n" + PROSE + "\n".join(menu) + "\n")
    outputs = {}
    for mode in ("conservative", "balanced"):
        res = runner.invoke(app, ["clean", str(src), "-o", "-", "--mode", mode])
        assert res.exit_code == 0, res.output
        outputs[mode] = res.stdout
    assert all(m in outputs["conservative"] for m in menu)
    assert not any(m in outputs["balanced"] for m in menu)
    assert runner.invoke(app, ["clean", str(src), "-o", "-", "--mode", "wild"]).exit_code == 2
