"""The speed section's row for the other build of cleaner (pure Python, or compiled by
``make accel``), timed in a worker process of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from bench.context import Context
from bench.sections import speed
from bench.subject import Spec, load
from cleaner import accel

FOUND = accel.compiled_modules()


def _ctx(spec: Spec) -> Context:
    return Context(roots=[], loaded=load(spec), spec=spec)


DOCS = [("Advertisement\nThe council met on Tuesday to vote on the budget.\n", None)]


@pytest.mark.skipif(not FOUND or accel.stale(FOUND) is not None, reason="no current build")
def test_the_other_build_is_timed_in_its_own_process(tmp_path: Path) -> None:
    other = speed._OtherBuild.start(_ctx(Spec()), DOCS, tmp_path)
    assert other is not None
    try:
        assert other.accelerated != cleaner.ACCELERATED
        assert all(other() >= 0.0 for _ in range(2))
    finally:
        other.close()
    assert other.proc.returncode == 0


def test_no_other_build_for_another_subject(tmp_path: Path) -> None:
    assert speed._OtherBuild.start(_ctx(Spec("identity")), DOCS, tmp_path) is None
