"""The fuzz targets (fuzz/) in the test suite: the seed corpus replayed, and a short atheris
run of each target with a fixed seed (``make fuzz`` runs them for minutes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import CleanResult
from fuzz import invariants

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
SEEDS = [(t, p) for t in invariants.TARGETS for p in sorted((CORPUS / t).iterdir())]
# Runs per target, about two seconds each (the HTML extractor is the slowest).
RUNS = {"clean": 30, "clean_html": 10, "rules": 100}


@pytest.mark.parametrize(("target", "seed"), SEEDS, ids=[f"{t}/{p.name}" for t, p in SEEDS])
def test_seed_corpus_holds_every_invariant(target: str, seed: Path) -> None:
    invariants.TARGETS[target](seed.read_bytes())


@pytest.mark.parametrize("target", list(invariants.TARGETS))
def test_short_fuzz_run_from_the_seeds(target: str, tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS / target, corpus)
    env = {**os.environ, "CLEANER_FUZZ_FINDINGS": str(tmp_path / "findings")}
    args = [f"-runs={RUNS[target]}", "-seed=1", f"-artifact_prefix={tmp_path}/", str(corpus)]
    res = subprocess.run(
        [sys.executable, "-m", "fuzz.run", target, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    assert f"Done {RUNS[target]} runs" in res.stderr


def test_the_minus_lines_check_can_fail() -> None:
    """The central invariant's check is not vacuous."""
    text = "a\nb\r\nc"
    assert invariants.is_input_minus_lines(text, "a\nc")
    assert invariants.is_input_minus_lines(text, "b\r\n")
    assert not invariants.is_input_minus_lines(text, "b\n")  # an ending changed
    assert not invariants.is_input_minus_lines(text, "c\na")  # out of order
    assert not invariants.is_input_minus_lines(text, "a\nB")  # a line rewritten
    with pytest.raises(invariants.Broken, match="minus-lines"):
        invariants.check_result(text, CleanResult("a\nx", []))
