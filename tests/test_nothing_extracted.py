"""A page with text from which nothing could be extracted (markup nested deeper than the
HTML parser goes) is a failure, flagged and warned about, never an empty success; in the
CLI an error. A page with no text at all is not."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import cleaner
from tests.conftest import CLI, write

PROSE = (
    "<p>The council approved the new budget for the harbour on Monday after a long debate "
    "about its cost and timing.</p>"
) * 3
DEEP = "<html><body>" + "<div>" * 300 + PROSE + "</div>" * 300 + "</body></html>"
SHALLOW = "<html><body>" + "<div>" * 100 + PROSE + "</div>" * 100 + "</body></html>"


@pytest.mark.parametrize("page", [DEEP, DEEP.encode()])
def test_the_library_flags_and_warns(page: str | bytes) -> None:
    result = cleaner.clean_html(page)
    assert result.text == "" and result.flagged and not result.removed
    assert result.flag_reason and "no article text could be extracted" in result.flag_reason
    assert result.warnings == [result.flag_reason]
    assert "harbour" in cleaner.clean_html(SHALLOW).text  # the same page, less deep


@pytest.mark.parametrize(
    "blank", ["", "<html><body></body></html>", "<html><script>var x = 1;</script> <!-- -->"]
)
def test_a_page_without_text_is_no_failure(blank: str) -> None:
    result = cleaner.clean_html(blank)
    assert result.text == "" and not result.flagged and not result.warnings


def cli(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*CLI, *args], cwd=cwd, input=stdin, capture_output=True, timeout=120, check=False
    )


def test_the_cli_reports_an_error_and_writes_nothing(tmp_path: Path) -> None:
    write(tmp_path / "deep.html", DEEP)
    write(tmp_path / "ok.html", SHALLOW)
    res = cli(tmp_path, "clean", ".", "-o", "out")
    assert res.returncode == 2
    assert b"error: deep.html: no article text could be extracted" in res.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok.txt"]  # no empty file
    res = cli(tmp_path, "clean", "-", "--html", stdin=DEEP.encode())
    assert res.returncode == 2 and res.stdout == b""
    write(tmp_path / "c.jsonl", json.dumps({"text": DEEP}) + "\n")
    res = cli(tmp_path, "clean", "c.jsonl", "--html", "-o", "o.jsonl")
    assert res.returncode == 2 and b"record 1: no article text" in res.stderr
    assert (tmp_path / "o.jsonl").read_bytes() == (tmp_path / "c.jsonl").read_bytes()
    res = cli(tmp_path, "explain", "deep.html")
    assert res.returncode == 2 and b"no article text could be extracted" in res.stderr
